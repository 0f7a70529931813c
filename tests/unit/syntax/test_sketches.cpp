// The sketches (tests/unit/syntax/sketches/) parse without a diagnostic, into the AST they
// describe.
#include <doctest/doctest.h>

#include "syntax_helpers.hpp"

using namespace scalepol;
using namespace scalepol::syntax::test;

namespace {

syntax::ParseResult parse_sketch(const std::string& name) {
  const std::string text = read_file(sketch_path(name));
  REQUIRE_FALSE(text.empty());
  syntax::SourceFile file(name, text);
  auto r = syntax::parse(file, Limits{});
  INFO(dump(r));
  REQUIRE(r.diagnostics.empty());
  return r;
}

}  // namespace

TEST_CASE("sketch: Anthropic RSP 1.0") {
  auto r = parse_sketch("anthropic_rsp_v1.policy");
  const auto& m = r.module;
  REQUIRE(m.header);
  CHECK(m.header->name.text == "anthropic_rsp_v1");
  CHECK(m.header->fields.size() == 4);
  REQUIRE(m.imports.size() == 2);
  CHECK(m.imports[1].path == "std.progress");
  CHECK(m.imports[1].is_std);
  REQUIRE(m.effective_computes.size() == 1);
  const auto& ec = m.effective_computes[0];
  CHECK(ec.metric.example);
  CHECK(ec.baseline.state == ast::EcPart::State::Unspecified);
  CHECK(ec.post_training.state == ast::EcPart::State::Unspecified);
  CHECK(ec.multiplier.state == ast::EcPart::State::Absent);
  REQUIRE(m.references.size() == 1);
  CHECK(m.references[0].field.text == "last_assessment");
  REQUIRE(m.triggers.size() == 1);
  CHECK(m.triggers[0].when->kind == ast::ExprKind::Or);
  CHECK(m.triggers[0].obligations.at(0).kind.text == "evaluate");
  REQUIRE(m.assumptions.size() == 1);
  CHECK(m.assumptions[0].items.size() == 2);
}

TEST_CASE("sketch: EU AI Act") {
  auto r = parse_sketch("eu_ai_act.policy");
  const auto& m = r.module;
  REQUIRE(m.tiers.size() == 1);
  const auto& ladder = m.tiers[0];
  CHECK(ladder.name.text == "gpai_tier");
  REQUIRE(ladder.tiers.size() == 3);
  const auto& systemic = ladder.tiers[2];
  CHECK(systemic.name.text == "systemic_risk");
  CHECK(systemic.bounds.at(0).kind == ast::BoundKind::Above);
  REQUIRE(systemic.quotes.size() == 1);
  CHECK(systemic.quotes[0].source == "Article 51(2)");
  REQUIRE(systemic.obligations.size() == 1);
  CHECK(systemic.obligations[0].text == "European Commission");
  CHECK(systemic.obligations[0].within->unit == "weeks");
  REQUIRE(systemic.obligations[0].quotes.size() == 1);
  CHECK(systemic.obligations[0].quotes[0].source == "Article 52(1)");
  REQUIRE(m.tests.size() == 2);
  CHECK(m.tests[1].expects.at(0)->kind == ast::ExprKind::IsStatus);
  CHECK_FALSE(m.tests[1].expects.at(0)->boolean);
}

TEST_CASE("sketch: tiered bill") {
  auto r = parse_sketch("tiered_bill.policy");
  const auto& m = r.module;
  REQUIRE(m.tiers.size() == 1);
  CHECK(m.tiers[0].tiers.size() == 4);
  CHECK(m.tiers[0].tiers[3].obligations.at(0).kind.text == "prohibition");
  REQUIRE(m.escalations.size() == 1);
  REQUIRE(m.exemptions.size() == 2);
  CHECK(m.exemptions[0].applies_to.size() == 2);
  CHECK_FALSE(m.exemptions[0].applies_to_all);
  CHECK(m.exemptions[1].applies_to_all);
  REQUIRE(m.triggers.size() == 1);
  const auto& when = *m.triggers[0].when;
  REQUIRE(when.kind == ast::ExprKind::Compare);
  CHECK(when.args[0]->kind == ast::ExprKind::Arith);
  CHECK(when.args[0]->args[1]->kind == ast::ExprKind::At);
  REQUIRE(m.tests.size() == 1);
  CHECK(m.tests[0].expects.size() == 2);
}
