// Records as the evaluator sees them: one Value per field of the policy's schema, in slot order,
// so that evaluation reads a field by index and never by name.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ast/types.hpp"
#include "model/value.hpp"
#include "scalepol/diagnostic.hpp"

namespace scalepol::check {
struct Program;
}

namespace scalepol::model {

// One field of the record schema, from a `field` declaration (or a benchmark, whose score is a
// field of the same name in pp).
struct FieldSpec {
  std::string name;
  ast::TypeKind kind = ast::TypeKind::Text;      // Bool, Quantity, Date or Text
  ast::Dim dim = ast::Dim::Number;               // Quantity only
  double scale = 1.0;                            // data value × scale = base-unit value
  std::string unit;                              // the unit as declared ("FLOP", "days"), for messages
  std::vector<std::string> columns;              // names the field has in data files, besides `name`
  bool key = false;                              // the field naming the model
  ast::DateOrder date_order = ast::DateOrder::Iso;  // Date only: how the data writes dates besides YYYY-MM-DD
  char date_separator = '-';
  // Columns giving the bounds of an estimate (`low "…"  high "…"`), read with the value into a
  // range; empty when the field declares none.
  std::vector<std::string> low_columns, high_columns;
  // In a long table, the rows that give the field (`where "task" is "GPQA diamond"`): only a row
  // whose cell in each filter's column is its value. Empty: every row.
  std::vector<ast::RowFilter> where;
};

// What a data column gives: a field's value, or one of its bounds.
enum class ColumnRole : unsigned char { Value, Low, High };

struct Schema {
  std::vector<FieldSpec> fields;
  int32_t key_slot = -1;  // the field naming each model (`key`), or -1
  // A field has a `where`: the data is a long table, whose rows are joined into one record per
  // model (data/long_table.hpp).
  bool long_table = false;

  // The slot of the field with this name, or -1.
  int32_t find(std::string_view name) const;
  // The slot a data column maps to: a field's own name or one of its `column` names; -1 if none.
  int32_t find_column(std::string_view column) const;
  // The same, bound columns included: the slot and what the column gives. A value column wins
  // over a bound column of the same name.
  int32_t find_column(std::string_view column, ColumnRole& role) const;
};

struct Record {
  std::vector<Value> values;  // one per schema field
  uint32_t line = 0;          // where the record starts in its file (1-based), for messages
};

struct RecordSet {
  std::shared_ptr<const Schema> schema;
  std::string source;                       // file name, for messages
  std::vector<Record> records;
  std::unordered_map<std::string, uint32_t> by_name;  // key field → index (first occurrence)
  // A long table's rows joined into the record of their model (data/long_table.hpp): (the row's
  // line, the record's index), in file order. The record keeps its first row's line.
  std::vector<std::pair<uint32_t, uint32_t>> joined_lines;
  // For a joined record, the lines of the rows a field's value came from, where that is not the
  // record's own line: key (record index << 32 | slot). Two lines for rows that disagreed.
  std::unordered_map<uint64_t, std::vector<uint32_t>> value_lines;
  const std::vector<uint32_t>* lines_of(uint32_t record, int32_t slot) const;
  // The lines of every row joined into the record, its own first; empty for a record of one row.
  std::vector<uint32_t> rows_of(uint32_t record) const;
  Diagnostics diagnostics;                  // problems that did not stop loading

  // Where each field's data came from, per slot, for explanations: the columns (CSV header
  // cells, or the JSON keys met) that gave its value, its lower and its upper bounds; empty when
  // the file had none.
  struct FieldOrigin {
    std::vector<std::string> value, low, high;
    std::vector<std::string>& of(ColumnRole role) {
      return role == ColumnRole::Low ? low : role == ColumnRole::High ? high : value;
    }
  };
  std::vector<FieldOrigin> origins;
  // The file's own names, for a "did you mean" when a field finds none of its names: a CSV's
  // header, or the keys that no field took in a JSON file's first records (at most 256).
  std::vector<std::string> names_in_file;
  // Per slot, for a field with a `where` that no row met: values its columns had instead (at most
  // 64), for a "did you mean". Empty otherwise.
  std::vector<std::vector<std::string>> where_values;
  const char* column_word = "column";  // what the file calls those names: "column" (CSV) or "key" (JSON)
  // Ranges made from the `confidence` field's label at load time (LoadOptions::confidence_ranges):
  // (record index, slot) pairs in increasing order; empty when the option was off.
  bool confidence_ranges = false;
  std::vector<std::pair<uint32_t, int32_t>> confidence_ranged;
  bool range_from_confidence(uint32_t record, int32_t slot) const;

  // The model's name (the key field's text), or "#<line>" when it has none.
  std::string model_name(const Record& r) const;
  // Fill by_name from the key field; report duplicate names as warnings.
  void index_names();
};

// The warning for a model named again on `line` (0: not known), after its first record on
// `first_line`, in `source`.
Diagnostic duplicate_model(std::string_view name, uint32_t first_line, uint32_t line, const std::string& source);

// The schema a program's fields describe, for the record loaders.
std::shared_ptr<Schema> build_schema(const check::Program& program);

}  // namespace scalepol::model
