// Policy::run_tests: each `test` block's records become a record set of their own; its
// expectations are evaluated on the first record and must be definitely true.
#include <fmt/format.h>

#include "api/impl.hpp"
#include "check/exact_scale.hpp"
#include "eval/evaluator.hpp"
#include "eval/readings.hpp"
#include "model/describe.hpp"

namespace scalepol {

namespace {

model::Value literal_value(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::Number: return model::Value::number(e.value);
    case ast::ExprKind::Date: return model::Value::date(e.date);
    case ast::ExprKind::String: return model::Value::of_text(e.text);
    case ast::ExprKind::Bool: return model::Value::of_bool(e.boolean);
    default: return model::Value::unknown();
  }
}

double unit_scale(const std::string& unit, double fallback) {
  if (auto u = check::find_unit(unit)) return u->scale;
  return fallback;
}

// What a value is, in the words of the policy: a tier by its name.
std::string show(const model::Value& v, const ast::Expr& e, const check::Program& p) {
  if (v.kind == model::Value::Kind::Tier && e.type.kind == ast::TypeKind::Tier && e.type.index >= 0) {
    const auto& tiers = p.ladders[e.type.index].decl->tiers;
    std::string name = v.tier >= 0 && v.tier < static_cast<int32_t>(tiers.size()) ? tiers[v.tier].name.text : "no tier";
    return v.possible ? "possibly " + name : name;
  }
  if (v.kind == model::Value::Kind::Unknown) return v.possible ? "possible (a range straddles the line)" : "unknown";
  return model::format_value(v, e.type.dim);
}

}  // namespace

std::size_t TestResults::passed() const {
  std::size_t n = 0;
  for (const auto& c : cases) n += c.passed;
  return n;
}
std::size_t TestResults::failed() const { return cases.size() - passed(); }

TestResults Policy::run_tests() const {
  const auto& p = *data_->program;
  TestResults results;
  for (std::size_t i = 0; i < p.tests.size(); ++i) {
    const auto& t = *p.tests[i];
    TestCase tc;
    tc.name = t.name;
    tc.file = p.files[p.test_modules[i]]->path();
    tc.line = t.span.line;
    model::RecordSet set;
    set.schema = data_->schema;
    set.source = tc.file;
    for (const auto& rec : t.records) {
      model::Record r;
      r.values.resize(p.fields.size());
      r.line = rec.span.line;
      for (const auto& entry : rec.entries) {
        if (entry.slot < 0) continue;
        const auto& field = p.fields[entry.slot];
        if (entry.kind == ast::RecordEntry::Kind::Literal && entry.literal) {
          r.values[entry.slot] = literal_value(*entry.literal);
        } else if (entry.kind == ast::RecordEntry::Kind::Range) {
          double hi_scale = unit_scale(entry.range.unit, field.scale);
          double lo_scale = unit_scale(entry.range.lo_unit, hi_scale);
          r.values[entry.slot] = model::Value::number_range(check::scaled_exactly(entry.range.lo, lo_scale),
                                                              check::scaled_exactly(entry.range.hi, hi_scale));
        }
      }
      set.records.push_back(std::move(r));
    }
    set.index_names();
    if (set.records.empty()) {
      tc.failures.push_back("the test has no record");
      results.cases.push_back(std::move(tc));
      continue;
    }
    eval::Evaluator ev(p, set, t.as_of ? *t.as_of : eval::kNoDate);
    ev.set_step_limit(data_->limits.max_eval_steps_per_record);
    // An expectation must hold under every reading of the policy's assumptions.
    const auto readings = eval::enumerate_readings(p);
    std::vector<model::Value> values;
    for (std::size_t r = 0; r < readings.size(); ++r) {
      readings.values(r, p.assumptions.size(), values);
      ev.set_reading(&values);
      std::string under;  // names the reading when there are several
      for (std::size_t d = 0; d < readings.dims.size(); ++d)
        under += fmt::format("{}{} {}", under.empty() ? " under " : ", ", p.assumptions[readings.dims[d]].decl->name.text,
                             readings.labels[d][readings.choice(r, d)]);
      auto frame = ev.frame(set.records.front());
      for (const auto& expect : t.expects) {
        model::Value v = ev.eval(*expect, frame);
        if (v.kind == model::Value::Kind::Bool && v.boolean) continue;
        std::string got = v.kind == model::Value::Kind::Bool ? "false" : show(v, *expect, p);
        std::string detail;
        // Say what the left side actually was: `gpai_tier` is `gpai`.
        if ((expect->kind == ast::ExprKind::Compare || expect->kind == ast::ExprKind::IsStatus) && !expect->args.empty()) {
          const auto& lhs = *expect->args[0];
          detail = fmt::format(" ({} is {})", model::expr_text(lhs), show(ev.eval(lhs, frame), lhs, p));
        }
        tc.failures.push_back(fmt::format("line {}: expected `{}`, but it is {}{}{}", expect->span.line,
                                          model::expr_text(*expect), got, detail, under));
      }
    }
    tc.passed = tc.failures.empty();
    results.cases.push_back(std::move(tc));
  }
  return results;
}

}  // namespace scalepol
