// `tier-overlap`: a value that falls in two tiers of one ladder.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  (void)cx;  // NOT YET IMPLEMENTED: to be written before this lands
}

}  // namespace

const Rule tier_overlap{{"tier-overlap", Severity::Warning, "tiers",
                         "a value that falls in two tiers of one ladder", false},
                        &run};

}  // namespace scalepol::linter::rules
