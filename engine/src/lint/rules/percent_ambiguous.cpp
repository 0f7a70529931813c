// `percent-ambiguous`: a percent change on a percentage-valued benchmark: relative, or percentage points?.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  (void)cx;  // NOT YET IMPLEMENTED: to be written before this lands
}

}  // namespace

const Rule percent_ambiguous{{"percent-ambiguous", Severity::Warning, "triggers",
                         "a percent change on a percentage-valued benchmark: relative, or percentage points?", false},
                        &run};

}  // namespace scalepol::linter::rules
