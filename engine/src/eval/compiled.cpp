// The compiled evaluator (compiled.hpp). Each node function mirrors one case of
// Evaluator::eval (evaluator.cpp) on plain values; the semantics — Kleene logic, interval
// comparison, `possible` for a range that straddles a line — are the interpreter's, and
// compiled_test.cpp holds the two to the same verdicts.
#include "eval/compiled.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>
#include <utility>

#include "ast/builtins.hpp"
#include "check/exact_scale.hpp"
#include "check/units.hpp"
#include "eval/evaluator.hpp"
#include "eval/interval_ops.hpp"

namespace scalepol::eval {

using K = Value::Kind;

struct CompiledRunCtx {
  const CompiledPolicy* cp = nullptr;
  const CompiledPolicy::Node* nodes = nullptr;
  const RecordSet* rs = nullptr;
  const Record* rec = nullptr;
  std::vector<CValue> memo;
  std::vector<uint32_t> stamp;
  uint32_t gen = 1;
  int depth = 0;
  std::size_t* steps = nullptr;
  std::size_t limit = 0;
  int32_t as_of = kNoDate;
  const CValue* reading = nullptr;
  // Shared by a run's contexts: the contexts of `@` hops, one per depth, and the frontier cache.
  std::vector<std::unique_ptr<CompiledRunCtx>>* nested = nullptr;
  std::vector<std::optional<const Record*>>* frontier = nullptr;

