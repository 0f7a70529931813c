// What the public handles hold, and the one way in: detail::Access, the handles' friend. Only the
// api/ layer and tests see these; a host sees neither the data nor a constructor from it.
#pragma once

#include <memory>

#include "check/program.hpp"
#include "eval/columns.hpp"
#include "eval/compiled.hpp"
#include "model/record.hpp"
#include "scalepol/policy.hpp"
#include "scalepol/records.hpp"

namespace scalepol {

struct detail::PolicyData {
  std::unique_ptr<check::Program> program;
  std::shared_ptr<const model::Schema> schema;
  Diagnostics warnings;
  Limits limits;  // those compiled with, for evaluation's work limit
  // The program compiled for fast evaluation (evaluate_table, run_jsonl), made with the policy.
  std::unique_ptr<const eval::CompiledPolicy> compiled;
};

struct detail::RecordsData {
  model::RecordSet set;
  // The fields the loading policy's rules read, column by column (eval/columns.hpp), for
  // evaluate_table's batch evaluator; made with the records.
  eval::Columns columns;
};

struct detail::Access {
  static const PolicyData& of(const Policy& policy) { return *policy.data_; }
  static const RecordsData& of(const Records& records) { return *records.data_; }
  static Policy make(std::shared_ptr<const PolicyData> data) { return Policy(std::move(data)); }
  static Records make(std::shared_ptr<const RecordsData> data) { return Records(std::move(data)); }
};

// What `policy` or `records` holds.
inline const detail::PolicyData& internals(const Policy& policy) { return detail::Access::of(policy); }
inline const detail::RecordsData& internals(const Records& records) { return detail::Access::of(records); }

// Fill `data.columns` for the fields `policy`'s rules read.
void attach_columns(detail::RecordsData& data, const Policy& policy);

}  // namespace scalepol
