// The line structure of a text, shared by SourceFile (line text for carets) and PositionMap
// (line and column of a span), so the two can never disagree on where a line starts.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace scalepol::syntax {

// Byte offsets at which lines start, in order; there is always at least one. A line ends at
// `\n`, `\r\n` or a lone `\r` (editors count all three). Line 1 starts after a UTF-8 BOM, which
// no editor shows.
std::vector<uint32_t> line_starts(std::string_view text);

// The line starting at starts[index], without its terminator.
std::string_view line_text(std::string_view text, const std::vector<uint32_t>& starts, std::size_t index);

}  // namespace scalepol::syntax