  void begin(const Record& r) {
    rec = &r;
    if (++gen == 0) {  // the stamp wrapped: forget everything rather than trust old stamps
      std::fill(stamp.begin(), stamp.end(), 0);
      gen = 1;
    }
  }
};

using Ctx = CompiledRun::Ctx;
using Fn = CompiledPolicy::NodeFn;

namespace {

constexpr int kMaxReferenceDepth = 32;  // as the interpreter: a lineage that loops ends here

using Node = CompiledPolicy::Node;

// --- Values ------------------------------------------------------------------------------

CValue unknown() { return {}; }
CValue undecided() {
  CValue v;
  v.possible = true;
  return v;
}
CValue of_bool(bool b) {
  CValue v;
  v.kind = K::Bool;
  v.boolean = b;
  return v;
}
CValue number(double x) {
  CValue v;
  v.kind = K::Number;
  v.x = v.lo = v.hi = x;
  return v;
}
CValue estimate(double x, double lo, double hi) {
  CValue v;
  v.kind = K::Number;
  v.x = x;
  v.lo = lo;
  v.hi = hi;
  return v;
}
CValue of_tier(int32_t t) {
  CValue v;
  v.kind = K::Tier;
  v.tier = t;
  v.x = v.lo = v.hi = t;
  v.reach = tier_bit(t);
  return v;
}

const std::string& text_of(const CValue& v) {
  static const std::string empty;
  return v.text ? *v.text : empty;
}

Tri tri(const CValue& v) { return v.kind == K::Bool ? tri_of(v.boolean) : Tri::Unknown; }

CValue from_tri(Tri t, bool possible) {
  if (t == Tri::Unknown) return possible ? undecided() : unknown();
  return of_bool(t == Tri::True);
}

// Unknown from combining operands: possible only if no unknown operand was for want of data.
CValue unknown_of(const CValue& a, const CValue& b) {
  CValue out = undecided();
  if ((a.kind == K::Unknown && !a.possible) || (b.kind == K::Unknown && !b.possible)) out.possible = false;
  return out;
}

CValue compare(ast::Op op, const CValue& a, const CValue& b) {
  if (tier_set(a) && tier_set(b)) {  // tiers: as Evaluator::compare
    const Tri t = compare_tier_sets(op, tier_set(a), tier_set(b));
    return t == Tri::Unknown ? unknown_of(a, b) : of_bool(t == Tri::True);
  }
  if (a.kind == K::Unknown || b.kind == K::Unknown) return unknown_of(a, b);
  if (a.kind == K::Text || b.kind == K::Text || a.kind == K::Bool || b.kind == K::Bool) {
    bool eq = a.kind == K::Text ? text_of(a) == text_of(b) : a.boolean == b.boolean;
    if (op == ast::Op::Eq) return of_bool(eq);
    if (op == ast::Op::Ne) return of_bool(!eq);
    return unknown();
  }
  return from_tri(compare_intervals(op, a.lo, a.hi, b.lo, b.hi), true);
}

CValue arith(ast::Op op, const CValue& a, const CValue& b) {
  if (a.kind == K::Unknown || b.kind == K::Unknown) return unknown_of(a, b);
  double x = 0, lo = 0, hi = 0;
  if (!arith_intervals(op, a.x, a.lo, a.hi, b.x, b.lo, b.hi, x, lo, hi)) return unknown();
  CValue v = estimate(x, lo, hi);
  if ((a.kind == K::Date) != (b.kind == K::Date)) v.kind = K::Date;
  return v;
}

// --- Evaluation --------------------------------------------------------------------------

inline CValue ev(int32_t i, Ctx& c) {
  const Node& n = c.nodes[i];
  return n.fn(n, c);
}

// The work limit (Evaluator::set_step_limit). Steps are counted where work can multiply — each
// rule computed and each `@` hop — rather than at every node as the interpreter does: without
// hops a record's work is bounded by the policy's size, since every rule is computed once.
inline bool over_limit(Ctx& c) { return ++*c.steps > c.limit; }

// A rule's value, computed once per record and reading.
template <class F>
inline CValue memo(Ctx& c, int32_t slot, F&& compute) {
  if (c.stamp[slot] == c.gen) return c.memo[slot];
  if (over_limit(c)) return unknown();
  CValue v = compute();
  c.memo[slot] = v;
  c.stamp[slot] = c.gen;
  return v;
}

CValue define(Ctx& c, int32_t i) {
  return memo(c, i, [&] {
    const int32_t root = c.cp->define_root_[i];
    return root >= 0 ? ev(root, c) : unknown();
  });
}

CValue assumption(Ctx& c, int32_t i) {
  const auto& decl = *c.cp->p_.assumptions[i].decl;
  if (decl.kind == ast::Assumption::Kind::Value) {
    const int32_t root = c.cp->assumption_root_[i];
    return root >= 0 ? ev(root, c) : unknown();
  }
  return c.reading ? c.reading[i] : unknown();
}

CValue effective_compute(Ctx& c, int32_t i) {
  return memo(c, c.cp->memo_ec_ + i, [&] {
    const auto& cp = *c.cp;
    const int32_t base = cp.ec_base_[i], mult = cp.ec_multiplier_[i];
    if (base < 0) return unknown();
    if (mult >= 0) {
      CValue b = ev(base, c);
      return arith(ast::Op::Mul, b, ev(mult, c));
    }
    if (cp.p_.multiplier_assumption >= 0) {
      CValue b = ev(base, c);
      return arith(ast::Op::Mul, b, assumption(c, cp.p_.multiplier_assumption));
    }
    return unknown();
  });
}

CValue ladder(Ctx& c, int32_t i) {
  return memo(c, c.cp->memo_ladder_ + i, [&] {
    const auto& cp = *c.cp;
    const auto& ladder = cp.p_.ladders[i];
    const int32_t axis_root = cp.ladder_axis_[i];
    CValue axis = axis_root >= 0 ? ev(axis_root, c) : unknown();
    TierState t;
    if (axis.kind == K::Number) t = tier_state(ladder, axis.x, axis.lo, axis.hi);
    // Escalations as Evaluator::ladder applies them (interval_ops.hpp, escalate).
    const double top = static_cast<double>(ladder.ranges.size()) - 1;
    for (int32_t e : ladder.escalations) {
      const auto& esc = cp.p_.escalations[e];
      const int32_t when = cp.escalation_when_[e];
      if (esc.tier < 0 || when < 0) continue;
      CValue cond = ev(when, c);
      escalate(t, cond.kind == K::Bool ? tri_of(cond.boolean) : Tri::Unknown, cond.possible, esc.tier, top);
    }
    if (t.missing) {  // with the tiers it may be in, when only an escalation is unknown
      CValue v = unknown();
      v.reach = t.reach;
      v.lo = t.lo;
      v.hi = t.hi;
      return v;
    }
    CValue v = of_tier(static_cast<int32_t>(t.point));
    v.lo = t.lo;
    v.hi = t.hi;
    v.reach = t.reach;
    v.possible = v.lo != v.hi;
    return v;
  });
}

CValue trigger(Ctx& c, int32_t i) {
  return memo(c, c.cp->memo_trigger_ + i, [&] {
    const int32_t root = c.cp->trigger_root_[i];
    return root >= 0 ? ev(root, c) : unknown();
  });
}

CValue exemption(Ctx& c, int32_t i) {
  return memo(c, c.cp->memo_exemption_ + i, [&] {
    const int32_t root = c.cp->exemption_root_[i];
    return root >= 0 ? ev(root, c) : unknown();
  });
}

CValue obligation_applies(Ctx& c, const CompiledPolicy::Site& s) {
  if (s.trigger >= 0) return trigger(c, s.trigger);
  CValue tier = ladder(c, s.ladder);
  // As Evaluator::obligation_applies.
  const Tri in = tiers_equal(tier_set(tier), tier_bit(s.tier));
  if (tier.kind != K::Tier) return tier_set(tier) != 0 && in == Tri::False ? of_bool(false) : tier;
  return in == Tri::Unknown ? undecided() : of_bool(in == Tri::True);
}

CValue obligation_exempt(Ctx& c, std::size_t site) {
  Tri acc = Tri::False;
  bool possible = true;
  for (int32_t j : c.cp->site_exemptions_[site]) {
    CValue v = exemption(c, j);
    Tri tv = tri(v);
    if (tv == Tri::Unknown && !v.possible) possible = false;
    acc = tri_or(acc, tv);
  }
  if (acc == Tri::Unknown) return possible ? undecided() : unknown();
  return of_bool(acc == Tri::True);
}

CValue obligation_incurred(Ctx& c, std::size_t site, const CValue& applies) {
  CValue exempt = obligation_exempt(c, site);
  Tri a = tri(applies), e = tri(exempt);
  Tri r = tri_and(a, tri_not(e));
  if (r != Tri::Unknown) return of_bool(r == Tri::True);
  bool possible = (a != Tri::Unknown || applies.possible) && (e != Tri::Unknown || exempt.possible);
  return possible ? undecided() : unknown();
}

const Record* referenced(Ctx& c, int32_t i) {
  const auto& p = c.cp->p_;
  const auto& ref = p.references[i];
  const RecordSet& rs = *c.rs;
  if (ref.decl->kind == ast::ReferenceDecl::Kind::Field) {
    if (ref.field < 0) return nullptr;
    const Value& name = c.rec->values[ref.field];
    if (name.kind != K::Text) return nullptr;
    auto it = rs.by_name.find(name.text);
    return it == rs.by_name.end() ? nullptr : &rs.records[it->second];
  }
  auto& cached = (*c.frontier)[i];
  if (!cached) {
    const Record* best = nullptr;
    if (ref.rank_field >= 0 && p.released_field >= 0) {
      for (const auto& r : rs.records) {
        const Value& released = r.values[p.released_field];
        const Value& ranked = r.values[ref.rank_field];
        if (released.kind != K::Date || ranked.kind != K::Number) continue;
        if (released.x > ref.decl->frontier_date) continue;
        if (!best || ranked.x > best->values[ref.rank_field].x) best = &r;
      }
    }
    cached = best;
  }
  return *cached;
}

// --- Node functions: one per shape ---------------------------------------------------------

CValue n_const(const Node& n, Ctx&) { return n.k; }
CValue n_field(const Node& n, Ctx& c) { return of_value(c.rec->values[n.a]); }
CValue n_define(const Node& n, Ctx& c) { return define(c, n.a); }
CValue n_ec(const Node& n, Ctx& c) { return effective_compute(c, n.a); }
CValue n_ladder(const Node& n, Ctx& c) { return ladder(c, n.a); }
CValue n_trigger(const Node& n, Ctx& c) { return trigger(c, n.a); }
CValue n_exemption(const Node& n, Ctx& c) { return exemption(c, n.a); }
CValue n_assumption(const Node& n, Ctx& c) { return assumption(c, n.a); }
CValue n_as_of(const Node&, Ctx& c) {
  if (c.as_of == kNoDate) return unknown();
  CValue v;
  v.kind = K::Date;
  v.x = v.lo = v.hi = c.as_of;
  return v;
}
CValue n_unknown(const Node&, Ctx&) { return unknown(); }

CValue n_at(const Node& n, Ctx& c) {
  if (c.depth >= kMaxReferenceDepth || over_limit(c)) return unknown();
  const Record* r = referenced(c, n.a);
  if (!r) return unknown();
  auto& nested = *c.nested;
  const auto d = static_cast<std::size_t>(c.depth);
  if (nested.size() <= d) nested.resize(d + 1);
  if (!nested[d]) {
    nested[d] = std::make_unique<Ctx>(c);
    nested[d]->depth = c.depth + 1;
    nested[d]->memo.assign(c.memo.size(), CValue{});
    nested[d]->stamp.assign(c.stamp.size(), 0);
  }
  Ctx& other = *nested[d];
  other.reading = c.reading;
  other.begin(*r);  // a fresh memo: the values are the referenced record's
  return ev(n.b, other);
}

CValue n_neg(const Node& n, Ctx& c) {
  CValue v = ev(n.a, c);
  if (v.kind == K::Unknown) return v;
  return estimate(-v.x, -v.hi, -v.lo);
}

CValue n_not(const Node& n, Ctx& c) {
  CValue v = ev(n.a, c);
  return v.kind == K::Unknown ? v : of_bool(!v.boolean);
}

template <bool IsAnd>
CValue n_logic(const Node& n, Ctx& c) {
  Tri acc = IsAnd ? Tri::True : Tri::False;
  bool possible = true;
  for (int32_t k : n.kids) {
    CValue v = ev(k, c);
    Tri t = tri(v);
    if (t == Tri::Unknown && !v.possible) possible = false;
    acc = IsAnd ? tri_and(acc, t) : tri_or(acc, t);
    if ((IsAnd && acc == Tri::False) || (!IsAnd && acc == Tri::True)) return from_tri(acc, false);
  }
  return from_tri(acc, possible);
}

CValue n_arith(const Node& n, Ctx& c) {
  CValue acc = ev(n.kids[0], c);
  for (std::size_t i = 1; i < n.kids.size(); ++i) {
    CValue rhs = ev(n.kids[i], c);
    acc = arith(n.ops[i - 1], acc, rhs);
  }
  return acc;
}

CValue n_compare(const Node& n, Ctx& c) {
  CValue a = ev(n.a, c);
  CValue b = ev(n.b, c);
  return compare(n.op, a, b);
}

// `field op constant`: the commonest condition, in one step.
// A number or date field against a number or date goes straight to the interval comparison,
// as compare() would; anything else (unknown, text, bool) through compare().
CValue n_compare_field_const(const Node& n, Ctx& c) {
  const Value& v = c.rec->values[n.a];
  if ((v.kind == K::Number || v.kind == K::Date) && (n.k.kind == K::Number || n.k.kind == K::Date))
    return from_tri(compare_intervals(n.op, v.lo, v.hi, n.k.lo, n.k.hi), true);
  return compare(n.op, of_value(v), n.k);
}

// `x is known / possible / definite`; `n.b` holds the ast::StatusTest, `n.k.boolean` the answer
// that makes it true.
CValue n_is_status(const Node& n, Ctx& c) {
  CValue v = ev(n.a, c);
  return of_bool(status_test_holds(static_cast<ast::StatusTest>(n.b), n.k.boolean, value_missing(v), value_open(v)));
}

// `field is known` and the like: the commonest operand of a status test, read in place.
CValue n_is_status_field(const Node& n, Ctx& c) {
  const Value& v = c.rec->values[n.a];
  return of_bool(status_test_holds(static_cast<ast::StatusTest>(n.b), n.k.boolean, value_missing(v), value_open(v)));
}

CValue n_obligation_kind(const Node& n, Ctx& c) {
  Tri acc = Tri::False;
  bool possible = true;
  const auto& cp = *c.cp;
  for (int32_t s : cp.kind_sites_[n.a]) {
    CValue applies = obligation_applies(c, cp.sites_[s]);
    CValue v = obligation_incurred(c, static_cast<std::size_t>(s), applies);
    Tri t = tri(v);
    if (t == Tri::Unknown && !v.possible) possible = false;
    acc = tri_or(acc, t);
  }
  if (acc == Tri::Unknown) return possible ? undecided() : unknown();
  return of_bool(acc == Tri::True);
}

template <bool IsContains>
CValue n_text_test(const Node& n, Ctx& c) {
  CValue a = ev(n.a, c);
  CValue b = ev(n.b, c);
  if (a.kind != K::Text || b.kind != K::Text) return unknown_of(a, b);
  const std::string& s = text_of(a);
  const std::string& t = text_of(b);
  return of_bool(IsContains ? s.find(t) != std::string::npos : s.starts_with(t));
}

// `field starts_with "text"` / `field contains "text"`: the field's text against the constant,
// with no copies (text_test above for any other operands).
template <bool IsContains>
CValue n_text_test_field_const(const Node& n, Ctx& c) {
  const Value& v = c.rec->values[n.a];
  if (v.kind != K::Text) return unknown_of(of_value(v), n.k);
  const std::string& t = *n.k.text;
  return of_bool(IsContains ? v.text.find(t) != std::string::npos : v.text.starts_with(t));
}

CValue n_time_since(const Node& n, Ctx& c) {
  if (c.as_of == kNoDate) return unknown();
  CValue then;
  if (n.b >= 0) {  // the argument is a reference point: its record's release date
    const Record* r = referenced(c, n.b);
    if (!r || c.cp->p_.released_field < 0) return unknown();
    then = of_value(r->values[c.cp->p_.released_field]);
  } else {
    then = ev(n.a, c);
  }
  if (then.kind != K::Date) return unknown();
  return estimate(c.as_of - then.x, c.as_of - then.hi, c.as_of - then.lo);
}

template <bool IsMin>
CValue n_min_max(const Node& n, Ctx& c) {
  CValue a = ev(n.a, c);
  CValue b = ev(n.b, c);
  if (a.kind == K::Unknown || b.kind == K::Unknown) return unknown_of(a, b);
  CValue v = estimate(min_max_point(IsMin, a.x, b.x), IsMin ? std::min(a.lo, b.lo) : std::max(a.lo, b.lo),
                      IsMin ? std::min(a.hi, b.hi) : std::max(a.hi, b.hi));
  v.kind = a.kind;
  return v;
}

CValue n_abs(const Node& n, Ctx& c) {
  CValue a = ev(n.a, c);
  if (a.kind == K::Unknown) return a;
  double lo = (a.lo <= 0 && a.hi >= 0) ? 0 : std::min(std::fabs(a.lo), std::fabs(a.hi));
  return estimate(std::fabs(a.x), lo, std::max(std::fabs(a.lo), std::fabs(a.hi)));
}

CValue n_progress(const Node& n, Ctx& c) {
  const int32_t released_field = c.cp->p_.released_field;
  if (released_field < 0) return unknown();
  CValue released = of_value(c.rec->values[released_field]);
  CValue h = ev(n.a, c);
  CValue s = ev(n.b, c);
  if (released.kind == K::Unknown || h.kind == K::Unknown || s.kind == K::Unknown) {
    CValue out = unknown_of(released, h);
    if (s.kind == K::Unknown && !s.possible) out.possible = false;
    return out;
  }
  if (h.lo <= 0) return unknown();
  const double elapsed = released.x - s.x;
  const double x = std::exp2(elapsed / h.x);
  const double a = std::exp2(elapsed / h.lo), b = std::exp2(elapsed / h.hi);
  return estimate(x, std::min(a, b), std::max(a, b));
}

CValue n_within(const Node& n, Ctx& c) {
  CValue v = ev(n.a, c);
  if (v.kind != K::Number) return v;
  return estimate(v.x, std::min(v.x, n.k.lo), std::max(v.x, n.k.hi));
}

// The kind of each node function, for the batch evaluator (batch.cpp).
NodeKind kind_of(Fn fn) {
  static const std::pair<Fn, NodeKind> kinds[] = {
      {n_const, NodeKind::Const},
      {n_field, NodeKind::Field},
      {n_define, NodeKind::Define},
      {n_ec, NodeKind::EffectiveCompute},
      {n_ladder, NodeKind::Ladder},
      {n_trigger, NodeKind::Trigger},
      {n_exemption, NodeKind::Exemption},
      {n_assumption, NodeKind::Assumption},
      {n_as_of, NodeKind::AsOf},
      {n_unknown, NodeKind::Unknown},
      {n_at, NodeKind::At},
      {n_neg, NodeKind::Neg},
      {n_not, NodeKind::Not},
      {n_logic<true>, NodeKind::And},
      {n_logic<false>, NodeKind::Or},
      {n_arith, NodeKind::Arith},
      {n_compare, NodeKind::Compare},
      {n_compare_field_const, NodeKind::CompareFieldConst},
      {n_is_status, NodeKind::IsStatus},
      {n_is_status_field, NodeKind::IsStatusField},
      {n_obligation_kind, NodeKind::ObligationKind},
      {n_text_test<true>, NodeKind::Contains},
      {n_text_test<false>, NodeKind::StartsWith},
      {n_text_test_field_const<true>, NodeKind::ContainsFieldConst},
      {n_text_test_field_const<false>, NodeKind::StartsWithFieldConst},
      {n_time_since, NodeKind::TimeSince},
      {n_min_max<true>, NodeKind::Min},
      {n_min_max<false>, NodeKind::Max},
      {n_abs, NodeKind::Abs},
      {n_progress, NodeKind::Progress},
      {n_within, NodeKind::Within},
  };
  for (const auto& [f, k] : kinds)
    if (f == fn) return k;
  return NodeKind::Unknown;
}

}  // namespace

// --- Compilation -------------------------------------------------------------------------

struct Compiler {
  CompiledPolicy& cp;

