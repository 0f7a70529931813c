// `undefined-term`: a term of art (effective compute) used with no definition (found by the
// checker; a warning, so the rest of the policy is still checked).
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("undefined-term: `effective_compute` used and never defined") {
  auto d = lint_text("import std.model\n"
                     "reference last_assessed = base_model\n"
                     "trigger t { when effective_compute >= 2x effective_compute@last_assessed }\n");
  REQUIRE(count_code(d, "undefined-term") == 1);
  const auto* f = find_code(d, "undefined-term");
  CHECK(f->severity == Severity::Warning);
  CHECK(f->message == "`effective_compute` is used but never defined");
  CHECK(f->location.line == 3);
  CHECK(f->location.column == 18);
  REQUIRE(f->notes.size() == 2);
  CHECK(f->notes[0].find("Larsen") != std::string::npos);
  CHECK(f->help.rfind("define it, then use the definition's name: `effective_compute ec {", 0) == 0);
}

TEST_CASE("undefined-term: a defined effective compute gives no finding") {
  auto d = lint_text("import std.model\n"
                     "effective_compute ec { base training_compute  multiplier 2x }\n"
                     "trigger t { when ec > 1e26 FLOP }\n");
  CHECK(count_code(d, "undefined-term") == 0);
}
