// CSV → records: the header row maps columns to schema slots, then each row becomes a record.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

#include "data/cell_encoding.hpp"
#include "data/csv_loader.hpp"
#include "data/csv_reader.hpp"
#include "data/load.hpp"
#include "data/loader_common.hpp"
#include "data/long_table.hpp"
#include "syntax/utf8.hpp"

namespace scalepol::data {

using Column = CsvLoader::Column;
using RowBounds = CsvLoader::RowBounds;

namespace {

Diagnostic unterminated_quote(SourceText& source, const CsvRow& row) {
  Diagnostic d = make_diagnostic(Code::MalformedCsv, "quoted cell is never closed",
                                 source.locate(row.open_quote, row.open_quote + 1));
  const uint32_t last = source.line_of(source.text().size());
  d.notes.push_back(fmt::format("everything from here to the end of the file (line {}) is inside the quotes", last));
  d.help = "close the quote, or double a quote that is part of the text (`\"\"`)";
  return d;
}

// "field `x`", "the lower bound of field `x`", "the upper bound of field `x`".
std::string what_column_gives(const model::FieldSpec& field, model::ColumnRole role) {
  switch (role) {
    case model::ColumnRole::Low: return fmt::format("the lower bound of field `{}`", field.name);
    case model::ColumnRole::High: return fmt::format("the upper bound of field `{}`", field.name);
    default: return fmt::format("field `{}`", field.name);
  }
}

// The header row: one Column per cell. Two columns for the same field (or the same bound of
// it): the first is used.
std::vector<Column> read_header(const CsvReader& reader, const CsvRow& row, const model::Schema& schema,
                                SourceText& source, Reporter& reporter) {
  std::vector<Column> columns;
  columns.reserve(row.cells.size());
  std::vector<int32_t> first_of_slot(schema.fields.size() * 3, -1);  // per slot and role
  std::string scratch;
  for (const CsvCell& cell : row.cells) {
    Column c;
    c.name = std::string(trim(reader.text(cell, scratch)));
    c.slot = schema.find_column(c.name, c.role);
    if (c.slot >= 0) {
      int32_t& first = first_of_slot[static_cast<std::size_t>(c.slot) * 3 + static_cast<std::size_t>(c.role)];
      if (first >= 0) {
        if (reporter.admit()) {
          Diagnostic d = make_diagnostic(
              Code::DuplicateColumn,
              fmt::format("columns `{}` and `{}` both give {}", excerpt(columns[first].name), excerpt(c.name),
                          what_column_gives(schema.fields[static_cast<std::size_t>(c.slot)], c.role)),
              source.locate(cell.start, cell.end));
          d.notes.push_back(fmt::format("the first one, `{}`, is used", excerpt(columns[first].name)));
          reporter.add(std::move(d));
        }
        c.slot = -1;
      } else {
        first = static_cast<int32_t>(columns.size());
      }
    }
    columns.push_back(std::move(c));
  }
  return columns;
}

void warn_if_nothing_maps(const std::vector<Column>& columns, const model::Schema& schema, const CsvRow& header,
                          SourceText& source, Reporter& reporter) {
  if (schema.fields.empty()) return;
  for (const Column& c : columns)
    if (c.slot >= 0) return;
  if (!reporter.admit()) return;
  Diagnostic d = make_diagnostic(Code::NoMatchingColumns,
                                 "no column of the header is a field of the schema",
                                 source.locate(header.start, header.end));
  d.notes.push_back("every value of every record is unknown");
  std::string names;
  for (std::size_t i = 0; i < schema.fields.size() && i < 6; ++i)
    names += fmt::format("{}`{}`", i ? ", " : "", schema.fields[i].name);
  d.help = fmt::format("the schema's fields are {}{}; a field's `column` names give it other headers", names,
                       schema.fields.size() > 6 ? ", …" : "");
  reporter.add(std::move(d));
}

// A schema with a key field and a header in which no column gives it (while others map: with
// none, no-matching-columns says more): every record would be named by its line, silently.
void warn_if_no_name_column(const std::vector<Column>& columns, const model::Schema& schema, const CsvRow& header,
                            SourceText& source, Reporter& reporter) {
  if (schema.key_slot < 0) return;
  bool any = false;
  for (const Column& c : columns) {
    if (c.slot == schema.key_slot && c.role == model::ColumnRole::Value) return;
    any = any || c.slot >= 0;
  }
  if (!any || !reporter.admit()) return;
  const model::FieldSpec& key = schema.fields[static_cast<std::size_t>(schema.key_slot)];
  Diagnostic d = make_diagnostic(Code::MissingModelName,
                                 fmt::format("no column of the header gives the model's name (field `{}`)", key.name),
                                 source.locate(header.start, header.end));
  d.notes.push_back("each record is named by its line instead, as `#2` for the record on line 2");
  d.help = fmt::format("name the column of model names {}", key_names(key));
  reporter.add(std::move(d));
}

// A row longer than kMaxRecordBytes: reported at its start; the file is read no further. What
// the note says is decided on the row's first kMaxRecordBytes + 1 bytes, all that streaming has
// of it, so that a file read whole gets the same diagnostic.
Diagnostic row_too_long(SourceText& source, const CsvRow& row) {
  Diagnostic d = make_diagnostic(Code::MalformedCsv,
                                 fmt::format("the row is longer than {} bytes (16 MiB)", kMaxRecordBytes),
                                 source.locate(row.start, row.start + 1));
  d.notes.push_back("the row and the rest of the file are not read");
  CsvReader head(source.text().substr(row.start, kMaxRecordBytes + 1));
  CsvRow first;
  if (head.next(first) && first.unterminated) {
    const Location quote = source.locate(row.start + first.open_quote);
    d.notes.push_back(fmt::format("the quote at {}:{} is not closed in the row's first 16 MiB: everything after it "
                                  "reads as one cell",
                                  quote.line, quote.column));
    d.help = "close the quote, or double a quote that is part of the text (`\"\"`)";
  } else {
    d.notes.push_back("a row this long is most often a file whose lines do not end in LF or CR LF, or one that is "
                      "not CSV");
  }
  return d;
}

void report_ragged(const CsvRow& row, std::size_t header_cells, SourceText& source, Reporter& reporter) {
  if (!reporter.admit()) return;
  const std::size_t n = row.cells.size();
  // More cells: point at the first extra one. Fewer: at the end of the row, where they are missing.
  const bool more = n > header_cells;
  Location loc = more ? source.locate(row.cells[header_cells].start, row.end) : source.locate(row.end);
  Diagnostic d = make_diagnostic(Code::RaggedRow,
                                 fmt::format("row has {} cell{}, the header has {}", n, n == 1 ? "" : "s", header_cells),
                                 std::move(loc));
  d.notes.push_back(more ? "cells are matched to columns by position; the extra ones are ignored"
                         : "cells are matched to columns by position; the missing ones are unknown");
  reporter.add(std::move(d));
}

// Reads the bounds into the field's value: an estimate with its range. A problem makes the value
// unknown and is reported at the bound's cell.
void apply_bounds(const model::FieldSpec& field, const RowBounds& b, const std::vector<Column>& columns,
                  const std::array<int32_t, 3>& column_of, const CsvRow& row, SourceText& source, Reporter& reporter,
                  model::Value& value) {
  if (b.failed) {
    value = model::Value::unknown();
    return;
  }
  if (b.low.is_unknown() && b.high.is_unknown()) return;
  EstimateParts parts;
  parts.non_negative = never_negative(field.dim);
  if (!value.is_unknown()) parts.value = value.x;
  if (!b.low.is_unknown()) parts.low = b.low.x;
  if (!b.high.is_unknown()) parts.high = b.high.x;
  const auto name = [&](int role) -> std::string_view {
    const int32_t c = column_of[static_cast<std::size_t>(role)];
    return c >= 0 ? std::string_view(columns[static_cast<std::size_t>(c)].name) : std::string_view(field.name);
  };
  const std::string label = fmt::format("field `{}`", field.name);
  if (std::string problem = combine_estimate(parts, label, {name(0), name(1), name(2)}, value); !problem.empty()) {
    if (!reporter.admit()) return;
    const CsvCell& cell = row.cells[b.low.is_unknown() ? b.high_cell : b.low_cell];
    Diagnostic d = make_diagnostic(Code::MalformedValue, std::move(problem),
                                   source.locate(cell.start, cell.end));
    d.notes.push_back(read_as(value));
    reporter.add(std::move(d));
  }
}

}  // namespace

CsvLoader::CsvLoader(const std::string& name, std::shared_ptr<const model::Schema> schema)
    : schema_(std::move(schema)), source_(name, {}), reporter_(name), selector_(*schema_) {
  set_.schema = schema_;
  set_.source = name;
}

namespace {

// A header row longer than this is refused: column names are short, and the bound keeps a file
// with no line end (or one whose lines end in CR alone) from being gathered whole when streamed.
constexpr std::size_t kMaxHeaderBytes = std::size_t{1} << 20;

// Where the header row has a carriage return outside quotes with no line feed after it, in a row
// that no line feed ends: a file
// whose lines end in CR alone (classic Mac OS, Excel's "CSV (Macintosh)"), which would otherwise
// read as one row of a header and no records. npos when there is none.
std::size_t bare_carriage_return(std::string_view text, const CsvRow& row) {
  // Only the row's first kMaxHeaderBytes: all that streaming sees of a longer one.
  const std::size_t stop = row.start + kMaxHeaderBytes;
  for (const CsvCell& cell : row.cells) {
    if (cell.quoted) continue;
    for (std::size_t i = cell.start; i < std::min(cell.end, stop); ++i)
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] != '\n') return i;
  }
  return std::string_view::npos;
}

