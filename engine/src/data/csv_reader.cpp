#include "data/csv_reader.hpp"

#include <bit>
#include <cstdint>
#include <cstring>

namespace scalepol::data {

namespace {

// Bit 7 of each byte of `w` that equals `b` (and possibly of bytes above such a byte, from the
// borrow: the lowest bit set is always exact).
inline uint64_t bytes_equal(uint64_t w, unsigned char b) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  const uint64_t x = w ^ (kOnes * b);
  return (x - kOnes) & ~x & kHighs;
}

// The end of an unquoted run starting at `pos`: the next comma or LF (or the end of the text).
// Eight bytes at a time where the text is little-endian-loadable (byte by byte, this loop is a
// fifth of reading a CSV row); the rest byte by byte.
std::size_t find_delimiter(std::string_view text, std::size_t pos) {
  const char* p = text.data() + pos;
  const char* end = text.data() + text.size();
  if constexpr (std::endian::native == std::endian::little) {
    while (end - p >= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      if (const uint64_t m = bytes_equal(w, ',') | bytes_equal(w, '\n'))
        return static_cast<std::size_t>(p - text.data()) + static_cast<std::size_t>(std::countr_zero(m) >> 3);
      p += 8;
    }
  }
  while (p != end && *p != ',' && *p != '\n') ++p;
  return static_cast<std::size_t>(p - text.data());
}

}  // namespace

bool CsvReader::next(CsvRow& row) {
  // Blank lines are not rows.
  while (pos_ < text_.size()) {
    if (text_[pos_] == '\n') {
      ++pos_;
    } else if (text_[pos_] == '\r' && (pos_ + 1 == text_.size() || text_[pos_ + 1] == '\n')) {
      pos_ += 1;  // the LF, if any, is skipped next
    } else {
      break;
    }
  }
  if (pos_ >= text_.size()) return false;

  row.cells.clear();
  row.start = pos_;
  row.unterminated = false;
  while (read_cell(row)) {
  }
  return true;
}

bool CsvReader::read_cell(CsvRow& row) {
  CsvCell cell;
  cell.start = pos_;
  std::size_t delim;  // the comma or LF after the cell, or text_.size()

  if (pos_ < text_.size() && text_[pos_] == '"') {
    cell.quoted = true;
    std::size_t i = pos_ + 1;
    for (;;) {
      const void* q = std::memchr(text_.data() + i, '"', text_.size() - i);
      if (!q) {  // never closed: this cell and the row end the file
        row.unterminated = true;
        row.open_quote = cell.start;
        row.end = pos_ = text_.size();
        return false;
      }
      const auto at = static_cast<std::size_t>(static_cast<const char*>(q) - text_.data());
      if (at + 1 < text_.size() && text_[at + 1] == '"') {
        cell.doubled_quotes = true;
        i = at + 2;
        continue;
      }
      cell.content_end = at;
      break;
    }
    delim = find_delimiter(text_, cell.content_end + 1);
    cell.end = delim;
    // Only a CR that ends the line belongs to the line end; any other text is stray.
    if (cell.end > cell.content_end + 1 && text_[cell.end - 1] == '\r' &&
        (delim == text_.size() || text_[delim] == '\n'))
      --cell.end;
    cell.stray_text = cell.end > cell.content_end + 1;
  } else {
    delim = find_delimiter(text_, pos_);
    cell.end = delim;
    if (cell.end > cell.start && text_[cell.end - 1] == '\r' && (delim == text_.size() || text_[delim] == '\n'))
      --cell.end;
    cell.content_end = cell.end;
  }

  row.cells.push_back(cell);
  if (delim < text_.size() && text_[delim] == ',') {
    pos_ = delim + 1;
    return true;
  }
  row.end = cell.end;
  pos_ = delim < text_.size() ? delim + 1 : text_.size();
  return false;
}

std::string_view CsvReader::text(const CsvCell& cell, std::string& scratch) const {
  if (!cell.quoted) return text_.substr(cell.start, cell.end - cell.start);
  const std::string_view content = text_.substr(cell.start + 1, cell.content_end - cell.start - 1);
  if (!cell.doubled_quotes && !cell.stray_text) return content;
  scratch.clear();
  for (std::size_t i = 0; i < content.size(); ++i) {
    scratch += content[i];
    if (content[i] == '"') ++i;  // the second quote of a doubled pair
  }
  if (cell.stray_text) scratch.append(text_.substr(cell.content_end + 1, cell.end - cell.content_end - 1));
  return scratch;
}

}  // namespace scalepol::data
