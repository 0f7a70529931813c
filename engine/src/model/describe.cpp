#include "model/describe.hpp"

#include <algorithm>

#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <bit>
#include <cmath>
#include <functional>

namespace scalepol::model {

std::string format_number(double x) {
  if (!std::isfinite(x)) return std::isnan(x) ? "nan" : (x > 0 ? "inf" : "-inf");
  std::string s = fmt::format("{}", x);
  // fmt prints the shortest round-trip form: 2.1e+25 → 2.1e25, 1e-05 → 1e-5.
  auto e = s.find('e');
  if (e == std::string::npos) return s;
  std::string mantissa = s.substr(0, e), exponent = s.substr(e + 1);
  bool negative = !exponent.empty() && exponent[0] == '-';
  if (!exponent.empty() && (exponent[0] == '+' || exponent[0] == '-')) exponent.erase(0, 1);
  while (exponent.size() > 1 && exponent[0] == '0') exponent.erase(0, 1);
  return mantissa + "e" + (negative ? "-" : "") + exponent;
}

double round_significant(double x, int digits) {
  if (!std::isfinite(x) || x == 0) return x;
  const std::string text = fmt::format("{:.{}g}", x, digits);
  double rounded = x;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), rounded);
  return ec == std::errc() ? rounded : x;
}

std::string format_quantity(double base_value, ast::Dim dim) {
  using ast::Dim;
  switch (dim) {
    case Dim::Number: return format_number(base_value);
    case Dim::Ratio: return format_number(base_value) + "x";
    case Dim::Time: {
      // Durations read best in months when long.
      if (std::fabs(base_value) >= 60) return format_number(std::round(base_value / (365.2425 / 12) * 10) / 10) + " months";
      return format_number(std::round(base_value * 10) / 10) + " days";
    }
    default: return format_number(base_value) + " " + std::string(check::base_unit_name(dim));
  }
}

std::string format_date(int32_t days) {
  std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}


double keep_sides(double x, double shown, const Lines& lines) {
  if (shown == x || !std::isfinite(x)) return shown;
  // A line is crossed when it lies in [min, max] of the two and is not x itself on the far side.
  const auto crosses = [&](double candidate) {
    const double lo = std::min(x, candidate), hi = std::max(x, candidate);
    auto it = std::lower_bound(lines.begin(), lines.end(), lo);
    for (; it != lines.end() && *it <= hi; ++it) {
      const double line = *it;
      const int side_x = (x > line) - (x < line), side_c = (candidate > line) - (candidate < line);
      if (side_x != side_c) return true;
    }
    return false;
  };
  if (!crosses(shown)) return shown;
  for (int digits = 5; digits <= 17; ++digits) {
    const double candidate = round_significant(x, digits);
    if (!crosses(candidate)) return candidate;
  }
  return x;
}

Lines policy_lines(const check::Program& p) {
  Lines lines;
  for (const auto& ladder : p.ladders)
    for (const auto& r : ladder.ranges) {
      if (r.has_lo) lines.push_back(r.lo);
      if (r.has_hi) lines.push_back(r.hi);
    }
  std::vector<const ast::Expr*> stack;
  const auto push = [&](const ast::Expr* e) {
    if (e) stack.push_back(e);
  };
  for (const auto* d : p.defines) push(d->value.get());
  for (const auto* t : p.triggers) push(t->when.get());
  for (const auto& e : p.exemptions) push(e.decl->when.get());
  for (const auto& e : p.escalations) push(e.decl->when.get());
  while (!stack.empty()) {
    const ast::Expr& e = *stack.back();
    stack.pop_back();
    if (e.kind == ast::ExprKind::Number && std::isfinite(e.value)) lines.push_back(e.value);
    for (const auto& a : e.args) push(a.get());
  }
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  return lines;
}

std::string where_text(const std::vector<ast::RowFilter>& where) {
  std::string out;
  for (const auto& f : where) out += fmt::format("{}`{}` is `{}`", out.empty() ? "" : " and ", f.column, f.value);
  return out;
}

std::string half_open_text(const Value& v, ast::Dim dim, const std::function<double(double)>& shown) {
  if (std::isinf(v.hi) && std::isfinite(v.lo)) return "at least " + format_quantity(shown(v.lo), dim);
  if (std::isfinite(v.hi) && !std::isfinite(v.lo)) return "at most " + format_quantity(shown(v.hi), dim);
  if (std::isfinite(v.lo) && std::isfinite(v.hi))  // from zero: a total with only its upper bound
    return format_quantity(shown(v.lo), dim) + "–" + format_quantity(shown(v.hi), dim) + ", no point estimate";
  return "any value";
}

