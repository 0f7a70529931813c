// Items: every kind of declaration fills its AST node, with spans.
#include <doctest/doctest.h>

#include "syntax_helpers.hpp"

using namespace scalepol;
using namespace scalepol::syntax::test;
using ast::ExprKind;

TEST_CASE("policy header: name, title, string and date fields") {
  auto r = parse_text(
      "policy eu_ai_act \"EU AI Act\" {\n"
      "  issuer    \"European Union\"\n"
      "  published 2024-07-12\n"
      "  source    \"https://eur-lex.europa.eu/eli/reg/2024/1689/oj\"\n"
      "}\n");
  const auto& m = ok(r);
  REQUIRE(m.header);
  CHECK(m.header->name.text == "eu_ai_act");
  CHECK(m.header->name.span.column == 8);
  CHECK(m.header->title == "EU AI Act");
  REQUIRE(m.header->fields.size() == 3);
  CHECK(m.header->fields[0].key.text == "issuer");
  CHECK(m.header->fields[0].text == "European Union");
  CHECK_FALSE(m.header->fields[0].date);
  CHECK(m.header->fields[1].text == "2024-07-12");
  REQUIRE(m.header->fields[1].date);
  CHECK(*m.header->fields[1].date == 19916);
  CHECK(m.header->fields[1].span.line == 3);
  CHECK(m.header->fields[1].span.column == 3);
  CHECK(m.header->fields[2].key.text == "source");  // a soft keyword as a field name
  CHECK(m.header->span.line == 1);
  CHECK(m.header->span.end_line == 5);
  CHECK(m.path == "test.policy");
}

TEST_CASE("imports: std modules by qualified name, files by string") {
  auto r = parse_text("import std.model\nimport \"./common.policy\"\nimport standards.x\n");
  const auto& m = ok(r);
  REQUIRE(m.imports.size() == 3);
  CHECK(m.imports[0].is_std);
  CHECK(m.imports[0].path == "std.model");
  CHECK(m.imports[0].span.column == 1);
  CHECK(m.imports[0].span.end_column == 17);
  CHECK_FALSE(m.imports[1].is_std);
  CHECK(m.imports[1].path == "./common.policy");
  CHECK(m.imports[1].span.line == 2);
  CHECK_FALSE(m.imports[2].is_std);  // only a first part that is exactly `std`
}

TEST_CASE("field: type, columns, key, quote") {
  auto r = parse_text(
      "field training_compute: FLOP column \"Training compute (FLOP)\", \"training_compute_flop\"\n"
      "field model: text key quote \"the model\" source \"Annex\"\n"
      "field released: date\n");
  const auto& m = ok(r);
  REQUIRE(m.fields.size() == 3);
  CHECK(m.fields[0].name.text == "training_compute");
  CHECK(m.fields[0].type.text == "FLOP");
  CHECK(m.fields[0].type.span.column == 25);
  REQUIRE(m.fields[0].columns.size() == 2);
  CHECK(m.fields[0].columns[1] == "training_compute_flop");
  CHECK_FALSE(m.fields[0].key);
  CHECK(m.fields[1].key);
  CHECK(m.fields[1].type.text == "text");
  REQUIRE(m.fields[1].quotes.size() == 1);
  CHECK(m.fields[1].quotes[0].text == "the model");
  CHECK(m.fields[1].quotes[0].source == "Annex");
  CHECK(m.fields[2].type.text == "date");
  CHECK(m.fields[2].span.line == 3);
}

TEST_CASE("field: bound columns, `low` and `high`, which stay usable as names") {
  auto r = parse_text(
      "field training_compute: FLOP column \"Training compute (FLOP)\"\n"
      "  low \"Training compute lower bound\", \"training_compute_low\"  high \"Training compute upper bound\"\n"
      "field high: number high \"h\"\n"
      "tiers low by high { tier low below 1  tier high from 1 }\n");
  const auto& m = ok(r);
  REQUIRE(m.fields.size() == 2);
  CHECK(m.fields[0].columns == std::vector<std::string>{"Training compute (FLOP)"});
  CHECK(m.fields[0].low_columns == std::vector<std::string>{"Training compute lower bound", "training_compute_low"});
  CHECK(m.fields[0].high_columns == std::vector<std::string>{"Training compute upper bound"});
  CHECK(m.fields[0].bounds_span.line == 2);
  CHECK(m.fields[0].bounds_span.column == 3);
  CHECK(m.fields[1].name.text == "high");
  CHECK(m.fields[1].low_columns.empty());
  CHECK(m.fields[1].high_columns == std::vector<std::string>{"h"});
  REQUIRE(m.tiers.size() == 1);
  CHECK(m.tiers[0].name.text == "low");
  CHECK(m.tiers[0].tiers[1].name.text == "high");
}

