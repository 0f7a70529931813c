// The JSON Lines report: one line per record, written as records are evaluated (run_jsonl).
//
//   {"model":"GPT-4","verdicts":{"gpai_tier":{"value":"systemic_risk","status":"definite"},…}}
//
// Every piece that does not depend on the record is escaped once, when the writer is made: each
// rule's whole verdict text for each value and status (`,"rule":{"value":"x","status":"definite"`),
// so that a line is the model's name and one copy per verdict, written straight into the buffer
// (the line's longest possible size is reserved once, not checked at every append).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eval/compiled.hpp"

namespace scalepol::report {

class JsonlWriter {
 public:
  // `dimensions`: the names of the interpretation sweep's assumptions, for "depends_on".
  JsonlWriter(const std::vector<eval::Column>& columns, std::vector<std::string> dimensions);

  // One record's line, newline included. `model` is the record's name, `cells` one per column.
  void append(std::string& out, std::string_view model, const eval::Cell* cells);

 private:
  // ,"depends_on":[…] for a set of dimensions (made on first use).
  const std::string& depends_text(uint64_t depends);

  struct ColumnText {
    // Per value (the column's values, then "unknown") and status (3):
    // ,"rule":{"value":"name","status":"definite"   — the leading comma is skipped for the first
    // verdict, the closing brace added after any depends_on.
    std::vector<std::string> verdicts;
    std::size_t longest = 0;
  };
  std::vector<ColumnText> columns_;
  std::size_t fixed_longest_ = 0;  // the longest a line's verdicts can be, depends_on aside
  std::vector<std::string> dimensions_;
  std::unordered_map<uint64_t, std::string> depends_;  // dimension bits → ,"depends_on":[…]
};

}  // namespace scalepol::report
