// `tier-overlap`: a value that falls in two tiers of one ladder. Each tier's interval is the one
// evaluation uses (its bounds as written, a missing one running to the neighbouring tier); two
// tiers overlap when their intervals share a value of the axis (never negative for compute, money,
// scores and counts). Strictness counts: `below 1e26` and `from 1e26` meet without overlapping.
#include <fmt/format.h>

#include "eval/describe.hpp"
#include "lint/intervals.hpp"
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

// Where to point: the later tier's bound that makes the shared stretch, or its name.
ast::Span blame(const ast::TierDecl& tier, const Interval& mine, const Interval& shared) {
  const auto* lo = explicit_bound(tier, true);
  const auto* hi = explicit_bound(tier, false);
  if (lo && shared.lo == mine.lo) return lo->span;
  if (hi && shared.hi == mine.hi) return hi->span;
  if (lo) return lo->span;
  return hi ? hi->span : tier.name.span;
}

void check_ladder(Context& cx, int32_t m, const ast::TiersDecl& decl) {
  const auto* ladder = ladder_of(cx.program(), decl);
  auto dim = axis_dim(decl);
  if (!ladder || !dim) return;
  const Interval domain = natural_domain(*dim);
  for (std::size_t j = 1; j < decl.tiers.size(); ++j)
    for (std::size_t i = 0; i < j; ++i) {
      const Interval a = tier_interval(ladder->ranges[i]), b = tier_interval(ladder->ranges[j]);
      const Interval shared = a.intersect(b).intersect(domain);
      if (shared.empty()) continue;
      const auto& first = decl.tiers[i].name.text;
      const auto& later = decl.tiers[j].name.text;
      const auto w = eval::format_quantity(witness(shared), *dim);
      auto& d = cx.report(tier_overlap.info, m, blame(decl.tiers[j], b, shared),
                          fmt::format("{} falls in both `{}` and `{}`", w, first, later));
      d.notes.push_back(fmt::format("`{}` holds {} and `{}` holds {}; both hold {}", first, describe_interval(a, *dim),
                                    later, describe_interval(b, *dim), describe_interval(shared, *dim)));
      d.notes.push_back(fmt::format("at evaluation the later tier wins: a model at {} is `{}`, and `{}`'s obligations "
                                    "do not apply to it",
                                    w, later, first));
      d.help = "make the bounds meet without overlapping: end one tier `below X` where the next starts `from X`";
    }
}

void run(Context& cx) {
  for (int32_t m : cx.user_modules())
    for (const auto& decl : cx.module(m).tiers) check_ladder(cx, m, decl);
}

}  // namespace

const Rule tier_overlap{{"tier-overlap", Severity::Warning, "tiers", "a value that falls in two tiers of one ladder", false},
                        &run};

}  // namespace scalepol::linter::rules
