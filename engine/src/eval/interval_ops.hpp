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
// division by a range holding zero, another operator, or a result that is not finite.
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
      break;
    }
    case ast::Op::Div: {
      if (blo <= 0 && bhi >= 0) return false;
      const double c[] = {alo / blo, alo / bhi, ahi / blo, ahi / bhi};
      x = ax / bx;
      lo = *std::min_element(c, c + 4);
      hi = *std::max_element(c, c + 4);
      break;
    }
    default: return false;
  }
  return std::isfinite(x) && std::isfinite(lo) && std::isfinite(hi);
}

// An escalation whose condition holds: the tier is "at least `to`", so the point estimate's tier
// and both ends of the range rise to it (docs/semantics.md, Escalations). For Value and CValue.
template <class TierValue>
void raise_tier(TierValue& v, int32_t to) {
  v.tier = std::max(v.tier, to);
  v.x = v.tier;
  v.lo = std::max(v.lo, static_cast<double>(to));
  v.hi = std::max(v.hi, static_cast<double>(to));
  v.possible = v.lo != v.hi;
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

}  // namespace scalepol::eval
