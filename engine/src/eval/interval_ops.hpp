// The interval arithmetic and comparison both evaluators share (the interpreter in
// evaluator.cpp and the compiled evaluator in compiled.cpp): one definition of what a range
// does to a comparison or a sum, whatever value type carries it.
#pragma once

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

#include "ast/ast.hpp"
#include "check/program.hpp"
#include "eval/model_names.hpp"

namespace scalepol::eval {

// `a op b` for ranges [alo, ahi] and [blo, bhi]: definitely, definitely not, or undecided (the
// ranges overlap the line). Numbers, dates and tiers (whose lo/hi are the tiers a range
// reaches) compare this way.
inline Tri compare_intervals(ast::Op op, double alo, double ahi, double blo, double bhi) {
  switch (op) {
    case ast::Op::Lt: return ahi < blo ? Tri::True : (alo >= bhi ? Tri::False : Tri::Unknown);
    case ast::Op::Le: return ahi <= blo ? Tri::True : (alo > bhi ? Tri::False : Tri::Unknown);
    case ast::Op::Gt: return alo > bhi ? Tri::True : (ahi <= blo ? Tri::False : Tri::Unknown);
    case ast::Op::Ge: return alo >= bhi ? Tri::True : (ahi < blo ? Tri::False : Tri::Unknown);
    case ast::Op::Eq:
    case ast::Op::Ne: {
      const Tri eq = (alo == ahi && blo == bhi) ? tri_of(alo == blo)
                     : (ahi < blo || bhi < alo) ? Tri::False
                                                : Tri::Unknown;
      return op == ast::Op::Eq ? eq : tri_not(eq);
    }
    default: return Tri::Unknown;
  }
}

// The point estimate and range of `a op b` for + - * /, into x, lo, hi. False when it has none:
// division by a range holding zero, another operator, or a result that is not a number. A
// half-open range (a record with one bound and no figure: docs/semantics.md, 3) has an infinite
// end and no point estimate (NaN): its sums and products keep the infinite end and have no point
// either; a range that overflows to infinity from finite operands has no reading.
inline bool arith_intervals(ast::Op op, double ax, double alo, double ahi, double bx, double blo, double bhi,
                            double& x, double& lo, double& hi) {
  switch (op) {
    case ast::Op::Add: x = ax + bx; lo = alo + blo; hi = ahi + bhi; break;
    case ast::Op::Sub: x = ax - bx; lo = alo - bhi; hi = ahi - blo; break;
    case ast::Op::Mul: {
      const double c[] = {alo * blo, alo * bhi, ahi * blo, ahi * bhi};
      x = ax * bx;
      lo = *std::min_element(c, c + 4);
      hi = *std::max_element(c, c + 4);
      if (std::isnan(c[0]) || std::isnan(c[1]) || std::isnan(c[2]) || std::isnan(c[3])) return false;  // 0 × ∞
      break;
    }
    case ast::Op::Div: {
      if (blo <= 0 && bhi >= 0) return false;
      const double c[] = {alo / blo, alo / bhi, ahi / blo, ahi / bhi};
      x = ax / bx;
      lo = *std::min_element(c, c + 4);
      hi = *std::max_element(c, c + 4);
      if (std::isnan(c[0]) || std::isnan(c[1]) || std::isnan(c[2]) || std::isnan(c[3])) return false;  // ∞ / ∞
      break;
    }
    default: return false;
  }
  const bool half_open = std::isinf(alo) || std::isinf(ahi) || std::isinf(blo) || std::isinf(bhi);
  const bool no_point = std::isnan(ax) || std::isnan(bx);
  if (no_point) x = std::nan("");
  if (std::isnan(lo) || std::isnan(hi)) return false;  // ∞ − ∞
  if (!half_open && !(std::isfinite(lo) && std::isfinite(hi))) return false;
  return no_point || std::isfinite(x);
}

// min or max of two point estimates: none when either has none (a half-open range).
inline double min_max_point(bool is_min, double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::nan("");
  return is_min ? std::min(a, b) : std::max(a, b);
}

// The tier of a ladder that holds x: the last (highest) whose range holds it, or -1 (below
// every tier).
inline int32_t tier_holding(const std::vector<check::TierRange>& ranges, double x) {
  for (int32_t t = static_cast<int32_t>(ranges.size()) - 1; t >= 0; --t) {
    const auto& r = ranges[t];
    if (r.has_lo && (r.lo_inclusive ? x < r.lo : x <= r.lo)) continue;
    if (r.has_hi && (r.hi_inclusive ? x > r.hi : x >= r.hi)) continue;
    return t;
  }
  return -1;
}

// The tier a ladder gives every value strictly between a and b, where no tier bound lies strictly
// between them (so the tier is the same all the way): the last tier whose range holds the whole
// open interval, or -1.
inline int32_t tier_holding_between(const std::vector<check::TierRange>& ranges, double a, double b) {
  for (int32_t t = static_cast<int32_t>(ranges.size()) - 1; t >= 0; --t) {
    const auto& r = ranges[t];
    if (r.has_lo && r.lo > a) continue;
    if (r.has_hi && r.hi < b) continue;
    return t;
  }
  return -1;
}

// Sets of tiers (TierSet, value.hpp).
inline int32_t lowest_tier(TierSet s) { return std::countr_zero(s) - 1; }
inline int32_t highest_tier(TierSet s) { return 63 - std::countl_zero(s) - 1; }
inline bool one_tier(TierSet s) { return std::has_single_bit(s); }

// The tiers of the values from lo to hi (docs/semantics.md, 4). Between two consecutive cuts the
// tier cannot change, so the ends, each cut inside the range and each stretch between them find
// every tier: on a ladder with gaps or tiers out of order these need not be the tiers between
// the ends' tiers.
inline TierSet tiers_reached(const check::Ladder& ladder, double lo, double hi) {
  const auto& ranges = ladder.ranges;
  TierSet s = tier_bit(tier_holding(ranges, lo)) | tier_bit(tier_holding(ranges, hi));
  if (!(lo < hi)) return s;
  double from = lo;
  for (double c : ladder.cuts) {
    if (c <= lo) continue;
    if (c >= hi) break;
    s |= tier_bit(tier_holding_between(ranges, from, c)) | tier_bit(tier_holding(ranges, c));
    from = c;
  }
  return s | tier_bit(tier_holding_between(ranges, from, hi));
}

// `ladder == t`, or whether the record is in tier t for its obligations: true when t is the only
// tier the value reaches, false when it does not reach t, undecided otherwise (docs/semantics.md,
// 4 and 6). For two tier values, `a == b` is true when both are the same one tier, false when
// they reach no tier in common.
inline Tri tiers_equal(TierSet a, TierSet b) {
  if (a == b && one_tier(a)) return Tri::True;
  return (a & b) == 0 ? Tri::False : Tri::Unknown;
}

// `a op b` on the tiers two values may be in: `==` and `!=` by tiers_equal, the orderings by the
// tiers' places (no tier below every tier). Also decides a tier that is unknown but may be in
// only some tiers (an escalation whose condition lacks data) when all of them agree.
inline Tri compare_tier_sets(ast::Op op, TierSet a, TierSet b) {
  if (op == ast::Op::Eq || op == ast::Op::Ne) {
    const Tri eq = tiers_equal(a, b);
    return op == ast::Op::Eq ? eq : tri_not(eq);
  }
  return compare_intervals(op, lowest_tier(a), highest_tier(a), lowest_tier(b), highest_tier(b));
}

// A ladder's verdict as the three evaluators carry it: missing (no figure, or an escalation whose
// condition lacks data), or the point estimate's tier; and the set of tiers it may be in, with
// the lowest and highest of them. A missing tier has an empty set when nothing is known of it,
// and a set when only the escalation is unknown: it is then in one of those tiers, and in no
// other. `point` is kNoPointTier when there is no point estimate (a half-open range, or an
// escalation that may or may not hold): the value is then unknown, status possible.
struct TierState {
  bool missing = true;
  double point = 0, lo = 0, hi = 0;
  TierSet reach = 0;

