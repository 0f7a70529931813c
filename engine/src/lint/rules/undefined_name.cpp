// `undefined-name`: an unknown name, with the closest known one.
// Reported by the checker while it compiles the policy (check/): this entry puts the code in the
// catalogue, SARIF's rule list and the docs; its tests are in tests/unit/lint/undefined_name_test.cpp.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

const Rule undefined_name{Code::UndefinedName, nullptr};

}  // namespace scalepol::linter::rules
