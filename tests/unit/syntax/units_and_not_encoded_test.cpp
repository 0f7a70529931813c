// `unit` declarations, declared units after numbers, and `not_encoded` items, as parsed.
#include <doctest/doctest.h>

#include "syntax_helpers.hpp"

using namespace scalepol;
using namespace scalepol::syntax::test;

TEST_CASE("unit: name, factor, base unit and quotes, with spans") {
  auto r = parse_text(
      "unit petaflop_s_day = 8.64e19 FLOP\n"
      "  quote \"A petaflop/s-day (pfs-day) consists of ...\" source \"OpenAI\"\n"
      "unit pfs_day = 1 petaflop_s_day\n");
  const auto& m = ok(r);
  REQUIRE(m.units.size() == 2);
  const auto& u = m.units[0];
  CHECK(u.name.text == "petaflop_s_day");
  CHECK(u.name.span.column == 6);
  CHECK(u.factor == 8.64e19);
  CHECK(u.factor_text == "8.64e19");
  CHECK(u.base.text == "FLOP");
  CHECK(u.base.span.column == 31);
  REQUIRE(u.quotes.size() == 1);
  CHECK(u.quotes[0].source == "OpenAI");
  CHECK(u.span.line == 1);
  CHECK(u.span.end_line == 2);
  // A declared unit as the base of another: a name where a unit goes.
  CHECK(m.units[1].base.text == "petaflop_s_day");
  CHECK(m.units[1].base.span.line == 3);
}

TEST_CASE("unit: a built-in unit word as the name parses, for the checker to refuse") {
  auto r = parse_text("unit days = 7 weeks\n");
  const auto& m = ok(r);
  REQUIRE(m.units.size() == 1);
  CHECK(m.units[0].name.text == "days");
  CHECK(m.units[0].base.text == "weeks");
}

TEST_CASE("unit: a word of the language cannot name a unit") {
  auto r = parse_text("unit scale = 2 FLOP\n");
  REQUIRE(r.diagnostics.items.size() == 1);
  const auto& d = r.diagnostics.items[0];
  CHECK(d.code == "reserved-word");
  CHECK(d.message == "`scale` is a word of the language and cannot name a unit");
  CHECK(d.location.column == 6);
  CHECK(d.help == "choose another name, such as `scale_unit`");
}

TEST_CASE("a name after a number on its line is the number's unit") {
  auto p = parse_expr("3 pfs_day");
  REQUIRE(p.expr);
  CHECK(p.expr->kind == ast::ExprKind::Number);
  CHECK(p.expr->number == 3);
  CHECK(p.expr->unit == "pfs_day");
  CHECK(p.expr->unit_span.column == 14);
  CHECK(p.expr->unit_span.end_column == 21);

  // Glued to the number, like `2FLOP`.
  p = parse_expr("3pfs_day");
  REQUIRE(p.expr);
  CHECK(p.expr->unit == "pfs_day");
  CHECK(p.result.diagnostics.empty());

  // In a range, on either end.
  p = parse_expr("1e20 FLOP within 1 pfs_day..2 petaflop_s_day");
  REQUIRE(p.expr);
  REQUIRE(p.expr->kind == ast::ExprKind::Within);
  CHECK(p.expr->range.lo_unit == "pfs_day");
  CHECK(p.expr->range.unit == "petaflop_s_day");
}

TEST_CASE("a name on the next line is not a unit") {
  auto r = parse_text("define x = 1\nfoo");
  REQUIRE(r.diagnostics.items.size() == 1);
  CHECK(r.diagnostics.items[0].code == "syntax-error");
  CHECK(r.diagnostics.items[0].location.line == 2);
}

TEST_CASE("in a record, a name after a number is the next entry when a value follows it") {
  auto r = parse_text("test \"t\" { record { a 5 b 6  c 7 pfs_day  d \"x\" } }\n");
  const auto& m = ok(r);
  REQUIRE(m.tests.size() == 1);
  const auto& entries = m.tests[0].records.at(0).entries;
  REQUIRE(entries.size() == 4);
  CHECK(entries[0].field.text == "a");
  CHECK(entries[0].literal->unit.empty());
  CHECK(entries[1].field.text == "b");
  CHECK(entries[2].field.text == "c");
  CHECK(entries[2].literal->unit == "pfs_day");
  CHECK(entries[3].field.text == "d");

  // The last entry's name after a value with no unit, across lines too.
  auto r2 = parse_text("test \"t\" { record {\n  a 5\n  b true\n} }\n");
  const auto& m2 = ok(r2);
  CHECK(m2.tests[0].records.at(0).entries.size() == 2);

  // In an assumption block, likewise.
  auto r3 = parse_text("assume { x = 5 y = 6 pfs_day }\n");
  const auto& m3 = ok(r3);
  REQUIRE(m3.assumptions.at(0).items.size() == 2);
  CHECK(m3.assumptions[0].items[1].value->unit == "pfs_day");
}

TEST_CASE("where a number expects a unit, a declared one is described as a unit") {
  auto r = parse_text("assume { x in 5 }");
  REQUIRE(r.diagnostics.items.size() == 1);
  CHECK(r.diagnostics.items[0].message == "unexpected `}`, expected a unit or `..`");
}

TEST_CASE("not_encoded: the sentence, its source and why, with spans") {
  auto r = parse_text(
      "not_encoded \"(b) based on a decision of the Commission\"\n"
      "  source  \"Article 51(1)(b)\"\n"
      "  because \"no record says it\"\n"
      "not_encoded \"a sentence\"\n");
  const auto& m = ok(r);
  REQUIRE(m.not_encoded.size() == 2);
  CHECK(m.not_encoded[0].text == "(b) based on a decision of the Commission");
  CHECK(m.not_encoded[0].source == "Article 51(1)(b)");
  CHECK(m.not_encoded[0].because == "no record says it");
  CHECK(m.not_encoded[0].text_span.column == 13);
  CHECK(m.not_encoded[0].span.line == 1);
  CHECK(m.not_encoded[0].span.end_line == 3);
  CHECK(m.not_encoded[1].text == "a sentence");
  CHECK(m.not_encoded[1].source.empty());
  CHECK(m.not_encoded[1].because.empty());
}

TEST_CASE("not_encoded and unit are reserved words; because is not") {
  CHECK_FALSE(parse_text("define not_encoded = 1\n").diagnostics.empty());
  CHECK_FALSE(parse_text("define unit = 1\n").diagnostics.empty());
  CHECK(parse_text("define because = 1\n").diagnostics.empty());
}
