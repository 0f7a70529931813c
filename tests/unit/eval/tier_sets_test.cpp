// The sets of tiers a range reaches (eval/interval_ops.hpp), against brute force: on random
// ladders with gaps, overlaps and tiers out of order, the set is exactly the tiers of the values
// in the range (docs/semantics.md, 4), and an escalation raises each of them (5).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "eval/interval_ops.hpp"
#include "model/describe.hpp"

using namespace scalepol;
using namespace scalepol::eval;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// A ladder whose bounds lie on the integers 0..10, with its cuts as the checker computes them.
check::Ladder random_ladder(std::mt19937_64& rng) {
  check::Ladder l;
  const int n = 1 + static_cast<int>(rng() % 8);
  for (int t = 0; t < n; ++t) {
    check::TierRange r;
    r.has_lo = rng() % 4 != 0;
    r.lo = static_cast<double>(rng() % 11);
    r.lo_inclusive = rng() % 2;
    r.has_hi = rng() % 4 != 0;
    r.hi = r.lo + static_cast<double>(rng() % 5);
    r.hi_inclusive = rng() % 2;
    l.ranges.push_back(r);
  }
  for (const auto& r : l.ranges) {
    if (r.has_lo) l.cuts.push_back(r.lo);
    if (r.has_hi) l.cuts.push_back(r.hi);
  }
  std::sort(l.cuts.begin(), l.cuts.end());
  l.cuts.erase(std::unique(l.cuts.begin(), l.cuts.end()), l.cuts.end());
  return l;
}

// The tiers of the values in [lo, hi] by sampling: bounds are integers and the range's ends
// halves, so every stretch where the tier is constant holds a quarter.
TierSet sampled(const check::Ladder& l, double lo, double hi) {
  TierSet s = tier_bit(tier_holding(l.ranges, lo)) | tier_bit(tier_holding(l.ranges, hi));
  for (int q = -8; q <= 60; ++q) {
    const double x = q / 4.0;
    if (x >= lo && x <= hi) s |= tier_bit(tier_holding(l.ranges, x));
  }
  return s;
}

double random_end(std::mt19937_64& rng) {
  const auto r = rng() % 24;
  if (r == 0) return -kInf;
  if (r == 1) return kInf;
  return static_cast<double>(rng() % 25) / 2.0 - 1.0;
}

}  // namespace

TEST_CASE("a range reaches exactly the tiers of the values in it") {
  std::mt19937_64 rng(20261207);
  int ranges = 0, broken = 0;
  for (int trial = 0; trial < 20000; ++trial) {
    const check::Ladder l = random_ladder(rng);
    double lo = random_end(rng), hi = random_end(rng);
    if (lo > hi) std::swap(lo, hi);
    if (lo == hi && std::isinf(lo)) continue;
    const TierSet want = sampled(l, lo, hi);
    const TierSet got = tiers_reached(l, lo, hi);
    INFO("trial ", trial, ": range [", lo, ", ", hi, "]");
    REQUIRE(got == want);
    const TierState st = tier_state(l, std::nan(""), lo, hi);
    CHECK(st.reach == want);
    CHECK(st.lo == lowest_tier(want));
    CHECK(st.hi == highest_tier(want));
    ++ranges;
    // A set that is not every tier from its lowest to its highest: the case an interval of
    // tier positions got wrong.
    const TierSet span = (tier_bit(highest_tier(want)) << 1) - tier_bit(lowest_tier(want));
    broken += want != span;
  }
  CHECK(ranges > 15000);
  CHECK(broken > 1000);
}

TEST_CASE("`==` on tiers goes by the sets they reach") {
  CHECK(tiers_equal(tier_bit(2), tier_bit(2)) == Tri::True);
  CHECK(tiers_equal(tier_bit(0) | tier_bit(2), tier_bit(1)) == Tri::False);  // a range that skips 1
  CHECK(tiers_equal(tier_bit(0) | tier_bit(2), tier_bit(2)) == Tri::Unknown);
  CHECK(tiers_equal(tier_bit(-1) | tier_bit(2), tier_bit(-1)) == Tri::Unknown);
}

TEST_CASE("an escalation raises each tier reached; a possible one reaches both outcomes") {
  // Reaching no tier, low and high (0 and 2 of four), escalated to medium (1).
  const TierSet reach = tier_bit(-1) | tier_bit(0) | tier_bit(2);
  CHECK(raise_tiers(reach, 1) == (tier_bit(1) | tier_bit(2)));
  CHECK(raise_tiers(reach, 3) == tier_bit(3));
  CHECK(raise_tiers(reach, 0) == (tier_bit(0) | tier_bit(2)));

  TierState t{false, 0, 0, 0, 0};
  t.set_reach(tier_bit(0));
  t.point = 0;
  escalate(t, Tri::True, false, 3, 3);
  CHECK(t.reach == tier_bit(3));
  CHECK(t.point == 3);

  // Possibly escalated from low to extreme: low or extreme, never medium or high.
  t = TierState{false, 0, 0, 0, 0};
  t.set_reach(tier_bit(0));
  escalate(t, Tri::Unknown, true, 3, 3);
  CHECK(t.reach == (tier_bit(0) | tier_bit(3)));
  CHECK(t.point == kNoPointTier);
  CHECK(tiers_equal(t.reach, tier_bit(1)) == Tri::False);

  // Lacking data: unknown, in the tiers of both outcomes; a later escalation that holds can
  // settle it. Nothing changes when the tier cannot be below the escalation's.
  t = TierState{false, 0, 0, 0, 0};
  t.set_reach(tier_bit(0) | tier_bit(1));
  escalate(t, Tri::Unknown, false, 2, 3);
  CHECK(t.missing);
  CHECK(t.reach == (tier_bit(0) | tier_bit(1) | tier_bit(2)));
  CHECK(tiers_equal(t.reach, tier_bit(3)) == Tri::False);
  CHECK(compare_tier_sets(ast::Op::Ge, t.reach, tier_bit(0)) == Tri::True);
  escalate(t, Tri::Unknown, true, 3, 3);  // possible, but the tier is already unknown
  CHECK(t.missing);
  escalate(t, Tri::True, false, 3, 3);
  CHECK(!t.missing);
  CHECK(t.reach == tier_bit(3));
  CHECK(t.point == 3);
  t = TierState{};  // nothing known: only an escalation to the top tier that holds decides it
  escalate(t, Tri::True, false, 2, 3);
  CHECK(t.missing);
  escalate(t, Tri::True, false, 3, 3);
  CHECK(!t.missing);
  CHECK(t.reach == tier_bit(3));
  t = TierState{false, 3, 0, 0, 0};
  t.set_reach(tier_bit(3));
  escalate(t, Tri::Unknown, false, 2, 3);
  CHECK(!t.missing);
  CHECK(t.reach == tier_bit(3));
}

TEST_CASE("the tiers reached, in words") {
  const auto name = [](int32_t t) { return t < 0 ? std::string("no tier") : "t" + std::to_string(t); };
  CHECK(reach_text(tier_bit(0) | tier_bit(1) | tier_bit(2), name) == "from t0 to t2");
  CHECK(reach_text(tier_bit(0) | tier_bit(2), name) == "t0 and t2");
  CHECK(reach_text(tier_bit(-1) | tier_bit(0) | tier_bit(1), name) == "no tier, t0 and t1");
  CHECK(reach_text(tier_bit(1), name) == "t1");
}
