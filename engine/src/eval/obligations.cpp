// Obligations: what a record must do because of the tier it is in or a trigger that fires,
// unless an exemption lifts it. All three-valued: an unknown tier makes its obligations unknown.
#include "eval/evaluator.hpp"
#include "eval/interval_ops.hpp"

namespace scalepol::eval {

void Evaluator::collect_obligation_sites() {
  auto kind_index = [&](const std::string& k) {
    for (std::size_t i = 0; i < p_.obligation_kinds.size(); ++i)
      if (p_.obligation_kinds[i] == k) return static_cast<int32_t>(i);
    return int32_t{-1};
  };
  for (int32_t l = 0; l < static_cast<int32_t>(p_.ladders.size()); ++l) {
    const auto& decl = *p_.ladders[l].decl;
    for (int32_t t = 0; t < static_cast<int32_t>(decl.tiers.size()); ++t)
      for (const auto& o : decl.tiers[t].obligations) {
        ObligationSite s;
        s.decl = &o;
        s.kind = kind_index(o.kind.text);
        s.ladder = l;
        s.tier = t;
        s.rule = decl.name.text + "." + decl.tiers[t].name.text + "." + o.kind.text;
        sites_.push_back(std::move(s));
      }
  }
  for (int32_t i = 0; i < static_cast<int32_t>(p_.triggers.size()); ++i)
    for (const auto& o : p_.triggers[i]->obligations) {
      ObligationSite s;
      s.decl = &o;
      s.kind = kind_index(o.kind.text);
      s.trigger = i;
      s.rule = p_.triggers[i]->name.text + "." + o.kind.text;
      sites_.push_back(std::move(s));
    }
}

Value Evaluator::obligation_applies(const ObligationSite& s, Frame& f) {
  if (s.trigger >= 0) return trigger(s.trigger, f);
  Value tier = ladder(s.ladder, f);
  // In the tier when definitely there; possibly, only if the range reaches the tier; not, when an
  // unknown tier cannot be it.
  const Tri in = tiers_equal(tier_set(tier), tier_bit(s.tier));
  if (tier.kind != Value::Kind::Tier) return tier_set(tier) != 0 && in == Tri::False ? Value::of_bool(false) : tier;
  return in == Tri::Unknown ? Value::undecided() : Value::of_bool(in == Tri::True);
}

Value Evaluator::obligation_exempt(const ObligationSite& s, Frame& f, std::vector<int32_t>* by) {
  Tri acc = Tri::False;
  bool possible = true;
  for (int32_t j = 0; j < static_cast<int32_t>(p_.exemptions.size()); ++j) {
    bool targets = false;
    for (const auto& t : p_.exemptions[j].targets) {
      using K = check::ExemptionTarget::Kind;
      if (t.kind == K::All || (t.kind == K::Trigger && t.index == s.trigger) ||
          (t.kind == K::Tier && t.index == s.ladder && t.sub == s.tier))
        targets = true;
    }
    if (!targets) continue;
    Value v = exemption(j, f);
    Tri tv = v.kind == Value::Kind::Bool ? tri_of(v.boolean) : Tri::Unknown;
    if (tv == Tri::Unknown && !v.possible) possible = false;
    if (tv == Tri::True && by) by->push_back(j);
    acc = tri_or(acc, tv);
  }
  if (acc == Tri::Unknown) return possible ? Value::undecided() : Value::unknown();
  return Value::of_bool(acc == Tri::True);
}

Value Evaluator::obligation_incurred(const ObligationSite& s, Frame& f) {
  Value applies = obligation_applies(s, f);
  Value exempt = obligation_exempt(s, f);
  Tri a = applies.kind == Value::Kind::Bool ? tri_of(applies.boolean) : Tri::Unknown;
  Tri e = exempt.kind == Value::Kind::Bool ? tri_of(exempt.boolean) : Tri::Unknown;
  Tri r = tri_and(a, tri_not(e));
  if (r != Tri::Unknown) return Value::of_bool(r == Tri::True);
  bool possible = (a != Tri::Unknown || applies.possible) && (e != Tri::Unknown || exempt.possible);
  return possible ? Value::undecided() : Value::unknown();
}

Value Evaluator::obligation_kind(int32_t kind, Frame& f) {
  Tri acc = Tri::False;
  bool possible = true;
  for (const auto& s : sites_) {
    if (s.kind != kind) continue;
    Value v = obligation_incurred(s, f);
    Tri t = v.kind == Value::Kind::Bool ? tri_of(v.boolean) : Tri::Unknown;
    if (t == Tri::Unknown && !v.possible) possible = false;
    acc = tri_or(acc, t);
  }
  if (acc == Tri::Unknown) return possible ? Value::undecided() : Value::unknown();
  return Value::of_bool(acc == Tri::True);
}

}  // namespace scalepol::eval