  // A field the rules read (named_only: read only for the model's name).
  void reads(int32_t slot, bool named_only = false) {
    if (slot < 0 || static_cast<std::size_t>(slot) >= cp.fields_read_.size()) return;
    cp.fields_read_[slot] = true;
    if (!named_only) cp.fields_evaluated_[slot] = true;
  }
  void reads_reference(int32_t i) {
    const auto& ref = cp.p_.references[i];
    reads(ref.field);
    reads(ref.rank_field);
    reads(cp.p_.released_field);
  }

  int32_t add(Node n) {
    n.kind = kind_of(n.fn);
    cp.nodes_.push_back(std::move(n));
    return static_cast<int32_t>(cp.nodes_.size() - 1);
  }
  static Node make(Fn fn, int32_t a = -1, int32_t b = -1) {
    Node n;
    n.fn = fn;
    n.a = a;
    n.b = b;
    return n;
  }

  // A constant's value, or nullopt: literals only (names are rules or fields, evaluated per record).
  static std::optional<CValue> literal(const ast::Expr& e) {
    switch (e.kind) {
      case ast::ExprKind::Number: return number(e.value);
      case ast::ExprKind::Date: {
        CValue v;
        v.kind = K::Date;
        v.x = v.lo = v.hi = e.date;
        return v;
      }
      case ast::ExprKind::Bool: return of_bool(e.boolean);
      case ast::ExprKind::String: {
        CValue v;
        v.kind = K::Text;
        v.text = &e.text;
        return v;
      }
      default: return std::nullopt;
    }
  }

