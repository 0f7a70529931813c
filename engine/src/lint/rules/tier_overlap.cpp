// `tier-overlap`: a value that falls in two tiers of one ladder. Each tier's interval is the one
// evaluation uses (its bounds as written, a missing one running to the neighbouring tier); two
// tiers overlap when their intervals share a value of the axis (never negative for compute, money,
// scores and counts). Strictness counts: `below 1e26` and `from 1e26` meet without overlapping.
//
// The pairs are found by a sweep, not by comparing every pair (30,000 tiers took 114 s): the tiers
// go in in the order written, each into a tree by its lower end holding the highest upper end
// under each node, and each tier asks the tree for the earlier tiers that reach it. That costs
// O(n log n) plus O(log n) a pair found; past kMaxReported pairs a ladder reports no more (a
// ladder whose every tier overlaps every other would otherwise give n^2/2 findings) and says so.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <utility>
#include <vector>

#include "lint/intervals.hpp"
#include "lint/rules/rules.hpp"
#include "model/describe.hpp"

namespace scalepol::linter::rules {

namespace {

constexpr std::size_t kMaxReported = 100;  // overlapping pairs reported per ladder

// An interval's ends as keys that order like the values they admit: two intervals with no NaN end
// share a value exactly when each one's lower key is at most the other's upper key (and an
// interval is empty exactly when its own lower key is above its upper key), as Interval says.
using Key = std::pair<double, int>;
Key lower_key(const Interval& i) { return {i.lo, i.lo_closed ? 0 : 1}; }
Key upper_key(const Interval& i) { return {i.hi, i.hi_closed ? 0 : -1}; }

// The earlier tiers inserted so far, by lower key, each leaf holding its upper key and each node
// the highest upper key under it: the tiers that meet an interval are those in the prefix of
// lower keys up to its upper key whose upper key reaches its lower key.
class Sweep {
 public:
  explicit Sweep(const std::vector<Key>& lower) : lower_(lower), order_(lower.size()), rank_(lower.size()) {
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    std::sort(order_.begin(), order_.end(),
              [&](std::size_t a, std::size_t b) { return std::pair(lower[a], a) < std::pair(lower[b], b); });
    for (std::size_t r = 0; r < order_.size(); ++r) rank_[order_[r]] = r;
    while (size_ < order_.size()) size_ *= 2;
    top_.assign(2 * size_, kNone);
  }

  void insert(std::size_t tier, Key upper) {
    std::size_t at = size_ + rank_[tier];
    top_[at] = upper;
    for (at /= 2; at >= 1; at /= 2) top_[at] = std::max(top_[2 * at], top_[2 * at + 1]);
  }

  // Up to `limit` inserted tiers whose interval meets [lo, hi], in no particular order.
  void meeting(Key lo, Key hi, std::size_t limit, std::vector<std::size_t>& out) const {
    const auto end = std::upper_bound(order_.begin(), order_.end(), hi,
                                      [&](const Key& k, std::size_t t) { return k < lower_[t]; });
    collect(1, 0, size_, static_cast<std::size_t>(end - order_.begin()), lo, limit, out);
  }

 private:
  static constexpr Key kNone{-std::numeric_limits<double>::infinity(), -2};  // below every upper key

  void collect(std::size_t node, std::size_t l, std::size_t r, std::size_t end, Key lo, std::size_t limit,
               std::vector<std::size_t>& out) const {
    if (l >= end || out.size() >= limit || top_[node] < lo) return;
    if (r - l == 1) {
      out.push_back(order_[l]);
      return;
    }
    const std::size_t mid = l + (r - l) / 2;
    collect(2 * node, l, mid, end, lo, limit, out);
    collect(2 * node + 1, mid, r, end, lo, limit, out);
  }

