// `undefined-term`: a term of art (effective compute) used with no definition.
// Reported by the checker while it compiles the policy (check/): this entry puts the code in the
// catalogue, SARIF's rule list and the docs; its tests are in tests/unit/lint/undefined_term_test.cpp.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

const Rule undefined_term{Code::UndefinedTerm, nullptr};

}  // namespace scalepol::linter::rules
