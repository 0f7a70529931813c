// `duplicate-definition`: a name defined twice.
// Reported by the checker while it compiles the policy (check/): this entry puts the code in the
// catalogue, SARIF's rule list and the docs; its tests are in tests/unit/lint/duplicate_definition_test.cpp.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

const Rule duplicate_definition{Code::DuplicateDefinition, nullptr};

}  // namespace scalepol::linter::rules
