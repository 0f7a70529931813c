// `unit-mismatch`: incompatible units compared or combined.
// Reported by the checker while it compiles the policy (check/): this entry puts the code in the
// catalogue, SARIF's rule list and the docs; its tests are in tests/unit/lint/unit_mismatch_test.cpp.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

const Rule unit_mismatch{Code::UnitMismatch, nullptr};

}  // namespace scalepol::linter::rules
