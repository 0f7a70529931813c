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

}  // namespace scalepol::testing
