// Units declared with `unit` (and std.units): conversion, dimensions, and every error the checker
// reports about them; the built-in units keep working with no import.
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

namespace {

// The one error of `text`, which must fail with exactly one error of that code.
Diagnostic only_error(const std::string& text, const std::string& code) {
  auto d = compile_err(text);
  INFO(render_text(d));
  REQUIRE(d.error_count() == 1);
  const Diagnostic* e = find_code(d, code);
  REQUIRE(e != nullptr);
  return *e;
}

bool all_pass(const Policy& p) {
  auto results = p.run_tests();
  for (const auto& c : results.cases) {
    INFO(c.name);
    for (const auto& f : c.failures) INFO(f);
    CHECK(c.passed);
  }
  return !results.cases.empty() && results.failed() == 0;
}

}  // namespace

TEST_CASE("built-in units need no import") {
  auto p = compile_ok("test \"t\" { record { } expect 1 years == 12 months  expect 1e25 FLOP > 1e24 OP }\n");
  CHECK(all_pass(p));
}

TEST_CASE("a declared unit converts to its dimension's base unit, through other declared units") {
  auto p = compile_ok(
      "unit kiloflop = 1e3 FLOP\n"
      "unit megaflop = 1e3 kiloflop\n"          // on a declared unit
      "unit gigaflop = 1e3 megaflop_alias\n"    // on one declared further down
      "unit megaflop_alias = 1 megaflop\n"
      "unit fortnight = 2 weeks\n"
      "test \"t\" { record { }\n"
      "  expect 2 kiloflop == 2000 FLOP\n"
      "  expect 1 gigaflop == 1e9 FLOP\n"
      "  expect 1 fortnight == 14 days\n"
      "  expect 3 fortnight > 1 months\n"
      "}\n");
  CHECK(all_pass(p));
}

TEST_CASE("std.units: petaflop/s-days, pfs-days, operations and their rate") {
  auto p = compile_ok(
      "import std.model\nimport std.units\n"
      "trigger big { when training_compute > 3640 petaflop_s_day }\n"
      "test \"GPT-3 175B at Epoch's 3.14e23 FLOP is just under 3,640 pfs-days\" {\n"
      "  record { model \"GPT-3\"  training_compute 3.14e23 FLOP }\n"
      "  expect not big\n"
      "  expect 1 pfs_day == 8.64e19 FLOP\n"
      "  expect 1e26 operations == 1e26 FLOP\n"
      "  expect 1e20 operations_per_second == 1e20 FLOP/s\n"
      "}\n");
  CHECK(all_pass(p));
  // The module's own tests run on its file, not with every policy that imports it.
  CHECK(p.run_tests().cases.size() == 1);
}

TEST_CASE("a declared unit keeps its dimension: no mixing with other dimensions") {
  auto d = only_error("import std.model\nimport std.units\ntrigger t { when training_compute > 1e20 operations_per_second }\n",
                      "unit-mismatch");
  CHECK(d.message == "cannot compare compute (FLOP) with a compute rate (FLOP/s)");
  auto d2 = only_error("unit grand = 1e3 USD\ndefine x = 5 grand + 5 FLOP\n", "unit-mismatch");
  CHECK(d2.message == "cannot add money (USD) and compute (FLOP)");
}

TEST_CASE("a field's type may be a declared unit: data in that unit is converted") {
  auto p = compile_ok("import std.units\nfield model: text key\nfield run: pfs_day\ntrigger big { when run > 1e20 FLOP }\n");
  auto r = run_json(p, R"j([{"model": "a", "run": 2}, {"model": "b", "run": 1}])j");
  CHECK(verdict(r, "a", "big")->value == "true");   // 2 pfs-days = 1.728e20 FLOP
  CHECK(verdict(r, "b", "big")->value == "false");  // 1 pfs-day = 8.64e19 FLOP
}

TEST_CASE("ranges in declared units: in `within`, in test records and in assumptions") {
  auto p = compile_ok(
      "import std.model\nimport std.units\n"
      "assume { budget in 1..2 pfs_day }\n"
      "trigger over_budget { when training_compute > budget }\n"
      "test \"within\" { record { } expect 1e20 FLOP within 1..2 pfs_day > 8e19 FLOP }\n"
      "test \"a record range\" {\n"
      "  record { model \"m\"  training_compute 1..2 pfs_day }\n"
      "  expect training_compute > 8e19 FLOP\n"
      "  expect training_compute < 1.8e20 FLOP\n"
      "}\n"
      "test \"both readings of the assumption\" {\n"
      "  record { model \"m\"  training_compute 2e20 FLOP }\n"
      "  expect over_budget\n"
      "}\n");
  CHECK(all_pass(p));
  // The range is kept in the built-in unit it comes down to: what the evaluator reads.
  auto d = only_error("import std.model\nimport std.units\ntest \"t\" { record { model \"m\" training_compute 1..2 operations_per_second } }\n",
                      "unit-mismatch");
  CHECK(d.message == "`training_compute` is compute (FLOP), but the test gives a compute rate (FLOP/s)");
}

