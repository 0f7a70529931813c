// `unknown-header-field`: a policy header field scalepol does not know.
// Reported by the checker while it compiles the policy (check/): this entry puts the code in the
// catalogue, SARIF's rule list and the docs; its tests are in tests/unit/lint/unknown_header_field_test.cpp.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

const Rule unknown_header_field{Code::UnknownHeaderField, nullptr};

}  // namespace scalepol::linter::rules
