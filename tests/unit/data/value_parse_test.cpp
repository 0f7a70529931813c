#include <doctest/doctest.h>

#include <cmath>

#include "data/value_parse.hpp"
#include "data_fixture.hpp"

using namespace scalepol;
using namespace scalepol::data;
using scalepol::test_data::days_from_civil;

TEST_CASE("numbers in Epoch's notation") {
  double x = 0;
  CHECK(parse_number("2.1e+25", x) == ParseError::None);
  CHECK(x == 2.1e25);
  CHECK(parse_number("1.001e25", x) == ParseError::None);
  CHECK(x == 1.001e25);
  CHECK(x > 1e25);  // Epoch's just-above-the-line values must stay above it
  CHECK(parse_number("135000000000.0", x) == ParseError::None);
  CHECK(x == 135e9);
  CHECK(parse_number("+3", x) == ParseError::None);
  CHECK(x == 3);
  CHECK(parse_number("-2.5", x) == ParseError::None);  // the checker, not the loader, refuses negatives
  CHECK(x == -2.5);
  CHECK(parse_number(".5", x) == ParseError::None);
  CHECK(x == 0.5);
}

TEST_CASE("not numbers") {
  double x = 0;
  for (const char* s : {"", "abc", "1,000", "12 FLOP", "1e", "+-1", "--1", "+", "-", ".", "0x10", "1e25x"}) {
    INFO(std::string(s));
    CHECK(parse_number(s, x) == ParseError::NotANumber);
  }
  for (const char* s : {"inf", "-inf", "nan", "NaN", "Infinity", "+inf"}) {
    INFO(std::string(s));
    CHECK(parse_number(s, x) == ParseError::NotFinite);
  }
  CHECK(parse_number("1e400", x) == ParseError::OutOfRange);
}

TEST_CASE("dates") {
  int32_t d = 0;
  CHECK(parse_date("1970-01-01", d) == ParseError::None);
  CHECK(d == 0);
  CHECK(parse_date("2023-03-15", d) == ParseError::None);
  CHECK(d == days_from_civil(2023, 3, 15));
  CHECK(parse_date("2024-02-29", d) == ParseError::None);  // a leap day
  CHECK(parse_date("1969-12-31", d) == ParseError::None);
  CHECK(d == -1);
  CHECK(parse_date("2025-02-30", d) == ParseError::NoSuchDay);
  CHECK(parse_date("2023-02-29", d) == ParseError::NoSuchDay);
  CHECK(parse_date("2025-13-01", d) == ParseError::NoSuchMonth);
  CHECK(parse_date("2025-00-01", d) == ParseError::NoSuchMonth);
  CHECK(parse_date("2025-1-01", d) == ParseError::NotADate);
  CHECK(parse_date("2025/01/01", d) == ParseError::NotADate);
  CHECK(parse_date("15/03/2023", d) == ParseError::NotADate);
  CHECK(parse_date("2023", d) == ParseError::NotADate);
  CHECK(parse_date("2023-03-15x", d) == ParseError::NotADate);
}

TEST_CASE("timestamps at midnight are dates; other times are refused") {
  int32_t d = 0;
  for (const char* s : {"2024-05-13T00:00:00", "2024-05-13T00:00", "2024-05-13 00:00:00", "2024-05-13T00:00:00Z",
                        "2024-05-13T00:00:00.000"}) {
    INFO(std::string(s));
    d = 0;
    CHECK(parse_date(s, d) == ParseError::None);
    CHECK(d == days_from_civil(2024, 5, 13));
  }
  CHECK(parse_date("2024-05-13T15:30:00", d) == ParseError::TimeOfDay);
  CHECK(parse_date("2024-05-13T00:00:00+05:00", d) != ParseError::None);
}

TEST_CASE("booleans") {
  bool b = false;
  for (const char* s : {"True", "true", "TRUE", "yes", "Yes", "1"}) {
    INFO(std::string(s));
    b = false;
    CHECK(parse_bool(s, b) == ParseError::None);
    CHECK(b);
  }
  for (const char* s : {"False", "false", "FALSE", "no", "NO", "0"}) {
    INFO(std::string(s));
    b = true;
    CHECK(parse_bool(s, b) == ParseError::None);
    CHECK_FALSE(b);
  }
  CHECK(parse_bool("maybe", b) == ParseError::NotABool);
  CHECK(parse_bool("2", b) == ParseError::NotABool);
}

TEST_CASE("parse_value by field kind") {
  model::FieldSpec q;
  q.kind = ast::TypeKind::Quantity;
  q.scale = 1000;
  model::Value v;
  CHECK(parse_value(q, " 2.5 ", v) == ParseError::None);
  CHECK(v.kind == model::Value::Kind::Number);
  CHECK(v.lo == 2500);
  CHECK(v.is_exact());

  CHECK(parse_value(q, "   ", v) == ParseError::None);  // blank: unknown, not an error
  CHECK(v.is_unknown());
  CHECK(parse_value(q, "abc", v) == ParseError::NotANumber);
  CHECK(v.is_unknown());

  model::FieldSpec t;  // Text
  CHECK(parse_value(t, "  GPT-4 \n", v) == ParseError::None);
  CHECK(v.kind == model::Value::Kind::Text);
  CHECK(v.text == "GPT-4");

  model::FieldSpec b;
  b.kind = ast::TypeKind::Bool;
  CHECK(parse_value(b, "False", v) == ParseError::None);
  CHECK(v.kind == model::Value::Kind::Bool);
  CHECK_FALSE(v.boolean);

  model::FieldSpec d;
  d.kind = ast::TypeKind::Date;
  CHECK(parse_value(d, "2023-03-15", v) == ParseError::None);
  CHECK(v.kind == model::Value::Kind::Date);
  CHECK(v.lo == days_from_civil(2023, 3, 15));
}