TEST_CASE("field: bounds on a field that is not a quantity are refused") {
  auto r = parse_text("field released: date column \"Publication date\" low \"earliest\"\nfield n: text high \"x\"\n");
  REQUIRE(r.diagnostics.items.size() == 2);
  const Diagnostic& d = r.diagnostics.items[0];
  CHECK(d.code == "type-mismatch");
  CHECK(d.message == "`low` and `high` give the bounds of a quantity; `released` is a date");
  CHECK(d.location.line == 1);
  CHECK(d.location.column == 48);
  CHECK(r.diagnostics.items[1].message == "`low` and `high` give the bounds of a quantity; `n` is text");
  CHECK(r.module.fields[0].low_columns.empty());
}

TEST_CASE("benchmark settings of each kind") {
  auto r = parse_text(
      "benchmark gpqa_diamond {\n"
      "  version \"2023-11\"  scale 0..100 pp  shots 0  chain_of_thought allowed  tools unspecified\n"
      "  source \"Rein et al.\"\n"
      "}\n");
  const auto& m = ok(r);
  REQUIRE(m.benchmarks.size() == 1);
  const auto& b = m.benchmarks[0];
  CHECK(b.name.text == "gpqa_diamond");
  REQUIRE(b.settings.size() == 5);
  using Kind = ast::Setting::Kind;
  CHECK(b.settings[0].key.text == "version");
  CHECK(b.settings[0].kind == Kind::Literal);
  CHECK(b.settings[0].literal->text == "2023-11");
  CHECK(b.settings[1].kind == Kind::Range);
  CHECK(b.settings[1].range.hi == 100);
  CHECK(b.settings[1].range.unit == "pp");
  CHECK(b.settings[2].kind == Kind::Literal);
  CHECK(b.settings[2].literal->number == 0);
  CHECK(b.settings[3].kind == Kind::Word);
  CHECK(b.settings[3].word.text == "allowed");
  CHECK(b.settings[4].kind == Kind::Unspecified);
  CHECK(b.settings[4].span.column == 74);
  // `source "…"` in a benchmark is a quote clause, not a setting named source.
  REQUIRE(b.quotes.size() == 1);
  CHECK(b.quotes[0].source == "Rein et al.");
  CHECK(b.quotes[0].text.empty());
}

TEST_CASE("effective compute: absent, unspecified and given parts") {
  auto r = parse_text(
      "effective_compute ec {\n"
      "  quote \"roughly the compute\"\n"
      "  base          training_compute\n"
      "  metric        example loss \"cross-entropy\"\n"
      "  baseline      unspecified\n"
      "  baseline_date 2019-01-01\n"
      "  post_training excluded\n"
      "  multiplier    2x\n"
      "}\n");
  const auto& m = ok(r);
  REQUIRE(m.effective_computes.size() == 1);
  const auto& ec = m.effective_computes[0];
  using State = ast::EcPart::State;
  CHECK(ec.name.text == "ec");
  REQUIRE(ec.quotes.size() == 1);
  CHECK(ec.base.state == State::Given);
  CHECK(ec.base.span.line == 3);
  CHECK(ec.base.span.column == 3);
  CHECK(ec.base.value->path[0].text == "training_compute");
  CHECK(ec.metric.state == State::Given);
  CHECK(ec.metric.example);
  CHECK(ec.metric.kind == decltype(ec.metric.kind)::Loss);
  CHECK(ec.metric.text == "cross-entropy");
  CHECK(ec.baseline.state == State::Unspecified);
  CHECK(ec.baseline.span.line == 5);
  CHECK(ec.baseline_date.state == State::Given);
  CHECK(ec.baseline_date.date == 17897);
  CHECK(ec.scale.state == State::Absent);
  CHECK_FALSE(ec.scale.value);
  CHECK(ec.post_training.state == State::Given);
  CHECK_FALSE(ec.post_training.included);
  CHECK(ec.multiplier.value->unit == "x");
}

