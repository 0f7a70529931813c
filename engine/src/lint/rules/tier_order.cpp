// `tier-order`: tiers not written in the order of their thresholds. Evaluation ranks tiers in the
// order they are written (a later tier is a higher one, and wins where tiers overlap), and a
// missing bound runs to the next tier written, so a ladder out of order ranks and bounds its
// tiers other than it reads. A tier is out of order when its lower bound as written is below an
// earlier tier's lower bound, or its upper bound below an earlier tier's upper bound (`from x`
// counts below `above x`, `below x` below `up_to x`).
#include <fmt/format.h>

#include <cmath>
#include <utility>
#include <vector>

#include "lint/intervals.hpp"
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

Interval as_interval(const ast::TierBound& b) {
  const double v = constant_value(*b.value).value_or(0);
  switch (b.kind) {
    case ast::BoundKind::Below: return Interval{-kInf, v, false, false};
    case ast::BoundKind::UpTo: return Interval{-kInf, v, false, true};
    case ast::BoundKind::Above: return Interval{v, kInf, false, false};
    case ast::BoundKind::From: return Interval{v, kInf, true, false};
  }
  return Interval::all();
}

// The bound of `later` that sits below the same kind of bound of `earlier`, or null.
std::pair<const ast::TierBound*, const ast::TierBound*> misplaced(const ast::TierDecl& earlier, const ast::TierDecl& later) {
  const auto *a = explicit_bound(earlier, true), *b = explicit_bound(later, true);
  if (a && b && as_interval(*a).lower_tighter_than(as_interval(*b))) return {a, b};
  a = explicit_bound(earlier, false);
  b = explicit_bound(later, false);
  if (a && b && as_interval(*b).upper_tighter_than(as_interval(*a))) return {a, b};
  return {nullptr, nullptr};
}

// For each tier, the nearest earlier one out of order with it by one kind of bound (misplaced's
// test), by a stack of the earlier tiers no later one has passed: O(n) for a ladder, where
// looking back from each tier cost n^2 for a ladder in order. The keys order the bounds so that
// out of order is "the earlier key is greater"; tiers without the bound (or with a NaN one,
// which compares with nothing) take no part. npos where there is none.
constexpr std::size_t npos = static_cast<std::size_t>(-1);

using Key = std::pair<double, int>;

std::vector<std::size_t> nearest_tighter(const ast::TiersDecl& decl, bool lower) {
  std::vector<std::size_t> out(decl.tiers.size(), npos), stack;
  std::vector<Key> keys(decl.tiers.size());
  for (std::size_t j = 0; j < decl.tiers.size(); ++j) {
    const auto* b = explicit_bound(decl.tiers[j], lower);
    if (!b) continue;
    const Interval i = as_interval(*b);
    if (std::isnan(lower ? i.lo : i.hi)) continue;
    // Lower bounds: an earlier one tighter (higher, or `above x` against `from x`). Upper bounds:
    // a later one tighter (lower, or `below x` against `up_to x`).
    keys[j] = lower ? Key{i.lo, i.lo_closed ? 0 : 1} : Key{i.hi, i.hi_closed ? 1 : 0};
    while (!stack.empty() && !(keys[j] < keys[stack.back()])) stack.pop_back();
    if (!stack.empty()) out[j] = stack.back();
    stack.push_back(j);
  }
  return out;
}

void check_ladder(Context& cx, int32_t m, const ast::TiersDecl& decl) {
  auto dim = axis_dim(decl);
  if (!dim) return;
  const auto by_lower = nearest_tighter(decl, true), by_upper = nearest_tighter(decl, false);
  for (std::size_t j = 1; j < decl.tiers.size(); ++j) {
    // The nearest earlier tier it is out of order with, by either bound.
    const std::size_t a = by_lower[j], b = by_upper[j];
    const std::size_t i = a == npos ? b : b == npos ? a : std::max(a, b);
    if (i == npos) continue;
    {
      auto [theirs, mine] = misplaced(decl.tiers[i], decl.tiers[j]);
      if (!mine) continue;
      const auto& later = decl.tiers[j].name.text;
      const auto& earlier = decl.tiers[i].name.text;
      auto& d = cx.report(tier_order.code, m, mine->span,
                          fmt::format("tier `{}` ({}) comes after `{}` ({})", later, bound_text(*mine, *dim), earlier,
                                      bound_text(*theirs, *dim)));
      d.notes.push_back(fmt::format("evaluation treats later tiers as higher: `{}` ranks above `{}`, and a tier written "
                                    "with one bound runs to the next tier written",
                                    later, earlier));
      d.help = "write the tiers from the lowest threshold to the highest";
    }
  }
}

void run(Context& cx) {
  for (int32_t m : cx.user_modules())
    for (const auto& decl : cx.module(m).tiers) check_ladder(cx, m, decl);
}

}  // namespace

const Rule tier_order{Code::TierOrder, &run};

}  // namespace scalepol::linter::rules
