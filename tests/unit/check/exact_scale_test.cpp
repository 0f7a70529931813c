// check::scaled_exactly: a number restated in another unit is the exact decimal product, rounded
// once (docs/semantics.md, §3 Units).
#include <doctest/doctest.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "check/exact_scale.hpp"

using scalepol::check::scaled_exactly;

namespace {

double read(const std::string& text) {
  double v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

}  // namespace

TEST_CASE("a fraction of a 0..1 scale is its percentage, exactly") {
  // Binary64 multiplication gets these wrong: 0.57 × 100 is 56.99999999999999, 0.55 × 100 is
  // 55.00000000000001, 0.29 × 100 is 28.999999999999996.
  CHECK(0.57 * 100 != 57.0);
  CHECK(scaled_exactly(0.57, 100) == 57.0);
  CHECK(scaled_exactly(0.55, 100) == 55.0);
  CHECK(scaled_exactly(0.29, 100) == 29.0);
  CHECK(scaled_exactly(0.1931, 100) == 19.31);
  // Every score written with three decimals is the percentage its digits say.
  for (int k = 0; k <= 1000; ++k) {
    const std::string fraction = std::to_string(k / 1000) + "." + std::string(3 - std::to_string(k % 1000).size(), '0') +
                                 std::to_string(k % 1000);
    const std::string percent = std::to_string(k / 10) + "." + std::to_string(k % 10);
    CHECK_MESSAGE(scaled_exactly(read(fraction), 100) == read(percent), fraction);
  }
}

TEST_CASE("units with factors that are not powers of ten") {
  CHECK(scaled_exactly(3640, 8.64e19) == 3.14496e23);   // petaflop/s-days in FLOP
  CHECK(scaled_exactly(1.1, 86400) == 95040.0);         // days in seconds; 1.1 × 86400 in binary64 is not
  CHECK(scaled_exactly(28800.5, 3600) == 103681800.0);  // hours in seconds
  CHECK(scaled_exactly(-0.57, 100) == -57.0);
  CHECK(scaled_exactly(2.5e-3, 1e21) == 2.5e18);
  // Time is kept in days: an hour is 1/24 day, a second 1/86400, taken as those fractions.
  CHECK(26.4 * (1.0 / 24) != 1.1);
  CHECK(scaled_exactly(26.4, 1.0 / 24) == 1.1);
  CHECK(scaled_exactly(95040, 1.0 / 86400) == 1.1);
  CHECK(scaled_exactly(8, 1.0 / 24) == 1.0 / 3);
}

TEST_CASE("what is not a finite normal product is left to binary64") {
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(std::isinf(scaled_exactly(1e308, 10)));
  CHECK(std::isinf(scaled_exactly(inf, 100)));
  CHECK(std::isnan(scaled_exactly(std::nan(""), 100)));
  CHECK(scaled_exactly(0.0, 100) == 0.0);
  CHECK(scaled_exactly(0.57, 1) == 0.57);
  CHECK(scaled_exactly(5e-324, 0.5) == 5e-324 * 0.5);
}
