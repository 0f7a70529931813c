// Expressions: each kind of node, its fields and spans, and the shape of chains.
#include <doctest/doctest.h>
#include <tuple>

#include "syntax_helpers.hpp"

using namespace scalepol;
using namespace scalepol::syntax::test;
using ast::ExprKind;
using ast::Op;
using ast::StatusTest;

namespace {

// The expression, after checking that the text parsed without any diagnostic.
const ast::Expr& ok(const ParsedExpr& p) {
  INFO(dump(p.result));
  REQUIRE(p.result.diagnostics.empty());
  REQUIRE(p.expr != nullptr);
  return *p.expr;
}

}  // namespace

TEST_CASE("a quantity keeps its number, the digits as written, its unit and their spans") {
  auto p = parse_expr("1.5e25 FLOP/s");
  const auto& e = ok(p);
  CHECK(e.kind == ExprKind::Number);
  CHECK(e.number == doctest::Approx(1.5e25));
  CHECK(e.text == "1.5e25");
  CHECK(e.unit == "FLOP/s");
  CHECK(e.span.line == 1);
  CHECK(e.span.column == 12);
  CHECK(e.span.end_column == 25);
  CHECK(e.span.begin == 11);
  CHECK(e.span.end == 24);
  CHECK(e.unit_span.column == 19);
  CHECK(e.unit_span.end_column == 25);
}

TEST_CASE("a number without a unit has an empty unit") {
  auto p = parse_expr("42");
  const auto& e = ok(p);
  CHECK(e.kind == ExprKind::Number);
  CHECK(e.number == 42);
  CHECK(e.unit.empty());
}

TEST_CASE("a ratio `4x` is a number with the unit x") {
  auto p = parse_expr("2.5x");
  const auto& e = ok(p);
  CHECK(e.kind == ExprKind::Number);
  CHECK(e.number == 2.5);
  CHECK(e.text == "2.5");
  CHECK(e.unit == "x");
  CHECK(e.unit_span.column == 15);
  CHECK(e.unit_span.end_column == 16);
}

TEST_CASE("dates, strings and booleans") {
  {
    auto p = parse_expr("2024-04-09");
    const auto& e = ok(p);
    CHECK(e.kind == ExprKind::Date);
    CHECK(e.date == 19822);  // days from 1970-01-01
  }
  {
    auto p = parse_expr("1970-01-01");
    CHECK(ok(p).date == 0);
  }
  {
    auto p = parse_expr(R"("Open \"weights\" \u00e9\n")");
    const auto& e = ok(p);
    CHECK(e.kind == ExprKind::String);
    CHECK(e.text == "Open \"weights\" \xC3\xA9\n");
  }
  {
    auto p = parse_expr("true");
    CHECK(ok(p).kind == ExprKind::Bool);
    CHECK(ok(p).boolean);
    auto q = parse_expr("false");
    CHECK_FALSE(ok(q).boolean);
  }
}

TEST_CASE("a dotted name keeps each part with its span") {
  auto p = parse_expr("concern.high");
  const auto& e = ok(p);
  CHECK(e.kind == ExprKind::Name);
  REQUIRE(e.path.size() == 2);
  CHECK(e.path[0].text == "concern");
  CHECK(e.path[1].text == "high");
  CHECK(e.path[1].span.column == 20);
  CHECK(e.span.column == 12);
  CHECK(e.span.end_column == 24);
}

TEST_CASE("soft keywords are names in expressions") {
  auto p = parse_expr("scale + baseline + version");
  const auto& e = ok(p);
  REQUIRE(e.kind == ExprKind::Arith);
  CHECK(e.args[0]->path[0].text == "scale");
  CHECK(e.args[2]->path[0].text == "version");
}

TEST_CASE("a chain of + and - is one Arith node with the operators in order") {
  auto p = parse_expr("a + b - c");
  const auto& e = ok(p);
  CHECK(e.kind == ExprKind::Arith);
  REQUIRE(e.args.size() == 3);
  REQUIRE(e.ops.size() == 2);
  CHECK(e.ops[0] == Op::Add);
  CHECK(e.ops[1] == Op::Sub);
  CHECK(e.args[2]->path[0].text == "c");
  CHECK(e.span.column == 12);
  CHECK(e.span.end_column == 21);
}

