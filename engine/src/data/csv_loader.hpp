// The CSV loader, usable on a whole file (load_csv) or a block at a time (data/stream.cpp): the
// header row is read once, then rows block by block, each block starting on a known line of
// the file so that records and diagnostics keep their true lines.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "data/csv_reader.hpp"
#include "data/long_table.hpp"
#include "data/reporter.hpp"
#include "data/source_text.hpp"
#include "model/record.hpp"
#include "scalepol/expected.hpp"

namespace scalepol::data {

class CsvLoader {
 public:
  CsvLoader(const std::string& name, std::shared_ptr<const model::Schema> schema);

  // The header row at the start of `text` (line 1, the BOM already dropped). Returns the bytes it
  // took, or 0 when the row may go on past `text` and more of the file is to come (`!at_end`).
  // A file with no header row is fatal.
  Expected<std::size_t, Diagnostics> header(std::string_view text, bool at_end);

  // The rows of `text`, which starts on line `first_line` of the file, into `out` (replacing
  // its records, whose storage is reused). Without
  // `at_end` a last row that may go on past `text` is left for the next block. Returns the bytes
  // taken (every whole row).
  std::size_t rows(std::string_view text, uint32_t first_line, bool at_end, std::vector<model::Record>& out);

  // After header(): read only the fields in `read` (per slot); the others stay unknown and
  // unchecked (streaming reads what the policy reads).
  void read_only(const std::vector<bool>& read);

  // The line of `offset` in the text last given to header() or rows().
  uint32_t line_at(std::size_t offset);

  // A row longer than kMaxRecordBytes (data/load.hpp) was met: it is reported, and the file is
  // read no further (rows() takes nothing more).
  bool stopped() const { return stopped_; }

  std::vector<model::Record>& records() { return set_.records; }
  // A whole file's record set: records, origins, model names indexed, diagnostics.
  model::RecordSet finish_whole();
  // A streamed file's diagnostics (model names are not indexed).
  Diagnostics finish_stream();
  // The origins of each field (RecordSet::FieldOrigin), known once the header is read.
  const std::vector<model::RecordSet::FieldOrigin>& origins() const { return set_.origins; }
  const model::RecordSet& loaded() const { return set_; }

  struct Column {
    std::string name;
    int32_t slot = -1;  // -1: not a field of the schema
    model::ColumnRole role = model::ColumnRole::Value;
    // In a long table, the fields with a `where` that read this column too, and what it gives them.
    std::vector<std::pair<int32_t, model::ColumnRole>> also;
  };
  // The cells of one row that give a field's bounds, and whether any of the field's cells could
  // not be read (then the field is unknown, whatever its other cells say).
  struct RowBounds {
    model::Value low, high;
    std::size_t low_cell = 0, high_cell = 0;  // where each bound was, for messages
    bool failed = false;
  };

 private:
  // `missing-model-name` for a row whose cell of the model's name is blank.
  void warn_if_no_name(const CsvReader& reader, const model::Record& record);
  // After the header: the columns the `where`s read, and the fields that read a column besides
  // the one it maps to.
  void select_rows();
  // Cell `i` of the current row (`text`: the block) into the slot's value or bound.
  void read_cell(const CsvReader& reader, std::string_view text, std::size_t i, std::size_t slot, model::ColumnRole role,
                 model::Record& record);

  std::shared_ptr<const model::Schema> schema_;
  SourceText source_;
  Reporter reporter_;
  model::RecordSet set_;
  std::vector<Column> columns_;
  std::vector<std::array<int32_t, 3>> column_of_;  // per slot and role: the column, or -1
  std::vector<std::size_t> bounded_;               // slots with a bound column
  std::vector<RowBounds> bounds_;
  CsvRow row_;
  std::string scratch_;
  // After read_only(): the slots a record's value can be written to; a reused record resets only
  // these (the others stay unknown).
  std::vector<int32_t> written_;
  bool read_only_ = false;
  std::string repaired_;  // a cell's text with U+FFFD for its NUL and invalid bytes
  std::size_t name_column_ = SIZE_MAX;  // the column of the model's name (the key field), if any
  // A long table's `where`s (data/long_table.hpp): the CSV column of each column they read
  // (SIZE_MAX: not in the file), and the current row's cells there.
  RowSelector selector_;
  std::vector<std::size_t> filter_column_;
  std::vector<std::optional<std::string_view>> filter_cells_;
  std::vector<std::string> filter_text_;
  bool stopped_ = false;
};

}  // namespace scalepol::data
