// The JSON Lines report: one line per record, written as records are evaluated (run_jsonl).
//
//   {"model":"GPT-4","verdicts":{"gpai_tier":{"value":"systemic_risk","status":"definite"},…}}
//
// Every piece that does not depend on the record (a rule's key, its value names, the statuses)
// is escaped once, when the writer is made; a line is then a few appends.
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
  struct ColumnText {
    std::string key;                  // "rule":{"value":
    std::vector<std::string> values;  // "name", …, then "unknown"
  };
  std::vector<ColumnText> columns_;
  std::vector<std::string> dimensions_;
  std::unordered_map<uint64_t, std::string> depends_;  // dimension bits → ,"depends_on":[…]
};

}  // namespace scalepol::report
