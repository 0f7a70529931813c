// `tier-gap`: a value that falls in no tier of a ladder.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  (void)cx;  // NOT YET IMPLEMENTED: to be written before this lands
}

}  // namespace

const Rule tier_gap{{"tier-gap", Severity::Warning, "tiers",
                         "a value that falls in no tier of a ladder", false},
                        &run};

}  // namespace scalepol::linter::rules
