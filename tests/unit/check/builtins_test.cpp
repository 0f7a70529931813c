// Calls of the builtin functions (ast/builtins.hpp): resolved by the table, with arity, argument
// names and suggestions checked; named and positional arguments bind alike.
#include "test_support.hpp"

#include "ast/builtins.hpp"

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("the builtin table: lookup by name, names for messages") {
  CHECK(ast::find_builtin("progress") == ast::Builtin::Progress);
  CHECK(ast::find_builtin("min") == ast::Builtin::Min);
  CHECK_FALSE(ast::find_builtin("Min").has_value());
  CHECK_FALSE(ast::find_builtin("time").has_value());
  CHECK(ast::builtin_names() == "time_since, min, max, abs and progress");
  for (const auto& b : ast::kBuiltins) CHECK(ast::find_builtin(b.name) == b.id);
}

TEST_CASE("an undefined function is reported with the closest builtin") {
  auto d = compile_err("define x = mim(1, 2)\n");
  auto* e = find_code(d, "undefined-function");
  REQUIRE(e != nullptr);
  CHECK(e->message == "undefined function `mim`");
  CHECK(e->help == "did you mean `min`?");
  CHECK(e->location.column == 12);

  auto far = compile_err("define x = frobnicate(1)\n");
  REQUIRE(find_code(far, "undefined-function") != nullptr);
  CHECK(find_code(far, "undefined-function")->help == "the functions are time_since, min, max, abs and progress");
}

TEST_CASE("a builtin called with the wrong number of arguments") {
  auto d = compile_err("define x = abs(1, 2)\n");
  auto* e = find_code(d, "wrong-arity");
  REQUIRE(e != nullptr);
  CHECK(e->message == "`abs` takes 1 argument, not 2");

  auto m = compile_err("define x = max(1)\n");
  REQUIRE(find_code(m, "wrong-arity") != nullptr);
  CHECK(find_code(m, "wrong-arity")->message == "`max` takes 2 arguments, not 1");
}

TEST_CASE("a name on an argument of a positional builtin is refused, not ignored") {
  auto d = compile_err("define x = min(a: 1, b: 2)\n");
  auto* e = find_code(d, "unknown-argument");
  REQUIRE(e != nullptr);
  CHECK(e->message == "`min` takes its arguments by position, not by name");
  CHECK(e->help == "write `min(…)` without `a:`");
}

TEST_CASE("progress: an unknown argument name, and a missing argument") {
  auto d = compile_err("import std.model\ndefine m = progress(halving: 8 months, from: 2023-01-01)\n");
  auto* e = find_code(d, "unknown-argument");
  REQUIRE(e != nullptr);
  CHECK(e->message == "`progress` has no argument `from`");
  CHECK(e->help == "its arguments are `halving` and `since`");
  REQUIRE(find_code(d, "wrong-arity") != nullptr);
  CHECK(find_code(d, "wrong-arity")->message == "`progress` needs `halving:` (a duration) and `since:` (a date)");
}

TEST_CASE("progress: named arguments in either order, and positional ones, give one value") {
  const std::string data = R"([{"model": "m", "released": "2023-01-01", "training_compute": 2e24}])";
  std::vector<std::string> values;
  for (const char* call : {"progress(halving: 8 months, since: 2021-01-01)",
                           "progress(since: 2021-01-01, halving: 8 months)", "progress(8 months, 2021-01-01)"}) {
    CAPTURE(call);
    const Policy p = compile_ok(std::string("import std.model\n") +
                                "effective_compute ec {\n  base training_compute\n  baseline_date 2021-01-01\n"
                                "  multiplier " + call + "\n}\n"
                                "tiers t by ec {\n  tier low below 1.5e25 FLOP\n  tier high from 1.5e25 FLOP\n}\n");
    const Report r = run_json(p, data);
    const Verdict* v = verdict(r, "m", "t");
    REQUIRE(v != nullptr);
    // 730 days at 8 months a halving: 2e24 × 2^(730 / 243.4) ≈ 1.6e25, over the line.
    CHECK(v->value == "high");
    values.push_back(v->value + "/" + status_name(v->status));
  }
  CHECK(values[0] == values[1]);
  CHECK(values[0] == values[2]);
}
