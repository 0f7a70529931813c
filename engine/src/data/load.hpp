// Loading model records from CSV, JSON (an array of objects) and JSON Lines into the
// evaluator's record form, with precise diagnostics (file, line, column in code points, and the
// line's text for a caret).
//
// Fatal, returned as the error: the file cannot be read, it is not data in the format at all
// (a JSON array that is not well-formed JSON, a CSV without a header row), or its format cannot
// be told from its name. Everything else is kept in RecordSet::diagnostics and loading goes on:
// a value that cannot be read for its field's type is unknown, a ragged CSV row keeps the cells
// it has, a bad JSON Lines line is skipped, a CSV quote left open at the end of the file drops
// only the row it opened in.
//
// Diagnostic codes: io-error, unknown-data-format, malformed-csv, malformed-json,
// malformed-value, ragged-row, duplicate-key, duplicate-column, duplicate-model,
// no-matching-columns, missing-model-name, conflicting-rows (data/long_table.hpp);
// too-many-problems (the note after the first 100 of a file).
#pragma once

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "model/record.hpp"
#include "scalepol/diagnostic.hpp"
#include "scalepol/expected.hpp"
#include "scalepol/options.hpp"

namespace scalepol::data {

// The longest record a file may hold: a CSV row (which quoted line breaks may spread over several
// lines) or a JSON Lines line, line end not counted. Epoch AI's rows are at most a few KB (6,419
// bytes in the May 2025 export); a row that goes on for 16 MiB is a quote that is never closed or
// a file that is not records, and streaming would otherwise gather it whole however large. Past
// it a CSV file is read no further (`malformed-csv`) and a JSON Lines line is skipped
// (`malformed-json`), the same whether the file is read whole or streamed.
inline constexpr std::size_t kMaxRecordBytes = std::size_t{16} << 20;

// CSV with a header row; columns map to fields through Schema::find_column, others are ignored.
Expected<model::RecordSet, Diagnostics> load_csv(std::string_view text, const std::string& name,
                                                std::shared_ptr<const model::Schema> schema);

// JSON: an array of objects when the first non-space character is `[`, else JSON Lines (one
// object per line; blank lines allowed). Keys map to fields as CSV columns do.
Expected<model::RecordSet, Diagnostics> load_json(std::string_view text, const std::string& name,
                                                 std::shared_ptr<const model::Schema> schema);

// JSON Lines whatever the first character is (for a format named explicitly): a line `[1]` is
// then a line that is not a record, not the start of an array.
Expected<model::RecordSet, Diagnostics> load_json_lines(std::string_view text, const std::string& name,
                                                       std::shared_ptr<const model::Schema> schema);

// `-` names standard input, read once like a file (so pipes work); diagnostics call it `<stdin>`.
inline bool is_stdin(const std::string& path) { return path == "-"; }
inline std::string display_name(const std::string& path) { return is_stdin(path) ? "<stdin>" : path; }
// fopen(path, "rb"), or stdin for `-`. Close it with close_input, which leaves stdin open.
std::FILE* open_input(const std::string& path);
void close_input(std::FILE* file);

// The format of `path`: `format` unless Auto, else by extension (`unknown-data-format`; standard
// input has no extension, so its format must be named).
Expected<DataFormat, Diagnostics> resolve_format(const std::string& path, DataFormat format);

// `io-error`: "cannot read `path`: <the errno's message>".
Diagnostics io_error(const std::string& path, int error);

// A file; DataFormat::Auto picks the format by extension (.csv, .json, .jsonl, .ndjson).
Expected<model::RecordSet, Diagnostics> load_file(const std::string& path, DataFormat format,
                                                 std::shared_ptr<const model::Schema> schema);

}  // namespace scalepol::data