Diagnostics cr_only_line_ends(SourceText& source, std::size_t cr) {
  Diagnostics fatal;
  Diagnostic d = make_diagnostic(Code::MalformedCsv,
                                 "the lines of this file end in a carriage return alone (CR, without LF)",
                                 source.locate(cr, cr + 1));
  d.notes.push_back("classic Mac OS and Excel's \"CSV (Macintosh)\" end lines so; scalepol reads lines that end in "
                    "LF or CR LF, and read as it is the whole file would be one header row and no records");
  d.help = "save the file as \"CSV UTF-8\", or convert its line ends: `tr '\\r' '\\n' < FILE > FILE-lf.csv`";
  fatal.add(std::move(d));
  return fatal;
}

}  // namespace

Expected<std::size_t, Diagnostics> CsvLoader::header(std::string_view text, bool at_end) {
  source_.rebase(text, 1);
  CsvReader reader(text);
  CsvRow row;
  if (!reader.next(row)) {
    if (!at_end) return 0;
    Diagnostics fatal;
    Diagnostic d = make_diagnostic(Code::MalformedCsv,
                                   fmt::format("`{}` has no header row", excerpt(set_.source, 200)), source_.whole_file());
    d.notes.push_back("a CSV file of records starts with a row of column names");
    fatal.add(std::move(d));
    return make_unexpected(std::move(fatal));
  }
  // The row may go on: it reaches the end of the block, or only a CR follows it there (the reader
  // takes a CR at the end of the text for a line end; with more text it may be part of a cell).
  const bool open_ended =
      row.unterminated || row.end == text.size() || (row.end + 1 == text.size() && text.back() == '\r');
  const bool over_bound = row.end - row.start > kMaxHeaderBytes;
  if (!at_end && open_ended && !over_bound) return 0;
  // Decided the same way whether the file is read whole or a block at a time: on the whole row, or
  // on its first kMaxHeaderBytes.
  if (const std::size_t cr = bare_carriage_return(text, row);
      cr != std::string_view::npos && !row.unterminated && (open_ended || over_bound))
    return make_unexpected(cr_only_line_ends(source_, cr));
  if (over_bound) {
    Diagnostics fatal;
    Diagnostic d = make_diagnostic(Code::MalformedCsv,
                                   fmt::format("the header row is longer than {} bytes", kMaxHeaderBytes),
                                   source_.locate(row.start, row.start + 1));
    d.notes.push_back("a header row names the columns; one this long is not a header of records");
    fatal.add(std::move(d));
    return make_unexpected(std::move(fatal));
  }
  if (row.unterminated) {
    Diagnostics fatal;
    fatal.add(unterminated_quote(source_, row));
    return make_unexpected(std::move(fatal));
  }
  columns_ = read_header(reader, row, *schema_, source_, reporter_);
  for (const Column& c : columns_) set_.names_in_file.push_back(c.name);
  warn_if_nothing_maps(columns_, *schema_, row, source_, reporter_);
  warn_if_no_name_column(columns_, *schema_, row, source_, reporter_);
  const std::size_t nfields = schema_->fields.size();

  // Where each field comes from, and the fields whose bounds this file gives.
  set_.origins.resize(nfields);
  column_of_.assign(nfields, {-1, -1, -1});
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    const Column& c = columns_[i];
    if (c.slot < 0) continue;
    auto& origin = set_.origins[static_cast<std::size_t>(c.slot)];
    note_origin(origin.of(c.role), c.name);
    column_of_[static_cast<std::size_t>(c.slot)][static_cast<std::size_t>(c.role)] = static_cast<int32_t>(i);
    if (c.slot == schema_->key_slot && c.role == model::ColumnRole::Value) name_column_ = i;
  }
  select_rows();
  for (std::size_t slot = 0; slot < nfields; ++slot)
    if (column_of_[slot][1] >= 0 || column_of_[slot][2] >= 0) bounded_.push_back(slot);
  bounds_.resize(nfields);
  return reader.position();
}

