// `definition-cycle`: rules that depend on themselves.
// Reported by the checker while it compiles the policy (check/): this entry puts the code in the
// catalogue, SARIF's rule list and the docs; its tests are in tests/unit/lint/definition_cycle_test.cpp.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

const Rule definition_cycle{Code::DefinitionCycle, nullptr};

}  // namespace scalepol::linter::rules
