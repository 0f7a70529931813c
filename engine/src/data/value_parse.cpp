#include "data/value_parse.hpp"
#include "check/exact_scale.hpp"

#include <charconv>
#include <chrono>
#include <cmath>
#include <fmt/format.h>
#include <system_error>

namespace scalepol::data {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `n` digits at `s[pos]`.
bool read_digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!is_digit(s[i])) return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

// "T00:00", "T00:00:00", "T00:00:00.000", each with an optional "Z" (or a space for the "T").
bool is_midnight(std::string_view t) {
  if (t.empty() || (t[0] != 'T' && t[0] != ' ')) return false;
  t.remove_prefix(1);
  if (!t.empty() && t.back() == 'Z') t.remove_suffix(1);
  if (t.size() < 5 || t.substr(0, 5) != "00:00") return false;
  t.remove_prefix(5);
  if (t.empty()) return true;
  if (t.size() < 3 || t.substr(0, 3) != ":00") return false;
  t.remove_prefix(3);
  if (t.empty()) return true;
  if (t[0] != '.' || t.size() < 2) return false;
  for (char c : t.substr(1))
    if (c != '0') return false;
  return true;
}

// "7/9/2025" with `sep`: one or two digits, one or two digits, four digits. False if not so.
bool split_numeric_date(std::string_view s, char sep, int& first, int& second, int& year) {
  const auto part = [&](std::size_t& pos, std::size_t min, std::size_t max, int& out) {
    std::size_t n = 0;
    out = 0;
    while (pos < s.size() && is_digit(s[pos]) && n < max) {
      out = out * 10 + (s[pos++] - '0');
      ++n;
    }
    return n >= min && (pos == s.size() || !is_digit(s[pos]));
  };
  std::size_t pos = 0;
  if (!part(pos, 1, 2, first) || pos >= s.size() || s[pos++] != sep) return false;
  if (!part(pos, 1, 2, second) || pos >= s.size() || s[pos++] != sep) return false;
  return part(pos, 4, 4, year) && pos == s.size();
}

ParseError days_of(int y, int m, int d, int32_t& days) {
  if (m < 1 || m > 12) return ParseError::NoSuchMonth;
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return ParseError::NoSuchDay;
  days = static_cast<int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count());
  return ParseError::None;
}

// Whether `s` is written as a numeric date `a/b/y` (or `a.b.y`), and which orders make it a day.
struct DateReadings {
  bool written = false;      // one or two digits, one or two digits and four, with `/` or `.`
  bool month_first = false;  // a is the month, b the day
  bool day_first = false;    // a is the day, b the month
  int a = 0, b = 0, y = 0;
};

DateReadings numeric_date_readings(std::string_view s) {
  DateReadings r;
  const char sep = s.find('/') != std::string_view::npos ? '/' : '.';
  r.written = split_numeric_date(s, sep, r.a, r.b, r.y);
  if (!r.written) return r;
  int32_t days = 0;
  r.month_first = days_of(r.y, r.a, r.b, days) == ParseError::None;
  r.day_first = days_of(r.y, r.b, r.a, days) == ParseError::None;
  return r;
}

bool equals_lower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

const char* month_name(int m) {
  static const char* const names[] = {"January", "February", "March",     "April",   "May",      "June",
                                      "July",    "August",   "September", "October", "November", "December"};
  return names[m - 1];
}

// "February 2025 has 28 days", of a YYYY-MM-DD text whose day does not exist.
std::string days_in_month_note(std::string_view text) {
  int y = 0, m = 0;
  read_digits(text, 0, 4, y);
  read_digits(text, 5, 2, m);
  const std::chrono::year_month_day_last last{std::chrono::year{y} / std::chrono::month{static_cast<unsigned>(m)} /
                                              std::chrono::last};
  return fmt::format("{} {} has {} days", month_name(m), y, static_cast<unsigned>(last.day()));
}

}  // namespace

