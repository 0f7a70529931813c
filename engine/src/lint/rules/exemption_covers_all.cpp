// `exemption-covers-all`: an exemption that lifts every obligation for every model.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  (void)cx;  // NOT YET IMPLEMENTED: to be written before this lands
}

}  // namespace

const Rule exemption_covers_all{{"exemption-covers-all", Severity::Warning, "exemptions",
                         "an exemption that lifts every obligation for every model", false},
                        &run};

}  // namespace scalepol::linter::rules
