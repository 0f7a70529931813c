// An RFC 4180 CSV reader over text in memory that reports where everything is. Cells are byte
// ranges into the text, so reading a row copies nothing; only a cell with doubled quotes
// ("say ""hi""") is unescaped, into a scratch string the caller owns.
//
// Accepted: quoted cells with commas, doubled quotes and line breaks inside; LF or CRLF line
// ends; blank lines between rows (skipped). A lone CR is data, not a line end, so that rows and
// the line numbers in messages always agree. A quote inside an unquoted cell (`5" disk`) is
// kept as text, as every spreadsheet does.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace scalepol::data {

struct CsvCell {
  std::size_t start = 0;        // first byte of the cell (its opening quote when quoted)
  std::size_t content_end = 0;  // end of the content: the closing quote when quoted
  std::size_t end = 0;          // end of the cell, before the comma or line end
  bool quoted = false;
  bool doubled_quotes = false;  // the content has "" to turn into "
  bool stray_text = false;      // text after the closing quote (`"a"b`): kept, and reported
};

struct CsvRow {
  std::vector<CsvCell> cells;
  std::size_t start = 0;  // first byte of the row
  std::size_t end = 0;    // end of the row, before its line end
  // The row's last quoted cell is never closed: the rest of the file was swallowed by it, so
  // the row is not a row. `open_quote` is where that cell's quote is.
  bool unterminated = false;
  std::size_t open_quote = 0;
};

class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}

  // The next row into `row` (its storage is reused); false at the end of the text.
  bool next(CsvRow& row);

  // A cell's text: a view into the input, or, when the cell needs unescaping, into `scratch`.
  std::string_view text(const CsvCell& cell, std::string& scratch) const;

  // How far the reader has read: after the last row's line end.
  std::size_t position() const { return pos_; }

  // Where the text after a cell's closing quote starts (for `stray_text` diagnostics).
  static std::size_t stray_start(const CsvCell& cell) { return cell.content_end + 1; }

 private:
  // Reads a cell starting at pos_; returns false at the end of the row.
  bool read_cell(CsvRow& row);

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace scalepol::data
