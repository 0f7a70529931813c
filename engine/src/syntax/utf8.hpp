// UTF-8 helpers for the front end: strict validation (the ANTLR runtime's decoder throws on bad
// input, so nothing reaches it unchecked), encoding of `\u` escapes, and the byte-order mark.
#pragma once

#include <optional>

#include <cstddef>
#include <string>
#include <string_view>

namespace scalepol::syntax {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

inline bool has_bom(std::string_view text) { return text.substr(0, kUtf8Bom.size()) == kUtf8Bom; }
inline std::size_t bom_length(std::string_view text) { return has_bom(text) ? kUtf8Bom.size() : 0; }
// The text without a leading UTF-8 byte-order mark, which no editor shows.
inline std::string_view strip_bom(std::string_view text) { return text.substr(bom_length(text)); }

// The length of the well-formed UTF-8 sequence starting at text[i] (1 to 4), or 0 when the bytes
// there are not one: a stray continuation byte, a truncated sequence, an overlong encoding, a
// surrogate or a value beyond U+10FFFF. The decoded code point goes to `cp`.
std::size_t utf8_sequence(std::string_view text, std::size_t i, char32_t& cp);

// True for the bytes that continue a multi-byte sequence (10xxxxxx): they start no code point.
inline bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

void append_utf8(std::string& out, char32_t cp);

// Code points in `text`: bytes that start one (a malformed byte counts as one), which is what
// editors show as columns.
std::size_t code_points(std::string_view text);

// The offset of the first byte that does not start a well-formed UTF-8 sequence, if any.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

}  // namespace scalepol::syntax
