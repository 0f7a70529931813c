// `tier-gap`: a value of a ladder's axis that falls in no tier. The axis runs from its natural
// minimum (0 for compute, compute rates, money, scores and counts; -∞ otherwise) up; each tier
// holds the interval evaluation gives it (a missing bound runs to the neighbouring tier, so gaps
// come only from bounds as written). The natural minimum alone (`tier small above 0 FLOP`) is
// not a gap worth reporting: no model is trained with no compute.
#include <fmt/format.h>

#include <cmath>
#include <map>

#include "lint/intervals.hpp"
#include "lint/rules/rules.hpp"
#include "model/describe.hpp"

namespace scalepol::linter::rules {

namespace {

// The first tier with an explicit lower (or upper) bound whose interval starts (ends) at each
// value: blame's lookups, by value rather than a scan of the tiers for each gap (n^2 for a
// ladder with a gap between every two tiers). NaN equals nothing and is left out.
struct Ends {
  std::map<double, const ast::TierBound*> lower, upper;

  Ends(const ast::TiersDecl& decl, const check::Ladder& ladder) {
    for (std::size_t t = 0; t < decl.tiers.size(); ++t) {
      if (const auto* lo = explicit_bound(decl.tiers[t], true); lo && !std::isnan(ladder.ranges[t].lo))
        lower.emplace(ladder.ranges[t].lo, lo);
      if (const auto* hi = explicit_bound(decl.tiers[t], false); hi && !std::isnan(ladder.ranges[t].hi))
        upper.emplace(ladder.ranges[t].hi, hi);
    }
  }

  static const ast::TierBound* at(const std::map<double, const ast::TierBound*>& m, double v) {
    if (std::isnan(v)) return nullptr;
    auto it = m.find(v);
    return it == m.end() ? nullptr : it->second;
  }
};

// Where to point: the bound of the tier just above the gap, else that of the tier just below.
ast::Span blame(const ast::TiersDecl& decl, const Ends& ends, const Interval& gap) {
  if (const auto* lo = Ends::at(ends.lower, gap.hi)) return lo->span;
  if (const auto* hi = Ends::at(ends.upper, gap.lo)) return hi->span;
  return decl.name.span;
}

void check_ladder(Context& cx, int32_t m, const ast::TiersDecl& decl) {
  const auto* ladder = ladder_of(cx.program(), decl);
  auto dim = axis_dim(decl);
  if (!ladder || !dim || decl.tiers.empty()) return;
  std::vector<Interval> tiers;
  for (const auto& r : ladder->ranges) tiers.push_back(tier_interval(r));
  const double floor = natural_minimum(*dim);
  const Ends ends(decl, *ladder);
  for (Interval gap : uncovered(natural_domain(*dim), tiers)) {
    if (gap.is_point() && gap.lo == floor) continue;
    // Show a value a model could have: above the axis's floor, when the gap reaches it.
    Interval shown = gap;
    if (shown.lo == floor) shown.lo_closed = false;
    const auto w = model::format_quantity(witness(shown), *dim);
    auto& d = cx.report(tier_gap.code, m, blame(decl, ends, gap),
                        fmt::format("{} falls in no tier of `{}`", w, decl.name.text));
    d.notes.push_back(gap.is_point()
                          ? fmt::format("a model at {} gets no tier of `{}`, and none of its tiers' obligations",
                                        describe_interval(gap, *dim), decl.name.text)
                          : fmt::format("every value {} gets no tier of `{}`, and none of its tiers' obligations",
                                        describe_interval(gap, *dim), decl.name.text));
    d.help = "make neighbouring bounds meet: `below X` followed by `from X`, or `up_to X` by `above X`";
  }
}

void run(Context& cx) {
  for (int32_t m : cx.user_modules())
    for (const auto& decl : cx.module(m).tiers) check_ladder(cx, m, decl);
}

}  // namespace

const Rule tier_gap{Code::TierGap, &run};

}  // namespace scalepol::linter::rules