std::size_t CsvLoader::rows(std::string_view text, uint32_t first_line, bool at_end, std::vector<model::Record>& out) {
  source_.rebase(text, first_line);
  CsvReader reader(text);
  const std::size_t nfields = schema_->fields.size();
  std::size_t consumed = 0;
  std::size_t used = 0;  // records of `out` filled so far: the others' storage is reused
  for (;;) {
    if (stopped_) {
      consumed = text.size();
      break;
    }
    const std::size_t row_begin = reader.position();
    if (!reader.next(row_)) {
      // Only blank lines were left. A CR at the end of the block is left for the next one: the
      // reader skips it as a line end, but the text after it may make it part of a cell.
      consumed = !at_end && !text.empty() && text.back() == '\r' ? text.size() - 1 : text.size();
      break;
    }
    // A row too long to be a record ends the reading. Its bytes so far (row_.end: before the line
    // end, or where the block ends) are at most the whole row's, so a block decides as the whole
    // file does; a block that ends inside a row comes back larger, up to twice the limit.
    if (row_.end - row_.start > kMaxRecordBytes) {
      if (reporter_.admit()) reporter_.add(row_too_long(source_, row_));
      stopped_ = true;
      consumed = text.size();
      break;
    }
    // A row that reaches the end of the block without its line end may go on in the next one.
    // (A CR that ends the block may be part of a cell rather than a line end: see header().)
    if (!at_end && (row_.unterminated || row_.end == text.size() || (row_.end + 1 == text.size() && text.back() == '\r'))) {
      consumed = row_begin;
      break;
    }
    if (row_.unterminated) {  // only ever the last row of the file
      if (reporter_.admit()) reporter_.add(unterminated_quote(source_, row_));
      consumed = text.size();
      break;
    }
    if (used == out.size()) {
      out.emplace_back().values.resize(nfields);
    } else if (read_only_) {  // only the slots read_only() left can hold a value
      for (int32_t slot : written_) model::reset(out[used].values[static_cast<std::size_t>(slot)]);
    } else {
      for (model::Value& v : out[used].values) model::reset(v);
    }
    model::Record& record = out[used++];
    record.line = source_.line_of(row_.start);

    for (std::size_t slot : bounded_) bounds_[slot] = RowBounds{};
    if (selector_.active()) {
      for (std::size_t f = 0; f < filter_column_.size(); ++f) {
        const std::size_t c = filter_column_[f];
        filter_cells_[f] = c < row_.cells.size()
                               ? std::optional<std::string_view>(trim(reader.text(row_.cells[c], filter_text_[f])))
                               : std::nullopt;
      }
      selector_.begin_row(filter_cells_);
    }
    const std::size_t shared = std::min(row_.cells.size(), columns_.size());
    for (std::size_t i = 0; i < shared; ++i) {
      const CsvCell& cell = row_.cells[i];
      if (cell.stray_text && reporter_.admit()) {
        const std::size_t at = CsvReader::stray_start(cell);
        Diagnostic d = make_diagnostic(Severity::Warning, Code::MalformedCsv, "text after the closing quote of a cell",
                                       source_.locate(at, cell.end));
        d.notes.push_back(fmt::format("read as `{}`", excerpt(reader.text(cell, scratch_))));
        d.help = "quote the whole cell, doubling the quotes inside it";
        reporter_.add(std::move(d));
      }
      const Column& column = columns_[i];
      if (column.slot >= 0 && selector_.takes(static_cast<std::size_t>(column.slot)))
        read_cell(reader, text, i, static_cast<std::size_t>(column.slot), column.role, record);
      for (const auto& [slot, role] : column.also)
        if (selector_.takes(static_cast<std::size_t>(slot))) read_cell(reader, text, i, static_cast<std::size_t>(slot), role, record);
    }
    for (std::size_t slot : bounded_)
      apply_bounds(schema_->fields[slot], bounds_[slot], columns_, column_of_[slot], row_, source_, reporter_,
                   record.values[slot]);
    if (row_.cells.size() != columns_.size()) report_ragged(row_, columns_.size(), source_, reporter_);
    warn_if_no_name(reader, record);
    consumed = reader.position();
  }
  out.resize(used);
  return consumed;
}

