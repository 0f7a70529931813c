#include "syntax/positions.hpp"

#include <algorithm>

#include "syntax/lines.hpp"
#include "syntax/utf8.hpp"

namespace scalepol::syntax {

PositionMap::PositionMap(std::string_view text)
    : bom_chars_(has_bom(text) ? 1 : 0), line_starts_(line_starts(text)) {
  uint32_t chars = 0, extra = 0;
  for (std::size_t i = 0; i < text.size(); ++chars) {
    char32_t cp;
    std::size_t n = utf8_sequence(text, i, cp);
    if (n == 0) n = 1;  // cannot happen after the pre-scan; stay in bounds regardless
    if (n > 1) {
      extra += static_cast<uint32_t>(n - 1);
      wide_char_.push_back(chars);
      wide_extra_.push_back(extra);
    }
    i += n;
  }
}

uint32_t PositionMap::byte_of_char(std::size_t index) const {
  const auto file_char = static_cast<uint32_t>(index + bom_chars_);
  // The multi-byte code points before this one each add their extra bytes.
  auto k = std::lower_bound(wide_char_.begin(), wide_char_.end(), file_char) - wide_char_.begin();
  return file_char + (k > 0 ? wide_extra_[k - 1] : 0);
}

uint32_t PositionMap::char_of_byte(uint32_t byte) const {
  // Find how many multi-byte code points start before `byte`; their offsets grow with k.
  std::size_t lo = 0, hi = wide_char_.size();
  while (lo < hi) {
    std::size_t mid = (lo + hi) / 2;
    uint32_t mid_byte = wide_char_[mid] + (mid > 0 ? wide_extra_[mid - 1] : 0);
    if (mid_byte < byte) lo = mid + 1; else hi = mid;
  }
  return byte - (lo > 0 ? wide_extra_[lo - 1] : 0);
}

void PositionMap::point(uint32_t byte, uint32_t& line, uint32_t& column) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte);
  std::size_t index = it == line_starts_.begin() ? 0 : (it - line_starts_.begin()) - 1;
  line = static_cast<uint32_t>(index + 1);
  uint32_t start = std::min(byte, line_starts_[index]);
  column = char_of_byte(byte) - char_of_byte(start) + 1;
}

ast::Span PositionMap::bytes(uint32_t begin, uint32_t end) const {
  ast::Span span;
  span.begin = begin;
  span.end = std::max(begin, end);
  point(span.begin, span.line, span.column);
  point(span.end, span.end_line, span.end_column);
  return span;
}

ast::Span PositionMap::chars(std::size_t begin, std::size_t end) const {
  return bytes(byte_of_char(begin), byte_of_char(std::max(begin, end)));
}

ast::Span locate_bytes(std::string_view text, uint32_t begin, uint32_t end) {
  const auto starts = line_starts(text);
  const auto at = [&](uint32_t byte, uint32_t& line, uint32_t& column) {
    auto it = std::upper_bound(starts.begin(), starts.end(), byte);
    std::size_t index = it == starts.begin() ? 0 : (it - starts.begin()) - 1;
    line = static_cast<uint32_t>(index + 1);
    column = 1;
    // Every byte that is not a continuation byte starts a code point (or is a bad byte, which
    // an editor also shows as one character).
    for (uint32_t i = std::min(byte, starts[index]); i < byte && i < text.size(); ++i)
      if (!is_continuation(static_cast<unsigned char>(text[i]))) ++column;
  };
  ast::Span span;
  span.begin = begin;
  span.end = std::max(begin, end);
  at(span.begin, span.line, span.column);
  at(span.end, span.end_line, span.end_column);
  return span;
}

}  // namespace scalepol::syntax
