// `ec-no-baseline-date`: effective compute without the vintage (date) of its baseline.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  (void)cx;  // NOT YET IMPLEMENTED: to be written before this lands
}

}  // namespace

const Rule ec_no_baseline_date{{"ec-no-baseline-date", Severity::Warning, "effective compute",
                         "effective compute without the vintage (date) of its baseline", false},
                        &run};

}  // namespace scalepol::linter::rules