  static bool is_field(const ast::Expr& e) {
    return e.kind == ast::ExprKind::Name && e.res.kind == ast::RefKind::Field;
  }

  int32_t compile(const ast::Expr* e) { return e ? compile(*e) : -1; }

  // Every expression becomes one node (added after its operands'), typed as the checker typed it.
  int32_t compile(const ast::Expr& e) {
    const int32_t i = compile_expr(e);
    cp.nodes_[static_cast<std::size_t>(i)].type = e.type.kind;
    return i;
  }

  int32_t compile_expr(const ast::Expr& e) {
    using EK = ast::ExprKind;
    if (auto k = literal(e)) {
      Node n = make(n_const);
      n.k = *k;
      return add(std::move(n));
    }
    switch (e.kind) {
      case EK::Name: return compile_name(e);
      case EK::At: {
        cp.uses_references_ = true;
        reads_reference(e.res.index);
        const int32_t body = compile(*e.args[0]);
        return add(make(n_at, e.res.index, body));
      }
      case EK::Neg: return add(make(n_neg, compile(*e.args[0])));
      case EK::Not: return add(make(n_not, compile(*e.args[0])));
      case EK::And:
      case EK::Or: {
        Node n = make(e.kind == EK::And ? n_logic<true> : n_logic<false>);
        for (const auto& a : e.args) n.kids.push_back(compile(*a));
        return add(std::move(n));
      }
      case EK::Arith: {
        Node n = make(n_arith);
        for (const auto& a : e.args) n.kids.push_back(compile(*a));
        n.ops = e.ops;
        return add(std::move(n));
      }
      case EK::Compare: {
        const ast::Expr& l = *e.args[0];
        const ast::Expr& r = *e.args[1];
        const auto rk = literal(r);
        if (is_field(l) && rk && rk->kind != K::Text) {
          reads(l.res.index);
          Node n = make(n_compare_field_const, l.res.index);
          n.op = e.ops[0];
          n.k = *rk;
          return add(std::move(n));
        }
        const int32_t a = compile(l);
        const int32_t b = compile(r);
        Node n = make(n_compare, a, b);
        n.op = e.ops[0];
        return add(std::move(n));
      }
      case EK::IsStatus: {
        if (is_field(*e.args[0])) {
          reads(e.args[0]->res.index);
          Node n = make(n_is_status_field, e.args[0]->res.index);
          n.b = static_cast<int32_t>(e.status_test);
          n.k.boolean = e.boolean;
          return add(std::move(n));
        }
        Node n = make(n_is_status, compile(*e.args[0]));
        n.b = static_cast<int32_t>(e.status_test);
        n.k.boolean = e.boolean;
        return add(std::move(n));
      }
      case EK::Contains:
      case EK::StartsWith: {
        if (e.args[1]->res.kind == ast::RefKind::ObligationKind) return add(make(n_obligation_kind, e.args[1]->res.index));
        if (const auto rk = literal(*e.args[1]); is_field(*e.args[0]) && rk && rk->kind == K::Text) {
          reads(e.args[0]->res.index);
          Node n = make(e.kind == EK::Contains ? n_text_test_field_const<true> : n_text_test_field_const<false>,
                        e.args[0]->res.index);
          n.k = *rk;
          return add(std::move(n));
        }
        const int32_t a = compile(*e.args[0]);
        const int32_t b = compile(*e.args[1]);
        return add(make(e.kind == EK::Contains ? n_text_test<true> : n_text_test<false>, a, b));
      }
      case EK::Call: return compile_call(e);
      case EK::FreeText: return add(make(n_unknown));
      case EK::Within: {
        double scale = 1;
        if (auto u = check::find_unit(e.range.unit)) scale = u->scale;
        double lo_scale = scale;
        if (auto u = check::find_unit(e.range.lo_unit)) lo_scale = u->scale;
        Node n = make(n_within, compile(*e.args[0]));
        n.k.lo = check::scaled_exactly(e.range.lo, lo_scale);
        n.k.hi = check::scaled_exactly(e.range.hi, scale);
        return add(std::move(n));
      }
      // literal() has taken every literal the checker accepted; one it refused is unknown.
      case EK::Number:
      case EK::Date:
      case EK::String:
      case EK::Bool: return add(make(n_unknown));
    }
    return add(make(n_unknown));
  }

