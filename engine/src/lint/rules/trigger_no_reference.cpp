// `trigger-no-reference`: a relative change (2x, +5 pp) with no stated reference point.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  (void)cx;  // NOT YET IMPLEMENTED: to be written before this lands
}

}  // namespace

const Rule trigger_no_reference{{"trigger-no-reference", Severity::Warning, "triggers",
                         "a relative change (2x, +5 pp) with no stated reference point", false},
                        &run};

}  // namespace scalepol::linter::rules