ParseError parse_number(std::string_view s, double& out) {
  // from_chars takes no '+', and would accept "inf"/"nan": a number must start with a digit or
  // a point after its optional sign, which also rules out "+-1".
  const bool plus = !s.empty() && s[0] == '+';
  if (plus) s.remove_prefix(1);
  const std::size_t first = (!plus && !s.empty() && s[0] == '-') ? 1 : 0;
  if (first >= s.size()) return ParseError::NotANumber;
  if (!is_digit(s[first]) && s[first] != '.') {
    if (equals_lower(s.substr(first), "inf") || equals_lower(s.substr(first), "infinity") ||
        equals_lower(s.substr(first), "nan"))
      return ParseError::NotFinite;
    return ParseError::NotANumber;
  }
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, std::chars_format::general);
  if (ec == std::errc::result_out_of_range) return ParseError::OutOfRange;
  if (ec != std::errc() || end != s.data() + s.size()) return ParseError::NotANumber;
  if (!std::isfinite(value)) return ParseError::NotFinite;
  out = value;
  return ParseError::None;
}

ParseError parse_date(std::string_view s, int32_t& days) {
  int y = 0, m = 0, d = 0;
  if (s.size() < 10 || !read_digits(s, 0, 4, y) || s[4] != '-' || !read_digits(s, 5, 2, m) || s[7] != '-' ||
      !read_digits(s, 8, 2, d))
    return ParseError::NotADate;
  if (s.size() > 10) {
    const std::string_view time = s.substr(10);
    if (is_midnight(time)) {
      // fall through: the date as written
    } else if ((time[0] == 'T' || time[0] == ' ') && time.size() >= 6 && is_digit(time[1])) {
      return ParseError::TimeOfDay;
    } else {
      return ParseError::NotADate;
    }
  }
  return days_of(y, m, d, days);
}

ParseError parse_bool(std::string_view s, bool& out) {
  if (equals_lower(s, "true") || equals_lower(s, "yes") || s == "1") {
    out = true;
    return ParseError::None;
  }
  if (equals_lower(s, "false") || equals_lower(s, "no") || s == "0") {
    out = false;
    return ParseError::None;
  }
  return ParseError::NotABool;
}

bool never_negative(ast::Dim dim) {
  switch (dim) {
    case ast::Dim::Compute:
    case ast::Dim::ComputeRate:
    case ast::Dim::Params:
    case ast::Dim::Tokens:
    case ast::Dim::Users: return true;
    default: return false;
  }
}

ParseError scale_quantity(const model::FieldSpec& field, double x, model::Value& out) {
  const double scaled = check::scaled_exactly(x, field.scale);
  if (!std::isfinite(scaled)) return ParseError::OutOfRange;  // 1e308 in a column of thousands
  if (scaled < 0 && never_negative(field.dim)) return ParseError::Negative;
  out = model::Value::number(scaled);
  return ParseError::None;
}

