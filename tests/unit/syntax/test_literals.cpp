// Literal decoding without a parser: string escapes, numbers, dates.
#include <doctest/doctest.h>

#include "syntax/literals.hpp"

using namespace scalepol::syntax;

TEST_CASE("escapes decode; the first bad one is reported at its offset in the literal") {
  std::optional<EscapeError> error;
  CHECK(unescape_string(R"("a\"b\\c\/d\ne\rf\tg")", error) == "a\"b\\c/d\ne\rf\tg");
  CHECK_FALSE(error);
  CHECK(unescape_string(R"("\u00e9\u20AC")", error) == "\xC3\xA9\xE2\x82\xAC");
  CHECK(unescape_string(R"("\uD83D\uDE00")", error) == "\xF0\x9F\x98\x80");
  CHECK_FALSE(error);
  CHECK(unescape_string(R"("")", error).empty());

  CHECK(unescape_string(R"("ab\xcd\q")", error) == R"(ab\xcd\q)");  // kept as written
  REQUIRE(error);
  CHECK(error->offset == 3);
  CHECK(error->length == 2);
  CHECK(error->message == "unknown escape `\\x`");

  error.reset();
  unescape_string(R"("\u00")", error);
  REQUIRE(error);
  CHECK(error->message == "`\\u00` is not a unicode escape");
  error.reset();
  unescape_string(R"("\uDE00")", error);
  REQUIRE(error);
  CHECK(error->message == "`\\uDE00` is half of a surrogate pair");
  error.reset();
  unescape_string(R"("\u0000")", error);
  REQUIRE(error);
  CHECK(error->message == "`\\u0000` is not allowed in text");
}

TEST_CASE("numbers: finite doubles only") {
  double v = -1;
  CHECK(parse_number("1e25", v) == NumberStatus::Ok);
  CHECK(v == 1e25);
  CHECK(parse_number("0.5", v) == NumberStatus::Ok);
  CHECK(v == 0.5);
  CHECK(parse_number("2E+3", v) == NumberStatus::Ok);
  CHECK(v == 2000);
  CHECK(parse_number("0e999", v) == NumberStatus::Ok);
  CHECK(v == 0);
  CHECK(parse_number("1e400", v) == NumberStatus::TooLarge);
  CHECK(parse_number(std::string(400, '9'), v) == NumberStatus::TooLarge);
  CHECK(parse_number("1e-400", v) == NumberStatus::TooSmall);
  CHECK(parse_number("0.000001e-310", v) == NumberStatus::TooSmall);
  CHECK(parse_number("1e-310", v) == NumberStatus::TooSmall);  // subnormal: precision is lost
  CHECK(parse_number("1x", v) == NumberStatus::Malformed);
}

TEST_CASE("dates: days since 1970-01-01, with the Gregorian calendar's rules") {
  CHECK(parse_date("1970-01-01") == 0);
  CHECK(parse_date("1969-12-31") == -1);
  CHECK(parse_date("2000-02-29") == 11016);
  CHECK(parse_date("2024-04-09") == 19822);
  CHECK_FALSE(parse_date("2025-02-29"));
  CHECK_FALSE(parse_date("1900-02-29"));
  CHECK_FALSE(parse_date("2024-04-31"));
  CHECK_FALSE(parse_date("2024-00-10"));
  CHECK_FALSE(parse_date("2024-01-00"));
  CHECK_FALSE(parse_date("2024-1-01"));
}
