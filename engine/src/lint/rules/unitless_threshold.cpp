// `unitless-threshold`: a number without a unit compared with a quantity that has one.
//
// `training_compute > 1e25` compiles (the number is read in the base unit, FLOP), but the text it
// encodes may have meant operations per second, or dollars: a threshold's unit is part of the
// threshold (docs/lint/unitless-threshold.md). The checker accepts the comparison; this rule
// reports it. Where it looks: both sides of every comparison, the two arguments of `min` and
// `max`, and every tier bound against its ladder's axis. (Adding a plain number to a quantity is
// not accepted at all: the checker reports it as `unit-mismatch`.)
#include <fmt/format.h>

#include "ast/builtins.hpp"
#include "check/units.hpp"
#include "lint/rules/rules.hpp"
#include "lint/walk.hpp"
#include "model/describe.hpp"

namespace scalepol::linter::rules {

namespace {

bool is_plain_number(const ast::Type& t) {
  return t.kind == ast::TypeKind::Quantity && t.dim == ast::Dim::Number;
}

// A quantity with a dimension of its own: not a plain number, not a ratio (a ratio compares with
// a plain number as it stands: `x > 2` and `x > 2x` say the same).
bool has_dimension(const ast::Type& t) {
  return t.kind == ast::TypeKind::Quantity && t.dim != ast::Dim::Number && t.dim != ast::Dim::Ratio;
}

// `1e25` or `-5`: a number written in place, which the fix can repeat with its unit.
bool is_literal(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::Neg) return is_literal(*e.args[0]);
  return e.kind == ast::ExprKind::Number;
}

std::string fix(const std::string& written, ast::Dim dim) {
  // A duration has no one obvious unit: 3 could be days or months, and that is the ambiguity.
  if (dim == ast::Dim::Time) return fmt::format("write the unit: `{} months` (or days, weeks, years)", written);
  return fmt::format("write the unit: `{} {}`", written, check::base_unit_name(dim));
}

void report(Context& cx, int32_t m, const ast::Expr& number, ast::Dim other) {
  const auto written = model::expr_text(number);
  const auto base = check::base_unit_name(other);
  auto message = fmt::format("`{}` has no unit, but it is compared with {}", written, check::dim_description(other));
  auto& d = cx.report(unitless_threshold.code, m, number.span, std::move(message));
  d.notes.push_back(is_literal(number) ? fmt::format("it is read in the base unit, as `{} {}`", written, base)
                                       : fmt::format("its value is read in the base unit, {}", base));
  d.notes.push_back("a threshold without its unit can be read in more than one way");
  d.help = is_literal(number) ? fix(written, other)
                              : fmt::format("write the unit where the number is given (`… {}`)", base);
}

void check_pair(Context& cx, int32_t m, const ast::Expr& a, const ast::Expr& b) {
  if (is_plain_number(a.type) && has_dimension(b.type)) report(cx, m, a, b.type.dim);
  else if (is_plain_number(b.type) && has_dimension(a.type)) report(cx, m, b, a.type.dim);
}

bool is_min_or_max(const ast::Expr& e) {
  const auto b = ast::builtin_of(e);
  return (b == ast::Builtin::Min || b == ast::Builtin::Max) && e.args.size() == 2;
}

void check_expressions(Context& cx, int32_t m) {
  for_each_root(cx.module(m), [&](const ast::Expr& root, const Site&) {
    walk(root, [&](const ast::Expr& e) {
      if ((e.kind == ast::ExprKind::Compare || is_min_or_max(e)) && e.args.size() == 2 && e.args[0] && e.args[1])
        check_pair(cx, m, *e.args[0], *e.args[1]);
    });
  });
}

// `tier low below 1e24` on a ladder `by training_compute`: a bound is a comparison with the axis.
void check_tier_bounds(Context& cx, int32_t m) {
  for (const auto& ladder : cx.module(m).tiers) {
    if (!ladder.by || !has_dimension(ladder.by->type)) continue;
    for (const auto& tier : ladder.tiers)
      for (const auto& b : tier.bounds)
        if (b.value && is_plain_number(b.value->type)) report(cx, m, *b.value, ladder.by->type.dim);
  }
}

void run(Context& cx) {
  for (int32_t m : cx.user_modules()) {
    check_expressions(cx, m);
    check_tier_bounds(cx, m);
  }
}

}  // namespace

const Rule unitless_threshold{Code::UnitlessThreshold, &run};

}  // namespace scalepol::linter::rules
