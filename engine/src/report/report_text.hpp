// The text report, written a row at a time: render_report_text writes a Report's rows through it,
// and run_text (api/stream.cpp) the rows of records as they are read.
//
// The columns are as wide as the widest cell among the first rows (kWidthRows), which are kept
// until then; later rows are written as they come, and a later cell wider than its column
// pushes the rest of its row to the right rather than being cut. So memory stays flat however
// many models there are, and a report of up to kWidthRows models is aligned throughout. (psql
// does the same with FETCH_COUNT.) Model names are cut at kModelColumnMax anyway.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "report/table.hpp"

namespace scalepol::report {

class TextReportWriter {
 public:
  static constexpr std::size_t kWidthRows = 1000;

  struct Head {
    std::string policy, title, as_of;
  };
  TextReportWriter(Table table, Head head, bool color, std::size_t width_rows = kWidthRows);

  const Table& table() const { return table_; }

  // Adds one model's row, written to `out` now or kept until the columns' widths are known.
  // `row` is taken (and left for reuse).
  void add(std::string& out, TableRow& row);
  // Writes the rows still kept, then the summary.
  void finish(std::string& out);

 private:
  void write_head(std::string& out);
  void write_row(std::string& out, const TableRow& row) const;

  Table table_;
  Head head_;
  bool color_;
  std::size_t width_rows_;
  bool head_written_ = false;
  std::vector<TableRow> kept_;
};

}  // namespace scalepol::report
