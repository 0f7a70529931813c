// What the public handles hold. Only the api/ layer and tests see these.
#pragma once

#include <memory>

#include "check/program.hpp"
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
};

}  // namespace scalepol
