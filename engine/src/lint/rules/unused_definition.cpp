// `unused-definition`: a definition nothing uses.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  (void)cx;  // NOT YET IMPLEMENTED: to be written before this lands
}

}  // namespace

const Rule unused_definition{{"unused-definition", Severity::Warning, "hygiene",
                         "a definition nothing uses", false},
                        &run};

}  // namespace scalepol::linter::rules
