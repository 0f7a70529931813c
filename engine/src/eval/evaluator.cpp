#include "eval/evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "ast/builtins.hpp"
#include "check/exact_scale.hpp"
#include "check/units.hpp"
#include "eval/interval_ops.hpp"
#include "eval/limit_reason.hpp"
#include "eval/model_names.hpp"
#include "eval/rule_visits.hpp"

namespace scalepol::eval {

namespace {

constexpr int kMaxReferenceDepth = 32;  // `@` hops; a lineage that loops ends here as unknown

Tri tri(const Value& v) {
  if (v.kind == Value::Kind::Bool) return tri_of(v.boolean);
  return Tri::Unknown;
}

// An unknown result of combining operands: "possible" only if every unknown operand was
// undecided for a range's sake rather than for want of data.
Value unknown_of(std::initializer_list<const Value*> operands) {
  Value out = Value::undecided();
  for (auto* v : operands)
    if (v->kind == Value::Kind::Unknown && !v->possible) out.possible = false;
  return out;
}

Value from_tri(Tri t, bool possible) {
  if (t == Tri::Unknown) return possible ? Value::undecided() : Value::unknown();
  return Value::of_bool(t == Tri::True);
}

}  // namespace

Evaluator::Evaluator(const check::Program& program, const RecordSet& records, int32_t as_of)
    : p_(program), rs_(records), as_of_(as_of), frontier_cache_(program.references.size()) {
  collect_obligation_sites();
}

const std::string& Evaluator::text_of(const ast::Expr& e) {
  auto [it, fresh] = texts_.try_emplace(&e);
  if (fresh) it->second = expr_text(e);
  return it->second;
}

Evaluator::Frame Evaluator::frame(const Record& record, int depth) {
  if (depth == 0) {
    Frame f;
    reset(f, record);
    return f;
  }
  Frame f;  // a model read through `@`: only the rules read there are kept (Memo)
  f.record = &record;
  f.depth = depth;
  for (Memo* m : {&f.defines, &f.ecs, &f.ladders, &f.triggers, &f.exemptions}) m->sparse();
  return f;
}

void Evaluator::reset(Frame& f, const Record& record) {
  steps_ = 0;
  f.record = &record;
  f.depth = 0;
  f.defines.dense(p_.defines.size());
  f.ecs.dense(p_.effective_computes.size());
  f.ladders.dense(p_.ladders.size());
  f.triggers.dense(p_.triggers.size());
  f.exemptions.dense(p_.exemptions.size());
}

Value Evaluator::compare(ast::Op op, const Value& a, const Value& b) const {
  using K = Value::Kind;
  // Tiers compare by the sets of tiers they may be in (interval_ops.hpp), even an unknown tier
  // that may be in only some (an escalation whose condition lacks data).
  if (tier_set(a) && tier_set(b)) {
    const Tri t = compare_tier_sets(op, tier_set(a), tier_set(b));
    return t == Tri::Unknown ? unknown_of({&a, &b}) : Value::of_bool(t == Tri::True);
  }
  if (a.kind == Value::Kind::Unknown || b.kind == Value::Kind::Unknown) return unknown_of({&a, &b});
  if (a.kind == K::Text || b.kind == K::Text || a.kind == K::Bool || b.kind == K::Bool) {
    bool eq = a.kind == K::Text ? a.text == b.text : a.boolean == b.boolean;
    if (op == ast::Op::Eq) return Value::of_bool(eq);
    if (op == ast::Op::Ne) return Value::of_bool(!eq);
    return Value::unknown();
  }
  // Numbers and dates compare as intervals (interval_ops.hpp).
  const Tri t = compare_intervals(op, a.lo, a.hi, b.lo, b.hi);
  return from_tri(t, true);
}

Value Evaluator::arith(ast::Op op, const Value& a, const Value& b) const {
  if (a.kind == Value::Kind::Unknown || b.kind == Value::Kind::Unknown) return unknown_of({&a, &b});
  double x = 0, lo = 0, hi = 0;
  if (!arith_intervals(op, a.x, a.lo, a.hi, b.x, b.lo, b.hi, x, lo, hi)) return Value::unknown();
  // Date ± duration stays a date; date − date is a duration (a number of days).
  bool date_result = (a.kind == Value::Kind::Date) != (b.kind == Value::Kind::Date);
  Value v = Value::estimate(x, lo, hi);
  if (date_result) v.kind = Value::Kind::Date;
  return v;
}

const Record* Evaluator::referenced(int32_t i, const Frame& f) {
  const auto& ref = p_.references[i];
  if (ref.decl->kind == ast::ReferenceDecl::Kind::Field) {
    if (ref.field < 0) return nullptr;
    const Value& name = f.record->values[ref.field];
    if (name.kind != Value::Kind::Text) return nullptr;
    auto it = rs_.by_name.find(name.text);
    return it == rs_.by_name.end() ? nullptr : &rs_.records[it->second];
  }
  // `frontier at DATE`: the record with the largest ranked value released on or before DATE.
  if (!frontier_cache_[i]) {
    const Record* best = nullptr;
    if (ref.rank_field >= 0 && p_.released_field >= 0) {
      for (const auto& r : rs_.records) {
        const Value& released = r.values[p_.released_field];
        const Value& ranked = r.values[ref.rank_field];
        if (released.kind != Value::Kind::Date || ranked.kind != Value::Kind::Number) continue;
        if (released.x > ref.decl->frontier_date) continue;
        if (!best || ranked.x > best->values[ref.rank_field].x) best = &r;
      }
    }
    frontier_cache_[i] = best;
  }
  return *frontier_cache_[i];
}

Value Evaluator::call(const ast::Expr& e, Frame& f) {
  const std::optional<ast::Builtin> builtin = ast::builtin_of(e);
  if (!builtin) return Value::unknown();
  switch (*builtin) {
    case ast::Builtin::TimeSince: {
      if (as_of_ == kNoDate) return Value::unknown();
      const auto& a = *e.args[0];
      Value then;
      if (a.res.kind == ast::RefKind::Reference) {
        const Record* r = referenced(a.res.index, f);
        if (!r || p_.released_field < 0) return Value::unknown();
        then = r->values[p_.released_field];
      } else {
        then = eval(a, f);
      }
      if (then.kind != Value::Kind::Date) return Value::unknown();
      return Value::estimate(as_of_ - then.x, as_of_ - then.hi, as_of_ - then.lo);
    }
    case ast::Builtin::Min:
    case ast::Builtin::Max: {
      Value a = eval(*e.args[0], f), b = eval(*e.args[1], f);
      if (a.is_unknown() || b.is_unknown()) return unknown_of({&a, &b});
      const bool is_min = *builtin == ast::Builtin::Min;
      Value v = Value::estimate(min_max_point(is_min, a.x, b.x),
                                is_min ? std::min(a.lo, b.lo) : std::max(a.lo, b.lo),
                                is_min ? std::min(a.hi, b.hi) : std::max(a.hi, b.hi));
      v.kind = a.kind;
      return v;
    }
    case ast::Builtin::Abs: {
      Value a = eval(*e.args[0], f);
      if (a.is_unknown()) return a;
      double lo = (a.lo <= 0 && a.hi >= 0) ? 0 : std::min(std::fabs(a.lo), std::fabs(a.hi));
      return Value::estimate(std::fabs(a.x), lo, std::max(std::fabs(a.lo), std::fabs(a.hi)));
    }
    case ast::Builtin::Progress: {
      // 2^(months since the baseline / halving time), measured to the record's release.
      if (p_.released_field < 0) return Value::unknown();
      Value released = f.record->values[p_.released_field];
      Value h = eval(*e.args[static_cast<std::size_t>(ast::bound_arg(e, 0))], f);
      Value s = eval(*e.args[static_cast<std::size_t>(ast::bound_arg(e, 1))], f);
      if (released.is_unknown() || h.is_unknown() || s.is_unknown()) return unknown_of({&released, &h, &s});
      if (h.lo <= 0) return Value::unknown();
      double elapsed = released.x - s.x;
      double x = std::exp2(elapsed / h.x);
      double a = std::exp2(elapsed / h.lo), b = std::exp2(elapsed / h.hi);
      return Value::estimate(x, std::min(a, b), std::max(a, b));
    }
  }
  return Value::unknown();
}

Value Evaluator::eval(const ast::Expr& e, Frame& f) {
  using EK = ast::ExprKind;
  if (++steps_ > step_limit_) return Value::unknown();  // the work limit: see set_step_limit
  switch (e.kind) {
    case EK::Number: return Value::number(e.value);
    case EK::Date: return Value::date(e.date);
    case EK::String: return Value::of_text(e.text);
    case EK::Bool: return Value::of_bool(e.boolean);
    case EK::Name:
      switch (e.res.kind) {
        case ast::RefKind::Field: return f.record->values[e.res.index];
        case ast::RefKind::Define: return define(e.res.index, f);
        case ast::RefKind::EffectiveCompute: return effective_compute(e.res.index, f);
        case ast::RefKind::Ladder: return ladder(e.res.index, f);
        case ast::RefKind::TierName: return Value::of_tier(e.res.sub);
        case ast::RefKind::Trigger: return trigger(e.res.index, f);
        case ast::RefKind::Exemption: return exemption(e.res.index, f);
        case ast::RefKind::AsOf: return as_of_ == kNoDate ? Value::unknown() : Value::date(as_of_);
        case ast::RefKind::Assumption: return assumption(e.res.index, f);
        default: return Value::unknown();
      }
    case EK::At: {
      if (f.depth >= kMaxReferenceDepth) return Value::unknown();
      const Record* r = referenced(e.res.index, f);
      if (!r) return Value::unknown();
      Frame other = frame(*r, f.depth + 1);
      return eval(*e.args[0], other);
    }
    case EK::Neg: {
      Value v = eval(*e.args[0], f);
      if (v.is_unknown()) return v;
      return Value::estimate(-v.x, -v.hi, -v.lo);
    }
    case EK::Not: {
      Value v = eval(*e.args[0], f);
      return v.is_unknown() ? v : Value::of_bool(!v.boolean);
    }
    case EK::And:
    case EK::Or: {
      // Kleene logic, short-circuiting on the deciding value: `unknown and false` is false.
      bool is_and = e.kind == EK::And;
      Tri acc = is_and ? Tri::True : Tri::False;
      bool possible = true;
      for (const auto& a : e.args) {
        Value v = eval(*a, f);
        Tri t = tri(v);
        if (t == Tri::Unknown && !v.possible) possible = false;
        acc = is_and ? tri_and(acc, t) : tri_or(acc, t);
        if ((is_and && acc == Tri::False) || (!is_and && acc == Tri::True)) return from_tri(acc, false);
      }
      return from_tri(acc, possible);
    }
    case EK::Arith: {
      Value acc = eval(*e.args[0], f);
      for (std::size_t i = 1; i < e.args.size(); ++i) acc = arith(e.ops[i - 1], acc, eval(*e.args[i], f));
      return acc;
    }
    case EK::Compare: return compare(e.ops[0], eval(*e.args[0], f), eval(*e.args[1], f));
    case EK::IsStatus: {
      Value v = eval(*e.args[0], f);
      return Value::of_bool(status_test_holds(e.status_test, e.boolean, value_missing(v), value_open(v)));
    }
    case EK::Contains:
    case EK::StartsWith: {
      if (e.args[1]->res.kind == ast::RefKind::ObligationKind) return obligation_kind(e.args[1]->res.index, f);
      Value a = eval(*e.args[0], f), b = eval(*e.args[1], f);
      if (a.kind != Value::Kind::Text || b.kind != Value::Kind::Text) return unknown_of({&a, &b});
      bool r = e.kind == EK::Contains ? a.text.find(b.text) != std::string::npos : a.text.starts_with(b.text);
      return Value::of_bool(r);
    }
    case EK::Call: return call(e, f);
    case EK::FreeText: return Value::unknown();  // no operational test: never decided
    case EK::Within: {
      Value v = eval(*e.args[0], f);
      if (v.kind != Value::Kind::Number) return v;
      double scale = 1;
      if (auto u = check::find_unit(e.range.unit)) scale = u->scale;
      double lo_scale = scale;
      if (auto u = check::find_unit(e.range.lo_unit)) lo_scale = u->scale;
      return Value::estimate(v.x, std::min(v.x, check::scaled_exactly(e.range.lo, lo_scale)),
                             std::max(v.x, check::scaled_exactly(e.range.hi, scale)));
    }
  }
  return Value::unknown();
}

Value Evaluator::assumption(int32_t i, Frame& f) {
  const auto& decl = *p_.assumptions[i].decl;
  if (decl.kind == ast::Assumption::Kind::Value) return decl.value ? eval(*decl.value, f) : Value::unknown();
  if (!reading_ || i >= static_cast<int32_t>(reading_->size())) return Value::unknown();
  return (*reading_)[i];
}

Value Evaluator::define(int32_t i, Frame& f) {
  auto& slot = f.defines[i];
  if (!slot) slot = p_.defines[i]->value ? eval(*p_.defines[i]->value, f) : Value::unknown();
  return *slot;
}

Value Evaluator::effective_compute(int32_t i, Frame& f) {
  auto& slot = f.ecs[i];
  if (!slot) {
    const auto& ec = *p_.effective_computes[i];
    // Without a multiplier the definition does not say how to turn physical compute into
    // effective compute: the value is unknown (the interpretation sweep supplies readings).
    // An assumed `multiplier` stands in for one the definition leaves unspecified.
    if (!ec.base.value) slot = Value::unknown();
    else if (ec.multiplier.value) slot = arith(ast::Op::Mul, eval(*ec.base.value, f), eval(*ec.multiplier.value, f));
    else if (p_.multiplier_assumption >= 0)
      slot = arith(ast::Op::Mul, eval(*ec.base.value, f), assumption(p_.multiplier_assumption, f));
    else slot = Value::unknown();
  }
  return *slot;
}

int32_t Evaluator::tier_of(int32_t li, double x) const { return tier_holding(p_.ladders[li].ranges, x); }

const std::vector<double>& Evaluator::lines() {
  if (!lines_) lines_ = policy_lines(p_);
  return *lines_;
}

namespace {

// A ladder's verdict as a value: a tier with the tiers its range reaches, or unknown.
Value tier_value(const TierState& t) {
  if (t.missing) {  // unknown; with the tiers it may be in, when only an escalation is unknown
    Value v = Value::unknown();
    v.reach = t.reach;
    v.lo = t.lo;
    v.hi = t.hi;
    return v;
  }
  Value v = Value::of_tier(static_cast<int32_t>(t.point));
  v.lo = t.lo;
  v.hi = t.hi;
  v.reach = t.reach;
  v.possible = v.lo != v.hi;
  return v;
}

}  // namespace

TierState Evaluator::ladder_state(int32_t i, Frame& f) {
  const auto& decl = *p_.ladders[i].decl;
  Value axis = decl.by ? eval(*decl.by, f) : Value::unknown();
  if (axis.kind != Value::Kind::Number) return TierState{};
  return tier_state(p_.ladders[i], axis.x, axis.lo, axis.hi);
}

Value Evaluator::ladder_base(int32_t i, Frame& f) { return tier_value(ladder_state(i, f)); }

Value Evaluator::ladder(int32_t i, Frame& f) {
  auto& slot = f.ladders[i];
  if (slot) return *slot;
  TierState t = ladder_state(i, f);
  const double top = static_cast<double>(p_.ladders[i].ranges.size()) - 1;
  for (int32_t e : p_.ladders[i].escalations) {
    const auto& esc = p_.escalations[e];
    if (esc.tier < 0 || !esc.decl->when) continue;
    Value c = eval(*esc.decl->when, f);
    const Tri cond = c.kind == Value::Kind::Bool ? tri_of(c.boolean) : Tri::Unknown;
    escalate(t, cond, c.possible, esc.tier, top);
  }
  Value v = tier_value(t);
  slot = v;
  return v;
}

Value Evaluator::trigger(int32_t i, Frame& f) {
  auto& slot = f.triggers[i];
  if (!slot) slot = p_.triggers[i]->when ? eval(*p_.triggers[i]->when, f) : Value::unknown();
  return *slot;
}

Value Evaluator::exemption(int32_t i, Frame& f) {
  auto& slot = f.exemptions[i];
  if (!slot) slot = p_.exemptions[i].decl->when ? eval(*p_.exemptions[i].decl->when, f) : Value::unknown();
  return *slot;
}

// One missing_fields walk: what it found, in order, and how far each rule was followed.
struct Evaluator::MissingWalk {
  std::vector<std::string>& out;
  std::unordered_set<std::string> found;
  RuleVisits rules;

