// The batch evaluator: the compiled policy's nodes (compiled.hpp) evaluated over a batch of
// records at once, reading the records' columns (columns.hpp). Each node runs once per batch as
// a tight loop over its lanes, so the cost of dispatching a node, looking up a rule's memo or
// reading a record's row is paid once per batch of records instead of once per record, and the
// loops over dense arrays are what the compiler vectorises. This is how column stores execute
// queries; it is what brings evaluate_table near a hand-written loop (docs/performance.md).
//
// The verdicts are the scalar evaluator's (CompiledRun), lane for lane:
// tests/unit/eval/batch_test.cpp holds the two to the same cells on every policy of the
// repository over Epoch AI's data and over random records. Where the two could differ, the batch
// evaluator is not used (batch_supported): `@` references, which read other records, and a work
// limit small enough to be reached (each rule is computed at most once per record and reading,
// so a limit at least the number of rules is never reached).
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "eval/columns.hpp"
#include "eval/compiled.hpp"
#include "scalepol/report.hpp"

namespace scalepol::eval {

// The columns the batch evaluator needs for `cp`: every field its rules read, and for each
// whether only its states are read (`field is known`).
std::vector<ColumnRequest> batch_columns(const CompiledPolicy& cp);

// Whether BatchRun gives `cp`'s verdicts over records with these columns exactly as CompiledRun
// would with this work limit.
bool batch_supported(const CompiledPolicy& cp, const Columns& columns, std::size_t step_limit);

class BatchRun {
 public:
  static constexpr std::size_t kLanes = 256;  // records per batch at most: a node's lanes stay in L1/L2

  // `max_records`: the most records one call of evaluate() will be given. A run over a few
  // records gets batches of that size, so its scratch memory (allocated and cleared here) is
  // a few KB rather than the ~1 MB of a full batch: a host evaluating one record at a time
  // pays for one lane.
  BatchRun(const CompiledPolicy& cp, const Columns& columns, int32_t as_of, std::size_t max_records = kLanes);
  ~BatchRun();
  BatchRun(const BatchRun&) = delete;
  BatchRun& operator=(const BatchRun&) = delete;

  // Records per batch: kLanes, or fewer for a policy so large (or with so many readings) that
  // a batch's scratch memory would pass a few MB, and never more than `max_records`.
  std::size_t lanes() const;
  // lanes() for a `max_records` of kLanes: what a larger run could have.
  static std::size_t max_lanes(const CompiledPolicy& cp);

  // The verdicts of records [first, first + n), n <= lanes(): out[i * columns + k] for record
  // first + i and column k (evaluate_table's layout), folded over the readings as
  // CompiledRun::evaluate folds them.
  void evaluate(std::size_t first, std::size_t n, VerdictCell* out);
  // The same as the scalar evaluator's cells (CompiledRun::evaluate): with `shown` and the
  // dimensions a verdict depends on, for reports.
  void evaluate(std::size_t first, std::size_t n, Cell* out);

  // The columns were made again (the next block of a streamed file): what was learnt about
  // their texts no longer holds.
  void columns_changed();

  struct State;

 private:
  std::unique_ptr<State> s_;
};

}  // namespace scalepol::eval
