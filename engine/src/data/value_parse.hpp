// Reading one data value (a CSV cell, a JSON string) as the type of its field. Nothing here
// allocates except for a text value: a file of millions of rows parses its numbers and dates
// in place.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/record.hpp"
#include "model/value.hpp"

namespace scalepol::data {

enum class ParseError : unsigned char {
  None,
  NotANumber,   // "abc", "1,000", "12 FLOP"
  NotFinite,    // "inf", "nan"
  OutOfRange,   // "1e400"
  Negative,     // "-1e25" for a total that cannot be below zero (compute, parameters, tokens, users)
  NotADate,     // not YYYY-MM-DD
  NoSuchMonth,  // 2025-13-01
  NoSuchDay,    // 2025-02-30
  TimeOfDay,    // 2024-05-13T15:00:00: taking the date part would silently drop the time
  NotABool,
  PercentNotScore,  // "5%" in a field that is not a benchmark score
  AmbiguousDate,    // "7/9/2025" in a date field with no `format`: July or September?
};

// Without surrounding ASCII whitespace (spaces, tabs, CR, LF). Inline: the loaders call it on
// every value.
inline std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// A decimal number as Epoch writes them ("2.1e+25", "1.001e25", "135000000000.0", "+3"). The
// whole of `s` must be the number: trailing text, "inf" and "nan" are rejected.
ParseError parse_number(std::string_view s, double& out);

// "YYYY-MM-DD" (a real calendar date) → days since 1970-01-01. A timestamp at midnight
// ("2024-05-13T00:00:00", "2024-05-13 00:00:00Z", as spreadsheet and pandas exports write
// dates) is read as its date; any other time of day is refused rather than truncated.
ParseError parse_date(std::string_view s, int32_t& days);

// true/false, yes/no in any letter case, or 1/0.
ParseError parse_bool(std::string_view s, bool& out);

// Totals and counts (compute, compute rates, parameters, tokens, users): below zero they are not
// an estimate but a mistake in the data (a policy's lines assume them non-negative, and the
// linter reasons so).
bool never_negative(ast::Dim dim);

// A number of `field`'s data unit as a value in its base unit (× the field's scale); OutOfRange
// when the product is not finite.
ParseError scale_quantity(const model::FieldSpec& field, double x, model::Value& out);

// A value for `field` from its text. Surrounding whitespace is dropped; nothing left → unknown.
// Quantities are multiplied by the field's scale; a score written with a percent sign (`77.0%`)
// is that many pp. On error `out` is unknown.
ParseError parse_value(const model::FieldSpec& field, std::string_view text, model::Value& out);

// "a number", "a date", "true or false", "text": what a field of this kind expects, for messages.
std::string_view expected_noun(ast::TypeKind kind);

// Why `text` was refused, as a note ("February 2025 has 28 days"); "" when there is nothing
// to add to the message.
std::string explain(ParseError error, std::string_view text);

// A help line for the error ("write dates as `YYYY-MM-DD`"); "" when there is none.
std::string help_for(ParseError error);

}  // namespace scalepol::data