TEST_CASE("unknown-unit: a word after a number that is no unit, with a suggestion") {
  auto d = only_error("define x = 5 FLOPZ", "unknown-unit");
  CHECK(d.message == "unknown unit `FLOPZ`");
  CHECK(d.location.line == 1);
  CHECK(d.location.column == 14);
  CHECK(d.help == "did you mean `FLOP`?");

  CHECK(only_error("define x = 5 flop", "unknown-unit").help == "did you mean `FLOP`?");
  CHECK(only_error("define x = 5USd", "unknown-unit").location.column == 13);
  CHECK(only_error("define x = 5USd", "unknown-unit").help == "did you mean `USD`?");
  auto months = compile_err("tiers t by x { tier a below 5 monthz }");
  REQUIRE(find_code(months, "unknown-unit"));
  CHECK(find_code(months, "unknown-unit")->help == "did you mean `months`?");

  // A declared unit is among the suggestions.
  auto d2 = only_error("import std.units\ndefine x = 5 petaflop_s_dya", "unknown-unit");
  CHECK(d2.help == "did you mean `petaflop_s_day`?");

  // Nothing close: the list of units, and how to declare one.
  auto d3 = only_error("define x = 5 widgets", "unknown-unit");
  CHECK(d3.help.find("declare others with `unit`") != std::string::npos);
}

TEST_CASE("unknown-unit: the next entry's name taken as a unit says so") {
  auto d = only_error("import std.model\ntest \"t\" { record { model \"m\"  parameters 7 accessibility } }\n", "unknown-unit");
  CHECK(d.message == "unknown unit `accessibility`");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0] == "`accessibility` is a name of this policy; a name after a number is read as its unit");
  // With its value, the same name is the next entry.
  compile_ok("import std.model\ntest \"t\" { record { model \"m\"  parameters 7 accessibility \"API access\" } }\n");
}

TEST_CASE("unit declarations: each mistake, its code, message and help") {
  auto d = only_error("unit days = 7 weeks\n", "duplicate-definition");
  CHECK(d.message == "`days` is a built-in unit and cannot be redefined");
  CHECK(d.location.column == 6);
  CHECK(d.help == "choose another name");

  d = only_error("unit date = 1 FLOP\n", "reserved-word");
  CHECK(d.message == "`date` is a type and cannot name a unit");

  d = only_error("unit a = 1 FLOP\nunit a = 2 FLOP\n", "duplicate-definition");
  CHECK(d.message == "unit `a` is defined twice");
  CHECK(d.location.line == 2);
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0] == "first defined at test.policy:1:6");

  // A clash with the standard library points at the user's declaration.
  d = only_error("import std.units\nunit pfs_day = 1e20 FLOP\n", "duplicate-definition");
  CHECK(d.message == "unit `pfs_day` is already defined by the standard library");
  CHECK(d.location.file == "test.policy");
  CHECK(d.location.line == 2);

  d = only_error("unit a = 2 flopz\n", "unknown-unit");
  CHECK(d.message == "unknown unit `flopz`");
  CHECK(d.location.column == 12);

  d = only_error("unit a = 2 b\nunit b = 3 a\n", "unit-cycle");
  CHECK(d.message == "unit `b` is defined in terms of itself");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0] == "the cycle: b → a → b");
  d = only_error("unit a = 2 a\n", "unit-cycle");
  CHECK(d.notes.at(0) == "the cycle: a → a");

  d = only_error("unit none = 0 FLOP\n", "invalid-unit");
  CHECK(d.message == "unit `none` is 0 times `FLOP`: a unit is a positive multiple of another");

  d = only_error("unit big = 2 FLOPs\n", "invalid-unit");
  CHECK(d.message == "`FLOPs` can mean operations or operations per second: a unit cannot be built on it");
  CHECK(d.help == "write `FLOP` for a total, `FLOP/s` for a rate");

  // A unit in error is reported once, not again where it is used.
  auto many = compile_err("unit big = 2 FLOPs\ndefine x = 5 big\n");
  CHECK(many.error_count() == 1);
}

TEST_CASE("every message about units is one lowercase line without a trailing period") {
  const char* texts[] = {"unit days = 7 weeks", "unit date = 1 FLOP", "unit a = 1 FLOP\nunit a = 2 FLOP",
                         "unit a = 2 flopz", "unit a = 2 b\nunit b = 3 a", "unit n = 0 FLOP",
                         "unit f = 2 FLOPs", "define x = 5 widgets"};
  for (const char* text : texts) {
    CAPTURE(text);
    auto d = compile_err(text);
    for (const auto& x : d.items) {
      CAPTURE(x.message);
      REQUIRE_FALSE(x.message.empty());
      CHECK_FALSE(std::isupper(static_cast<unsigned char>(x.message[0])));
      CHECK(x.message.back() != '.');
      CHECK(x.message.find('\n') == std::string::npos);
    }
  }
}
