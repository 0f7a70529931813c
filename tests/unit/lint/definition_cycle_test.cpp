// `definition-cycle`: rules that depend on themselves (an error, found by the checker).
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("definition-cycle: two definitions that read each other") {
  auto d = compile_err("import std.model\n"
                       "define a = b and training_compute > 1e26 FLOP\n"
                       "define b = a\n");
  REQUIRE(count_code(d, "definition-cycle") == 1);
  const auto* f = find_code(d, "definition-cycle");
  CHECK(f->severity == Severity::Error);
  CHECK(f->message == "definition `a` depends on itself");
  CHECK(f->location.line == 2);
  CHECK(f->location.column == 8);
  REQUIRE(f->notes.size() == 1);
  CHECK(f->notes[0] == "the cycle: `a` → `b` → `a`");
}

TEST_CASE("definition-cycle: a trigger that reads an exemption that reads the trigger") {
  auto d = compile_err("import std.model\n"
                       "trigger t { when training_compute > 1e26 FLOP and not e }\n"
                       "exempt e when t\n");
  const auto* f = find_code(d, "definition-cycle");
  REQUIRE(f != nullptr);
  CHECK(f->message.find("depends on itself") != std::string::npos);
}

TEST_CASE("definition-cycle: a chain of definitions gives no finding") {
  auto d = lint_text("import std.model\n"
                     "define limit = 1e26 FLOP\n"
                     "define over = training_compute > limit\n"
                     "trigger t { when over }\n");
  CHECK(count_code(d, "definition-cycle") == 0);
}