void CsvLoader::read_cell(const CsvReader& reader, std::string_view text, std::size_t i, std::size_t s,
                          model::ColumnRole role, model::Record& record) {
  const CsvCell& cell = row_.cells[i];
  const model::FieldSpec& field = schema_->fields[s];
  std::string_view cell_text = reader.text(cell, scratch_);
  // Only the cells of fields read are checked (streaming reads what the policy reads); the
  // raw bytes are searched, so the location is exact in a quoted cell too.
  std::optional<BadByte> bad = find_bad_byte(text.substr(cell.start, cell.end - cell.start));
  if (bad) {
    replace_bad_bytes(cell_text, repaired_);
    cell_text = repaired_;
  }
  RowBounds& b = bounds_[s];
  model::Value* into = &record.values[s];
  if (role == model::ColumnRole::Low) {
    into = &b.low;
    b.low_cell = i;
  } else if (role == model::ColumnRole::High) {
    into = &b.high;
    b.high_cell = i;
  }
  const ParseError error = parse_value(field, cell_text, *into);
  if (error != ParseError::None) b.failed = true;
  if (bad) {
    // One diagnostic for the cell: the bad byte, and what became of the value.
    if (reporter_.admit()) {
      const std::size_t at = cell.start + bad->offset;
      Diagnostic d = bad_byte_diagnostic(*bad, source_.locate(at, at + 1));
      d.notes.push_back(error == ParseError::None
                            ? fmt::format("{} is read as `{}`, with U+FFFD in place of each bad byte",
                                          field_label(field, "column", columns_[i].name), excerpt(trim(cell_text)))
                            : fmt::format("{} is read as unknown", field_label(field, "column", columns_[i].name)));
      reporter_.add(std::move(d));
    }
  } else if (error != ParseError::None) {
    if (reporter_.admit())
      reporter_.add(malformed_value(error, cell_text, field, "column", columns_[i].name,
                                    source_.locate(cell.start, cell.end)));
  }
}

