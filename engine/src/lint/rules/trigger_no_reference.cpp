// `trigger-no-reference`: a relative change (2x, +5 pp) with no stated reference point.
//
// In the conditions of triggers, exemptions, escalations and definitions, a comparison of
// quantities is a change measured against something when one of its sides
//   - scales an operand by a constant (`ec >= 4x ec`, `x >= y * 2x`, `x >= 2 * y`),
//   - divides one operand by another (`ec / training_compute >= 2x`), or
//   - subtracts one operand from another (`mmlu - gpqa >= 5 pp`; not dates: that is an age).
// Such a comparison states its reference point only through `@` (`ec@last_assessed`); with no `@`
// anywhere in it, the change is measured against the same record, or against nothing.
// Separately, a ratio the record (or a definition) carries, compared with a ratio literal
// (`compute_growth >= 2x`), is a growth figure whose base the policy never states, `@` or not,
// unless its definition measures against a reference (`define growth = ec / ec@last_assessed`)
// or a date (`progress(…, since: …)`).
#include <fmt/format.h>

#include <set>
#include <unordered_map>

#include "ast/builtins.hpp"
#include "lint/intervals.hpp"
#include "lint/rules/rules.hpp"
#include "lint/satisfiable.hpp"
#include "lint/walk.hpp"
#include "model/describe.hpp"