TEST_CASE("effective compute: metric forms") {
  auto r = parse_text(
      "effective_compute a { metric benchmark mmlu  post_training included }\n"
      "effective_compute b { metric \"downstream tasks\"  metric_free unspecified }\n");
  // `metric_free` is not a part: only the first item is clean.
  REQUIRE_FALSE(r.diagnostics.empty());
  auto s = parse_text("effective_compute a { metric benchmark mmlu  post_training included }\n"
                      "effective_compute b { metric \"downstream tasks\" }\n"
                      "effective_compute c { metric unspecified  scale 1e25 FLOP }\n");
  const auto& m = ok(s);
  using Kind = decltype(m.effective_computes[0].metric.kind);
  CHECK(m.effective_computes[0].metric.kind == Kind::Benchmark);
  CHECK(m.effective_computes[0].metric.benchmark.text == "mmlu");
  CHECK_FALSE(m.effective_computes[0].metric.example);
  CHECK(m.effective_computes[0].post_training.included);
  CHECK(m.effective_computes[1].metric.kind == Kind::Text);
  CHECK(m.effective_computes[1].metric.text == "downstream tasks");
  CHECK(m.effective_computes[2].metric.state == ast::EcPart::State::Unspecified);
  CHECK(m.effective_computes[2].metric.kind == Kind::None);
  CHECK(m.effective_computes[2].scale.value->unit == "FLOP");
}

TEST_CASE("references: a record field, with or without `record.`, or the frontier") {
  auto r = parse_text(
      "reference last_assessed = record.last_assessment\n"
      "reference previous = predecessor quote \"the previous model\"\n"
      "reference frontier_2024 = frontier at 2024-01-01 by training_compute\n"
      "reference f = frontier at 2023-06-01\n");
  const auto& m = ok(r);
  REQUIRE(m.references.size() == 4);
  using Kind = ast::ReferenceDecl::Kind;
  CHECK(m.references[0].kind == Kind::Field);
  CHECK(m.references[0].field.text == "last_assessment");
  CHECK(m.references[0].field.span.column == 34);
  CHECK(m.references[1].field.text == "predecessor");
  CHECK(m.references[1].quotes.size() == 1);
  CHECK(m.references[2].kind == Kind::Frontier);
  CHECK(m.references[2].frontier_date == 19723);
  REQUIRE(m.references[2].frontier_by);
  CHECK(m.references[2].frontier_by->text == "training_compute");
  CHECK_FALSE(m.references[3].frontier_by);
}

TEST_CASE("define: optional type, value, quotes") {
  auto r = parse_text(
      "define open_weights = accessibility starts_with \"Open weights\"\n"
      "define threshold: FLOP = 1e25 FLOP quote \"10^25\"\n");
  const auto& m = ok(r);
  REQUIRE(m.defines.size() == 2);
  CHECK(m.defines[0].name.text == "open_weights");
  CHECK_FALSE(m.defines[0].type);
  CHECK(m.defines[0].value->kind == ExprKind::StartsWith);
  REQUIRE(m.defines[1].type);
  CHECK(m.defines[1].type->text == "FLOP");
  CHECK(m.defines[1].quotes.size() == 1);
  CHECK(m.defines[1].span.line == 2);
}

TEST_CASE("trigger: quote, when, obligations with their own quotes") {
  auto r = parse_text(
      "trigger capability_evaluation {\n"
      "  quote \"after every 4x jump\"\n"
      "  when ec >= 4x ec@last_assessed\n"
      "    or time_since(last_assessed) >= 3 months\n"
      "  require evaluate \"next-ASL capability evaluations\" within 30 days quote \"q\" source \"s\"\n"
      "  require notify\n"
      "}\n");
  const auto& m = ok(r);
  REQUIRE(m.triggers.size() == 1);
  const auto& t = m.triggers[0];
  CHECK(t.name.text == "capability_evaluation");
  REQUIRE(t.quotes.size() == 1);
  CHECK(t.quotes[0].text == "after every 4x jump");
  REQUIRE(t.when);
  CHECK(t.when->kind == ExprKind::Or);
  CHECK(t.when->span.line == 3);
  CHECK(t.when->span.column == 8);
  CHECK(t.when->span.end_line == 4);
  REQUIRE(t.obligations.size() == 2);
  CHECK(t.obligations[0].kind.text == "evaluate");
  CHECK(t.obligations[0].text == "next-ASL capability evaluations");
  REQUIRE(t.obligations[0].within);
  CHECK(t.obligations[0].within->unit == "days");
  REQUIRE(t.obligations[0].quotes.size() == 1);  // the quote after `require` is the obligation's
  CHECK(t.obligations[0].quotes[0].source == "s");
  CHECK(t.obligations[1].kind.text == "notify");
  CHECK(t.obligations[1].text.empty());
  CHECK_FALSE(t.obligations[1].within);
  CHECK(t.obligations[1].span.line == 6);
}

