// The CSV report: a header, then one row per record, written as records are evaluated (run_csv).
//
//   line,model,gpai_tier,gpai_tier_status,gpai_tier_robust,gpai_tier_depends_on,…
//   2,GPT-4,systemic_risk,definite,true,
//
// `line` is the record's line in the input (a CSV row's first line, a JSON Lines line, the line
// of a JSON array's element), so a row joins back to the row it was read from, whatever the model
// names. Then four columns per rule, in the order of the JSON Lines report: the value, its
// status, whether it is the same under every reading of the policy's assumptions, and if not the
// assumptions it depends on (`;`-separated). An obligation not imposed on a record is `false`,
// `definite`. Cells are quoted as RFC 4180 says, only when they must be (a comma, a quote, a line
// break); each rule's cells are quoted once, when the writer is made.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eval/compiled.hpp"

namespace scalepol::report {

// A cell as RFC 4180 writes it: in double quotes (inner ones doubled) when it holds a comma, a
// double quote, a carriage return or a line feed; as is otherwise.
void append_csv_cell(std::string& out, std::string_view text);

class CsvReportWriter {
 public:
  // `dimensions`: the names of the interpretation sweep's assumptions, for `_depends_on`.
  CsvReportWriter(const std::vector<eval::Column>& columns, std::vector<std::string> dimensions);

  // The header line, newline included.
  void append_header(std::string& out) const;
  // One record's row, newline included: its input line, its name, and its cells, one per column.
  void append(std::string& out, uint32_t line, std::string_view model, const eval::Cell* cells);

 private:
  const std::string& depends_text(uint64_t depends);

  struct ColumnText {
    std::string name;
    // Per value (the column's values, then "unknown") and status (3): `,value,status,`.
    std::vector<std::string> cells;
  };
  std::vector<ColumnText> columns_;
  std::vector<std::string> dimensions_;
  std::unordered_map<uint64_t, std::string> depends_;  // dimension bits → the quoted list
};

}  // namespace scalepol::report
