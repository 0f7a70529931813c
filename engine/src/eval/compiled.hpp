// The compiled evaluator: a checked program turned once into a flat array of nodes, each with
// the function that evaluates it, so that evaluating a record does no name lookup, no string
// work and no allocation. It computes verdicts as small numbers (a value index and a status),
// not their explanations: the interpreter (evaluator.hpp) stays the reference, gives the reasons
// and serves `explain`; tests/unit/eval/compiled_test.cpp checks the two agree.
//
// Why nodes with function pointers rather than a switch over the AST: each node knows its
// operands' slots and constants (units already folded into base units by the checker), and the
// common shapes get their own node (`field > constant`, a ladder over a field), which removes
// most of the calls a tree walk makes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "check/program.hpp"
#include "eval/model_names.hpp"
#include "eval/readings.hpp"
#include "scalepol/report.hpp"

namespace scalepol::eval {

// A value as the compiled evaluator carries it: plain data, copied freely. Text points into the
// record or the policy, which outlive the evaluation.
struct CValue {
  Value::Kind kind = Value::Kind::Unknown;
  bool boolean = false;
  bool possible = false;  // Unknown: undecided for a range's sake; Tier: the range reaches other tiers
  int32_t tier = -1;
  double x = 0, lo = 0, hi = 0;
  TierSet reach = 0;  // Tier: the tiers the range reaches
  const std::string* text = nullptr;
};

// A record's or a reading's value as the compiled evaluator carries it (its text stays in `v`).
inline CValue of_value(const Value& v) {
  CValue o;
  o.kind = v.kind;
  o.boolean = v.boolean;
  o.possible = v.possible;
  o.tier = v.tier;
  o.x = v.x;
  o.lo = v.lo;
  o.hi = v.hi;
  o.reach = v.reach;
  o.text = &v.text;
  return o;
}

// One rule's verdict as numbers. `value` indexes the rule's value names (-1: unknown);
// `shown` is false for an obligation not imposed on the record (it is then left out of reports).
struct Cell {
  int16_t value = -1;
  Status status = Status::Unknown;
  bool robust = true;
  bool shown = true;
  uint64_t depends = 0;  // not robust: bit d set when sweep dimension d changes the verdict
  bool limited = false;  // unknown because the record's evaluation stopped at the step limit
};

struct Column {
  std::string name;
  VerdictKind kind = VerdictKind::Tier;
  std::vector<std::string> values;  // ladders: tier names, then "no_tier"; others: "false", "true"
};

// What a node computes: the batch evaluator (batch.hpp) dispatches on it, the scalar one calls
// Node::fn. One kind per node function of compiled.cpp.
enum class NodeKind : unsigned char {
  Const, Field, Define, EffectiveCompute, Ladder, Trigger, Exemption, Assumption, AsOf, Unknown, At,
  Neg, Not, And, Or, Arith, Compare, CompareFieldConst, IsStatus, IsStatusField, ObligationKind,
  Contains, StartsWith, ContainsFieldConst, StartsWithFieldConst, TimeSince, Min, Max, Abs, Progress,
  Within,
};

struct CompiledRunCtx;  // one evaluation's state (compiled.cpp)

class CompiledPolicy {
 public:
  explicit CompiledPolicy(const check::Program& program);
  ~CompiledPolicy();

  const check::Program& program() const { return p_; }
  const std::vector<Column>& columns() const { return columns_; }
  const Readings& readings() const { return readings_; }
  bool uses_references() const { return uses_references_; }
  // Per record slot: whether evaluation reads it (the key field, for the model's name, included).
  const std::vector<bool>& fields_read() const { return fields_read_; }
  // Fields whose values the rules use (fields_read without those read only for a model's name).
  const std::vector<bool>& fields_evaluated() const { return fields_evaluated_; }
  // Fields a verdict depends on by name: what a tier ladder, escalation, trigger or exemption
  // reads, through the definitions, effective computes and assumptions it reads. A definition no
  // verdict reads does not count (std.model defines many). Fields read only implicitly (the
  // release date behind time_since) are left out.
  const std::vector<bool>& fields_behind_verdicts() const { return fields_behind_verdicts_; }
  // The same as a list of slots.
  const std::vector<int32_t>& slots_read() const { return slots_read_; }
  // The slots whose values the rules read (slots_read less the key field when it only names
  // the model): what a columnar copy of the records must hold (columns.hpp).
  const std::vector<int32_t>& slots_evaluated() const { return slots_evaluated_; }