TEST_CASE("explanations") {
  CHECK(explain(ParseError::NoSuchDay, "2025-02-30") == "February 2025 has 28 days");
  CHECK(explain(ParseError::NoSuchDay, "2024-02-30") == "February 2024 has 29 days");
  CHECK(explain(ParseError::NoSuchMonth, "2025-13-01") == "there is no month 13");
  CHECK(help_for(ParseError::NotADate) == "write dates as `YYYY-MM-DD`");
}

TEST_CASE("a percent sign: pp in a benchmark score, whatever its scale; refused elsewhere") {
  model::FieldSpec score;
  score.kind = ast::TypeKind::Quantity;
  score.dim = ast::Dim::Score;
  score.scale = 100;  // `scale 0..1`: plain numbers are fractions
  model::Value v;
  CHECK(parse_value(score, "0.1931", v) == ParseError::None);
  CHECK(v.x == doctest::Approx(19.31));
  CHECK(parse_value(score, "77.0%", v) == ParseError::None);
  CHECK(v.x == 77.0);
  CHECK(parse_value(score, " 5 % ", v) == ParseError::None);
  CHECK(v.x == 5.0);
  CHECK(parse_value(score, "%", v) == ParseError::NotANumber);
  CHECK(v.is_unknown());

  model::FieldSpec compute;
  compute.kind = ast::TypeKind::Quantity;
  compute.dim = ast::Dim::Compute;
  CHECK(parse_value(compute, "5%", v) == ParseError::PercentNotScore);
  CHECK(v.is_unknown());
  CHECK(help_for(ParseError::PercentNotScore) == "write the number in the field's unit, without the percent sign");
}

TEST_CASE("dates with a declared order; without one, day/month dates are refused as ambiguous") {
  model::FieldSpec iso;
  iso.kind = ast::TypeKind::Date;
  model::Value v;
  CHECK(parse_value(iso, "7/9/2025", v) == ParseError::AmbiguousDate);
  CHECK(explain(ParseError::AmbiguousDate, "7/9/2025") ==
        "`7/9/2025` is 9 July 2025 if the month comes first, 7 September 2025 if the day does");
  CHECK(explain(ParseError::AmbiguousDate, "13/1/2025") ==
        "only the day first makes `13/1/2025` a date, but a column's order is declared, not guessed row by row");
  CHECK(parse_value(iso, "7/9/25", v) == ParseError::NotADate);  // a two-digit year is not read at all
  // Written as a numeric date, but no order makes it a day: no such date, and no month 0 named.
  CHECK(parse_value(iso, "01/00/2024", v) == ParseError::NoSuchDay);
  CHECK(explain(ParseError::NoSuchDay, "01/00/2024") == "there is no such date");
  CHECK(parse_value(iso, "13/14/2024", v) == ParseError::NoSuchDay);
  CHECK(parse_value(iso, "31/4/2024", v) == ParseError::NoSuchDay);  // April has 30 days; there is no month 31
  CHECK(parse_value(iso, "3/31/2024", v) == ParseError::AmbiguousDate);
  CHECK(explain(ParseError::AmbiguousDate, "3/31/2024") ==
        "only the month first makes `3/31/2024` a date, but a column's order is declared, not guessed row by row");
  CHECK(explain(ParseError::AmbiguousDate, "0/0/2024") == "there is no such date, with the month first or the day first");

  model::FieldSpec us = iso;
  us.date_order = ast::DateOrder::MonthDayYear;
  us.date_separator = '/';
  CHECK(parse_value(us, "7/9/2025", v) == ParseError::None);
  CHECK(v.x == days_from_civil(2025, 7, 9));
  CHECK(parse_value(us, "12/31/2024", v) == ParseError::None);
  CHECK(v.x == days_from_civil(2024, 12, 31));
  CHECK(parse_value(us, "2025-07-09", v) == ParseError::None);  // ISO is read in every order
  CHECK(v.x == days_from_civil(2025, 7, 9));
  CHECK(parse_value(us, "13/1/2025", v) == ParseError::NoSuchMonth);
  CHECK(parse_value(us, "2/30/2024", v) == ParseError::NoSuchDay);
  CHECK(parse_value(us, "7.9.2025", v) == ParseError::NotADate);  // not its separator

  model::FieldSpec eu = iso;
  eu.date_order = ast::DateOrder::DayMonthYear;
  eu.date_separator = '.';
  CHECK(parse_value(eu, "7.9.2025", v) == ParseError::None);
  CHECK(v.x == days_from_civil(2025, 9, 7));
}