void CsvLoader::warn_if_no_name(const CsvReader& reader, const model::Record& record) {
  // Only a cell that is there and blank: a cell that could not be read is reported already, and a
  // missing one by ragged-row.
  if (name_column_ >= row_.cells.size() || columns_[name_column_].slot < 0) return;
  const model::Value& name = record.values[static_cast<std::size_t>(schema_->key_slot)];
  if (name.kind == model::Value::Kind::Text && !name.text.empty()) return;
  const CsvCell& cell = row_.cells[name_column_];
  if (!trim(reader.text(cell, scratch_)).empty()) return;  // not blank, but unreadable: reported
  if (!reporter_.admit()) return;
  reporter_.add(missing_model_name(fmt::format("its cell in column `{}` is blank", excerpt(columns_[name_column_].name)),
                                   record.line, source_.locate(cell.start, cell.end)));
}

void CsvLoader::read_only(const std::vector<bool>& read) {
  for (Column& c : columns_)
    if (c.slot >= 0 && !read[static_cast<std::size_t>(c.slot)]) c.slot = -1;
  std::erase_if(bounded_, [&](std::size_t slot) { return !read[slot]; });
  written_.clear();
  for (std::size_t i = 0; i < read.size(); ++i)
    if (read[i]) written_.push_back(static_cast<int32_t>(i));
  read_only_ = true;
}

