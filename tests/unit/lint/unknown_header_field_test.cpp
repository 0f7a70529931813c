// `unknown-header-field`: a policy header field scalepol does not know (a warning, found by the
// checker).
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("unknown-header-field: a misspelt field, with a suggestion") {
  auto d = lint_text("policy p \"A policy\" {\n"
                     "  issuer    \"A lab\"\n"
                     "  publisher 2024-01-01\n"
                     "}\n");
  REQUIRE(count_code(d, "unknown-header-field") == 1);
  const auto* f = find_code(d, "unknown-header-field");
  CHECK(f->severity == Severity::Warning);
  CHECK(f->message == "unknown header field `publisher`");
  CHECK(f->location.line == 3);
  CHECK(f->location.column == 3);
  CHECK(f->help == "did you mean `published`?");
}

TEST_CASE("unknown-header-field: the known fields give no finding") {
  auto d = lint_text("policy p \"A policy\" {\n"
                     "  issuer \"A lab\"  version \"1.0\"  published 2024-01-01  effective 2024-02-01\n"
                     "  source \"https://example.org/policy.pdf\"  status \"in force\"  jurisdiction \"EU\"\n"
                     "}\n");
  CHECK(count_code(d, "unknown-header-field") == 0);
}