  void add(std::string s) {
    if (found.insert(s).second) out.push_back(std::move(s));
  }
  bool follow(ast::RefKind kind, int32_t index, int budget) { return rules.follow(kind, index, budget); }
};

void Evaluator::missing_fields(const ast::Expr& e, Frame& f, std::vector<std::string>& out, int budget) {
  MissingWalk walk{out, {out.begin(), out.end()}, {}};
  missing_fields(e, f, walk, budget);
}

void Evaluator::missing_fields(const ast::Expr& e, Frame& f, MissingWalk& walk, int budget) {
  if (budget <= 0) return;
  auto add = [&](std::string s) { walk.add(std::move(s)); };
  auto follow = [&](const ast::Expr* x) {
    if (x) missing_fields(*x, f, walk, budget - 1);
  };
  const auto first_time = [&] { return walk.follow(e.res.kind, e.res.index, budget); };
  if (exhausted()) {
    // Past the work limit nothing more is evaluated; say so rather than blame a field.
    add(eval_limit_reason(step_limit_));
    return;
  }
  using EK = ast::ExprKind;
  switch (e.kind) {
    case EK::Name:
      switch (e.res.kind) {
        case ast::RefKind::Field:
          if (f.record->values[e.res.index].is_unknown()) add(p_.fields[e.res.index].name);
          return;
        case ast::RefKind::Define:
          if (first_time()) follow(p_.defines[e.res.index]->value.get());
          return;
        case ast::RefKind::EffectiveCompute: {
          if (!first_time()) return;
          const auto& ec = *p_.effective_computes[e.res.index];
          follow(ec.base.value.get());
          if (ec.multiplier.value) follow(ec.multiplier.value.get());
          else if (p_.multiplier_assumption >= 0) follow(p_.assumptions[p_.multiplier_assumption].decl->value.get());
          else add(ec.name.text + ".multiplier (unspecified)");
          return;
        }
        case ast::RefKind::Ladder: {
          if (!first_time()) return;
          const auto& l = p_.ladders[e.res.index];
          follow(l.decl->by.get());
          for (int32_t esc : l.escalations) follow(p_.escalations[esc].decl->when.get());
          return;
        }
        case ast::RefKind::Trigger:
          if (first_time()) follow(p_.triggers[e.res.index]->when.get());
          return;
        case ast::RefKind::Exemption:
          if (first_time()) follow(p_.exemptions[e.res.index].decl->when.get());
          return;
        case ast::RefKind::AsOf:
          if (as_of_ == kNoDate) add("as_of (no evaluation date given)");
          return;
        case ast::RefKind::Assumption:
          if (first_time()) follow(p_.assumptions[e.res.index].decl->value.get());
          return;
        default: return;
      }
    case EK::At: {
      const auto& ref = p_.references[e.res.index];
      const Record* r = f.depth < kMaxReferenceDepth ? referenced(e.res.index, f) : nullptr;
      if (!r) {
        add(ref.decl->kind == ast::ReferenceDecl::Kind::Field
                ? ref.decl->name.text + " (no record named by `" + ref.decl->field.text + "`)"
                : ref.decl->name.text + " (no model before that date)");
        return;
      }
      Frame other = frame(*r, f.depth + 1);
      std::vector<std::string> there;
      missing_fields(*e.args[0], other, there, budget - 1);  // a walk of its own: another record
      for (auto& s : there) add(s + "@" + ref.decl->name.text);
      return;
    }
    case EK::Call:
      if (ast::builtin_of(e) == ast::Builtin::TimeSince) {
        if (as_of_ == kNoDate) add("as_of (no evaluation date given)");
        const auto& a = *e.args[0];
        if (a.res.kind == ast::RefKind::Reference) {
          const Record* r = referenced(a.res.index, f);
          if (!r) add(p_.references[a.res.index].decl->name.text + " (no record)");
          else if (p_.released_field >= 0 && r->values[p_.released_field].is_unknown())
            add("released@" + p_.references[a.res.index].decl->name.text);
          return;
        }
      }
      if (ast::builtin_of(e) == ast::Builtin::Progress && p_.released_field >= 0 && f.record->values[p_.released_field].is_unknown())
        add("released");
      break;
    case EK::FreeText:
      add("certified \"" + e.text + "\" (no operational test)");
      return;
    default: break;
  }
  for (const auto& a : e.args) follow(a.get());
}

}  // namespace scalepol::eval