  const std::vector<Key>& lower_;
  std::vector<std::size_t> order_, rank_;  // tiers by lower key; each tier's place in that order
  std::size_t size_ = 1;
  std::vector<Key> top_;
};

// Where to point: the later tier's bound that makes the shared stretch, or its name.
ast::Span blame(const ast::TierDecl& tier, const Interval& mine, const Interval& shared) {
  const auto* lo = explicit_bound(tier, true);
  const auto* hi = explicit_bound(tier, false);
  if (lo && shared.lo == mine.lo) return lo->span;
  if (hi && shared.hi == mine.hi) return hi->span;
  if (lo) return lo->span;
  return hi ? hi->span : tier.name.span;
}

Interval without_nan(Interval i) {
  if (std::isnan(i.lo)) i.lo = -kInf, i.lo_closed = false;
  if (std::isnan(i.hi)) i.hi = kInf, i.hi_closed = false;
  return i;
}

// The pairs (earlier, later) whose intervals and the domain share a value, as
// `earlier.intersect(later).intersect(domain)` finds them, ordered by the later tier and then the
// earlier; at most kMaxReported, and whether there are more. A NaN end (a bound folded from
// inf - inf) tightens nothing and is never found empty: an earlier tier with one meets every
// later tier, and a later tier's NaN end is as if it were not there.
std::vector<std::pair<std::size_t, std::size_t>> overlapping(const check::Ladder& ladder, const Interval& domain,
                                                             bool& more) {
  const std::size_t n = ladder.ranges.size();
  std::vector<Interval> clipped(n);
  std::vector<Key> lower(n);
  std::vector<bool> nan_end(n);
  for (std::size_t t = 0; t < n; ++t) {
    const Interval own = tier_interval(ladder.ranges[t]);
    nan_end[t] = std::isnan(own.lo) || std::isnan(own.hi);
    clipped[t] = without_nan(own).intersect(domain);
    lower[t] = lower_key(clipped[t]);
  }
  Sweep sweep(lower);
  std::vector<std::size_t> with_nan;  // earlier tiers with a NaN end
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::vector<std::size_t> found;
  more = false;
  for (std::size_t j = 0; j < n && !more; ++j) {
    const bool empty = clipped[j].empty();
    found.clear();
    if (pairs.size() < kMaxReported) {
      // Every earlier tier this one meets, to take the first ones; at most once does this pass the
      // cap, so the ones not reported cost O(n log n) in all.
      if (!empty) sweep.meeting(lower_key(clipped[j]), upper_key(clipped[j]), n, found);
      found.insert(found.end(), with_nan.begin(), with_nan.end());
      std::sort(found.begin(), found.end());
      for (std::size_t i : found) {
        if (pairs.size() == kMaxReported) {
          more = true;
          break;
        }
        pairs.emplace_back(i, j);
      }
    } else {
      if (!empty) sweep.meeting(lower_key(clipped[j]), upper_key(clipped[j]), 1, found);
      more = !found.empty() || !with_nan.empty();
    }
    if (nan_end[j]) with_nan.push_back(j);
    else if (!empty) sweep.insert(j, upper_key(clipped[j]));
  }
  return pairs;
}

void check_ladder(Context& cx, int32_t m, const ast::TiersDecl& decl) {
  const auto* ladder = ladder_of(cx.program(), decl);
  auto dim = axis_dim(decl);
  if (!ladder || !dim) return;
  const Interval domain = natural_domain(*dim);
  bool more = false;
  const auto pairs = overlapping(*ladder, domain, more);
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    const auto [i, j] = pairs[k];
    const Interval a = tier_interval(ladder->ranges[i]), b = tier_interval(ladder->ranges[j]);
    const Interval shared = a.intersect(b).intersect(domain);
    const auto& first = decl.tiers[i].name.text;
    const auto& later = decl.tiers[j].name.text;
    const auto w = model::format_quantity(witness(shared), *dim);
    auto& d = cx.report(tier_overlap.code, m, blame(decl.tiers[j], b, shared),
                        fmt::format("{} falls in both `{}` and `{}`", w, first, later));
    d.notes.push_back(fmt::format("`{}` holds {} and `{}` holds {}; both hold {}", first, describe_interval(a, *dim),
                                  later, describe_interval(b, *dim), describe_interval(shared, *dim)));
    d.notes.push_back(fmt::format("at evaluation the later tier wins: a model at {} is `{}`, and `{}`'s obligations "
                                  "do not apply to it",
                                  w, later, first));
    if (more && k + 1 == pairs.size())
      d.notes.push_back(fmt::format("more tiers of `{}` overlap than these {} pairs; the others are not reported",
                                    decl.name.text, kMaxReported));
    d.help = "make the bounds meet without overlapping: end one tier `below X` where the next starts `from X`";
  }
}

void run(Context& cx) {
  for (int32_t m : cx.user_modules())
    for (const auto& decl : cx.module(m).tiers) check_ladder(cx, m, decl);
}

}  // namespace

const Rule tier_overlap{Code::TierOverlap, &run};

}  // namespace scalepol::linter::rules