std::string format_value(const Value& v, ast::Dim dim, const Lines& lines) {
  // Four significant digits: computed values (2^(6/5) × 2.5e24) read as 5.743e24, not
  // 5.7434…e24; data values of four digits or fewer (1.001e25, 2.1e25) read as written.
  const auto readable = [&](double x) { return keep_sides(x, round_significant(x, 4), lines); };
  switch (v.kind) {
    case Value::Kind::Unknown: return "unknown";
    case Value::Kind::Bool: return v.boolean ? "true" : "false";
    case Value::Kind::Text: return "\"" + v.text + "\"";
    case Value::Kind::Date: return format_date(static_cast<int32_t>(v.x));
    case Value::Kind::Tier: return fmt::format("tier #{}", v.tier);
    case Value::Kind::Number:
      if (std::isnan(v.x)) return half_open_text(v, dim, readable);
      if (v.lo == v.hi) return format_quantity(readable(v.x), dim);
      return format_quantity(readable(v.x), dim) + " (range " + format_quantity(readable(v.lo), dim) + "–" +
             format_quantity(readable(v.hi), dim) + ")";
  }
  return "";
}

namespace {

int precedence(const ast::Expr& e) {
  using EK = ast::ExprKind;
  switch (e.kind) {
    case EK::Or: return 1;
    case EK::And: return 2;
    case EK::Not: return 3;
    case EK::Compare: case EK::IsStatus: case EK::Contains: case EK::StartsWith: return 4;
    case EK::Arith: return (e.ops[0] == ast::Op::Add || e.ops[0] == ast::Op::Sub) ? 5 : 6;
    case EK::Neg: return 7;
    default: return 8;
  }
}

std::string operand(const ast::Expr& e, int parent) {
  auto s = expr_text(e);
  return precedence(e) <= parent ? "(" + s + ")" : s;
}

}  // namespace

std::string expr_text(const ast::Expr& e) {
  using EK = ast::ExprKind;
  switch (e.kind) {
    case EK::Number: return (e.text.empty() ? format_number(e.number) : e.text) + (e.unit == "x" ? "x" : e.unit.empty() ? "" : " " + e.unit);
    case EK::Date: return format_date(e.date);
    case EK::String: return "\"" + e.text + "\"";
    case EK::Bool: return e.boolean ? "true" : "false";
    case EK::Name: {
      std::string s;
      for (const auto& p : e.path) s += (s.empty() ? "" : ".") + p.text;
      return s;
    }
    case EK::At: return operand(*e.args[0], 7) + "@" + e.ref.text;
    case EK::Neg: return "-" + operand(*e.args[0], 7);
    case EK::Not: return "not " + operand(*e.args[0], 3);
    case EK::And:
    case EK::Or: {
      std::string s;
      for (const auto& a : e.args) s += (s.empty() ? "" : (e.kind == EK::And ? " and " : " or ")) + operand(*a, precedence(e));
      return s;
    }
    case EK::Arith: {
      // `4x ec@last_assessed` as written: a ratio literal applied to one operand.
      if (e.args.size() == 2 && e.ops[0] == ast::Op::Mul && e.args[0]->kind == EK::Number && e.args[0]->unit == "x")
        return expr_text(*e.args[0]) + " " + operand(*e.args[1], 7);
      std::string s = operand(*e.args[0], precedence(e) - 1);
      for (std::size_t i = 1; i < e.args.size(); ++i)
        s += std::string(" ") + ast::op_text(e.ops[i - 1]) + " " + operand(*e.args[i], precedence(e));
      return s;
    }
    case EK::Compare: return operand(*e.args[0], 4) + " " + ast::op_text(e.ops[0]) + " " + operand(*e.args[1], 4);
    case EK::IsStatus: return operand(*e.args[0], 4) + " " + ast::status_test_text(e);
    case EK::Contains: return operand(*e.args[0], 4) + " contains " + operand(*e.args[1], 4);
    case EK::StartsWith: return operand(*e.args[0], 4) + " starts_with " + operand(*e.args[1], 4);
    case EK::Call: {
      std::string s = e.callee.text + "(";
      for (std::size_t i = 0; i < e.args.size(); ++i) {
        if (i) s += ", ";
        if (i < e.arg_names.size() && !e.arg_names[i].empty()) s += e.arg_names[i] + ": ";
        s += expr_text(*e.args[i]);
      }
      return s + ")";
    }
    case EK::FreeText: return "certified \"" + e.text + "\"";
    case EK::Within:
      return expr_text(*e.args[0]) + " within " + format_number(e.range.lo) + ".." + format_number(e.range.hi) +
             (e.range.unit.empty() ? "" : " " + e.range.unit);
  }
  return "";
}

std::string reach_text(TierSet reach, const std::function<std::string(int32_t)>& name) {
  if (reach == 0) return "no tier at all";
  const int lo = std::countr_zero(reach), hi = 63 - std::countl_zero(reach);
  const TierSet span = (hi == 63 ? ~TierSet{0} : (TierSet{1} << (hi + 1)) - 1) & ~((TierSet{1} << lo) - 1);
  if (reach == span && lo > 0 && hi > lo) return fmt::format("from {} to {}", name(lo - 1), name(hi - 1));
  std::vector<std::string> names;
  for (int b = lo; b <= hi; ++b)
    if (reach & (TierSet{1} << b)) names.push_back(name(b - 1));
  if (names.size() == 1) return names[0];
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return out;
}

}  // namespace scalepol::model