  struct Node;
  using NodeFn = CValue (*)(const Node&, CompiledRunCtx&);
  // One node: the function that evaluates it, its kind, its operands and its checked type.
  struct Node {
    NodeFn fn = nullptr;
    NodeKind kind = NodeKind::Unknown;
    ast::TypeKind type = ast::TypeKind::Error;      // the expression's checked type
    int32_t a = -1, b = -1;  // operands: child nodes, slots or table indices, as the function says
    ast::Op op = ast::Op::Add;
    CValue k;                // a constant operand
    std::vector<int32_t> kids;
    std::vector<ast::Op> ops;
  };
  // An obligation and what imposes it: a tier of a ladder, or a trigger.
  struct Site {
    std::string rule;
    int32_t kind = -1;
    int32_t ladder = -1, tier = -1, trigger = -1;
  };
  const std::vector<Node>& nodes() const { return nodes_; }

  // The compiled form, read by the node functions (compiled.cpp); written only by the constructor.
  const check::Program& p_;
  std::vector<Node> nodes_;
  std::vector<Column> columns_;
  Readings readings_;
  bool uses_references_ = false;
  std::vector<bool> fields_read_;
  std::vector<bool> fields_behind_verdicts_;
  std::vector<int32_t> slots_read_;
  std::vector<bool> fields_evaluated_;
  std::vector<int32_t> slots_evaluated_;

  // Root node of each rule's expression (-1: none), and where each rule's memo lives.
  std::vector<int32_t> define_root_, trigger_root_, exemption_root_, assumption_root_;
  std::vector<int32_t> ec_base_, ec_multiplier_;  // -1: none
  std::vector<int32_t> ladder_axis_;
  std::vector<int32_t> escalation_when_;
  std::vector<Site> sites_;
  std::vector<std::vector<int32_t>> site_exemptions_;  // per site: the exemptions that can lift it
  std::vector<std::vector<int32_t>> kind_sites_;       // per obligation kind: its sites
  // Memo offsets: [defines | ecs | ladders | triggers | exemptions | assumptions].
  int32_t memo_ec_ = 0, memo_ladder_ = 0, memo_trigger_ = 0, memo_exemption_ = 0, memo_assumption_ = 0,
          memo_size_ = 0;
};

// One thread's evaluation state for a compiled policy over a record set: memo, reading, limits.
// Cheap to make; not shared between threads.
class CompiledRun {
 public:
  CompiledRun(const CompiledPolicy& policy, const RecordSet& records, int32_t as_of, std::size_t step_limit);
  ~CompiledRun();

  // Evaluate records of another set from now on (a streamed file's next block).
  void set_records(const RecordSet& records);

  // Ask the memory system for the values `record` will need, ahead of evaluating it: records in
  // memory are evaluated in order, and each is a block of its own.
  void prefetch(const Record& record) const {
    const Value* v = record.values.data();
    for (int32_t slot : cp_.slots_read()) __builtin_prefetch(v + slot);
  }

  // The verdicts of one record, one Cell per column, folded over every reading of the
  // assumptions (robust, or which dimensions the verdict depends on).
  void evaluate(const Record& record, Cell* out);

  using Ctx = CompiledRunCtx;

 private:
  void evaluate_reading(const Record& record, Cell* out);

  const CompiledPolicy& cp_;
  std::unique_ptr<Ctx> top_;
  std::vector<std::vector<CValue>> reading_values_;  // per reading: one per assumption
  std::vector<Cell> per_reading_;                     // readings × columns scratch
};

// One record's verdicts under every reading of the assumptions (`per_reading`: readings ×
// `columns` cells, reading by reading) folded into one Cell per column, as Sweep does
// (sweep.cpp): the verdict, robust or not, and which dimensions it depends on.
void fold_readings(const Readings& readings, const Cell* per_reading, std::size_t columns, Cell* out);

}  // namespace scalepol::eval
