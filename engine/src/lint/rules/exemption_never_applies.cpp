// `exemption-never-applies`: an exemption whose condition can never hold.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  (void)cx;  // NOT YET IMPLEMENTED: to be written before this lands
}

}  // namespace

const Rule exemption_never_applies{{"exemption-never-applies", Severity::Warning, "exemptions",
                         "an exemption whose condition can never hold", false},
                        &run};

}  // namespace scalepol::linter::rules
