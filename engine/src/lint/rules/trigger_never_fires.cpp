// `trigger-never-fires`: a trigger whose condition can never hold.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  (void)cx;  // NOT YET IMPLEMENTED: to be written before this lands
}

}  // namespace

const Rule trigger_never_fires{{"trigger-never-fires", Severity::Warning, "triggers",
                         "a trigger whose condition can never hold", false},
                        &run};

}  // namespace scalepol::linter::rules
