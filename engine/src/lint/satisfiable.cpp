#include "lint/satisfiable.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <set>
#include <variant>

#include "lint/intervals.hpp"
#include "lint/walk.hpp"
#include "model/describe.hpp"

namespace scalepol::linter {

namespace {

// The values an operand can take, and what to say when a comparison falls outside them.
struct Domain {
  enum class Kind { Free, NonNegative, Ladder, Bool } kind = Kind::Free;
  Interval values = Interval::all();
  bool integer = false;
  ast::Dim dim = ast::Dim::Number;      // NonNegative
  int32_t ladder = -1;                  // Ladder
  bool has_none = false;                // Ladder: a value can fall in no tier (position -1)
};

// One constraint an alternative puts on an operand, and the condition it comes from.
struct Literal {
  enum class Kind { Range, NotEqual, TextEq, TextNe, Known, Unknown } kind = Kind::Range;
  const ast::Expr* atom = nullptr;  // the condition as written
  bool polarity = true;             // required true, or required false
  std::string key;                  // the operand's text
  Domain domain;
  Interval range;    // Range
  double point = 0;  // NotEqual
  std::string text;  // TextEq, TextNe

  bool needs_known() const { return kind != Kind::Unknown; }
};

using Case = std::vector<const Literal*>;

// Alternatives still possible, and the reasons the others are not.
struct Cases {
  std::vector<Case> live;
  std::vector<std::string> dead;
};

// A constant operand: a number in base units (dates are day numbers, tiers positions, booleans
// 0 or 1), or a text.
using Constant = std::variant<double, std::string>;

constexpr std::size_t kMaxAlternatives = 256;  // beyond this, give up rather than guess
// Literals examined (alternatives copied and checked for conflicts) per node of the condition,
// and at least kMinWork: past that, give up too. A conjunction of n comparisons checks each one
// against all before it (n^2/2 literals); a condition of any size written by a person needs far
// less.
constexpr std::size_t kWorkPerNode = 64;
constexpr std::size_t kMinWork = std::size_t{1} << 16;

std::string list_text(const std::vector<std::string>& items) {
  std::string s;
  for (std::size_t i = 0; i < items.size(); ++i)
    s += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return s;
}

// What a never-negative quantity is called in a reason: "compute is never negative".
std::string_view quantity_word(ast::Dim d) {
  using ast::Dim;
  switch (d) {
    case Dim::Compute: return "compute";
    case Dim::ComputeRate: return "a compute rate";
    case Dim::Money: return "money";
    case Dim::Score: return "a benchmark score";
    case Dim::Params: return "a parameter count";
    case Dim::Tokens: return "a token count";
    case Dim::Users: return "a user count";
    default: return "the value";
  }
}

ast::Op negated(ast::Op op) {
  switch (op) {
    case ast::Op::Lt: return ast::Op::Ge;
    case ast::Op::Le: return ast::Op::Gt;
    case ast::Op::Gt: return ast::Op::Le;
    case ast::Op::Ge: return ast::Op::Lt;
    case ast::Op::Eq: return ast::Op::Ne;
    default: return ast::Op::Eq;
  }
}

class Solver {
 public:
  Solver(const check::Program& p, const ast::Expr& root, const syntax::SourceFile* source, SolverCache* cache)
      : p_(p), root_(root), source_(source), cache_(cache) {
    std::size_t nodes = 0;
    walk(root, [&](const ast::Expr&) { ++nodes; });
    budget_ = std::max(kMinWork, nodes * kWorkPerNode);
  }

  std::optional<std::vector<std::string>> never(bool want) {
    Cases c = cases(root_, want);
    if (gave_up_ || !c.live.empty()) return std::nullopt;
    std::vector<std::string> reasons;
    for (auto& r : c.dead)
      if (std::find(reasons.begin(), reasons.end(), r) == reasons.end()) reasons.push_back(r);
    return reasons;
  }

 private:
  const check::Program& p_;
  const ast::Expr& root_;
  const syntax::SourceFile* source_;
  SolverCache* cache_;  // may be null
  std::deque<Literal> literals_;  // owned here; cases point into it
  bool gave_up_ = false;
  std::size_t work_ = 0, budget_ = 0;  // literals examined, and how many may be

