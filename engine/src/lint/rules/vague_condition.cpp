// `vague-condition`: a free-text condition with no operational test.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  (void)cx;  // NOT YET IMPLEMENTED: to be written before this lands
}

}  // namespace

const Rule vague_condition{{"vague-condition", Severity::Warning, "triggers",
                         "a free-text condition with no operational test", false},
                        &run};

}  // namespace scalepol::linter::rules
