// Expression and literal mutations of the grammar-aware mutator (ast_mutations.hpp). They keep
// the kind and unit the place asks for where the AST tells it (a condition after `when`, a number
// of the other side's unit in a comparison), except one time in six, so that the checker's
// errors still come up.
#include <algorithm>
#include <string>
#include <vector>

#include "ast_mutations.hpp"

namespace fuzz::ast_mutator {

namespace {

bool replaceable(const Index& ix, const ast::Expr* e) {
  for (const auto& r : ix.exprs)
    if (r.e == e) return r.replaceable;
  return false;
}

// How tightly an expression binds, as the grammar's levels: or, and, not, comparisons (and
// `is known`, `contains`, `starts_with`), + and -, * and /, then everything that is a primary.
int precedence(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::Or: return 1;
    case ast::ExprKind::And: return 2;
    case ast::ExprKind::Not: return 3;
    case ast::ExprKind::Compare:
    case ast::ExprKind::IsStatus:
    case ast::ExprKind::Contains:
    case ast::ExprKind::StartsWith: return 4;
    case ast::ExprKind::Arith:
      return std::any_of(e.ops.begin(), e.ops.end(), [](ast::Op o) { return o == ast::Op::Add || o == ast::Op::Sub; }) ? 5 : 6;
    case ast::ExprKind::Neg: return 7;
    default: return 8;
  }
}

// What may stand where `t` is: what its place asks for, or else what it is.
Kind wanted(Ctx& c, const ExprRef& t) { return t.slot != Kind::Unknown ? t.slot : guess_kind(c.ix, *t.e); }

// The unit a quantity where `t` is must have: its own, as far as the AST tells, or else what its
// place asks for — the other side's of a comparison, sum or min/max, its parent's under `-`,
// `@`, abs() or a `4x`. "?" when unknown.
std::string wanted_unit(Ctx& c, const ExprRef& t) {
  const ExprRef* r = &t;
  for (int hops = 0; hops < 64; ++hops) {  // up the parents while the unit passes through them
    if (std::string u = guess_unit(c.ix, *r->e); u != "?") return u;
    if (r->parent < 0 || static_cast<std::size_t>(r->parent) >= c.ix.exprs.size()) return "?";
    const ExprRef& up = c.ix.exprs[static_cast<std::size_t>(r->parent)];
    const ast::Expr& p = *up.e;
    const bool sum = p.kind == ast::ExprKind::Arith &&
                     std::all_of(p.ops.begin(), p.ops.end(), [](ast::Op o) { return o == ast::Op::Add || o == ast::Op::Sub; });
    const bool minmax = p.kind == ast::ExprKind::Call && (p.callee.text == "min" || p.callee.text == "max");
    if (p.kind == ast::ExprKind::Compare || sum || minmax) {
      for (const auto& a : p.args)
        if (a && a.get() != r->e)
          if (std::string u = guess_unit(c.ix, *a); u != "?") return u;
      if (p.kind == ast::ExprKind::Compare) return "?";
    } else if (!(p.kind == ast::ExprKind::Neg || p.kind == ast::ExprKind::At ||
                 (p.kind == ast::ExprKind::Call && p.callee.text == "abs") ||
                 (p.kind == ast::ExprKind::Arith && p.args.size() == 2 && p.args[1].get() == r->e &&
                  p.args[0] && p.args[0]->kind == ast::ExprKind::Number && p.args[0]->unit == "x"))) {
      return "?";
    }
    r = &up;
  }
  return "?";
}

// Whether `e` may stand where `t` is without a type or unit error, as far as the AST tells (an
// unknown kind or unit fits anything).
bool fits(Ctx& c, const ExprRef& t, const ast::Expr& e) {
  if (t.constant && e.kind != ast::ExprKind::Number) return false;
  const Kind a = wanted(c, t), b = guess_kind(c.ix, e);
  if (a != Kind::Unknown && b != Kind::Unknown && a != b) return false;
  if (a != Kind::Quantity || b != Kind::Quantity) return true;
  const std::string ua = wanted_unit(c, t), ub = guess_unit(c.ix, e);
  return ua == "?" || ub == "?" || ua == ub;
}

}  // namespace

// A new expression of the kind and unit of `t`: a number when it must be a constant.
Gen new_like(Ctx& c, const ExprRef& t, int depth) {
  const std::string unit = wanted_unit(c, t);
  if (t.constant) {
    const std::string u = unit == "?" ? "FLOP" : unit;
    return {new_digits(c.rng, 1e25) + (u.empty() ? "" : u == "x" ? "x" : " " + u), true};
  }
  return make_expr(c.rng, c.ix, wanted(c, t), depth, unit);
}

