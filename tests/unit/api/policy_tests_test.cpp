// A policy's own `test` blocks, run through the public API.
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("passing and failing tests are told apart, with what was found") {
  auto p = compile_ok(R"j(
import std.model
tiers t by training_compute { tier low below 1e25 FLOP  tier high from 1e25 FLOP require report }
test "passes" { record { model "a" training_compute 2e25 FLOP } expect t == high  expect obligations contains report }
test "fails" { record { model "b" training_compute 1e24 FLOP } expect t == high }
test "unknown is not false" { record { model "c" } expect t is unknown  expect (not (t == low)) is unknown }
)j");
  auto res = p.run_tests();
  REQUIRE(res.cases.size() == 3);
  CHECK(res.cases[0].passed);
  CHECK_FALSE(res.cases[1].passed);
  REQUIRE(res.cases[1].failures.size() == 1);
  CHECK(res.cases[1].failures[0] == "line 5: expected `t == high`, but it is false (t is low)");
  CHECK(res.passed() == 2);
  CHECK(res.failed() == 1);
}

TEST_CASE("the EU AI Act's own tests pass") {
  auto p = compile_file(std::string(SCALEPOL_SOURCE_DIR) + "/stdlib/regulations/eu_ai_act.policy");
  if (!p) FAIL(render_text(p.error()));
  auto res = p->run_tests();
  CHECK(res.cases.size() == 4);
  for (const auto& c : res.cases) {
    INFO(c.name);
    for (const auto& f : c.failures) INFO(f);
    CHECK(c.passed);
  }
}
