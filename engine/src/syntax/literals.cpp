#include "syntax/literals.hpp"

#include <charconv>
#include <chrono>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "syntax/utf8.hpp"

namespace scalepol::syntax {
namespace {

// Four hex digits at text[i..i+4), or nothing.
std::optional<char32_t> hex4(std::string_view text, std::size_t i) {
  if (i + 4 > text.size()) return std::nullopt;
  unsigned value = 0;
  auto [end, ec] = std::from_chars(text.data() + i, text.data() + i + 4, value, 16);
  if (ec != std::errc{} || end != text.data() + i + 4) return std::nullopt;
  return static_cast<char32_t>(value);
}

bool is_high_surrogate(char32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
bool is_low_surrogate(char32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

// The escape written at literal[i] (a backslash), decoded into `out`; returns its length in
// bytes, and sets `error` (if not yet set) when it is not a valid escape.
std::size_t decode_escape(std::string_view literal, std::size_t i, std::string& out,
                          std::optional<EscapeError>& error) {
  const auto fail = [&](std::size_t length, std::string message, std::string help) {
    if (!error) error = EscapeError{i, length, std::move(message), std::move(help)};
    out.append(literal.substr(i, length));  // keep it as written
    return length;
  };
  const char c = literal[i + 1];
  switch (c) {
    case '"': out += '"'; return 2;
    case '\\': out += '\\'; return 2;
    case '/': out += '/'; return 2;
    case 'n': out += '\n'; return 2;
    case 'r': out += '\r'; return 2;
    case 't': out += '\t'; return 2;
    case 'u': break;
    default: {
      char32_t cp;
      std::size_t n = std::max<std::size_t>(1, utf8_sequence(literal, i + 1, cp));
      return fail(1 + n, fmt::format("unknown escape `\\{}`", literal.substr(i + 1, n)),
                  "write `\\\\` for a backslash; the escapes are `\\\"` `\\\\` `\\/` `\\n` `\\r` `\\t` `\\uXXXX`");
    }
  }
  const std::string hex_help = "write four hex digits after `\\u`, as in `\\u00e9`";
  auto cp = hex4(literal, i + 2);
  if (!cp) {
    std::size_t n = 2;
    while (n < 6 && i + n < literal.size() - 1 && std::isxdigit(static_cast<unsigned char>(literal[i + n]))) ++n;
    return fail(n, fmt::format("`{}` is not a unicode escape", literal.substr(i, n)), hex_help);
  }
  if (is_high_surrogate(*cp)) {
    // JSON's way of writing a character beyond U+FFFF: a high and a low surrogate in a row.
    std::optional<char32_t> low;
    if (literal.substr(i + 6, 2) == "\\u") low = hex4(literal, i + 8);
    if (!low || !is_low_surrogate(*low))
      return fail(6, fmt::format("`{}` is half of a surrogate pair", literal.substr(i, 6)),
                  "follow it with the low surrogate, as in `\\ud83d\\ude00`, or write the character itself");
    append_utf8(out, 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00));
    return 12;
  }
  if (is_low_surrogate(*cp))
    return fail(6, fmt::format("`{}` is half of a surrogate pair", literal.substr(i, 6)),
                "write the character itself, or the high surrogate before it");
  if (*cp == 0)
    return fail(6, "`\\u0000` is not allowed in text", "remove it: text cannot hold a nul character");
  append_utf8(out, *cp);
  return 6;
}

}  // namespace

std::string unescape_string(std::string_view literal, std::optional<EscapeError>& error) {
  std::string out;
  if (literal.size() < 2) return out;
  const std::size_t end = literal.size() - 1;  // the closing quote
  out.reserve(end - 1);
  for (std::size_t i = 1; i < end;) {
    if (literal[i] != '\\' || i + 1 >= end) {
      out += literal[i++];
      continue;
    }
    i += decode_escape(literal, i, out, error);
  }
  return out;
}

NumberStatus parse_number(std::string_view digits, double& value) {
  double parsed = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), parsed);
  if (ec == std::errc::result_out_of_range) {
    // Which way it is out of range follows from the magnitude as written: the digits before the
    // point (or minus the zeros after it) plus the exponent.
    long magnitude = 0;
    std::size_t i = 0;
    while (i < digits.size() && digits[i] == '0') ++i;
    std::size_t int_digits = 0;
    while (i < digits.size() && std::isdigit(static_cast<unsigned char>(digits[i]))) ++i, ++int_digits;
    if (int_digits > 0) {
      magnitude = static_cast<long>(int_digits);
    } else if (i < digits.size() && digits[i] == '.') {
      for (++i; i < digits.size() && digits[i] == '0'; ++i) --magnitude;
    }
    if (auto e = digits.find_first_of("eE"); e != std::string_view::npos) {
      long exponent = 0;
      std::string_view rest = digits.substr(e + 1);
      if (!rest.empty() && rest[0] == '+') rest.remove_prefix(1);
      auto [p, err] = std::from_chars(rest.data(), rest.data() + rest.size(), exponent);
      if (err == std::errc::result_out_of_range) exponent = rest.starts_with('-') ? -100000 : 100000;
      magnitude += exponent;
    }
    return magnitude > 0 ? NumberStatus::TooLarge : NumberStatus::TooSmall;
  }
  if (ec != std::errc{} || end != digits.data() + digits.size()) return NumberStatus::Malformed;
  if (!std::isfinite(parsed)) return NumberStatus::TooLarge;
  if (parsed != 0 && !std::isnormal(parsed)) return NumberStatus::TooSmall;
  value = parsed;
  return NumberStatus::Ok;
}

std::optional<int32_t> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  const auto number = [&](std::size_t at, std::size_t n, auto& out) {
    auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + n, out);
    return ec == std::errc{} && end == text.data() + at + n;
  };
  if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!date.ok()) return std::nullopt;
  return static_cast<int32_t>(std::chrono::sys_days{date}.time_since_epoch().count());
}

}  // namespace scalepol::syntax
