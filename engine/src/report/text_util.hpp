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

// The longest prefix of `text` holding at most `count` code points.
std::string_view take_code_points(std::string_view text, std::size_t count);

// Appends `text` with every tab replaced by one space and every other control character (C0,
// DEL) replaced by U+FFFD. Each input code point stays exactly one output code point, so column
// arithmetic done on the original text stays valid on the output.
void append_printable(std::string& out, std::string_view text);

// Appends `text` cut to `width` code points, ending with "…" when it was cut.
void append_truncated(std::string& out, std::string_view text, std::size_t width);

// Appends `count` spaces.
inline void append_spaces(std::string& out, std::size_t count) { out.append(count, ' '); }

}  // namespace scalepol::report
