// `unitless-threshold`: a number without a unit compared with a quantity that has one.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  (void)cx;  // NOT YET IMPLEMENTED: to be written before this lands
}

}  // namespace

const Rule unitless_threshold{{"unitless-threshold", Severity::Warning, "units",
                         "a number without a unit compared with a quantity that has one", false},
                        &run};

}  // namespace scalepol::linter::rules
