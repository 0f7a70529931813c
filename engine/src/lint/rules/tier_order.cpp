// `tier-order`: tiers not in the order of their thresholds.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  (void)cx;  // NOT YET IMPLEMENTED: to be written before this lands
}

}  // namespace

const Rule tier_order{{"tier-order", Severity::Warning, "tiers",
                         "tiers not in the order of their thresholds", false},
                        &run};

}  // namespace scalepol::linter::rules
