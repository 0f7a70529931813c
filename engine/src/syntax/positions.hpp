// From positions as the parser sees them to ast::Span. ANTLR indexes its input in code points
// (it decodes UTF-8 to UTF-32, after dropping one leading BOM); spans hold byte offsets into the
// file plus 1-based lines and columns counted in code points. Ends are exclusive: `end` is the
// byte after the last one, `end_column` the column after the last character (as in SARIF).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "ast/ast.hpp"

namespace scalepol::syntax {

class PositionMap {
 public:
  // `text` is the whole file and must be valid UTF-8 (the pre-scan makes sure); it must outlive
  // the map. Building costs one pass; every lookup after that is a binary search, so a file of
  // one very long line costs no more than any other.
  explicit PositionMap(std::string_view text);

  // Code points [begin, end) of the parser's input.
  ast::Span chars(std::size_t begin, std::size_t end) const;
  // Bytes [begin, end) of the file.
  ast::Span bytes(uint32_t begin, uint32_t end) const;
  // The byte offset in the file of the parser's code point `index`.
  uint32_t byte_of_char(std::size_t index) const;

 private:
  uint32_t char_of_byte(uint32_t byte) const;  // code-point index in the whole file
  void point(uint32_t byte, uint32_t& line, uint32_t& column) const;

  std::size_t bom_chars_;  // 1 when the file starts with a BOM: the parser never sees it
  std::vector<uint32_t> line_starts_;
  // Every code point longer than one byte: its index, and the bytes beyond one per code point
  // accumulated up to and including it. Plain ASCII files leave both empty.
  std::vector<uint32_t> wide_char_;
  std::vector<uint32_t> wide_extra_;
};

// The span of bytes [begin, end) computed by a plain walk over the text, for the one diagnostic
// the pre-scan may give: there the text may be invalid UTF-8 from `begin` on.
ast::Span locate_bytes(std::string_view text, uint32_t begin, uint32_t end);

}  // namespace scalepol::syntax
