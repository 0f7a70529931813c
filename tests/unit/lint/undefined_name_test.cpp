// `undefined-name`: an unknown name, with the closest known one (an error, found by the checker).
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("undefined-name: a misspelt field, with a suggestion") {
  auto d = compile_err("import std.model\ntrigger t { when training_comput > 1e26 FLOP }\n");
  const auto* f = find_code(d, "undefined-name");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::Error);
  CHECK(f->message == "undefined name `training_comput`");
  CHECK(f->location.line == 2);
  CHECK(f->location.column == 18);
  CHECK(f->help == "did you mean `training_compute`?");
}

TEST_CASE("undefined-name: a tier a ladder does not have") {
  auto d = compile_err("import std.model\n"
                       "tiers concern by training_compute { tier low below 1e24 FLOP  tier high from 1e24 FLOP }\n"
                       "trigger t { when concern == concern.hihg }\n");
  const auto* f = find_code(d, "undefined-name");
  REQUIRE(f != nullptr);
  CHECK(f->message == "`concern` has no tier `hihg`");
  CHECK(f->location.line == 3);
  CHECK(f->location.column == 37);
}

TEST_CASE("undefined-name: names that resolve give no finding") {
  auto d = lint_text("import std.model\n"
                     "tiers concern by training_compute { tier low below 1e24 FLOP  tier high from 1e24 FLOP }\n"
                     "trigger t { when training_compute > 1e26 FLOP or concern == concern.high }\n");
  CHECK(count_code(d, "undefined-name") == 0);
}