ParseError parse_value(const model::FieldSpec& field, std::string_view text, model::Value& out) {
  model::reset(out);
  text = trim(text);
  if (text.empty()) return ParseError::None;  // a blank cell is a missing value, not an error
  switch (field.kind) {
    case ast::TypeKind::Quantity: {
      double x = 0;
      if (text.back() == '%') {
        // `77.0%` is 77 percentage points, whatever scale the field's plain numbers are on; in a
        // field of another dimension a percent sign has no reading.
        if (field.dim != ast::Dim::Score) return ParseError::PercentNotScore;
        if (ParseError e = parse_number(trim(text.substr(0, text.size() - 1)), x); e != ParseError::None) return e;
        out = model::Value::number(x);
        return ParseError::None;
      }
      if (ParseError e = parse_number(text, x); e != ParseError::None) return e;
      return scale_quantity(field, x, out);
    }
    case ast::TypeKind::Date: {
      int32_t days = 0;
      ParseError e = parse_date(text, days);
      if (e == ParseError::NotADate && field.date_order != ast::DateOrder::Iso) {
        // The field's declared order (`format "M/D/YYYY"`); YYYY-MM-DD is read too.
        int first = 0, second = 0, year = 0;
        if (split_numeric_date(text, field.date_separator, first, second, year))
          e = field.date_order == ast::DateOrder::MonthDayYear ? days_of(year, first, second, days)
                                                               : days_of(year, second, first, days);
      } else if (e == ParseError::NotADate) {
        // Undeclared order: refused as ambiguous when some order makes it a day, else no such date.
        const DateReadings r = numeric_date_readings(text);
        if (r.written) e = r.month_first || r.day_first ? ParseError::AmbiguousDate : ParseError::NoSuchDay;
      }
      if (e != ParseError::None) return e;
      out = model::Value::date(days);
      return ParseError::None;
    }
    case ast::TypeKind::Bool: {
      bool b = false;
      if (ParseError e = parse_bool(text, b); e != ParseError::None) return e;
      out = model::Value::of_bool(b);
      return ParseError::None;
    }
    default:  // Text (a schema field is never of another kind)
      // In place: a reused record's string keeps its storage (streaming reuses records).
      out.kind = model::Value::Kind::Text;
      out.text.assign(text.data(), text.size());
      return ParseError::None;
  }
}

std::string_view expected_noun(ast::TypeKind kind) {
  switch (kind) {
    case ast::TypeKind::Quantity: return "a number";
    case ast::TypeKind::Date: return "a date";
    case ast::TypeKind::Bool: return "true or false";
    default: return "text";
  }
}

std::string explain(ParseError error, std::string_view text) {
  text = trim(text);
  switch (error) {
    case ParseError::NotFinite: return "a quantity must be a finite number";
    case ParseError::OutOfRange: return "the number is too large or too small to be represented";
    case ParseError::Negative: return "a total such as compute, parameters or tokens cannot be negative";
    case ParseError::NoSuchMonth:
    case ParseError::NoSuchDay:
      if (text.size() < 10 || text[4] != '-') return "there is no such date";  // a `format` date
      if (error == ParseError::NoSuchMonth) return fmt::format("there is no month {}", text.substr(5, 2));
      return days_in_month_note(text);
    case ParseError::TimeOfDay:
      return "the value has a time of day; reading only its date could move it to another day";
    case ParseError::NotABool: return "accepted: true/false, yes/no (any letter case), 1/0";
    case ParseError::PercentNotScore:
      return "a percent sign is read only in a benchmark score (pp), where `77%` is 77 pp";
    case ParseError::AmbiguousDate: {
      const DateReadings r = numeric_date_readings(text);
      if (!r.month_first && !r.day_first) return "there is no such date, with the month first or the day first";
      if (!r.month_first || !r.day_first)
        return fmt::format("only {} first makes `{}` a date, but a column's order is declared, not guessed row by row",
                           r.day_first ? "the day" : "the month", text);
      if (r.a == r.b)
        return fmt::format("`{}` is {} {} {} in either order, but a column's order is declared, not guessed", text,
                           r.a, month_name(r.a), r.y);
      return fmt::format("`{}` is {} {} {} if the month comes first, {} {} {} if the day does", text, r.b,
                         month_name(r.a), r.y, r.a, month_name(r.b), r.y);
    }
    default: return "";
  }
}

std::string help_for(ParseError error) {
  switch (error) {
    case ParseError::NotANumber:
      return "write a plain number such as `2.1e25` or `135000000000`, without units or thousands separators";
    case ParseError::PercentNotScore: return "write the number in the field's unit, without the percent sign";
    case ParseError::AmbiguousDate:
      return "say how the column writes dates, on the field: `format \"M/D/YYYY\"` (month first) or "
             "`format \"D/M/YYYY\"` (day first)";
    case ParseError::NotADate:
    case ParseError::TimeOfDay: return "write dates as `YYYY-MM-DD`";
    default: return "";
  }
}

}  // namespace scalepol::data
