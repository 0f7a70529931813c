// Explanations: the trace behind every verdict of one model. For each rule, what decided it (the
// tests of its condition, or a tier's bounds), how far each test is from turning, every value it
// read with its unit and where it came from (a record's column, a definition, an assumption, a
// default of the standard library), and the policy text it encodes. `scalepol explain` prints
// one; docs/json-output.md documents its JSON.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "scalepol/diagnostic.hpp"
#include "scalepol/expected.hpp"
#include "scalepol/export.hpp"
#include "scalepol/options.hpp"
#include "scalepol/report.hpp"

namespace scalepol {

class Policy;
class Records;

// Where a value in a trace comes from.
enum class ValueOrigin {
  Record,          // a field of the model's record, or of the model a reference names
  Definition,      // a `define` or an `effective_compute` of the policy
  Default,         // a definition the standard library supplies (std.progress's ho2024_halving)
  Assumption,      // an `assume` item, under the reading the explanation shows
  Computed,        // a builtin's result: progress(…), time_since(…)
  EvaluationDate,  // `as_of`
  Rule,            // another rule's verdict: a tier ladder, a trigger, an exemption
};

// "record", "definition", "default", "assumption", "computed", "evaluation date", "rule"
SCALEPOL_API const char* value_origin_name(ValueOrigin o);

struct TracedValue {
  std::string name;      // as the policy writes it: training_compute, ec, ec@last_assessed
  std::string value;     // with its unit, and its range when it has one; "unknown"
  ValueOrigin origin = ValueOrigin::Record;
  // Record: the column (CSV) or key (JSON) it was read from, and the model it belongs to when
  // that is not the explained one. Otherwise the text that defines it (`define x = …`).
  std::string source;
  std::string location;  // where: "models.csv:124" (the record's line), "policy.policy:12"
  std::string note;      // how a range was made, or the quote a default carries; "" when none
  // The number behind `value`, in its dimension's base unit, when there is one.
  bool numeric = false;
  double x = 0, low = 0, high = 0;
  std::string unit;      // "FLOP", "days", "x", "pp", …; "" for a plain number
};

// One test in a condition: a comparison, a check of a field, another rule; or a tier's bound.
struct TraceStep {
  std::string test;    // "training_compute > 1e25 FLOP"
  std::string result;  // "true", "false", "possible" (a range straddles the line), "unknown"
  std::string margin;  // how far from the line: "2.1e25 FLOP is 2.1x over 1e25 FLOP"; "" when none
  std::string flip;    // the smallest change that turns the result:
                       // "false at 1e25 FLOP or less: 2.1x less training_compute"; "" when none
};

struct VerdictTrace {
  Verdict verdict;                  // as `Policy::evaluate` gives it
  std::string condition;            // what decides the verdict, as the policy writes it
  std::vector<TraceStep> steps;     // the tests of the condition, in order
  std::vector<TracedValue> values;  // every value the condition reads, each once, in order of use
};

struct Explanation {
  std::string policy;   // the policy's name
  std::string title;
  std::string as_of;    // the evaluation date, or ""
  std::string model;
  std::string data;     // the data file the record is from
  uint32_t line = 0;    // the record's line in it
  // A long table's record, joined from several rows (`where`): the lines of its rows, `line`
  // first. Empty for a record of one row.
  std::vector<uint32_t> rows;
  // With `assume` items: the reading the traced values are computed under (the first), as
  // `name = value` pairs joined by ", "; "" when the policy has no assumptions that vary. Each
  // verdict's `readings` still gives its value under every reading.
  std::string reading;
  std::size_t readings = 1;  // how many readings the verdicts were evaluated under
  std::vector<VerdictTrace> verdicts;  // one per verdict of the model, in the report's order
};

// The explanation of the record of `model` (its key field, as the data writes it). An unknown
// model name is an `unknown-model` error whose help suggests the closest name in the data; a
// name that several records carry (a long table: one row per model and benchmark) is an
// `ambiguous-model` error listing their lines, for explain_line; a bad `as_of` is `invalid-date`.
SCALEPOL_API Expected<Explanation, Diagnostics> explain(const Policy& policy, const Records& records, const std::string& model,
                                                        const EvalOptions& options = {});
// The explanation of the record that starts on `line` of the data file (as diagnostics and
// Explanation::line count, from 1). No record there is an `unknown-model` error.
SCALEPOL_API Expected<Explanation, Diagnostics> explain_line(const Policy& policy, const Records& records, uint32_t line,
                                                             const EvalOptions& options = {});

struct ExplainTextOptions {
  bool color = false;
};

// For a person: a heading, then one block per verdict (condition, tests with margins, values
// with their sources, the quote).
SCALEPOL_API std::string render_explanation_text(const Explanation& explanation, const ExplainTextOptions& options = {});
// {"policy", "title", "as_of", "model", "data", "line", "reading", "verdicts": [...]}, as
// documented in docs/json-output.md.
SCALEPOL_API std::string render_explanation_json(const Explanation& explanation);

}  // namespace scalepol