TEST_CASE("a trigger without `when` has a null condition") {
  auto r = parse_text("trigger t { require notify }");
  const auto& m = ok(r);
  CHECK_FALSE(m.triggers[0].when);
}

TEST_CASE("tiers: the axis, bounds of each kind, quotes and obligations") {
  auto r = parse_text(
      "tiers concern by training_compute {\n"
      "  tier low      below 1e24 FLOP\n"
      "  tier medium   from 1e24 FLOP below 1e26 FLOP   require report \"pre-training notification\" within 30 days\n"
      "  tier high     above 1e26 FLOP up_to 1e28 FLOP\n"
      "    quote \"q\" source \"s\"\n"
      "    require license \"frontier AI permit\"\n"
      "}\n");
  const auto& m = ok(r);
  REQUIRE(m.tiers.size() == 1);
  const auto& t = m.tiers[0];
  CHECK(t.name.text == "concern");
  CHECK(t.by->path[0].text == "training_compute");
  REQUIRE(t.tiers.size() == 3);
  using B = ast::BoundKind;
  REQUIRE(t.tiers[0].bounds.size() == 1);
  CHECK(t.tiers[0].bounds[0].kind == B::Below);
  CHECK(t.tiers[0].bounds[0].value->number == 1e24);
  CHECK(t.tiers[0].bounds[0].span.column == 17);
  REQUIRE(t.tiers[1].bounds.size() == 2);
  CHECK(t.tiers[1].bounds[0].kind == B::From);
  CHECK(t.tiers[1].bounds[1].kind == B::Below);
  REQUIRE(t.tiers[1].obligations.size() == 1);
  CHECK(t.tiers[1].obligations[0].within->number == 30);
  CHECK(t.tiers[2].bounds[0].kind == B::Above);
  CHECK(t.tiers[2].bounds[1].kind == B::UpTo);
  REQUIRE(t.tiers[2].quotes.size() == 1);
  CHECK(t.tiers[2].quotes[0].text == "q");
  CHECK(t.tiers[2].obligations[0].text == "frontier AI permit");
  CHECK(t.tiers[2].span.line == 4);
  CHECK(t.tiers[2].span.end_line == 6);
}

TEST_CASE("escalate") {
  auto r = parse_text("escalate concern to high when gpqa_diamond >= 60 pp quote \"q\"");
  const auto& m = ok(r);
  REQUIRE(m.escalations.size() == 1);
  CHECK(m.escalations[0].ladder.text == "concern");
  CHECK(m.escalations[0].tier.text == "high");
  CHECK(m.escalations[0].tier.span.column == 21);
  CHECK(m.escalations[0].when->kind == ExprKind::Compare);
  CHECK(m.escalations[0].quotes.size() == 1);
}

TEST_CASE("exemptions: targets listed, `all`, nothing said, and the short form") {
  auto r = parse_text(
      "exemption fast_track {\n"
      "  quote \"a fast track\"\n"
      "  applies_to concern.medium, concern.high\n"
      "  when certified \"clearly not dangerous\"\n"
      "}\n"
      "exemption everything { applies_to all  when x }\n"
      "exemption unsaid { when x }\n"
      "exempt existing_open_weights when open_weights and released < 2024-04-09\n");
  const auto& m = ok(r);
  REQUIRE(m.exemptions.size() == 4);
  const auto& fast = m.exemptions[0];
  CHECK_FALSE(fast.applies_to_all);
  REQUIRE(fast.applies_to.size() == 2);
  REQUIRE(fast.applies_to[1].size() == 2);
  CHECK(fast.applies_to[1][0].text == "concern");
  CHECK(fast.applies_to[1][1].text == "high");
  CHECK(fast.applies_to[1][1].span.line == 3);
  CHECK(fast.applies_to[1][1].span.column == 38);
  CHECK(fast.when->kind == ExprKind::FreeText);
  CHECK(fast.quotes.size() == 1);
  CHECK(m.exemptions[1].applies_to_all);
  CHECK(m.exemptions[1].applies_to.empty());
  CHECK(m.exemptions[2].applies_to_all);
  const auto& short_form = m.exemptions[3];
  CHECK(short_form.name.text == "existing_open_weights");
  CHECK(short_form.applies_to_all);
  CHECK(short_form.when->kind == ExprKind::And);
  CHECK(short_form.span.line == 8);
}