// Another expression of the policy in place of one: of the same kind and unit, mostly (the rest
// give the checker's type and unit errors their share).
Text replace_with_subtree(Ctx& c) {
  const ExprRef* t = pick_replaceable(c);
  if (!t) return {};
  const bool typed = !c.rng.one_in(6);
  const ExprRef* d =
      pick_if(c.rng, c.ix.exprs, [&](const ExprRef& r) { return r.e != t->e && (!typed || fits(c, *t, *r.e)); });
  if (!d) return {};
  return splice(c.p.text(), t->e->span, operand(c.p, *d->e));
}

// A new expression (names of the policy, literals of the pool) in place of one.
Text replace_with_new(Ctx& c) {
  const ExprRef* t = pick_replaceable(c);
  if (!t) return {};
  const int depth = static_cast<int>(c.rng.below(3));
  const Gen g = c.rng.one_in(6) ? make_expr(c.rng, c.ix, Kind::Unknown, depth) : new_like(c, *t, depth);
  return splice(c.p.text(), t->e->span, operand(g));
}

namespace {

// An operand for a binary operator around `t`: another subtree of the policy that fits, or a new
// one.
std::string other_operand(Ctx& c, const ExprRef& t) {
  if (c.rng.one_in(2))
    if (const ExprRef* d = pick_if(c.rng, c.ix.exprs, [&](const ExprRef& r) { return fits(c, t, *r.e); }))
      return operand(c.p, *d->e);
  return operand(new_like(c, t, 1));
}

// `x` wrapped so that the result has x's kind and unit: `not x`, `x and c`; `-x`, `abs(x)`,
// `x + y`, `x * 2`, `4x x`, `x@r`; `min(x, d)`. One time in six, in anything
// (`x < y`, `x is known`, `time_since(x)`, …), whatever x is.
Gen wrap_typed(Ctx& c, const ExprRef& t, const std::string& x) {
  const std::string ref = c.ix.references.empty() ? "" : c.rng.pick(c.ix.references);
  if (!ref.empty() && c.rng.one_in(6)) return {x + "@" + ref, true};
  switch (wanted(c, t)) {
    case Kind::Bool:
      switch (c.rng.below(4)) {
        case 0: return {"not " + x, false};
        case 1: return {x + " and " + other_operand(c, t), false};
        case 2: return {other_operand(c, t) + " or " + x, false};
        default: return {"(" + x + ")", true};
      }
    case Kind::Quantity: {
      const std::string y = other_operand(c, t);
      switch (c.rng.below(8)) {
        case 0: return {"-" + x, false};
        case 1: return {"abs(" + x + ")", true};
        case 2: return {x + " + " + y, false};
        case 3: return {y + " - " + x, false};
        case 4: return {x + (c.rng.one_in(2) ? " * " : " / ") + c.rng.pick(std::vector<std::string>{"2", "0", "1e-300"}), false};
        case 5: return {std::string(c.rng.one_in(2) ? "min(" : "max(") + x + ", " + y + ")", true};
        case 6: return {"4x " + x, false};
        default: return {"(" + x + ")", true};
      }
    }
    case Kind::Date: return {std::string(c.rng.one_in(2) ? "min(" : "max(") + x + ", " + new_date(c.rng) + ")", true};
    default: return {"(" + x + ")", true};
  }
}

Gen wrap_any(Ctx& c, const ExprRef& t, const std::string& x) {
  switch (c.rng.below(4)) {
    case 0: {
      static const char* tests[] = {" is known", " is unknown", " is not known", " is possible", " is definite"};
      return {x + tests[c.rng.below(std::size(tests))], false};
    }
    case 1: {
      static const char* calls[] = {"abs(", "time_since(", "min(", "max("};
      const std::string f = calls[c.rng.below(4)];
      return {f + x + (f.size() == 4 ? ", " + other_operand(c, t) : "") + ")", true};
    }
    default: {
      static const char* ops[] = {" + ", " - ", " * ", " / ", " < ", " <= ", " > ", " >= ", " == ", " != ",
                                  " and ", " or ", " contains ", " starts_with "};
      const std::string y = other_operand(c, t);
      const char* op = ops[c.rng.below(std::size(ops))];
      return {c.rng.one_in(4) ? y + op + x : x + op + y, false};
    }
  }
}

}  // namespace

