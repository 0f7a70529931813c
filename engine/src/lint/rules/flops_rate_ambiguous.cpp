// `flops-rate-ambiguous`: `FLOPs` or `FLOPS`: operations, or operations per second?
//
// "FLOPs" is the plural of FLOP (a count of operations) to some writers and "floating-point
// operations per second" to others. Policies use both ideas side by side: EO 14110 §4.2(b) sets a
// model threshold of 10^26 operations and a cluster threshold of 10^20 operations per second
// (sources in docs/lint/flops-rate-ambiguous.md). scalepol accepts the words (reading `FLOPs` as
// FLOP and `FLOPS` as FLOP/s) and reports each place one is written: a number's unit, a range's
// unit, and a field or definition's declared type.
#include <fmt/format.h>

#include "check/units.hpp"
#include "lint/rules/rules.hpp"
#include "lint/walk.hpp"

namespace scalepol::linter::rules {

namespace {

bool is_ambiguous(const std::string& unit) {
  if (unit.empty()) return false;
  auto u = check::find_unit(unit);
  return u && u->ambiguous;
}

void report(Context& cx, int32_t m, const ast::Span& span, const std::string& unit) {
  auto& d = cx.report(flops_rate_ambiguous.code, m, span,
                      fmt::format("`{}` can mean operations or operations per second", unit));
  const bool rate = check::find_unit(unit)->dim == ast::Dim::ComputeRate;
  d.notes.push_back(rate ? fmt::format("scalepol reads `{}` as `FLOP/s`, a rate", unit)
                         : fmt::format("scalepol reads `{}` as `FLOP`, a total", unit));
  d.notes.push_back(
      "policies use both: EO 14110 sets 10^26 operations for a model and 10^20 operations per second for a "
      "computing cluster");
  d.help = "write `FLOP` for a total, `FLOP/s` for a rate";
}

void check_range(Context& cx, int32_t m, const ast::Range& r) {
  if (is_ambiguous(r.lo_unit)) report(cx, m, r.span, r.lo_unit);
  if (is_ambiguous(r.unit)) report(cx, m, r.span, r.unit);
}

void check_expr(Context& cx, int32_t m, const ast::Expr& root) {
  walk(root, [&](const ast::Expr& e) {
    if (e.kind == ast::ExprKind::Number && is_ambiguous(e.unit)) report(cx, m, e.unit_span, e.unit);
    if (e.kind == ast::ExprKind::Within) check_range(cx, m, e.range);
  });
}

void check_type(Context& cx, int32_t m, const ast::TypeRef& t) {
  if (is_ambiguous(t.text)) report(cx, m, t.span, t.text);
}

// Units written outside expressions: declared types, setting and assumption ranges, test records.
void check_declarations(Context& cx, int32_t m) {
  const auto& mod = cx.module(m);
  for (const auto& f : mod.fields) check_type(cx, m, f.type);
  for (const auto& d : mod.defines)
    if (d.type) check_type(cx, m, *d.type);
  for (const auto& b : mod.benchmarks)
    for (const auto& s : b.settings)
      if (s.kind == ast::Setting::Kind::Range) check_range(cx, m, s.range);
  for (const auto& a : mod.assumptions)
    for (const auto& item : a.items)
      if (item.kind == ast::Assumption::Kind::Range) check_range(cx, m, item.range);
  for (const auto& t : mod.tests)
    for (const auto& rec : t.records)
      for (const auto& entry : rec.entries) {
        if (entry.kind == ast::RecordEntry::Kind::Range) check_range(cx, m, entry.range);
        if (entry.kind == ast::RecordEntry::Kind::Literal && entry.literal) check_expr(cx, m, *entry.literal);
      }
}

void run(Context& cx) {
  for (int32_t m : cx.user_modules()) {
    check_declarations(cx, m);
    for_each_root(cx.module(m), [&](const ast::Expr& e, const Site&) { check_expr(cx, m, e); });
  }
}

}  // namespace

const Rule flops_rate_ambiguous{Code::FlopsRateAmbiguous, &run};

}  // namespace scalepol::linter::rules
