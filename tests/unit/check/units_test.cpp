// Unit and type checking: FLOP vs FLOP/s, pp vs %, USD vs FLOP, numbers without units.
#include "test_support.hpp"

#include "check/units.hpp"

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("units convert to their dimension's base unit") {
  auto months = check::find_unit("months");
  auto weeks = check::find_unit("weeks");
  REQUIRE(months);
  REQUIRE(weeks);
  CHECK(months->dim == ast::Dim::Time);
  CHECK(weeks->scale == 7);
  CHECK(months->scale * 12 == doctest::Approx(365.2425));
  CHECK(check::find_unit("%")->scale == 0.01);
  CHECK(check::find_unit("FLOP/s")->dim == ast::Dim::ComputeRate);
  CHECK(check::find_unit("FLOPs")->ambiguous);
  CHECK_FALSE(check::find_unit("FLOPZ"));
}

TEST_CASE("compute compared with a compute rate is a unit mismatch") {
  auto d = compile_err("import std.model\ntrigger t { when training_compute > 1e20 FLOP/s }\n");
  auto* e = find_code(d, "unit-mismatch");
  REQUIRE(e != nullptr);
  CHECK(e->message == "cannot compare compute (FLOP) with a compute rate (FLOP/s)");
  CHECK(e->location.line == 2);
  CHECK(e->location.column == 18);
  REQUIRE(e->notes.size() == 1);
  CHECK(e->notes[0].find("rate") != std::string::npos);
}

TEST_CASE("percentage points and percent do not mix") {
  auto d = compile_err(
      "benchmark mmlu { version \"1\" }\n"
      "trigger t { when mmlu >= 5 % }\n");
  auto* e = find_code(d, "unit-mismatch");
  REQUIRE(e != nullptr);
  CHECK(e->message == "cannot compare a benchmark score (pp) with a ratio (x or %)");
}

TEST_CASE("money and compute cannot be added") {
  auto d = compile_err("import std.model\ndefine x = training_cost + training_compute\n");
  auto* e = find_code(d, "unit-mismatch");
  REQUIRE(e != nullptr);
  CHECK(e->message == "cannot add money (USD) and compute (FLOP)");
}

TEST_CASE("a threshold without a unit compiles, read in the base unit; the linter reports it, not the checker") {
  auto p = compile_ok("import std.model\ntrigger t { when training_compute > 1e25 }\n");
  CHECK(find_code(p.warnings(), "unitless-threshold") == nullptr);
  auto r = run_json(p, R"j([{"model": "m", "training_compute": 2e25}])j");
  CHECK(verdict(r, "m", "t")->value == "true");
  // The finding itself is tested in tests/unit/lint/unitless_threshold_test.cpp.
}

TEST_CASE("a condition must be boolean") {
  auto d = compile_err("import std.model\ntrigger t { when training_compute }\n");
  auto* e = find_code(d, "type-mismatch");
  REQUIRE(e != nullptr);
  CHECK(e->message == "a trigger's `when` must be a condition, but this is compute (FLOP)");
}

TEST_CASE("an unknown field type suggests the closest unit") {
  auto d = compile_err("field x: FLOPS/s\n");
  // `FLOPS/s` lexes as a unit followed by `/s`: a syntax error, or an unknown type.
  CHECK_FALSE(d.items.empty());
  auto d2 = compile_err("field x: dat\n");
  auto* e = find_code(d2, "unknown-type");
  REQUIRE(e != nullptr);
  CHECK(e->help == "did you mean `date`?");
}

TEST_CASE("durations in different units compare by their length") {
  auto p = compile_ok(
      "test \"6 months is half a year\" { record { } expect 6 months == 0.5 years  expect 2 weeks == 14 days }\n");
  auto results = p.run_tests();
  REQUIRE(results.cases.size() == 1);
  CHECK(results.cases[0].passed);
}

TEST_CASE("tier bounds must be constants of the ladder's unit") {
  auto d = compile_err("import std.model\ntiers t by training_compute { tier a below 5 USD }\n");
  CHECK(find_code(d, "unit-mismatch") != nullptr);
  auto d2 = compile_err("import std.model\ntiers t by training_compute { tier a below finetune_compute }\n");
  CHECK(find_code(d2, "tier-bound-not-constant") != nullptr);
}

TEST_CASE("a plain number divided by a plain number stays a number, as it does multiplied") {
  // `n / 4.0` was typed a ratio (x), so `define d: number = n / 4.0` failed while `n * 4.0`
  // compiled; a quantity over one of its own dimension is still a ratio.
  const Policy p = compile_ok(
      "field model: text key\nfield n: number\nfield c: FLOP\n"
      "define quarter: number = n / 4.0\n"
      "define times: number = n * 4.0\n"
      "define share: x = c / 1e25 FLOP\n"
      "trigger t { when quarter > 1 and times > 1 and share > 1x }\n");
  const Report r = run_json(p, R"([{"model": "A", "n": 8, "c": 2e25}])");
  const Verdict* t = verdict(r, "A", "t");
  REQUIRE(t != nullptr);
  CHECK(t->value == "true");
  auto d = compile_err("field n: number\ndefine r: FLOP = n / 4.0\ntrigger t { when r > 1 FLOP }\n");
  CHECK(find_code(d, "type-mismatch") != nullptr);
}
