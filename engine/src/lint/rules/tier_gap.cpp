// `tier-gap`: a value of a ladder's axis that falls in no tier. The axis runs from its natural
// minimum (0 for compute, compute rates, money, scores and counts; -∞ otherwise) up; each tier
// holds the interval evaluation gives it (a missing bound runs to the neighbouring tier, so gaps
// come only from bounds as written). The natural minimum alone (`tier small above 0 FLOP`) is
// not a gap worth reporting: no model is trained with no compute.
#include <fmt/format.h>

#include "eval/describe.hpp"
#include "lint/intervals.hpp"
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

// Where to point: the bound of the tier just above the gap, else that of the tier just below.
ast::Span blame(const ast::TiersDecl& decl, const check::Ladder& ladder, const Interval& gap) {
  for (std::size_t t = 0; t < decl.tiers.size(); ++t)
    if (const auto* lo = explicit_bound(decl.tiers[t], true); lo && ladder.ranges[t].lo == gap.hi) return lo->span;
  for (std::size_t t = 0; t < decl.tiers.size(); ++t)
    if (const auto* hi = explicit_bound(decl.tiers[t], false); hi && ladder.ranges[t].hi == gap.lo) return hi->span;
  return decl.name.span;
}

void check_ladder(Context& cx, int32_t m, const ast::TiersDecl& decl) {
  const auto* ladder = ladder_of(cx.program(), decl);
  auto dim = axis_dim(decl);
  if (!ladder || !dim || decl.tiers.empty()) return;
  std::vector<Interval> tiers;
  for (const auto& r : ladder->ranges) tiers.push_back(tier_interval(r));
  const double floor = natural_minimum(*dim);
  for (Interval gap : uncovered(natural_domain(*dim), tiers)) {
    if (gap.is_point() && gap.lo == floor) continue;
    // Show a value a model could have: above the axis's floor, when the gap reaches it.
    Interval shown = gap;
    if (shown.lo == floor) shown.lo_closed = false;
    const auto w = eval::format_quantity(witness(shown), *dim);
    auto& d = cx.report(tier_gap.info, m, blame(decl, *ladder, gap),
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

const Rule tier_gap{{"tier-gap", Severity::Warning, "tiers", "a value that falls in no tier of a ladder", false}, &run};

}  // namespace scalepol::linter::rules
