// The plain options the engine's functions take: limits on a policy, the evaluation date, how to
// read a data file. No handle classes here, so every part of the engine may name them.
#pragma once

#include <cstddef>
#include <string>

namespace scalepol {

// Limits that keep a policy from a stranger from exhausting the host.
struct Limits {
  // Per file. ANTLR holds roughly 100-300 bytes of heap per byte of source while it parses, so
  // 1 MiB (far above any real policy) keeps a hostile file under a few hundred MB.
  std::size_t max_source_bytes = 1u << 20;
  std::size_t max_nesting = 200;             // brackets, unary operators and `@`, per file
  // Expression levels along a chain of rules that read each other (`define d2 = d1 + 1`,
  // `define d1 = d0 + 1`, …), counted through every definition, effective compute, tier ladder,
  // trigger, exemption and derived assumption on the way: how deep evaluation recurses. The
  // default fits the stack docs/embedding.md asks of a host thread.
  std::size_t max_rule_depth = 500;
  std::size_t max_diagnostics = 200;         // further diagnostics are dropped, with a note
  std::size_t max_import_depth = 16;
  // Evaluation steps (expression nodes visited) per record and reading; past it the record's
  // remaining verdicts are unknown, with the reason. Policies are finite, but `@` references
  // re-evaluate rules for other records, and a stranger can nest them to cost 2^n.
  std::size_t max_eval_steps_per_record = 1'000'000;
};

// How to evaluate (Policy::evaluate, explain, diff, run_jsonl).
struct EvalOptions {
  std::string as_of;  // YYYY-MM-DD: the date `time_since` and `as_of` measure to; "" = unset
};

enum class DataFormat { Auto, Csv, Json, JsonLines };

struct LoadOptions {
  DataFormat format = DataFormat::Auto;  // Auto: by extension (.csv, .json, .jsonl/.ndjson)
  // Read Epoch AI's `Confidence` labels as ranges: an exact compute figure (a field in FLOP) of a
  // record labelled Confident, Likely or Speculative becomes figure / f … figure × f, with f 3, 10
  // and 30 (docs/uncertainty-confidence.md says where these come from and what is unverified).
  // Needs a text field `confidence` (std.model has it); loading fails without one.
  bool confidence_ranges = false;
};

}  // namespace scalepol
