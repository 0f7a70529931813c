// `ec-no-metric`: effective compute without a metric or benchmark, or with one given only as an example.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  (void)cx;  // NOT YET IMPLEMENTED: to be written before this lands
}

}  // namespace

const Rule ec_no_metric{{"ec-no-metric", Severity::Warning, "effective compute",
                         "effective compute without a metric or benchmark, or with one given only as an example", false},
                        &run};

}  // namespace scalepol::linter::rules
