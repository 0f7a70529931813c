// The interval arithmetic and comparison both evaluators share (the interpreter in
// evaluator.cpp and the compiled evaluator in compiled.cpp): one definition of what a range
// does to a comparison or a sum, whatever value type carries it.
#pragma once

#include <algorithm>
#include <cmath>

#include "ast/ast.hpp"
#include "check/program.hpp"
#include "eval/value.hpp"

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

// A ladder's verdict as the three evaluators carry it: missing (no figure, or an escalation whose
// condition lacks data), or the point estimate's tier and the lowest and highest tier the range
// reaches. `point` is kNoPointTier when there is no point estimate (a half-open range, or an
// escalation that may or may not hold): the value is then unknown, status possible.
struct TierState {
  bool missing = true;
  double point = 0, lo = 0, hi = 0;
};

// The tiers a value reaches (docs/semantics.md, 4). ax is NaN for a half-open range.
inline TierState tier_state(const std::vector<check::TierRange>& ranges, double ax, double alo, double ahi) {
  TierState t;
  t.missing = false;
  if (alo == ax && ahi == ax) {  // an exact figure, the common case: one lookup
    t.point = t.lo = t.hi = tier_holding(ranges, ax);
    return t;
  }
  t.lo = tier_holding(ranges, alo);
  t.hi = tier_holding(ranges, ahi);
  t.point = std::isnan(ax) ? (t.lo == t.hi ? t.lo : kNoPointTier) : tier_holding(ranges, ax);
  return t;
}

// `escalate L to `to` when C` (docs/semantics.md, 5), with C true, false or undecided
// (`cond_possible`: straddling a line rather than lacking data).
inline void escalate(TierState& t, Tri cond, bool cond_possible, double to, double top) {
  if (cond == Tri::False) return;
  if (cond == Tri::True) {
    if (t.missing) {
      if (to == top) t = TierState{false, top, top, top};  // nothing is above the top tier
      return;
    }
    t.lo = std::max(t.lo, to);
    t.hi = std::max(t.hi, to);
    t.point = t.point == kNoPointTier ? (t.lo == t.hi ? t.lo : kNoPointTier) : std::max(t.point, to);
    return;
  }
  // Undecided: it changes nothing when the tier cannot be below `to`.
  if (t.missing || t.lo >= to) return;
  if (!cond_possible) {
    t.missing = true;
    return;
  }
  t.point = kNoPointTier;
  t.hi = std::max(t.hi, to);
}

}  // namespace scalepol::eval