Text wrap(Ctx& c) {
  const ExprRef* t = pick_if(c.rng, c.ix.exprs, [](const ExprRef& r) { return r.replaceable && !r.constant; });
  if (!t) return {};
  const std::string x = operand(c.p, *t->e);
  const Gen g = c.rng.one_in(6) ? wrap_any(c, *t, x) : wrap_typed(c, *t, x);
  return splice(c.p.text(), t->e->span, operand(g));
}

// One operand of an expression in its place (`a and b` → `b`, `-x` → `x`), of its kind mostly.
Text hoist(Ctx& c) {
  const ExprRef* t = pick_if(c.rng, c.ix.exprs, [](const ExprRef& r) { return r.replaceable && !r.e->args.empty(); });
  if (!t) return {};
  const bool typed = !c.rng.one_in(6);
  std::vector<const ast::Expr*> children;
  for (const auto& a : t->e->args)
    if (a && (!typed || fits(c, *t, *a))) children.push_back(a.get());
  if (children.empty()) return {};
  return splice(c.p.text(), t->e->span, operand(c.p, *c.rng.pick(children)));
}

// Two operands of one expression swapped (`a < b` → `b < a`, `min(a, b)` → `min(b, a)`).
Text swap_operands(Ctx& c) {
  const ExprRef* t = pick_if(c.rng, c.ix.exprs, [](const ExprRef& r) { return r.e->args.size() >= 2; });
  if (!t) return {};
  const auto& args = t->e->args;
  const std::size_t i = c.rng.below(args.size());
  std::size_t j = c.rng.below(args.size() - 1);
  if (j >= i) ++j;
  if (!args[i] || !args[j] || !replaceable(c.ix, args[i].get()) || !replaceable(c.ix, args[j].get())) return {};
  return splice2(c.p.text(), args[i]->span, operand(c.p, *args[j]), args[j]->span, operand(c.p, *args[i]));
}

// Two unrelated expressions of the policy swapped (each fitting the other's place, mostly).
Text swap_subtrees(Ctx& c) {
  const bool typed = !c.rng.one_in(6);
  for (int attempt = 0; attempt < 8; ++attempt) {
    const ExprRef* a = pick_replaceable(c);
    const ExprRef* b = pick_replaceable(c);
    if (!a || !b) return {};
    if (a->e == b->e || !disjoint(a->e->span, b->e->span)) continue;
    if (typed && (!fits(c, *a, *b->e) || !fits(c, *b, *a->e))) continue;
    return splice2(c.p.text(), a->e->span, operand(c.p, *b->e), b->e->span, operand(c.p, *a->e));
  }
  return {};
}

namespace {

// An operator expression written again from its operands (less operand `skip`), with ops[i - 1]
// before operand i; bracketed if it now binds more loosely than the one it replaces.
std::string rebuild(Ctx& c, const ast::Expr& e, const std::vector<std::string>& ops, int new_precedence,
                    std::size_t skip = static_cast<std::size_t>(-1)) {
  std::string out;
  std::size_t written = 0;
  for (std::size_t i = 0; i < e.args.size(); ++i) {
    if (i == skip || !e.args[i]) continue;
    if (written && !ops.empty()) out += ops[std::min(i, ops.size()) - 1];
    out += operand(c.p, *e.args[i]);
    ++written;
  }
  return new_precedence < precedence(e) ? "(" + out + ")" : out;
}

const char* arith_op(ast::Op o) {
  switch (o) {
    case ast::Op::Add: return " + ";
    case ast::Op::Sub: return " - ";
    case ast::Op::Mul: return " * ";
    default: return " / ";
  }
}

}  // namespace