  int32_t compile_name(const ast::Expr& e) {
    const auto& r = e.res;
    switch (r.kind) {
      case ast::RefKind::Field:
        reads(r.index);
        return add(make(n_field, r.index));
      case ast::RefKind::Define: return add(make(n_define, r.index));
      case ast::RefKind::EffectiveCompute: return add(make(n_ec, r.index));
      case ast::RefKind::Ladder: return add(make(n_ladder, r.index));
      case ast::RefKind::TierName: {
        Node n = make(n_const);
        n.k = of_tier(r.sub);
        return add(std::move(n));
      }
      case ast::RefKind::Trigger: return add(make(n_trigger, r.index));
      case ast::RefKind::Exemption: return add(make(n_exemption, r.index));
      case ast::RefKind::AsOf: return add(make(n_as_of));
      case ast::RefKind::Assumption: return add(make(n_assumption, r.index));
      // Not a value a rule reads: unresolved (an error was reported), a reference point (read
      // only through `@` and time_since), the `obligations` of test blocks (which the
      // interpreter runs), an obligation kind (read only by `contains`), a call.
      case ast::RefKind::None:
      case ast::RefKind::Reference:
      case ast::RefKind::Obligations:
      case ast::RefKind::ObligationKind:
      case ast::RefKind::Builtin: return add(make(n_unknown));
    }
    return add(make(n_unknown));
  }

