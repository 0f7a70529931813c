// CSV → records: the header row maps columns to schema slots, then each row becomes a record.
#include <fmt/format.h>

#include <array>
#include <vector>

#include "data/csv_reader.hpp"
#include "syntax/utf8.hpp"
#include "data/load.hpp"
#include "data/loader_common.hpp"

namespace scalepol::data {

namespace {

Diagnostic unterminated_quote(SourceText& source, const CsvRow& row) {
  Diagnostic d = make_diagnostic(Severity::Error, "malformed-csv", "quoted cell is never closed",
                                 source.locate(row.open_quote, row.open_quote + 1));
  const uint32_t last = source.line_of(source.text().size());
  d.notes.push_back(fmt::format("everything from here to the end of the file (line {}) is inside the quotes", last));
  d.help = "close the quote, or double a quote that is part of the text (`\"\"`)";
  return d;
}

struct Column {
  std::string name;
  int32_t slot = -1;  // -1: not a field of the schema
  eval::ColumnRole role = eval::ColumnRole::Value;
};

// "field `x`", "the lower bound of field `x`", "the upper bound of field `x`".
std::string what_column_gives(const eval::FieldSpec& field, eval::ColumnRole role) {
  switch (role) {
    case eval::ColumnRole::Low: return fmt::format("the lower bound of field `{}`", field.name);
    case eval::ColumnRole::High: return fmt::format("the upper bound of field `{}`", field.name);
    default: return fmt::format("field `{}`", field.name);
  }
}

// The header row: one Column per cell. Two columns for the same field (or the same bound of
// it): the first is used.
std::vector<Column> read_header(const CsvReader& reader, const CsvRow& row, const eval::Schema& schema,
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
              Severity::Warning, "duplicate-column",
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

void warn_if_nothing_maps(const std::vector<Column>& columns, const eval::Schema& schema, const CsvRow& header,
                          SourceText& source, Reporter& reporter) {
  if (schema.fields.empty()) return;
  for (const Column& c : columns)
    if (c.slot >= 0) return;
  if (!reporter.admit()) return;
  Diagnostic d = make_diagnostic(Severity::Warning, "no-matching-columns",
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

void report_ragged(const CsvRow& row, std::size_t header_cells, SourceText& source, Reporter& reporter) {
  if (!reporter.admit()) return;
  const std::size_t n = row.cells.size();
  // More cells: point at the first extra one. Fewer: at the end of the row, where they are missing.
  const bool more = n > header_cells;
  Location loc = more ? source.locate(row.cells[header_cells].start, row.end) : source.locate(row.end);
  Diagnostic d = make_diagnostic(Severity::Error, "ragged-row",
                                 fmt::format("row has {} cell{}, the header has {}", n, n == 1 ? "" : "s", header_cells),
                                 std::move(loc));
  d.notes.push_back(more ? "cells are matched to columns by position; the extra ones are ignored"
                         : "cells are matched to columns by position; the missing ones are unknown");
  reporter.add(std::move(d));
}

// The cells of one row that give a field's bounds, and whether any of the field's cells could
// not be read (then the field is unknown, whatever its other cells say).
struct RowBounds {
  eval::Value low, high;
  std::size_t low_cell = 0, high_cell = 0;  // where each bound was, for messages
  bool failed = false;
};

// Reads the bounds into the field's value: an estimate with its range. A problem makes the value
// unknown and is reported at the bound's cell.
void apply_bounds(const eval::FieldSpec& field, const RowBounds& b, const std::vector<Column>& columns,
                  const std::array<int32_t, 3>& column_of, const CsvRow& row, SourceText& source, Reporter& reporter,
                  eval::Value& value) {
  if (b.failed) {
    value = eval::Value::unknown();
    return;
  }
  if (b.low.is_unknown() && b.high.is_unknown()) return;
  EstimateParts parts;
  if (!value.is_unknown()) parts.value = value.x;
  if (!b.low.is_unknown()) parts.low = b.low.x;
  if (!b.high.is_unknown()) parts.high = b.high.x;
  const auto name = [&](int role) -> std::string_view {
    const int32_t c = column_of[static_cast<std::size_t>(role)];
    return c >= 0 ? std::string_view(columns[static_cast<std::size_t>(c)].name) : std::string_view(field.name);
  };
  const std::string label = fmt::format("field `{}`", field.name);
  if (std::string problem = combine_estimate(parts, label, {name(0), name(1), name(2)}, value); !problem.empty()) {
    value = eval::Value::unknown();
    if (!reporter.admit()) return;
    const CsvCell& cell = row.cells[b.low.is_unknown() ? b.high_cell : b.low_cell];
    Diagnostic d = make_diagnostic(Severity::Error, "malformed-value", std::move(problem),
                                   source.locate(cell.start, cell.end));
    d.notes.push_back("the value is read as unknown");
    reporter.add(std::move(d));
  }
}

}  // namespace

Expected<eval::RecordSet, Diagnostics> load_csv(std::string_view text, const std::string& name,
                                                std::shared_ptr<const eval::Schema> schema) {
  text = syntax::strip_bom(text);
  SourceText source(name, text);
  Reporter reporter(name);
  CsvReader reader(text);
  CsvRow row;

  if (!reader.next(row)) {
    Diagnostics fatal;
    Diagnostic d = make_diagnostic(Severity::Error, "malformed-csv",
                                   fmt::format("`{}` has no header row", excerpt(name, 200)), source.whole_file());
    d.notes.push_back("a CSV file of records starts with a row of column names");
    fatal.add(std::move(d));
    return Unexpected(std::move(fatal));
  }
  if (row.unterminated) {
    Diagnostics fatal;
    fatal.add(unterminated_quote(source, row));
    return Unexpected(std::move(fatal));
  }
  const std::vector<Column> columns = read_header(reader, row, *schema, source, reporter);
  warn_if_nothing_maps(columns, *schema, row, source, reporter);

  eval::RecordSet set;
  set.schema = schema;
  set.source = name;
  const std::size_t nfields = schema->fields.size();
  std::string scratch;

  // Where each field comes from, and the fields whose bounds this file gives.
  set.origins.resize(nfields);
  std::vector<std::array<int32_t, 3>> column_of(nfields, {-1, -1, -1});  // per slot and role
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const Column& c = columns[i];
    if (c.slot < 0) continue;
    auto& origin = set.origins[static_cast<std::size_t>(c.slot)];
    note_origin(c.role == eval::ColumnRole::Low ? origin.low : c.role == eval::ColumnRole::High ? origin.high : origin.value,
                c.name);
    column_of[static_cast<std::size_t>(c.slot)][static_cast<std::size_t>(c.role)] = static_cast<int32_t>(i);
  }
  std::vector<std::size_t> bounded;  // slots with a bound column
  for (std::size_t slot = 0; slot < nfields; ++slot)
    if (column_of[slot][1] >= 0 || column_of[slot][2] >= 0) bounded.push_back(slot);
  std::vector<RowBounds> bounds(nfields);

  while (reader.next(row)) {
    if (row.unterminated) {  // only ever the last row
      if (reporter.admit()) reporter.add(unterminated_quote(source, row));
      break;
    }
    eval::Record record;
    record.line = source.line_of(row.start);
    record.values.resize(nfields);

    for (std::size_t slot : bounded) bounds[slot] = RowBounds{};
    const std::size_t shared = std::min(row.cells.size(), columns.size());
    for (std::size_t i = 0; i < shared; ++i) {
      const CsvCell& cell = row.cells[i];
      if (cell.stray_text && reporter.admit()) {
        const std::size_t at = CsvReader::stray_start(cell);
        Diagnostic d = make_diagnostic(Severity::Warning, "malformed-csv", "text after the closing quote of a cell",
                                       source.locate(at, cell.end));
        d.notes.push_back(fmt::format("read as `{}`", excerpt(reader.text(cell, scratch))));
        d.help = "quote the whole cell, doubling the quotes inside it";
        reporter.add(std::move(d));
      }
      const int32_t slot = columns[i].slot;
      if (slot < 0) continue;
      const auto s = static_cast<std::size_t>(slot);
      const eval::FieldSpec& field = schema->fields[s];
      const std::string_view cell_text = reader.text(cell, scratch);
      RowBounds& b = bounds[s];
      eval::Value* into = &record.values[s];
      if (columns[i].role == eval::ColumnRole::Low) {
        into = &b.low;
        b.low_cell = i;
      } else if (columns[i].role == eval::ColumnRole::High) {
        into = &b.high;
        b.high_cell = i;
      }
      const ParseError error = parse_value(field, cell_text, *into);
      if (error != ParseError::None) {
        b.failed = true;
        if (reporter.admit())
          reporter.add(malformed_value(error, cell_text, field, "column", columns[i].name,
                                       source.locate(cell.start, cell.end)));
      }
    }
    for (std::size_t slot : bounded)
      apply_bounds(schema->fields[slot], bounds[slot], columns, column_of[slot], row, source, reporter,
                   record.values[slot]);
    if (row.cells.size() != columns.size()) report_ragged(row, columns.size(), source, reporter);
    set.records.push_back(std::move(record));
  }

  finish(set, reporter, source);
  return set;
}

}  // namespace scalepol::data