TEST_CASE("precedence: * binds tighter than +, each level its own node") {
  auto p = parse_expr("a * b / c + d");
  const auto& e = ok(p);
  REQUIRE(e.kind == ExprKind::Arith);
  REQUIRE(e.ops.size() == 1);
  CHECK(e.ops[0] == Op::Add);
  const auto& product = *e.args[0];
  CHECK(product.kind == ExprKind::Arith);
  REQUIRE(product.ops.size() == 2);
  CHECK(product.ops[0] == Op::Mul);
  CHECK(product.ops[1] == Op::Div);
  CHECK(product.args.size() == 3);
}

TEST_CASE("and / or chains are n-ary, `or` binding loosest") {
  auto p = parse_expr("a and b and c or d");
  const auto& e = ok(p);
  REQUIRE(e.kind == ExprKind::Or);
  REQUIRE(e.args.size() == 2);
  CHECK(e.args[0]->kind == ExprKind::And);
  CHECK(e.args[0]->args.size() == 3);
  CHECK(e.args[1]->kind == ExprKind::Name);
}

TEST_CASE("parentheses give the inner node, with the inner span") {
  auto p = parse_expr("(a + b) * c");
  const auto& e = ok(p);
  REQUIRE(e.kind == ExprKind::Arith);
  CHECK(e.ops[0] == Op::Mul);
  const auto& sum = *e.args[0];
  CHECK(sum.kind == ExprKind::Arith);
  CHECK(sum.ops[0] == Op::Add);
  CHECK(sum.span.column == 13);
  CHECK(sum.span.end_column == 18);
}

TEST_CASE("comparisons carry one operator") {
  const std::pair<const char*, Op> cases[] = {{"<", Op::Lt}, {"<=", Op::Le}, {">", Op::Gt},
                                              {">=", Op::Ge}, {"==", Op::Eq}, {"!=", Op::Ne}};
  for (auto [text, op] : cases) {
    auto p = parse_expr(std::string("a ") + text + " 1e25 FLOP");
    const auto& e = ok(p);
    CHECK(e.kind == ExprKind::Compare);
    REQUIRE(e.ops.size() == 1);
    CHECK(e.ops[0] == op);
    REQUIRE(e.args.size() == 2);
    CHECK(e.args[1]->unit == "FLOP");
  }
}

TEST_CASE("is known / is unknown, with and without not") {
  const std::pair<const char*, bool> cases[] = {
      {"x is known", true}, {"x is unknown", false}, {"x is not unknown", true}, {"x is not known", false}};
  for (auto [text, known] : cases) {
    auto p = parse_expr(text);
    const auto& e = ok(p);
    CAPTURE(text);
    CHECK(e.kind == ExprKind::IsStatus);
    CHECK(e.boolean == known);
    REQUIRE(e.args.size() == 1);
    CHECK(e.args[0]->path[0].text == "x");
  }
}

TEST_CASE("is possible / is definite, with and without not") {
  const std::tuple<const char*, StatusTest, bool> cases[] = {
      {"x is possible", StatusTest::Possible, true}, {"x is not possible", StatusTest::Possible, false},
      {"x is definite", StatusTest::Definite, true}, {"x is not definite", StatusTest::Definite, false},
      {"x is unknown", StatusTest::Known, false}};
  for (auto [text, test, want] : cases) {
    auto p = parse_expr(text);
    const auto& e = ok(p);
    CAPTURE(text);
    CHECK(e.kind == ExprKind::IsStatus);
    CHECK(e.status_test == test);
    CHECK(e.boolean == want);
    CHECK(std::string(status_test_text(e)) == text + 2);
  }
  // `possible` and `definite` stay names elsewhere.
  CHECK(ok(parse_expr("possible + definite")).kind == ExprKind::Arith);
}

TEST_CASE("contains and starts_with") {
  auto p = parse_expr("obligations contains license");
  CHECK(ok(p).kind == ExprKind::Contains);
  CHECK(ok(p).args.size() == 2);
  auto q = parse_expr(R"(accessibility starts_with "Open weights")");
  CHECK(ok(q).kind == ExprKind::StartsWith);
  CHECK(ok(q).args[1]->text == "Open weights");
}

TEST_CASE("not and unary minus nest one node per operator") {
  auto p = parse_expr("not not x");
  const auto& e = ok(p);
  CHECK(e.kind == ExprKind::Not);
  CHECK(e.span.column == 12);
  REQUIRE(e.args.size() == 1);
  CHECK(e.args[0]->kind == ExprKind::Not);
  CHECK(e.args[0]->span.column == 16);
  CHECK(e.args[0]->args[0]->kind == ExprKind::Name);

  auto q = parse_expr("- -5");
  CHECK(ok(q).kind == ExprKind::Neg);
  CHECK(ok(q).args[0]->kind == ExprKind::Neg);
  CHECK(ok(q).args[0]->args[0]->number == 5);
}