// Another operator: a comparison for another, + for *, `and` for `or`, `contains` for
// `starts_with`, `is known` for `is unknown`.
Text change_operator(Ctx& c) {
  const ExprRef* t = pick_if(c.rng, c.ix.exprs, [](const ExprRef& r) {
    switch (r.e->kind) {
      case ast::ExprKind::Compare:
      case ast::ExprKind::Arith:
      case ast::ExprKind::And:
      case ast::ExprKind::Or:
      case ast::ExprKind::Contains:
      case ast::ExprKind::StartsWith:
      case ast::ExprKind::IsStatus: return r.e->args.size() >= 1;
      default: return false;
    }
  });
  if (!t) return {};
  const ast::Expr& e = *t->e;
  static const std::vector<std::string> compares = {" < ", " <= ", " > ", " >= ", " == ", " != "};
  static const std::vector<std::string> texts = {" contains ", " starts_with ", " == ", " != "};
  static const std::vector<std::string> arith = {" + ", " - ", " * ", " / "};
  std::vector<std::string> ops;
  int prec = 4;
  switch (e.kind) {
    case ast::ExprKind::Compare: ops = {c.rng.one_in(10) ? c.rng.pick(texts) : c.rng.pick(compares)}; break;
    case ast::ExprKind::Contains:
    case ast::ExprKind::StartsWith: ops = {c.rng.pick(texts)}; break;
    case ast::ExprKind::IsStatus: {
      static const std::vector<std::string> tests = {" is known",    " is unknown",      " is not known",
                                                     " is not unknown", " is possible", " is not possible",
                                                     " is definite",    " is not definite"};
      return splice(c.p.text(), e.span, operand(c.p, *e.args[0]) + c.rng.pick(tests));
    }
    case ast::ExprKind::Arith: {
      for (ast::Op o : e.ops) ops.push_back(arith_op(o));
      if (ops.empty()) return {};
      // + for -, * for / (the unit stays); one time in six any of the four.
      std::string& op = ops[c.rng.below(ops.size())];
      if (c.rng.one_in(6)) {
        op = c.rng.pick(arith);
      } else {
        op = op == " + " ? " - " : op == " - " ? " + " : op == " * " ? " / " : " * ";
      }
      prec = std::any_of(ops.begin(), ops.end(), [](const std::string& o) { return o == " + " || o == " - "; }) ? 5 : 6;
      break;
    }
    default: {  // and, or: one joiner changed, or all
      const bool is_and = e.kind == ast::ExprKind::And;
      ops.assign(e.args.size() - 1, is_and ? " and " : " or ");
      if (ops.empty()) return {};
      if (c.rng.one_in(2)) {
        ops.assign(ops.size(), is_and ? " or " : " and ");
      } else {
        ops[c.rng.below(ops.size())] = is_and ? " or " : " and ";
      }
      prec = std::find(ops.begin(), ops.end(), " or ") != ops.end() ? 1 : 2;
      break;
    }
  }
  return splice(c.p.text(), e.span, rebuild(c, e, ops, prec));
}

// An operand of a chain of three or more left out (`a and b and c` → `a and c`).
Text drop_operand(Ctx& c) {
  const ExprRef* t = pick_if(c.rng, c.ix.exprs, [](const ExprRef& r) {
    const auto k = r.e->kind;
    return (k == ast::ExprKind::And || k == ast::ExprKind::Or || k == ast::ExprKind::Arith) && r.e->args.size() >= 3;
  });
  if (!t) return {};
  const ast::Expr& e = *t->e;
  const std::size_t k = c.rng.below(e.args.size());
  // Operand k goes with the operator before it (the first operand with the one after it):
  // rebuild() writes ops[i - 1] before each operand i it keeps but the first.
  std::vector<std::string> ops;
  if (e.kind == ast::ExprKind::Arith) {
    for (ast::Op o : e.ops) ops.push_back(arith_op(o));
  } else {
    ops.assign(e.args.size() - 1, e.kind == ast::ExprKind::And ? " and " : " or ");
  }
  return splice(c.p.text(), e.span, rebuild(c, e, ops, precedence(e), k));
}

// Another number, of the same unit: an edge value or the same one scaled; sometimes negated.
Text change_number(Ctx& c) {
  const ExprRef* t = pick_if(c.rng, c.ix.exprs, [](const ExprRef& r) { return r.e->kind == ast::ExprKind::Number; });
  if (!t) return {};
  const ast::Expr& e = *t->e;
  const std::string_view whole = slice(c.p, e.span);
  if (whole.substr(0, e.text.size()) != e.text) return {};
  const std::string digits = new_digits(c.rng, e.number);
  if (t->replaceable && c.rng.one_in(8))  // -0, -1e308, …: the `-` operator
    return splice(c.p.text(), e.span, "(-" + digits + std::string(whole.substr(e.text.size())) + ")");
  return splice(c.p.text(), {e.span.begin, static_cast<uint32_t>(e.span.begin + e.text.size())}, digits);
}

Text change_date(Ctx& c) {
  const ExprRef* t = pick_if(c.rng, c.ix.exprs, [](const ExprRef& r) { return r.e->kind == ast::ExprKind::Date; });
  if (!t) return {};
  return splice(c.p.text(), t->e->span, new_date(c.rng));
}

Text change_string(Ctx& c) {
  const ExprRef* t = pick_if(c.rng, c.ix.exprs, [](const ExprRef& r) { return r.e->kind == ast::ExprKind::String; });
  if (!t) return {};
  return splice(c.p.text(), t->e->span, new_string(c.rng));
}

}  // namespace fuzz::ast_mutator
