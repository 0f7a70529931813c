// Random model records as a JSON array, for the differential tests of the evaluators
// (compiled_test.cpp, batch_test.cpp): compute figures (some as ranges), parameters, release
// dates and accessibility, each missing at times; with `more`, also an organization and a
// `flagged` bool. The same seed gives the same records.
#pragma once

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <string>

namespace scalepol::testing {

// A policy with a node of every kind the batch evaluator has, over the fields of
// random_records_json(…, more = true): fields of each type against constants (text, bool,
// numbers, dates), arithmetic on ranges, and/or/not with unknowns, is known, min, max, abs,
// time_since, within, progress, comparisons of texts, tiers and bools, escalation, obligations
// and exemptions, and an assumption sweep (several readings, one of them over texts).
inline const char* const kEveryNodePolicy = R"(import std.model
field flagged: bool column "flagged"
define scaled = training_compute * 2 - 1e24 FLOP
define bounded = min(training_compute, 1e26 FLOP) + abs(1e24 FLOP - training_compute)
define late = max(released, 2020-01-01)
define boost = progress(halving: 8 months, since: 2020-01-01)
assume {
  factor in [1, 10]
  slack in 3..30
  lab in ["OpenAI", "Google DeepMind"]
}
tiers compute_tier by training_compute {
  tier low   below 1e23 FLOP
  tier mid   from 1e23 FLOP below 1e25 FLOP   require report "a report"
  tier high  from 1e25 FLOP                   require notify "notify the office"
}
escalate compute_tier to high when parameters > 1e12 or flagged
trigger big { when scaled * factor > 1e25 FLOP or (parameters is known and parameters > 1e11) }
trigger old { when time_since(released) > 365 days and not (bounded < 1e20 FLOP) }
trigger range_wide { when training_compute * slack / 10 >= 5e25 FLOP }
trigger pinned { when 3 months within 2..5 months > 2 months }
trigger lab_model {
  when organization == lab or organization contains "Meta" or "Anthropic" == organization
  require evaluate "lab checks"
}
trigger flagged_or_unknown { when flagged == true or flagged is unknown or flagged != false }
trigger boosted { when training_compute * boost > 1e26 FLOP and late >= 2023-01-01 }
exemption open_source {
  applies_to compute_tier.mid
  when open_weights and released < 2024-01-01
}
exemption everything { applies_to all when accessibility == "API access" and not flagged }
trigger has_report { when compute_tier >= mid and not (compute_tier == compute_tier.high) }
)";

inline std::string random_records_json(uint64_t seed, int count, bool more = false) {
  static const char* const kOrganizations[] = {"OpenAI", "Google DeepMind", "Meta AI", "Anthropic", "Mistral"};
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> exponent(18.0, 27.0), spread(0.0, 1.5), unit(0.0, 1.0);
  std::uniform_int_distribution<int> day(0, 5000);
  std::string json = "[";
  for (int i = 0; i < count; ++i) {
    std::string fields = fmt::format(R"("model": "m{}")", i);
    if (unit(rng) > 0.15) {
      const double e = exponent(rng), s = unit(rng) > 0.6 ? spread(rng) : 0.0;
      if (s > 0) fields += fmt::format(R"(, "training_compute": {{"low": {}, "high": {}}})", std::pow(10, e - s), std::pow(10, e + s));
      else fields += fmt::format(R"(, "training_compute": {})", std::pow(10, e));
    }
    if (unit(rng) > 0.3) fields += fmt::format(R"(, "parameters": {})", std::pow(10, exponent(rng) - 14));
    if (unit(rng) > 0.2) {
      const int d = day(rng);
      fields += fmt::format(R"(, "released": "{:04}-{:02}-{:02}")", 2012 + d / 365, 1 + (d / 31) % 12, 1 + d % 28);
    }
    if (unit(rng) > 0.3) fields += fmt::format(R"(, "accessibility": "{}")", unit(rng) > 0.5 ? "Open weights (unrestricted)" : "API access");
    if (more) {
      if (unit(rng) > 0.25) fields += fmt::format(R"(, "organization": "{}")", kOrganizations[static_cast<int>(unit(rng) * 5) % 5]);
      if (unit(rng) > 0.4) fields += fmt::format(R"(, "flagged": {})", unit(rng) > 0.7 ? "true" : "false");
    }
    json += (i ? ",{" : "{") + fields + "}";
  }
  json += "]";
  return json;
}

// The same records as JSON Lines.
inline std::string random_records_jsonl(uint64_t seed, int count, bool more = false) {
  std::string json = random_records_json(seed, count, more);
  std::string out;
  for (std::size_t i = 1; i + 1 < json.size(); ++i) {
    if (json.compare(i, 3, "},{") == 0) {
      out += "}\n";
      ++i;  // the comma
      continue;
    }
    out += json[i];
  }
  return out + "\n";
}

}  // namespace scalepol::testing
