// A long table: one row per model and benchmark (Epoch AI's benchmark runs: `task`, `model`,
// `Best score (across scorers)`), where a policy's fields say which rows give them with
// `where "task" is "GPQA diamond"`. Several fields then read one column, each from its own rows.
//
// Before a row's cells are read, RowSelector decides which fields the row gives: those with no
// `where`, and those whose `where` it meets. A loader reads a column for each of them that
// names it (not only for the first), and join_rows finally makes one record per model.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/reporter.hpp"
#include "data/source_text.hpp"
#include "model/record.hpp"

namespace scalepol::data {

class RowSelector {
 public:
  explicit RowSelector(const model::Schema& schema);
  bool active() const { return !filtered_.empty(); }
  // The columns (JSON: keys) the `where`s read, each once: a loader gives their cells per row.
  const std::vector<std::string>& columns() const { return columns_; }
  // Before a row's cells are read: `cells[i]` is its text in columns()[i] (nullopt: it has none).
  void begin_row(const std::vector<std::optional<std::string_view>>& cells);
  // Whether the row gives the field: it has no `where`, or the row meets it.
  bool takes(std::size_t slot) const { return slot >= meets_.size() || meets_[slot]; }
  // At the end of a whole load: a field whose `where` no row met has no origin (column-not-found
  // says why), and the values the rows had instead are kept for a "did you mean"
  // (RecordSet::where_values).
  void finish(model::RecordSet& set) const;

 private:
  std::vector<std::string> columns_;
  std::vector<std::vector<std::pair<std::size_t, std::string>>> filters_;  // per slot: (column, value)
  std::vector<std::size_t> filtered_;
  std::vector<unsigned char> meets_, matched_;  // per slot: this row meets it; some row has
  std::vector<std::vector<std::string>> seen_;
};

// The (slot, role) pairs of the fields with a `where` that read `column` besides `first`, the
// slot a loader maps it to (-1: none): in a long table, several fields read one column, each
// in its own rows.
std::vector<std::pair<int32_t, model::ColumnRole>> also_read_by(const model::Schema& schema, std::string_view column,
                                                                int32_t first, model::ColumnRole first_role);

// Joins the records of `set` that name the same model (by the schema's key field) into the
// first of them, in the order models first appear. A field takes the value of the rows that give
// it. Rows that give one model different values of a field are a `conflicting-rows` warning: a
// quantity is read as the range of their values, with no point estimate (any of them may be the
// one meant), anything else as unknown. Records with no model name are kept as they are.
// The lines of the rows joined into another are kept in `set.joined_lines`.
void join_rows(model::RecordSet& set, Reporter& reporter, SourceText& source);

}  // namespace scalepol::data