  Cases cases(const ast::Expr& e, bool want);
  Cases all_of(const ast::Expr& e, bool want);
  Cases any_of(const ast::Expr& e, bool want);
  Cases compare(const ast::Expr& e, bool want);
  Cases is_known(const ast::Expr& e, bool want);
  Cases opaque(const ast::Expr& e, bool want);
  Cases one(Literal lit);
  Cases impossible(const ast::Expr& atom, bool want, const std::string& why);

  std::optional<Constant> constant(const ast::Expr& e) const;
  Domain domain_of(const ast::Expr& operand) const;
  bool ladder_has_none(int32_t ladder) const;

  std::optional<std::string> conflict(const Case& c) const;
  std::optional<std::string> key_conflict(const std::vector<const Literal*>& lits) const;
  std::string explain(std::vector<const Literal*> lits, const std::string& why) const;
  std::string domain_reason(const Domain& d, const Interval& wanted) const;
};

Cases Solver::cases(const ast::Expr& e, bool want) {
  if (gave_up_) return {};
  using EK = ast::ExprKind;
  switch (e.kind) {
    case EK::Bool:
      if (e.boolean == want) return Cases{{Case{}}, {}};
      if (&e == &root_) return Cases{{}, {fmt::format("it is the literal `{}`", e.boolean ? "true" : "false")}};
      return impossible(e, want, "");
    case EK::Not: return cases(*e.args[0], !want);
    // Kleene: `a and b` is true when both are, false when either is; `or` the other way round.
    case EK::And: return want ? all_of(e, true) : any_of(e, false);
    case EK::Or: return want ? any_of(e, true) : all_of(e, false);
    case EK::Compare: return compare(e, want);
    case EK::IsStatus: return is_known(e, want);
    default: return opaque(e, want);
  }
}

Cases Solver::any_of(const ast::Expr& e, bool want) {
  Cases out;
  for (const auto& a : e.args) {
    Cases c = cases(*a, want);
    out.live.insert(out.live.end(), c.live.begin(), c.live.end());
    out.dead.insert(out.dead.end(), c.dead.begin(), c.dead.end());
    if (out.live.size() > kMaxAlternatives) gave_up_ = true;
  }
  return out;
}

Cases Solver::all_of(const ast::Expr& e, bool want) {
  Cases out{{Case{}}, {}};
  for (const auto& a : e.args) {
    if (out.live.empty()) break;  // already impossible: the reasons so far say why
    Cases c = cases(*a, want);
    out.dead.insert(out.dead.end(), c.dead.begin(), c.dead.end());
    std::vector<Case> next;
    for (const auto& left : out.live)
      for (const auto& right : c.live) {
        Case both = left;
        both.insert(both.end(), right.begin(), right.end());
        work_ += both.size();
        if (auto why = conflict(both)) out.dead.push_back(*why);
        else next.push_back(std::move(both));
        if (next.size() > kMaxAlternatives || out.dead.size() > kMaxAlternatives || work_ > budget_) gave_up_ = true;
        if (gave_up_) return {};
      }
    out.live = std::move(next);
  }
  return out;
}

Cases Solver::one(Literal lit) {
  literals_.push_back(std::move(lit));
  Case c{&literals_.back()};
  if (auto why = conflict(c)) return Cases{{}, {*why}};
  return Cases{{c}, {}};
}

Cases Solver::impossible(const ast::Expr& atom, bool want, const std::string& why) {
  literals_.push_back(Literal{.atom = &atom, .polarity = want});
  return Cases{{}, {explain({&literals_.back()}, why)}};
}

// A condition the solver does not look into: true or false, consistent with itself.
Cases Solver::opaque(const ast::Expr& e, bool want) {
  Literal lit{.kind = Literal::Kind::Range, .atom = &e, .polarity = want, .key = model::expr_text(e)};
  lit.domain.kind = Domain::Kind::Bool;
  lit.domain.values = Interval{0, 1, true, true};
  lit.domain.integer = true;
  lit.range = Interval::point(want ? 1 : 0);
  return one(std::move(lit));
}

Cases Solver::is_known(const ast::Expr& e, bool want) {
  const auto& operand = *e.args[0];
  // Whether a range leaves a value open is beyond the solver's cases, which hold values, not
  // ranges: `is possible` and `is definite` are left open.
  if (e.status_test != ast::StatusTest::Known) return opaque(e, want);
  const bool known = e.boolean == want;  // `x is known` true, or `x is unknown` false
  if (constant(operand)) {
    if (known) return Cases{{Case{}}, {}};
    return impossible(e, want, "a constant is always known");
  }
  Literal lit{.kind = known ? Literal::Kind::Known : Literal::Kind::Unknown, .atom = &e, .polarity = want,
              .key = model::expr_text(operand)};
  lit.domain = domain_of(operand);
  return one(std::move(lit));
}

Cases Solver::compare(const ast::Expr& e, bool want) {
  const ast::Expr* x = e.args[0].get();
  const ast::Expr* y = e.args[1].get();
  // A comparison is false exactly when its operands are known and the opposite comparison holds.
  ast::Op op = want ? e.ops[0] : negated(e.ops[0]);
  auto cx = constant(*x), cy = constant(*y);
  if (cx && cy) {
    if (cx->index() == cy->index() &&
        (cx->index() == 0 ? ast::holds(op, std::get<0>(*cx), std::get<0>(*cy)) : ast::holds(op, std::get<1>(*cx), std::get<1>(*cy))))
      return Cases{{Case{}}, {}};
    return impossible(e, want, "it compares two constants");
  }
  if (!cx && !cy) {
    if (model::expr_text(*x) != model::expr_text(*y)) return opaque(e, want);
    // `x < x`: never true; `x <= x`: true whenever x is known.
    if (op == ast::Op::Lt || op == ast::Op::Gt || op == ast::Op::Ne)
      return impossible(e, want, fmt::format("it compares `{}` with itself", model::expr_text(*x)));
    Literal lit{.kind = Literal::Kind::Known, .atom = &e, .polarity = want, .key = model::expr_text(*x)};
    lit.domain = domain_of(*x);
    return one(std::move(lit));
  }
  if (cx) {
    std::swap(x, y);
    std::swap(cx, cy);
    op = ast::mirrored(op);
  }
  Literal lit{.atom = &e, .polarity = want, .key = model::expr_text(*x)};
  lit.domain = domain_of(*x);
  if (auto* text = std::get_if<std::string>(&*cy)) {
    if (op != ast::Op::Eq && op != ast::Op::Ne) return opaque(e, want);
    lit.kind = op == ast::Op::Eq ? Literal::Kind::TextEq : Literal::Kind::TextNe;
    lit.text = *text;
    return one(std::move(lit));
  }
  const double c = std::get<double>(*cy);
  switch (op) {
    case ast::Op::Lt: lit.range = Interval{-kInf, c, false, false}; break;
    case ast::Op::Le: lit.range = Interval{-kInf, c, false, true}; break;
    case ast::Op::Gt: lit.range = Interval{c, kInf, false, false}; break;
    case ast::Op::Ge: lit.range = Interval{c, kInf, true, false}; break;
    case ast::Op::Eq: lit.range = Interval::point(c); break;
    default:
      lit.kind = Literal::Kind::NotEqual;
      lit.point = c;
      break;
  }
  return one(std::move(lit));
}

std::optional<Constant> Solver::constant(const ast::Expr& e) const {
  switch (e.kind) {
    case ast::ExprKind::String: return Constant{e.text};
    case ast::ExprKind::Bool: return Constant{e.boolean ? 1.0 : 0.0};
    case ast::ExprKind::Name:
      if (e.res.kind == ast::RefKind::TierName) return Constant{static_cast<double>(e.res.sub)};
      return std::nullopt;
    default: {
      auto v = constant_value(e);
      return v ? std::optional<Constant>(Constant{*v}) : std::nullopt;
    }
  }
}

// Whether a value of the ladder's axis can fall in no tier (the ladder's value is then -1).
bool Solver::ladder_has_none(int32_t ladder) const {
  const auto compute = [&] {
    const auto& l = p_.ladders[ladder];
    auto dim = l.decl ? axis_dim(*l.decl) : std::nullopt;
    std::vector<Interval> tiers;
    for (const auto& r : l.ranges) tiers.push_back(tier_interval(r));
    return !uncovered(dim ? natural_domain(*dim) : Interval::all(), tiers).empty();
  };
  if (!cache_) return compute();
  auto& known = cache_->ladder_has_none;
  if (known.size() != p_.ladders.size()) known.assign(p_.ladders.size(), -1);
  if (known[ladder] < 0) known[ladder] = compute() ? 1 : 0;
  return known[ladder] != 0;
}

Domain Solver::domain_of(const ast::Expr& operand) const {
  Domain d;
  const auto& t = operand.type;
  if (t.kind == ast::TypeKind::Bool) {
    d.kind = Domain::Kind::Bool;
    d.values = Interval{0, 1, true, true};
    d.integer = true;
  } else if (t.kind == ast::TypeKind::Tier && t.index >= 0 && t.index < static_cast<int32_t>(p_.ladders.size()) &&
             !p_.ladders[t.index].ranges.empty()) {
    d.kind = Domain::Kind::Ladder;
    d.ladder = t.index;
    d.has_none = ladder_has_none(t.index);
    d.values = Interval{d.has_none ? -1.0 : 0.0, static_cast<double>(p_.ladders[t.index].ranges.size() - 1), true, true};
    d.integer = true;
  } else if (t.kind == ast::TypeKind::Quantity) {
    // A record's own figure (or effective compute) is never negative; arithmetic on it may be.
    const ast::Expr* base = &operand;
    while (base->kind == ast::ExprKind::At) base = base->args[0].get();
    const bool figure = base->kind == ast::ExprKind::Name &&
                        (base->res.kind == ast::RefKind::Field || base->res.kind == ast::RefKind::EffectiveCompute);
    if (figure && std::isfinite(natural_minimum(t.dim))) {
      d.kind = Domain::Kind::NonNegative;
      d.dim = t.dim;
      d.values = natural_domain(t.dim);
    }
  }
  return d;
}

std::optional<std::string> Solver::conflict(const Case& c) const {
  std::map<std::string, std::vector<const Literal*>> by_key;
  for (const auto* lit : c) by_key[lit->key].push_back(lit);
  for (const auto& [key, lits] : by_key)
    if (auto why = key_conflict(lits)) return why;
  return std::nullopt;
}

// The constraints on one operand, refuted: known and unknown at once, an empty interval, an
// interval whose every value is excluded, or two different texts.
std::optional<std::string> Solver::key_conflict(const std::vector<const Literal*>& lits) const {
  const Literal *known = nullptr, *unknown = nullptr;
  for (const auto* l : lits) {
    if (l->needs_known() && !known) known = l;
    if (!l->needs_known() && !unknown) unknown = l;
  }
  if (known && unknown) return explain({known, unknown}, "");

  const Domain& domain = lits.front()->domain;
  Interval range = domain.values;
  const Literal *lo = nullptr, *hi = nullptr;
  for (const auto* l : lits) {
    if (l->kind != Literal::Kind::Range) continue;
    if (l->range.lower_tighter_than(range)) {
      range.lo = l->range.lo;
      range.lo_closed = l->range.lo_closed;
      lo = l;
    }
    if (l->range.upper_tighter_than(range)) {
      range.hi = l->range.hi;
      range.hi_closed = l->range.hi_closed;
      hi = l;
    }
  }
  auto bounds = [&] {
    std::vector<const Literal*> v;
    if (lo) v.push_back(lo);
    if (hi && hi != lo) v.push_back(hi);
    return v;
  };
  if (range.empty()) {
    auto v = bounds();
    const Literal* only = v.size() == 1 ? v[0] : nullptr;
    return explain(v, only ? domain_reason(domain, only->range) : "");
  }

  // The values left, less the points excluded by `!=`: for integers, count them.
  std::vector<const Literal*> excluders;
  if (domain.integer) {
    const double first = range.lo_closed ? std::ceil(range.lo) : std::floor(range.lo) + 1;
    const double last = range.hi_closed ? std::floor(range.hi) : std::ceil(range.hi) - 1;
    if (first > last) return explain(bounds(), domain_reason(domain, range));
    if (last - first > 64) return std::nullopt;
    for (double v = first; v <= last; ++v) {
      auto it = std::find_if(lits.begin(), lits.end(),
                             [&](const Literal* l) { return l->kind == Literal::Kind::NotEqual && l->point == v; });
      if (it == lits.end()) {
        excluders.clear();
        break;
      }
      excluders.push_back(*it);
    }
  } else if (range.is_point()) {
    for (const auto* l : lits)
      if (l->kind == Literal::Kind::NotEqual && l->point == range.lo) {
        excluders.push_back(l);
        break;
      }
  }
  if (!excluders.empty()) {
    auto v = bounds();
    v.insert(v.end(), excluders.begin(), excluders.end());
    std::string why;
    if (domain.kind == Domain::Kind::Ladder) why = fmt::format("`{}` has no other tier", p_.ladders[domain.ladder].decl->name.text);
    if (domain.kind == Domain::Kind::Bool) why = "it is either true or false";
    return explain(v, why);
  }

  const Literal* equal = nullptr;
  for (const auto* l : lits) {
    if (l->kind != Literal::Kind::TextEq) continue;
    if (equal && equal->text != l->text) return explain({equal, l}, "");
    equal = l;
  }
  if (equal)
    for (const auto* l : lits)
      if (l->kind == Literal::Kind::TextNe && l->text == equal->text) return explain({equal, l}, "");
  return std::nullopt;
}

std::string Solver::domain_reason(const Domain& d, const Interval& wanted) const {
  switch (d.kind) {
    case Domain::Kind::NonNegative:
      return fmt::format("{} is never negative", quantity_word(d.dim));
    case Domain::Kind::Ladder: {
      const auto& decl = *p_.ladders[d.ladder].decl;
      if (wanted.lower_tighter_than(Interval::from(d.values.hi, true)))
        return fmt::format("`{}` is the top tier of `{}`", decl.tiers.back().name.text, decl.name.text);
      return fmt::format("`{}` is the bottom tier of `{}`", decl.tiers.front().name.text, decl.name.text);
    }
    case Domain::Kind::Bool: return "it is either true or false";
    case Domain::Kind::Free: return "";
  }
  return "";
}

// "`a` and `b` cannot both be true", "`a` can never be true: compute (FLOP) is never negative".
std::string Solver::explain(std::vector<const Literal*> lits, const std::string& why) const {
  std::sort(lits.begin(), lits.end(), [](const Literal* a, const Literal* b) { return a->atom->span.begin < b->atom->span.begin; });
  std::vector<std::string> yes, no;
  std::set<std::string> seen_yes, seen_no;
  for (const auto* l : lits) {
    auto text = "`" + written(source_, *l->atom) + "`";
    if ((l->polarity ? seen_yes : seen_no).insert(text).second) (l->polarity ? yes : no).push_back(text);
  }
  const std::string suffix = why.empty() ? "" : " (" + why + ")";
  if (yes.size() == 1 && no.size() == 1 && yes[0] == no[0]) return yes[0] + " cannot be both true and false" + suffix;
  auto cannot = [](std::size_t n) { return n == 1 ? "can never be" : n == 2 ? "cannot both be" : "cannot all be"; };
  if (no.empty()) return fmt::format("{} {} true{}", list_text(yes), cannot(yes.size()), suffix);
  if (yes.empty()) return fmt::format("{} {} false{}", list_text(no), cannot(no.size()), suffix);
  return fmt::format("{} cannot {}be true while {} {} false{}", list_text(yes),
                     yes.size() == 1 ? "" : yes.size() == 2 ? "both " : "all ", list_text(no),
                     no.size() == 1 ? "is" : "are", suffix);
}

}  // namespace

std::optional<std::vector<std::string>> never_true(const check::Program& p, const ast::Expr& condition,
                                                   const syntax::SourceFile* source, SolverCache* cache) {
  return Solver(p, condition, source, cache).never(true);
}

std::optional<std::vector<std::string>> never_false(const check::Program& p, const ast::Expr& condition,
                                                    const syntax::SourceFile* source, SolverCache* cache) {
  return Solver(p, condition, source, cache).never(false);
}

std::string written(const syntax::SourceFile* source, const ast::Expr& e) {
  if (!source || e.span.end <= e.span.begin || e.span.end > source->text().size()) return model::expr_text(e);
  std::string_view text(source->text().data() + e.span.begin, e.span.end - e.span.begin);
  std::string out;
  bool in_string = false, space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!in_string && c == '/' && i + 1 < text.size() && (text[i + 1] == '/' || text[i + 1] == '*'))
      return model::expr_text(e);
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) out += text[++i];
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
    in_string = c == '"';
  }
  return out;
}

std::string reasons_text(const std::vector<std::string>& reasons) {
  constexpr std::size_t kShown = 3;
  std::string s;
  for (std::size_t i = 0; i < reasons.size() && i < kShown; ++i) s += (i ? "; " : "") + reasons[i];
  if (reasons.size() > kShown) s += fmt::format("; and {} more", reasons.size() - kShown);
  return s;
}

}  // namespace scalepol::linter