  int32_t compile_call(const ast::Expr& e) {
    const std::optional<ast::Builtin> builtin = ast::builtin_of(e);
    if (!builtin) return add(make(n_unknown));
    switch (*builtin) {
      case ast::Builtin::TimeSince: {
        const ast::Expr& a = *e.args[0];
        reads(cp.p_.released_field);
        if (a.res.kind == ast::RefKind::Reference) {
          cp.uses_references_ = true;
          reads_reference(a.res.index);
          return add(make(n_time_since, -1, a.res.index));
        }
        return add(make(n_time_since, compile(a), -1));
      }
      case ast::Builtin::Min:
      case ast::Builtin::Max: {
        const int32_t a = compile(*e.args[0]);
        const int32_t b = compile(*e.args[1]);
        return add(make(*builtin == ast::Builtin::Min ? n_min_max<true> : n_min_max<false>, a, b));
      }
      case ast::Builtin::Abs: return add(make(n_abs, compile(*e.args[0])));
      case ast::Builtin::Progress: {
        reads(cp.p_.released_field);
        const int32_t h = compile(*e.args[static_cast<std::size_t>(ast::bound_arg(e, 0))]);
        const int32_t s = compile(*e.args[static_cast<std::size_t>(ast::bound_arg(e, 1))]);
        return add(make(n_progress, h, s));
      }
    }
    return add(make(n_unknown));
  }
};

namespace {

// CompiledPolicy::fields_behind_verdicts: a walk from the verdicts' rules through the rules they
// read by name, each rule once, with an explicit stack.
std::vector<bool> verdict_fields(const check::Program& p) {
  std::vector<bool> out(p.fields.size(), false);
  using RK = ast::RefKind;
  std::set<std::pair<int, int32_t>> seen;
  std::vector<const ast::Expr*> stack;
  const auto push = [&](const ast::Expr* e) {
    if (e) stack.push_back(e);
  };
  const auto rule = [&](RK kind, int32_t i) {
    if (i < 0 || !seen.insert({static_cast<int>(kind), i}).second) return;
    const auto at = static_cast<std::size_t>(i);
    switch (kind) {
      case RK::Define:
        if (at < p.defines.size()) push(p.defines[at]->value.get());
        break;
      case RK::EffectiveCompute:
        if (at < p.effective_computes.size()) {
          push(p.effective_computes[at]->base.value.get());
          push(p.effective_computes[at]->scale.value.get());
          push(p.effective_computes[at]->multiplier.value.get());
        }
        break;
      case RK::Ladder:
        if (at < p.ladders.size()) {
          push(p.ladders[at].decl->by.get());
          for (int32_t e : p.ladders[at].escalations) push(p.escalations[static_cast<std::size_t>(e)].decl->when.get());
        }
        break;
      case RK::Trigger:
        if (at < p.triggers.size()) push(p.triggers[at]->when.get());
        break;
      case RK::Exemption:
        if (at < p.exemptions.size()) push(p.exemptions[at].decl->when.get());
        break;
      case RK::Assumption:
        if (at < p.assumptions.size()) {
          push(p.assumptions[at].decl->value.get());
          for (const auto& c : p.assumptions[at].decl->choices) push(c.get());
        }
        break;
      default: break;
    }
  };
  for (std::size_t i = 0; i < p.ladders.size(); ++i) rule(RK::Ladder, static_cast<int32_t>(i));
  for (std::size_t i = 0; i < p.triggers.size(); ++i) rule(RK::Trigger, static_cast<int32_t>(i));
  for (std::size_t i = 0; i < p.exemptions.size(); ++i) rule(RK::Exemption, static_cast<int32_t>(i));
  while (!stack.empty()) {
    const ast::Expr& e = *stack.back();
    stack.pop_back();
    if (e.kind == ast::ExprKind::Name) {
      if (e.res.kind == RK::Field && e.res.index >= 0 && static_cast<std::size_t>(e.res.index) < out.size())
        out[static_cast<std::size_t>(e.res.index)] = true;
      else
        rule(e.res.kind, e.res.index);
    }
    for (const auto& a : e.args) push(a.get());
  }
  return out;
}

}  // namespace

CompiledPolicy::CompiledPolicy(const check::Program& program) : p_(program), readings_(enumerate_readings(program)) {
  const auto& p = p_;
  fields_behind_verdicts_ = verdict_fields(p);
  fields_read_.assign(p.fields.size(), false);
  fields_evaluated_.assign(p.fields.size(), false);
  Compiler c{*this};
  c.reads(p.key_field, /*named_only=*/true);
  for (const auto* d : p.defines) define_root_.push_back(c.compile(d->value.get()));
  for (const auto* ec : p.effective_computes) {
    ec_base_.push_back(c.compile(ec->base.value.get()));
    ec_multiplier_.push_back(c.compile(ec->multiplier.value.get()));
  }
  for (const auto& l : p.ladders) ladder_axis_.push_back(c.compile(l.decl->by.get()));
  for (const auto& e : p.escalations) escalation_when_.push_back(c.compile(e.decl->when.get()));
  for (const auto* t : p.triggers) trigger_root_.push_back(c.compile(t->when.get()));
  for (const auto& e : p.exemptions) exemption_root_.push_back(c.compile(e.decl->when.get()));
  for (const auto& a : p.assumptions)
    assumption_root_.push_back(a.decl->kind == ast::Assumption::Kind::Value ? c.compile(a.decl->value.get()) : -1);

  memo_ec_ = static_cast<int32_t>(p.defines.size());
  memo_ladder_ = memo_ec_ + static_cast<int32_t>(p.effective_computes.size());
  memo_trigger_ = memo_ladder_ + static_cast<int32_t>(p.ladders.size());
  memo_exemption_ = memo_trigger_ + static_cast<int32_t>(p.triggers.size());
  memo_assumption_ = memo_exemption_ + static_cast<int32_t>(p.exemptions.size());
  memo_size_ = memo_assumption_ + static_cast<int32_t>(p.assumptions.size());

  // Obligation sites, in the interpreter's order (obligations.cpp): tiers' obligations ladder by
  // ladder, then triggers'.
  auto kind_index = [&](const std::string& k) {
    for (std::size_t i = 0; i < p.obligation_kinds.size(); ++i)
      if (p.obligation_kinds[i] == k) return static_cast<int32_t>(i);
    return int32_t{-1};
  };
  for (int32_t l = 0; l < static_cast<int32_t>(p.ladders.size()); ++l) {
    const auto& decl = *p.ladders[l].decl;
    for (int32_t t = 0; t < static_cast<int32_t>(decl.tiers.size()); ++t)
      for (const auto& o : decl.tiers[t].obligations)
        sites_.push_back({decl.name.text + "." + decl.tiers[t].name.text + "." + o.kind.text, kind_index(o.kind.text), l, t, -1});
  }
  for (int32_t i = 0; i < static_cast<int32_t>(p.triggers.size()); ++i)
    for (const auto& o : p.triggers[i]->obligations)
      sites_.push_back({p.triggers[i]->name.text + "." + o.kind.text, kind_index(o.kind.text), -1, -1, i});
  kind_sites_.resize(p.obligation_kinds.size());
  for (std::size_t s = 0; s < sites_.size(); ++s) {
    const Site& site = sites_[s];
    if (site.kind >= 0) kind_sites_[site.kind].push_back(static_cast<int32_t>(s));
    std::vector<int32_t> lifts;
    for (int32_t j = 0; j < static_cast<int32_t>(p.exemptions.size()); ++j) {
      for (const auto& t : p.exemptions[j].targets) {
        using TK = check::ExemptionTarget::Kind;
        if (t.kind == TK::All || (t.kind == TK::Trigger && t.index == site.trigger) ||
            (t.kind == TK::Tier && t.index == site.ladder && t.sub == site.tier)) {
          lifts.push_back(j);
          break;
        }
      }
    }
    site_exemptions_.push_back(std::move(lifts));
  }

  for (std::size_t i = 0; i < fields_read_.size(); ++i) {
    if (fields_read_[i]) slots_read_.push_back(static_cast<int32_t>(i));
    if (fields_evaluated_[i]) slots_evaluated_.push_back(static_cast<int32_t>(i));
  }

  // Columns: ladders, triggers, exemptions, obligations.
  for (const auto& l : p.ladders) {
    Column col{l.decl->name.text, VerdictKind::Tier, {}};
    for (const auto& t : l.decl->tiers) col.values.push_back(t.name.text);
    col.values.push_back("no_tier");
    columns_.push_back(std::move(col));
  }
  for (const auto* t : p.triggers) columns_.push_back({t->name.text, VerdictKind::Trigger, {"false", "true"}});
  for (const auto& e : p.exemptions) columns_.push_back({e.decl->name.text, VerdictKind::Exemption, {"false", "true"}});
  for (const auto& s : sites_) columns_.push_back({s.rule, VerdictKind::Obligation, {"false", "true"}});
}

CompiledPolicy::~CompiledPolicy() = default;

// --- Running -----------------------------------------------------------------------------

CompiledRun::CompiledRun(const CompiledPolicy& policy, const RecordSet& records, int32_t as_of, std::size_t step_limit)
    : cp_(policy), top_(std::make_unique<Ctx>()) {
  Ctx& c = *top_;
  c.cp = &cp_;
  c.nodes = cp_.nodes_.data();
  c.rs = &records;
  c.memo.assign(static_cast<std::size_t>(cp_.memo_size_), CValue{});
  c.stamp.assign(static_cast<std::size_t>(cp_.memo_size_), 0);
  c.steps = new std::size_t(0);
  c.limit = step_limit;
  c.as_of = as_of;
  c.nested = new std::vector<std::unique_ptr<Ctx>>();
  c.frontier = new std::vector<std::optional<const Record*>>(cp_.p_.references.size());

  const Readings& readings = cp_.readings_;
  const std::size_t n = readings.size();
  std::vector<Value> values;
  for (std::size_t r = 0; r < n; ++r) {
    readings.values(r, cp_.p_.assumptions.size(), values);
    std::vector<CValue> cvs;
    for (const Value& v : values) cvs.push_back(of_value(v));
    // The texts must outlive this loop: point them into the Readings (which the policy owns).
    for (std::size_t d = 0; d < readings.dims.size(); ++d) {
      const auto a = static_cast<std::size_t>(readings.dims[d]);
      cvs[a].text = &readings.alternatives[d][readings.choice(r, d)].text;
    }
    for (auto& v : cvs)
      if (v.kind != K::Text) v.text = nullptr;
    reading_values_.push_back(std::move(cvs));
  }
  per_reading_.resize(n * cp_.columns_.size());
}

void CompiledRun::set_records(const RecordSet& records) {
  top_->rs = &records;
  for (auto& nested : *top_->nested)
    if (nested) nested->rs = &records;
  for (auto& cached : *top_->frontier) cached.reset();
}

CompiledRun::~CompiledRun() {
  delete top_->steps;
  delete top_->nested;
  delete top_->frontier;
}

namespace {

Status status_of(const CValue& v) {
  if (v.kind == K::Unknown) return v.possible ? Status::Possible : Status::Unknown;
  if (v.kind == K::Tier && v.possible) return Status::Possible;
  return Status::Definite;
}

Cell bool_cell(const CValue& v) {
  Cell cell;
  cell.value = v.kind == K::Bool ? static_cast<int16_t>(v.boolean ? 1 : 0) : int16_t{-1};
  cell.status = status_of(v);
  return cell;
}

int weakness(Status s) { return s == Status::Definite ? 0 : s == Status::Possible ? 1 : 2; }

}  // namespace

void CompiledRun::evaluate_reading(const Record& record, Cell* out) {
  Ctx& c = *top_;
  c.begin(record);
  *c.steps = 0;
  const auto& p = cp_.p_;
  std::size_t col = 0;
  // A verdict left unknown once the step limit is passed was not computed (memo gives unknown
  // from then on): the text report says so (report/table.hpp).
  const auto stop_mark = [&](Cell& cell) {
    cell.limited = cell.status == Status::Unknown && *c.steps > c.limit;
    return cell;
  };
  for (int32_t i = 0; i < static_cast<int32_t>(p.ladders.size()); ++i) {
    const CValue v = ladder(c, i);
    Cell cell;
    cell.status = status_of(v);
    if (v.kind == K::Tier && v.tier != kNoPointTier)  // no point estimate: the value is unknown
      cell.value = static_cast<int16_t>(v.tier < 0 ? static_cast<int32_t>(p.ladders[i].decl->tiers.size()) : v.tier);
    out[col++] = stop_mark(cell);
  }
  for (int32_t i = 0; i < static_cast<int32_t>(p.triggers.size()); ++i) {
    Cell cell = bool_cell(trigger(c, i));
    out[col++] = stop_mark(cell);
  }
  for (int32_t i = 0; i < static_cast<int32_t>(p.exemptions.size()); ++i) {
    Cell cell = bool_cell(exemption(c, i));
    out[col++] = stop_mark(cell);
  }
  for (std::size_t s = 0; s < cp_.sites_.size(); ++s) {
    const CValue applies = obligation_applies(c, cp_.sites_[s]);
    if (applies.kind == K::Bool && !applies.boolean) {
      Cell cell;  // not imposed: reported as "false", and left out of reports
      cell.value = 0;
      cell.status = Status::Definite;
      cell.shown = false;
      out[col++] = cell;
      continue;
    }
    Cell cell = bool_cell(obligation_incurred(c, s, applies));
    out[col++] = stop_mark(cell);
  }
}

void CompiledRun::evaluate(const Record& record, Cell* out) {
  const std::size_t n = reading_values_.size();
  const std::size_t cols = cp_.columns_.size();
  if (n == 1) {
    top_->reading = reading_values_[0].data();
    evaluate_reading(record, out);
    return;
  }
  for (std::size_t r = 0; r < n; ++r) {
    top_->reading = reading_values_[r].data();
    evaluate_reading(record, per_reading_.data() + r * cols);
  }
  fold_readings(cp_.readings_, per_reading_.data(), cols, out);
}

void fold_readings(const Readings& readings, const Cell* per_reading, std::size_t cols, Cell* out) {
  const std::size_t n = readings.size();
  auto under = [&](std::size_t r, std::size_t k) -> const Cell& { return per_reading[r * cols + k]; };
  auto same = [](const Cell& a, const Cell& b) { return a.value == b.value && a.status == b.status; };
  for (std::size_t k = 0; k < cols; ++k) {
    Cell combined = under(0, k);
    bool shown = false, robust = true, values_agree = true, limited = false;
    Status worst = Status::Definite;
    for (std::size_t r = 0; r < n; ++r) {
      const Cell& v = under(r, k);
      shown = shown || v.shown;
      limited = limited || v.limited;
      robust = robust && same(v, under(0, k));
      values_agree = values_agree && v.value == under(0, k).value;
      if (weakness(v.status) > weakness(worst)) worst = v.status;
    }
    combined.shown = shown;
    combined.robust = robust;
    combined.depends = 0;
    if (!robust) {
      for (std::size_t d = 0; d < readings.dims.size(); ++d) {
        bool matters = false;
        for (std::size_t r = 0; r < n && !matters; ++r)
          for (std::size_t a = 0; a < readings.alternatives[d].size() && !matters; ++a)
            matters = !same(under(r, k), under(readings.with_choice(r, d, a), k));
        if (matters) combined.depends |= uint64_t{1} << d;
      }
      combined.status = values_agree ? worst : Status::Possible;
    }
    combined.limited = limited && combined.status == Status::Unknown;
    out[k] = combined;
  }
}

}  // namespace scalepol::eval