TEST_CASE("assume: choices, a range, a value") {
  auto r = parse_text(
      "assume {\n"
      "  baseline_date in [2019-01-01, 2023-09-19]\n"
      "  halving in 5..14 months\n"
      "  multiplier = std.progress.halving(8 months within 5..14 months, since: baseline_date)\n"
      "}\n");
  const auto& m = ok(r);
  REQUIRE(m.assumptions.size() == 1);
  const auto& items = m.assumptions[0].items;
  REQUIRE(items.size() == 3);
  using Kind = ast::Assumption::Kind;
  CHECK(items[0].kind == Kind::Choices);
  CHECK(items[0].name.text == "baseline_date");
  REQUIRE(items[0].choices.size() == 2);
  CHECK(items[0].choices[1]->kind == ExprKind::Date);
  CHECK(items[1].kind == Kind::Range);
  CHECK(items[1].range.lo == 5);
  CHECK(items[1].range.unit == "months");
  CHECK(items[2].kind == Kind::Value);
  CHECK(items[2].name.text == "multiplier");
  CHECK(items[2].value->kind == ExprKind::Call);
  CHECK(items[2].value->args[0]->kind == ExprKind::Within);
  CHECK(items[2].span.line == 4);
}

TEST_CASE("test: records with literals, ranges and unknown; expectations; as_of") {
  auto r = parse_text(
      "test \"GPT-4 is in tier 1\" {\n"
      "  as_of 2025-06-01\n"
      "  record { model \"GPT-4\" training_compute 2.1e25 FLOP parameters 7 open_weights true }\n"
      "  record { model \"o3\" released unknown estimate 1e25..4e25 FLOP }\n"
      "  expect concern == reporting\n"
      "  expect obligations contains license\n"
      "}\n");
  const auto& m = ok(r);
  REQUIRE(m.tests.size() == 1);
  const auto& t = m.tests[0];
  CHECK(t.name == "GPT-4 is in tier 1");
  REQUIRE(t.as_of);
  CHECK(*t.as_of == 20240);
  REQUIRE(t.records.size() == 2);
  const auto& first = t.records[0].entries;
  REQUIRE(first.size() == 4);
  using Kind = ast::RecordEntry::Kind;
  CHECK(first[1].field.text == "training_compute");
  CHECK(first[1].kind == Kind::Literal);
  CHECK(first[1].literal->unit == "FLOP");
  CHECK(first[2].literal->unit.empty());  // `7 open_weights`: the next name is no unit
  CHECK(first[3].literal->kind == ExprKind::Bool);
  const auto& second = t.records[1].entries;
  REQUIRE(second.size() == 3);
  CHECK(second[1].kind == Kind::Unknown);
  CHECK(second[2].kind == Kind::Range);
  CHECK(second[2].range.hi == 4e25);
  CHECK(second[2].span.line == 4);
  CHECK(t.records[1].span.line == 4);
  REQUIRE(t.expects.size() == 2);
  CHECK(t.expects[1]->kind == ExprKind::Contains);
}

TEST_CASE("items are kept in source order by kind, and comments are ignored") {
  auto r = parse_text(
      "// a comment\n"
      "define a = 1 /* inline */ define b = 2\n"
      "/* a block\n comment */ define c = 3\n");
  const auto& m = ok(r);
  REQUIRE(m.defines.size() == 3);
  CHECK(m.defines[0].name.text == "a");
  CHECK(m.defines[2].name.text == "c");
  CHECK(m.defines[2].span.line == 4);
  CHECK(m.defines[2].span.column == 13);
}

TEST_CASE("an empty file is an empty module") {
  auto r = parse_text("");
  CHECK(r.diagnostics.empty());
  CHECK_FALSE(r.module.header);
  CHECK(r.module.defines.empty());
  auto s = parse_text("  \n// only a comment\n");
  CHECK(s.diagnostics.empty());
}