namespace scalepol::linter::rules {

namespace {

bool is_quantity(const ast::Expr& e) { return e.type.kind == ast::TypeKind::Quantity; }
bool is_constant(const ast::Expr& e) { return constant_value(e).has_value(); }
bool is_operand(const ast::Expr& e) { return is_quantity(e) && !is_constant(e); }

bool has_reference(const ast::Expr& e) {
  bool found = false;
  walk(e, [&](const ast::Expr& x) { found = found || x.kind == ast::ExprKind::At; });
  return found;
}

// What a comparison measures its change with, and against.
struct Change {
  enum class Kind { None, Scaled, Quotient, Difference, Figure } kind = Kind::None;
  const ast::Expr* amount = nullptr;  // the literal (or expression) giving the size of the change
  const ast::Expr* base = nullptr;    // what the change is measured from
  const ast::Expr* other = nullptr;   // the other operand (the new value), if any
};

// `4x y`, `y * 2x`, `y / 2`: a constant factor applied to an operand.
Change scaled(const ast::Expr& a) {
  const ast::Expr *factor = nullptr, *operand = nullptr;
  for (const auto& x : a.args) {
    const bool ratio = is_quantity(*x) && (x->type.dim == ast::Dim::Ratio || x->type.dim == ast::Dim::Number);
    if (!factor && ratio && is_constant(*x)) factor = x.get();
    else if (!operand && is_operand(*x)) operand = x.get();
  }
  if (factor && operand) return {Change::Kind::Scaled, factor, operand};
  return {};
}

// The first operator `op` in the chain with an operand on both sides: {before, after}.
std::pair<const ast::Expr*, const ast::Expr*> between(const ast::Expr& a, ast::Op op) {
  const ast::Expr* before = is_operand(*a.args[0]) ? a.args[0].get() : nullptr;
  for (std::size_t i = 0; i < a.ops.size(); ++i) {
    const auto& next = *a.args[i + 1];
    if (a.ops[i] == op && before && is_operand(next)) return {before, &next};
    if (!before && is_operand(next)) before = &next;
  }
  return {nullptr, nullptr};
}

// The first relative construct in `side`.
Change construct_in(const ast::Expr& side) {
  Change found;
  walk(side, [&](const ast::Expr& x) {
    if (found.kind != Change::Kind::None || x.kind != ast::ExprKind::Arith || !is_quantity(x)) return;
    const bool multiplicative = x.ops[0] == ast::Op::Mul || x.ops[0] == ast::Op::Div;
    if (multiplicative) {
      if (auto [top, bottom] = between(x, ast::Op::Div); top) found = {Change::Kind::Quotient, nullptr, bottom, top};
      else found = scaled(x);
    } else if (auto [from, what] = between(x, ast::Op::Sub); from) {
      found = {Change::Kind::Difference, nullptr, what, from};
    }
  });
  return found;
}

// Whether a ratio says what it is relative to: its definition (followed through other
// definitions) measures against `@` a reference, or is an algorithmic-progress multiplier since
// a date. Each definition's answer is kept in `known` for the whole run (rules of a compiled
// policy do not read each other in a circle), so n comparisons through a chain of n definitions
// cost n, not n^2.
bool states_base(const check::Program& p, const ast::Expr& e, std::unordered_map<int32_t, bool>& known) {
  bool found = false;
  walk(e, [&](const ast::Expr& x) {
    if (found) return;
    if (x.kind == ast::ExprKind::At && x.type.kind == ast::TypeKind::Quantity && x.type.dim != ast::Dim::Ratio) found = true;
    if (ast::builtin_of(x) == ast::Builtin::Progress) found = true;
    if (x.kind == ast::ExprKind::Name && x.res.kind == ast::RefKind::Define) {
      if (known.try_emplace(x.res.index, false).second) {  // false while in progress
        const auto* d = p.defines[x.res.index];
        const bool states = d && d->value && states_base(p, *d->value, known);
        known[x.res.index] = states;
      }
      if (known[x.res.index]) found = true;
    }
  });
  return found;
}

bool is_ratio_literal(const ast::Expr& e) {
  return is_quantity(e) && e.type.dim == ast::Dim::Ratio && is_constant(e);
}

Change change_of(const check::Program& p, const ast::Expr& cmp, std::unordered_map<int32_t, bool>& known) {
  const auto& l = *cmp.args[0];
  const auto& r = *cmp.args[1];
  if (!is_quantity(l) || !is_quantity(r)) return {};
  for (const auto* side : {&l, &r}) {
    const auto& other = side == &l ? r : l;
    Change c = construct_in(*side);
    if (c.kind == Change::Kind::None) continue;
    if (has_reference(cmp)) return {};
    // The size of the change: the factor of a scaling, else the threshold it is compared with.
    if (!c.amount) c.amount = is_constant(other) ? &other : side;
    if (!c.other && !is_constant(other)) c.other = &other;
    return c;
  }
  for (const auto* side : {&l, &r}) {
    const auto& other = side == &l ? r : l;
    if (is_ratio_literal(other) && is_operand(*side) && side->type.dim == ast::Dim::Ratio &&
        !states_base(p, *side, known))
      return {Change::Kind::Figure, &other, side, nullptr};
  }
  return {};
}

std::string reference_name(const check::Program& p, bool& declared) {
  declared = !p.references.empty();
  return declared ? p.references.front().decl->name.text : "last_assessed";
}

void report(Context& cx, int32_t m, const ast::Expr& cmp, const Change& c) {
  const auto* source = cx.program().files[m].get();
  const bool relative = c.kind != Change::Kind::Difference;
  auto& d = cx.report(trigger_no_reference.code, m, c.amount->span,
                      fmt::format("`{}` is a {}change, but against what?", written(source, *c.amount),
                                  relative ? "relative " : ""));
  const auto base = written(source, *c.base);
  if (c.kind == Change::Kind::Figure) {
    const bool defined = c.base->kind == ast::ExprKind::Name && c.base->res.kind == ast::RefKind::Define;
    d.notes.push_back(defined ? fmt::format("`{}` is defined with no `@reference`, so the policy never says what it is "
                                            "relative to",
                                            base)
                              : fmt::format("`{}` is a ratio the record carries; the policy never says what it is "
                                            "relative to",
                                            base));
  } else if (c.other && written(source, *c.other) == base) {
    d.notes.push_back(fmt::format("no `@reference` appears in `{}`, so `{}` is measured against itself, on the same record",
                                  written(source, cmp), base));
  } else {
    d.notes.push_back(fmt::format("no `@reference` appears in `{}`, so the change is measured against the same record's "
                                  "`{}`, not against an earlier model or assessment",
                                  written(source, cmp), base));
  }
  d.notes.push_back(
      "OpenAI's Preparedness Framework (Beta) evaluates on a \">2x effective compute increase\" without naming the "
      "model it is measured from; Anthropic's RSP v1 evaluates \"after every 4x jump in effective compute\"");
  bool declared = false;
  const auto ref = reference_name(cx.program(), declared);
  const auto name_it = declared ? std::string("name the reference point")
                                : fmt::format("name the reference point: `reference {} = record.last_assessment`", ref);
  if (c.kind == Change::Kind::Figure) {
    d.help = fmt::format("{}, and compute the ratio against it, as in `ec / ec@{}`", name_it, ref);
  } else {
    const bool simple = c.base->kind == ast::ExprKind::Name;
    d.help = fmt::format("{}, and measure against it: `{}{}{}@{}`", name_it, simple ? "" : "(", base, simple ? "" : ")", ref);
  }
}

void run(Context& cx) {
  static const std::set<std::string_view> conditions = {"trigger", "exemption", "escalate", "define"};
  std::unordered_map<int32_t, bool> known;  // states_base of each definition met
  for (int32_t m : cx.user_modules())
    for_each_root(cx.module(m), [&](const ast::Expr& root, const Site& site) {
      if (!conditions.count(site.kind)) return;
      walk(root, [&](const ast::Expr& e) {
        if (e.kind != ast::ExprKind::Compare) return;
        Change c = change_of(cx.program(), e, known);
        if (c.kind != Change::Kind::None) report(cx, m, e, c);
      });
    });
}

}  // namespace

const Rule trigger_no_reference{Code::TriggerNoReference, &run};

}  // namespace scalepol::linter::rules
