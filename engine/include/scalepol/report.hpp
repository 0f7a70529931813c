// The result of evaluating a policy over records: for each model, one verdict per rule.
#pragma once

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace scalepol {

enum class VerdictKind { Tier, Trigger, Exemption, Obligation };
enum class Status { Definite, Possible, Unknown };

const char* verdict_kind_name(VerdictKind k);  // "tier", "trigger", "exemption", "obligation"
const char* status_name(Status s);             // "definite", "possible", "unknown"

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
};

// A readable table: one row per model, one column per tier ladder and trigger.
std::string render_report_text(const Report& report, const ReportTextOptions& options = {});
// {"policy", "results": [{"model", "verdicts": [{"rule", "kind", "value", "status", …}]}]}
std::string render_report_json(const Report& report);

// The same, written to `out` as they are produced, so a large report is not held a second time
// as one string. Stream errors are left in `out`'s state for the caller to check.
void render_report_text(std::ostream& out, const Report& report, const ReportTextOptions& options = {});
void render_report_json(std::ostream& out, const Report& report);

}  // namespace scalepol
