#include "eval/readings.hpp"
#include "check/exact_scale.hpp"

#include "check/units.hpp"
#include "eval/model_names.hpp"

namespace scalepol::eval {

namespace {

Value literal(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::Number: return Value::number(e.value);
    case ast::ExprKind::Date: return Value::date(e.date);
    case ast::ExprKind::String: return Value::of_text(e.text);
    case ast::ExprKind::Bool: return Value::of_bool(e.boolean);
    case ast::ExprKind::Neg: {
      Value v = literal(*e.args[0]);
      return v.kind == Value::Kind::Number ? Value::number(-v.x) : Value::unknown();
    }
    default: return Value::unknown();  // not a constant: the checker's types keep this rare
  }
}

}  // namespace

std::size_t Readings::size() const {
  std::size_t n = 1;
  for (const auto& a : alternatives) n *= a.size();
  return n;
}

// Readings are numbered in mixed radix, the first dim varying slowest.
std::size_t Readings::choice(std::size_t r, std::size_t d) const {
  for (std::size_t k = alternatives.size(); k-- > d + 1;) r /= alternatives[k].size();
  return r % alternatives[d].size();
}

std::size_t Readings::with_choice(std::size_t r, std::size_t d, std::size_t a) const {
  std::size_t stride = 1;
  for (std::size_t k = alternatives.size(); k-- > d + 1;) stride *= alternatives[k].size();
  return r - choice(r, d) * stride + a * stride;
}

void Readings::values(std::size_t r, std::size_t assumption_count, std::vector<Value>& out) const {
  out.assign(assumption_count, Value::unknown());
  for (std::size_t d = 0; d < dims.size(); ++d) out[dims[d]] = alternatives[d][choice(r, d)];
}

Readings enumerate_readings(const check::Program& p) {
  Readings out;
  for (int32_t i = 0; i < static_cast<int32_t>(p.assumptions.size()); ++i) {
    const auto& decl = *p.assumptions[i].decl;
    std::vector<Value> values;
    std::vector<std::string> labels;
    if (decl.kind == ast::Assumption::Kind::Choices) {
      for (const auto& c : decl.choices) {
        if (!c) continue;
        values.push_back(literal(*c));
        labels.push_back(expr_text(*c));
      }
    } else if (decl.kind == ast::Assumption::Kind::Range) {
      double scale = 1, lo_scale = 1;
      if (auto u = check::find_unit(decl.range.unit)) scale = lo_scale = u->scale;
      if (auto u = check::find_unit(decl.range.lo_unit)) lo_scale = u->scale;
      values = {Value::number(check::scaled_exactly(decl.range.lo, lo_scale)),
                Value::number(check::scaled_exactly(decl.range.hi, scale))};
      const std::string unit = decl.range.unit.empty() ? "" : " " + decl.range.unit;
      labels = {format_number(decl.range.lo) + unit, format_number(decl.range.hi) + unit};
    } else {
      continue;
    }
    if (values.empty()) continue;
    out.dims.push_back(i);
    out.alternatives.push_back(std::move(values));
    out.labels.push_back(std::move(labels));
  }
  return out;
}

}  // namespace scalepol::eval
