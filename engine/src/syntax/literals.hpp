// The values of literal tokens, decoded without ANTLR: strings (escapes), numbers, dates. Each
// reports what is wrong in terms the builder can point at, but builds no diagnostic itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace scalepol::syntax {

// A bad escape in a string literal: where it is (bytes into the literal as written, quotes
// included), what it says, and how to fix it.
struct EscapeError {
  std::size_t offset = 0, length = 0;
  std::string message, help;
};

// The text of a string literal written `"…"`: quotes dropped, escapes (\" \\ \/ \n \r \t
// \uXXXX, with surrogate pairs joined) decoded. A bad escape is kept as written and the first
// one is reported in `error`.
std::string unescape_string(std::string_view literal, std::optional<EscapeError>& error);

enum class NumberStatus { Ok, TooLarge, TooSmall, Malformed };

// A NUMBER token (digits, optional fraction and exponent) as a double. The number must be finite
// and, unless it is zero, representable as a normal double: 1e400 is TooLarge, 1e-400 TooSmall.
NumberStatus parse_number(std::string_view digits, double& value);

// YYYY-MM-DD as days since 1970-01-01, or nothing when no such day exists (2025-02-30).
std::optional<int32_t> parse_date(std::string_view text);

}  // namespace scalepol::syntax
