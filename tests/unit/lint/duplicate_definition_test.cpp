// `duplicate-definition`: a name defined twice (an error, found by the checker).
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("duplicate-definition: the second definition is reported, with the first") {
  auto d = compile_err("import std.model\n"
                       "define big = training_compute > 1e26 FLOP\n"
                       "define big = training_compute > 1e25 FLOP\n"
                       "trigger t { when big }\n");
  const auto* f = find_code(d, "duplicate-definition");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::Error);
  CHECK(f->message == "`big` is defined twice");
  CHECK(f->location.line == 3);
  CHECK(f->location.column == 8);
  REQUIRE(f->notes.size() == 1);
  CHECK(f->notes[0] == "first defined at test.policy:2:8");
}

TEST_CASE("duplicate-definition: distinct names give no finding") {
  auto d = lint_text("import std.model\n"
                     "define big = training_compute > 1e26 FLOP\n"
                     "define bigger = training_compute > 1e27 FLOP\n"
                     "trigger t { when big or bigger }\n");
  CHECK(count_code(d, "duplicate-definition") == 0);
}
