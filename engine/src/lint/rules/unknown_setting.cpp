// `unknown-setting`: a benchmark setting scalepol does not know.
// Reported by the checker while it compiles the policy (check/): this entry puts the code in the
// catalogue, SARIF's rule list and the docs; its tests are in tests/unit/lint/unknown_setting_test.cpp.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

const Rule unknown_setting{Code::UnknownSetting, nullptr};

}  // namespace scalepol::linter::rules
