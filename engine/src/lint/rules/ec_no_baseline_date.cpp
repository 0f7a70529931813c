// `ec-no-baseline-date`: effective compute without the vintage (date) of its baseline.
//
// The multiplier grows with the time since the baseline: with pre-training compute for the same
// performance halving about every 8 months (Ho et al. 2024, arXiv 2403.05812, 95% CI 5–14
// months), baselines of 2019-01-01 and 2023-09-19 (56.6 months apart) give multipliers about
// 2^(56.6/8) ≈ 130x apart (16x to 2,500x over the interval).
#include "lint/rules/ec_part.hpp"

namespace scalepol::linter::rules {

namespace {

const ast::EcPart& part(const ast::EffectiveComputeDecl& ec) { return ec.baseline_date; }

constexpr const char* kWhy =
    "the multiplier grows with the time since the baseline: compute for the same performance halves about "
    "every 8 months (Ho et al. 2024, arXiv 2403.05812, 95% CI 5-14 months), so baselines of 2019-01-01 and "
    "2023-09-19 give the same model multipliers about 130x apart (16x to 2,500x over the interval)";

void run(Context& cx) {
  report_open_parts(cx, {ec_no_baseline_date, part, "does not say the date of its baseline", kWhy,
                         "give the vintage of the baseline recipe: `baseline_date 2023-09-19`"});
}

}  // namespace

const Rule ec_no_baseline_date{Code::EcNoBaselineDate, &run};

}  // namespace scalepol::linter::rules