uint32_t CsvLoader::line_at(std::size_t offset) { return source_.line_of(offset); }

void CsvLoader::select_rows() {
  if (!selector_.active()) return;
  // A column several fields read (one per benchmark in a long table) is read for each of them.
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    Column& c = columns_[i];
    c.also = also_read_by(*schema_, c.name, c.slot, c.role);
    for (const auto& [slot, role] : c.also) {
      const auto s = static_cast<std::size_t>(slot);
      note_origin(set_.origins[s].of(role), c.name);
      int32_t& at = column_of_[s][static_cast<std::size_t>(role)];
      if (at < 0) at = static_cast<int32_t>(i);
    }
  }
  filter_column_.clear();
  for (const std::string& name : selector_.columns()) {
    const auto at = std::find_if(columns_.begin(), columns_.end(), [&](const Column& c) { return c.name == name; });
    filter_column_.push_back(at == columns_.end() ? SIZE_MAX : static_cast<std::size_t>(at - columns_.begin()));
  }
  filter_cells_.assign(filter_column_.size(), std::nullopt);
  filter_text_.assign(filter_column_.size(), {});
}

model::RecordSet CsvLoader::finish_whole() {
  selector_.finish(set_);
  if (schema_->long_table) join_rows(set_, reporter_, source_);
  finish(set_, reporter_, source_);
  return std::move(set_);
}

Diagnostics CsvLoader::finish_stream() { return reporter_.finish(); }

Expected<model::RecordSet, Diagnostics> load_csv(std::string_view text, const std::string& name,
                                                std::shared_ptr<const model::Schema> schema) {
  text = syntax::strip_bom(text);
  CsvLoader loader(name, std::move(schema));
  auto consumed = loader.header(text, true);
  if (!consumed) return make_unexpected(std::move(consumed.error()));
  const std::string_view rest = text.substr(*consumed);
  loader.rows(rest, loader.line_at(*consumed), true, loader.records());
  // rows() rebased the source onto `rest`: diagnostics that only know a line count from there.
  return loader.finish_whole();
}

}  // namespace scalepol::data
