// The result of evaluating a policy over records: for each model, one verdict per rule.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "scalepol/diagnostic.hpp"
#include "scalepol/expected.hpp"
#include "scalepol/export.hpp"

namespace scalepol {

class Policy;
class Records;

enum class VerdictKind { Tier, Trigger, Exemption, Obligation };
// One byte: a VerdictTable holds one per record and rule.
enum class Status : unsigned char { Definite, Possible, Unknown };

SCALEPOL_API const char* verdict_kind_name(VerdictKind k);  // "tier", "trigger", "exemption", "obligation"
SCALEPOL_API const char* status_name(Status s);             // "definite", "possible", "unknown"

// One rule's verdict for one record. `value` indexes the rule's value names
// (VerdictTable::Rule::values), or is -1 when the value is unknown.
struct VerdictCell {
  int16_t value = -1;
  Status status = Status::Unknown;
  // The interpretation sweep: false when the policy's readings (`assume`) disagree; the table
  // does not say which assumptions matter (the Report and run_jsonl do).
  bool robust = true;
};

// A verdict under one reading of the policy's assumptions (`assume`): which value each
// assumption took, and what the verdict was then.
struct Reading {
  std::vector<std::pair<std::string, std::string>> assumptions;  // name, value as written
  std::string value;
  Status status = Status::Definite;
};

struct Verdict {
  std::string rule;     // gpai_tier, capability_evaluation, gpai_tier.systemic_risk.notify
  VerdictKind kind = VerdictKind::Tier;
  std::string value;    // the tier's name, or "true" / "false"; "unknown" when status is unknown
  Status status = Status::Definite;
  std::string because;  // why, in one line: the condition and the values it saw
  std::vector<std::string> unknown_fields;  // the missing fields a non-definite verdict rests on
  // The evaluation-step limit (Limits::max_eval_steps_per_record) when it stopped this verdict's
  // record before the verdict was computed; 0 otherwise. `unknown_fields` then holds its reason.
  uint64_t step_limit_reached = 0;
  std::string quote;    // the policy text the rule encodes, when it carries one
  std::string source;
  // The interpretation sweep: `robust` when every reading of the assumptions gives the same
  // verdict; otherwise `depends_on` names the assumptions whose choice changes it, `readings`
  // gives the verdict under each, and value/status are those all readings share, or the first
  // reading's value with status `possible` when they differ.
  bool robust = true;
  std::vector<std::string> depends_on;
  std::vector<Reading> readings;
};

struct ModelResult {
  std::string model;
  std::vector<Verdict> verdicts;
};

struct Report {
  std::string policy;   // the policy's name
  std::string title;
  std::string as_of;
  std::vector<ModelResult> results;
};

struct ReportTextOptions {
  bool color = false;
  bool exemptions = false;   // a column per exemption, besides tier ladders and triggers
  bool obligations = false;  // a column listing the kinds of obligation each model incurs
};

// A readable table: one row per model, one column per tier ladder and trigger (and, as the
// options ask, per exemption and one for obligations), then a count of each column's values.
// Columns are as wide as the first 1,000 models need; a later, wider cell pushes the rest of its
// row to the right (run_text writes the same table as the records are read).
SCALEPOL_API std::string render_report_text(const Report& report, const ReportTextOptions& options = {});
// {"policy", "results": [{"model", "verdicts": [{"rule", "kind", "value", "status", …}]}]}
SCALEPOL_API std::string render_report_json(const Report& report);

// The same, written to `out` as they are produced, so a large report is not held a second time
// as one string. Stream errors are left in `out`'s state for the caller to check.
SCALEPOL_API void render_report_text(std::ostream& out, const Report& report, const ReportTextOptions& options = {});
SCALEPOL_API void render_report_json(std::ostream& out, const Report& report);

struct ReportHtmlOptions {
  // The data file's name as the page shows it; "" = the last component of the records' file name.
  std::string data_name;
  // Each verdict's trace (the tests that decided it, with margins and the change that would turn
  // them, as `scalepol explain` gives them), shown on demand; off, the page keeps the one-line
  // reason of each verdict and is about half the size.
  bool explanations = true;
};

// One self-contained HTML page (no network: style, script and data inline): a chart of training
// compute against publication date, coloured by verdict, with the policy's lines on training
// compute; a sortable, filterable table of the verdicts, each with its explanation, quote and
// source; Epoch AI's credit when the data is theirs (docs/html-report.md). `report` must be what
// `policy.evaluate(records)` gave: a report over other records is `report-for-other-records`.
SCALEPOL_API Expected<std::string, Diagnostics> render_report_html(const Report& report, const Policy& policy,
                                                                   const Records& records, const ReportHtmlOptions& options = {});
// The same, written to `out` as it is produced; nothing is written when the diagnostics are
// returned. Stream errors are left in `out`'s state for the caller to check.
SCALEPOL_API Expected<void, Diagnostics> render_report_html(std::ostream& out, const Report& report, const Policy& policy,
                                                            const Records& records, const ReportHtmlOptions& options = {});

}  // namespace scalepol
