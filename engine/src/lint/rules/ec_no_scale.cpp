// `ec-no-scale`: effective compute without the reference model scale (efficiency ratios are not scale-invariant).
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  (void)cx;  // NOT YET IMPLEMENTED: to be written before this lands
}

}  // namespace

const Rule ec_no_scale{{"ec-no-scale", Severity::Warning, "effective compute",
                         "effective compute without the reference model scale (efficiency ratios are not scale-invariant)", false},
                        &run};

}  // namespace scalepol::linter::rules
