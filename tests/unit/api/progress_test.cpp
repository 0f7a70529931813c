// std.progress: Ho et al. 2024's halving time as a definition a policy imports. A model released
// 24 months after `since` gets 2^(24/8) = 8x, with the range 2^(24/14) … 2^(24/5) from the
// paper's 95% interval of 5 to 14 months.
#include "test_support.hpp"

#include <cmath>

#include "scalepol/explain.hpp"

using namespace scalepol;

namespace {

constexpr double kMonth = 365.2425 / 12;  // days, as the language counts a month

const TracedValue* value_named(const VerdictTrace& t, const std::string& name) {
  for (const auto& v : t.values)
    if (v.name == name) return &v;
  return nullptr;
}

}  // namespace

TEST_CASE("std.progress: a multiplier from Ho et al.'s halving time") {
  const Policy policy = scalepol::testing::compile_ok(R"(
import std.model
import std.progress

effective_compute ec {
  base           training_compute
  baseline_date  2021-01-01
  multiplier     progress(halving: ho2024_halving, since: 2021-01-01)
}

tiers concern by ec {
  tier low  below 1e25 FLOP
  tier high from 1e25 FLOP
}
)");
  CHECK(policy.warnings().empty());
  // 2023-01-01 is 730 days after 2021-01-01: 24 months less half a day.
  auto records = load_records_from_string(
      R"([{"model": "m", "released": "2023-01-01", "training_compute": 2e24}])", "m.json", policy, DataFormat::Json);
  REQUIRE(records.has_value());
  auto e = explain(policy, *records, "m");
  REQUIRE(e.has_value());
  REQUIRE(e->verdicts.size() == 1);
  const VerdictTrace& tier = e->verdicts[0];

  const TracedValue* halving = value_named(tier, "ho2024_halving");
  REQUIRE(halving != nullptr);
  CHECK(halving->origin == ValueOrigin::Default);
  CHECK(halving->x == doctest::Approx(8 * kMonth));
  CHECK(halving->low == doctest::Approx(5 * kMonth));
  CHECK(halving->high == doctest::Approx(14 * kMonth));
  CHECK(halving->location.starts_with("stdlib/std/progress.policy:"));
  CHECK(halving->note.find("95% confidence interval of around 5 to 14 months") != std::string::npos);
  CHECK(halving->note.find("arXiv 2403.05812") != std::string::npos);

  const TracedValue* m = value_named(tier, "progress(halving: ho2024_halving, since: 2021-01-01)");
  REQUIRE(m != nullptr);
  CHECK(m->origin == ValueOrigin::Computed);
  CHECK(m->unit == "x");
  CHECK(m->x == doctest::Approx(std::exp2(730 / (8 * kMonth))));
  CHECK(m->low == doctest::Approx(std::exp2(730 / (14 * kMonth))));
  CHECK(m->high == doctest::Approx(std::exp2(730 / (5 * kMonth))));
  // … which is 2^(24/8) = 8x, 2^(24/14) ≈ 3.28x and 2^(24/5) ≈ 27.9x, to within the half day.
  CHECK(m->x == doctest::Approx(8).epsilon(0.005));
  CHECK(m->low == doctest::Approx(std::exp2(24.0 / 14)).epsilon(0.005));
  CHECK(m->high == doctest::Approx(std::exp2(24.0 / 5)).epsilon(0.005));

  // Effective compute is 2e24 FLOP times that: 1.6e25, and its range straddles 1e25.
  const TracedValue* ec = value_named(tier, "ec");
  REQUIRE(ec != nullptr);
  CHECK(ec->x == doctest::Approx(2e24 * m->x));
  CHECK(ec->low == doctest::Approx(2e24 * m->low));
  CHECK(tier.verdict.value == "high");
  CHECK(tier.verdict.status == Status::Possible);
}