  void set_reach(TierSet s) {
    reach = s;
    lo = lowest_tier(s);
    hi = highest_tier(s);
  }
};

// The tiers a value reaches (docs/semantics.md, 4). ax is NaN for a half-open range.
inline TierState tier_state(const check::Ladder& ladder, double ax, double alo, double ahi) {
  TierState t;
  t.missing = false;
  if (alo == ax && ahi == ax) {  // an exact figure, the common case: one lookup
    const int32_t tier = tier_holding(ladder.ranges, ax);
    t.point = t.lo = t.hi = tier;
    t.reach = tier_bit(tier);
    return t;
  }
  t.set_reach(tiers_reached(ladder, alo, ahi));
  t.point = !std::isnan(ax) ? tier_holding(ladder.ranges, ax) : one_tier(t.reach) ? t.lo : kNoPointTier;
  return t;
}

// Each tier of s below `to` raised to `to`.
inline TierSet raise_tiers(TierSet s, int32_t to) {
  const TierSet below = tier_bit(to) - 1;
  return (s & ~below) | ((s & below) != 0 ? tier_bit(to) : 0);
}

// `escalate L to `to` when C` (docs/semantics.md, 5), with C true, false or undecided
// (`cond_possible`: straddling a line rather than lacking data).
inline void escalate(TierState& t, Tri cond, bool cond_possible, double to, double top) {
  if (cond == Tri::False) return;
  const auto to_tier = static_cast<int32_t>(to);
  if (cond == Tri::True) {
    if (t.missing && t.reach == 0) {
      if (to == top) t = TierState{false, top, top, top, tier_bit(to_tier)};  // nothing is above the top tier
      return;
    }
    t.set_reach(raise_tiers(t.reach, to_tier));
    if (t.missing) {  // unknown between tiers that the escalation raises to one
      if (one_tier(t.reach)) t = TierState{false, t.lo, t.lo, t.lo, t.reach};
      return;
    }
    t.point = t.point == kNoPointTier ? (one_tier(t.reach) ? t.lo : kNoPointTier) : std::max(t.point, to);
    return;
  }
  // Undecided: it changes nothing when the tier cannot be below `to`.
  if ((t.missing && t.reach == 0) || t.lo >= to) return;
  // Raised or not: the tiers it may be in either way. Unknown when the condition lacks data (or
  // the tier already was), else with no point estimate.
  t.set_reach(t.reach | raise_tiers(t.reach, to_tier));
  if (!cond_possible) t.missing = true;
  t.point = kNoPointTier;
}

}  // namespace scalepol::eval