TEST_CASE("@ wraps its operand; several nest to the left") {
  auto p = parse_expr("ec@a@b");
  const auto& e = ok(p);
  CHECK(e.kind == ExprKind::At);
  CHECK(e.ref.text == "b");
  CHECK(e.span.column == 12);
  CHECK(e.span.end_column == 18);
  const auto& inner = *e.args[0];
  CHECK(inner.kind == ExprKind::At);
  CHECK(inner.ref.text == "a");
  CHECK(inner.ref.span.column == 15);
  CHECK(inner.args[0]->path[0].text == "ec");
}

TEST_CASE("`4x ec@ref` is a multiplication of the ratio and the operand") {
  auto p = parse_expr("ec >= 4x ec@last_assessed");
  const auto& e = ok(p);
  REQUIRE(e.kind == ExprKind::Compare);
  const auto& scaled = *e.args[1];
  CHECK(scaled.kind == ExprKind::Arith);
  REQUIRE(scaled.ops.size() == 1);
  CHECK(scaled.ops[0] == Op::Mul);
  REQUIRE(scaled.args.size() == 2);
  CHECK(scaled.args[0]->kind == ExprKind::Number);
  CHECK(scaled.args[0]->number == 4);
  CHECK(scaled.args[0]->unit == "x");
  CHECK(scaled.args[1]->kind == ExprKind::At);
  CHECK(scaled.args[1]->ref.text == "last_assessed");
  CHECK(scaled.span.column == 18);
}

TEST_CASE("a call keeps its dotted callee and argument names") {
  auto p = parse_expr("std.progress.halving(8 months, since: baseline_date)");
  const auto& e = ok(p);
  CHECK(e.kind == ExprKind::Call);
  CHECK(e.callee.text == "std.progress.halving");
  CHECK(e.callee.span.column == 12);
  REQUIRE(e.args.size() == 2);
  REQUIRE(e.arg_names.size() == 2);
  CHECK(e.arg_names[0].empty());
  CHECK(e.arg_names[1] == "since");
  CHECK(e.args[0]->unit == "months");
  CHECK(e.args[1]->path[0].text == "baseline_date");

  auto q = parse_expr("time_since()");
  CHECK(ok(q).kind == ExprKind::Call);
  CHECK(ok(q).args.empty());
}

TEST_CASE("`certified \"…\"` is free text") {
  auto p = parse_expr(R"(certified "clearly not dangerous")");
  CHECK(ok(p).kind == ExprKind::FreeText);
  CHECK(ok(p).text == "clearly not dangerous");
}

TEST_CASE("`within` attaches a range to a literal; the high end's unit applies to both ends") {
  auto p = parse_expr("8 months within 5..14 months");
  const auto& e = ok(p);
  CHECK(e.kind == ExprKind::Within);
  REQUIRE(e.args.size() == 1);
  CHECK(e.args[0]->number == 8);
  CHECK(e.args[0]->unit == "months");
  CHECK(e.range.lo == 5);
  CHECK(e.range.hi == 14);
  CHECK(e.range.unit == "months");
  CHECK(e.range.lo_unit.empty());
  CHECK(e.range.span.column == 28);
}

TEST_CASE("a range keeps a unit written on the low end apart, and signs") {
  auto p = parse_expr("0 within -5 days..-1 weeks");
  const auto& e = ok(p);
  CHECK(e.range.lo == -5);
  CHECK(e.range.hi == -1);
  CHECK(e.range.lo_unit == "days");
  CHECK(e.range.unit == "weeks");
}

TEST_CASE("a chain of 20,000 terms is one node with 20,000 operands") {
  std::string text = "a";
  for (int i = 1; i < 20000; ++i) text += " + a";
  auto p = parse_expr(text);
  const auto& e = ok(p);
  CHECK(e.kind == ExprKind::Arith);
  CHECK(e.args.size() == 20000);
  CHECK(e.ops.size() == 19999);
}

TEST_CASE("long and / or chains are flat too") {
  std::string text = "a";
  for (int i = 1; i < 5000; ++i) text += (i % 2 ? " and a" : " and b");
  auto p = parse_expr(text);
  CHECK(ok(p).kind == ExprKind::And);
  CHECK(ok(p).args.size() == 5000);
}
