// `ec-no-baseline`: effective compute without the baseline techniques it is measured against.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  (void)cx;  // NOT YET IMPLEMENTED: to be written before this lands
}

}  // namespace

const Rule ec_no_baseline{{"ec-no-baseline", Severity::Warning, "effective compute",
                         "effective compute without the baseline techniques it is measured against", false},
                        &run};

}  // namespace scalepol::linter::rules
