// Helpers for text meant for a terminal: counting columns the way diagnostics do (Unicode code
// points) and neutralising control characters that come from policy files or model data, so a
// hostile input cannot move the cursor, recolour the terminal or break the alignment.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "syntax/utf8.hpp"

namespace scalepol::report {

// Number of code points in UTF-8 text (the front end's count, so carets and columns agree).
using syntax::code_points;

// Columns `text` takes on a terminal once append_printable has made it safe: 2 for an East Asian
// wide or fullwidth character (CJK ideographs, kana, Hangul, fullwidth forms, most emoji), 0 for
// a combining mark or a zero-width character, 1 for the rest (U+FFFD for a bad byte included).
// Tables pad by it, so a row with a Chinese model name lines up with the others.
std::size_t display_width(std::string_view text);

// The longest prefix of `text` at most `width` columns wide (display_width).
std::string_view take_display_width(std::string_view text, std::size_t width);

// The longest prefix of `text` holding at most `count` code points.
std::string_view take_code_points(std::string_view text, std::size_t count);

// Appends `text` with every tab replaced by one space and every other control character (C0,
// DEL, C1) and every text direction control (U+202E and the like: syntax/bidi.hpp) replaced by
// U+FFFD, as is each byte of invalid UTF-8 that starts a character. Each input code point stays exactly one output code point, so column
// arithmetic done on the original text stays valid on the output.
void append_printable(std::string& out, std::string_view text);

// Appends `text` cut to `width` columns (display_width), ending with "…" when it was cut.
void append_truncated(std::string& out, std::string_view text, std::size_t width);

// Appends `count` spaces.
inline void append_spaces(std::string& out, std::size_t count) { out.append(count, ' '); }

}  // namespace scalepol::report
