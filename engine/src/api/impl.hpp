// What the public handles hold. Only the api/ layer and tests see these.
#pragma once

#include <memory>

#include "check/program.hpp"
#include "eval/columns.hpp"
#include "eval/compiled.hpp"
#include "eval/record.hpp"
#include "scalepol/policy.hpp"
#include "scalepol/records.hpp"

namespace scalepol {

struct Policy::Impl {
  std::unique_ptr<check::Program> program;
  std::shared_ptr<const eval::Schema> schema;
  Diagnostics warnings;
  Limits limits;  // those compiled with, for evaluation's work limit
  // The program compiled for fast evaluation (evaluate_table, run_jsonl), made with the policy.
  std::unique_ptr<const eval::CompiledPolicy> compiled;
};

struct Records::Impl {
  eval::RecordSet set;
  // The fields the loading policy's rules read, column by column (eval/columns.hpp), for
  // evaluate_table's batch evaluator; made with the records.
  eval::Columns columns;
};

// Fill `impl.columns` for the fields `policy`'s rules read.
void attach_columns(Records::Impl& impl, const Policy& policy);

}  // namespace scalepol
