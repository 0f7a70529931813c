// round_significant: numbers cut to a few significant digits for reasons and explanations, at the
// ends of the double range too, where std::stod would throw.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "model/describe.hpp"

using scalepol::model::format_number;
using scalepol::model::round_significant;

TEST_CASE("round_significant cuts to the digits asked for") {
  CHECK(round_significant(2.1e25 / 30, 12) == 7e23);
  CHECK(round_significant(1.5977925169925146e25, 4) == 1.598e25);
  CHECK(round_significant(-2.34567, 4) == -2.346);
  CHECK(round_significant(1.001e25, 4) == 1.001e25);
  CHECK(round_significant(123456.0, 2) == 120000.0);
}

TEST_CASE("round_significant keeps a value whose rounding leaves the range of a double") {
  const double max = std::numeric_limits<double>::max();  // 1.7976931348623157e308: 1.798e308 overflows
  CHECK(round_significant(max, 4) == max);
  CHECK(round_significant(-max, 4) == -max);
  CHECK(round_significant(max, 2) == max);
}

TEST_CASE("round_significant rounds subnormal values and passes 0, inf and nan through") {
  CHECK(round_significant(66e-312, 4) == 6.6e-311);
  CHECK(format_number(round_significant(66e-312, 4)) == "6.6e-311");
  const double least = std::numeric_limits<double>::denorm_min();
  CHECK(round_significant(least, 12) == least);
  CHECK(round_significant(0.0, 4) == 0.0);
  CHECK(std::signbit(round_significant(-0.0, 4)));
  CHECK(round_significant(INFINITY, 4) == INFINITY);
  CHECK(std::isnan(round_significant(NAN, 4)));
}
