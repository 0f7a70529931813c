// The interpreter: evaluates a checked program's rules for one record at a time. Names were
// resolved by the checker into slots and table indices, so nothing here looks a name up.
// An Evaluator is cheap, holds per-run caches, and is used by one thread; the Program and the
// RecordSet it reads are shared and never written.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "check/program.hpp"
#include "eval/interval_ops.hpp"
#include "eval/model_names.hpp"

namespace scalepol::eval {

constexpr int32_t kNoDate = std::numeric_limits<int32_t>::min();

class Evaluator {
 public:
  Evaluator(const check::Program& program, const RecordSet& records, int32_t as_of = kNoDate);

  // One kind of rule's values in a frame, each computed at most once. A model's own frame has a
  // slot for every rule (its verdicts read most of them); a frame for a model read through `@`
  // keeps only the rules read there, so that making one costs nothing however many rules the
  // policy has: every `x@r` evaluated makes one, and 10,000 of them over 10,000 triggers were
  // 10^8 slots. References to a slot stay valid while others are added (a rule's value is
  // computed while the rules it reads are memoised).
  class Memo {
   public:
    void dense(std::size_t n) {
      is_dense_ = true;
      sparse_.clear();
      slots_.assign(n, std::nullopt);
    }
    void sparse() {
      is_dense_ = false;
      slots_.clear();
      sparse_.clear();
    }
    std::optional<Value>& operator[](std::size_t i) { return is_dense_ ? slots_[i] : sparse_[i]; }

   private:
    bool is_dense_ = true;
    std::vector<std::optional<Value>> slots_;
    std::unordered_map<std::size_t, std::optional<Value>> sparse_;
  };

  // Per-record memo of the rules' values, so each rule is evaluated once per record.
  struct Frame {
    const Record* record = nullptr;
    Memo defines, ecs, ladders, triggers, exemptions;
    int depth = 0;  // how many `@` hops led here
  };
  Frame frame(const Record& record, int depth = 0);
  // The same, reusing `f`'s memory: a run over many records allocates its memo once.
  void reset(Frame& f, const Record& record);

  Value eval(const ast::Expr& e, Frame& f);
  Value define(int32_t i, Frame& f);
  Value effective_compute(int32_t i, Frame& f);
  Value ladder(int32_t i, Frame& f);         // a Tier value (before nothing else: escalations applied)
  Value ladder_base(int32_t i, Frame& f);    // the tier from the axis alone, before escalations
  TierState ladder_state(int32_t i, Frame& f);  // the same, as interval_ops.hpp's escalate takes it
  Value trigger(int32_t i, Frame& f);
  Value exemption(int32_t i, Frame& f);

  // Every obligation a rule can impose, with what imposes it (obligations.cpp).
  struct ObligationSite {
    const ast::Obligation* decl = nullptr;
    int32_t kind = -1;                 // index into Program::obligation_kinds
    int32_t ladder = -1, tier = -1;    // imposed by being in this tier, or
    int32_t trigger = -1;              // by this trigger firing
    std::string rule;                  // "gpai_tier.systemic_risk.notify", "capability_evaluation.evaluate"
  };
  const std::vector<ObligationSite>& obligation_sites() const { return sites_; }
  // Whether the site's rule imposes it on the record (before exemptions).
  Value obligation_applies(const ObligationSite& s, Frame& f);
  // Whether an exemption lifts it; `by` gets the exemptions that definitely apply.
  Value obligation_exempt(const ObligationSite& s, Frame& f, std::vector<int32_t>* by = nullptr);
  // applies and not exempt.
  Value obligation_incurred(const ObligationSite& s, Frame& f);
  // Whether any obligation of this kind is incurred (`obligations contains license`).
  Value obligation_kind(int32_t kind, Frame& f);

  // The tier a point falls in, or -1.
  int32_t tier_of(int32_t ladder, double x) const;
  // policy_lines (describe.hpp) of the program, worked out on first use and kept: explanations
  // and verdicts' reasons print values against them, model after model.
  const std::vector<double>& lines();
  // The record a reference points to from `f`'s record, or null.
  const Record* referenced(int32_t reference, const Frame& f);

  // The record fields a rule's expression reads that are unknown for `f`'s record: what an
  // unknown verdict rests on. Follows definitions and rules it reads.
  // A rule read from many places is followed once (again only with more budget than before),
  // so that definitions that share their parts (`d2 = d1 + d1`, `d1 = d0 + d0`, …) cost their
  // number, not 2^n; a name is looked up in a set, not in `out`.
  void missing_fields(const ast::Expr& e, Frame& f, std::vector<std::string>& out, int budget = 64);

  // The values the assumptions take in the reading being evaluated (one per assumption; the
  // entries of derived assumptions, `x = expr`, are unused). Empty: no assumptions.
  void set_reading(const std::vector<Value>* reading) { reading_ = reading; }

  // At most this many expression nodes are evaluated per record (and reading); past it every
  // further value is unknown. A top-level frame (frame(), reset()) starts the count again.
  void set_step_limit(std::size_t limit) { step_limit_ = limit; }
  bool exhausted() const { return steps_ > step_limit_; }
  std::size_t step_limit() const { return step_limit_; }

  const check::Program& program() const { return p_; }
  const RecordSet& records() const { return rs_; }

  // expr_text(e) (describe.hpp), made once per expression: every record's verdicts quote the
  // same conditions and axes, and printing them again for each record would take a tenth of a
  // Report's time on a fuzzed CSV file. The reference lives as long as the Evaluator.
  const std::string& text_of(const ast::Expr& e);

 private:
  Value compare(ast::Op op, const Value& a, const Value& b) const;
  Value arith(ast::Op op, const Value& a, const Value& b) const;
  Value call(const ast::Expr& e, Frame& f);
  void collect_obligation_sites();
  struct MissingWalk;
  void missing_fields(const ast::Expr& e, Frame& f, MissingWalk& walk, int budget);

  const check::Program& p_;
  const RecordSet& rs_;
  int32_t as_of_;
  std::vector<std::optional<const Record*>> frontier_cache_;  // per reference
  std::vector<ObligationSite> sites_;
  const std::vector<Value>* reading_ = nullptr;
  std::size_t step_limit_ = 1'000'000;
  std::size_t steps_ = 0;
  std::unordered_map<const ast::Expr*, std::string> texts_;  // text_of's
  std::optional<std::vector<double>> lines_;                  // lines()
  Value assumption(int32_t i, Frame& f);
};

}  // namespace scalepol::eval
