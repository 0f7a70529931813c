// Fast evaluation, for large inputs and for hosts' hot loops: verdicts without their
// explanations. The policy is compiled once into a form that evaluates a record without name
// lookups or allocation; `explain` and the full Report give the reasons when they are wanted.
//
//   auto table = policy.evaluate_table(records);           // every verdict, as small numbers
//   table->at(0, 0).value                                  // index into table->rules[0].values
//
//   std::ofstream out("report.jsonl");
//   auto summary = scalepol::run_jsonl(policy, "models.csv", out);   // streams: flat memory
//   scalepol::run_json(policy, "models.csv", json_out);               // the full report, streamed
//   scalepol::run_text(policy, "models.csv", std::cout);              // the table, streamed
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "scalepol/diagnostic.hpp"
#include "scalepol/expected.hpp"
#include "scalepol/export.hpp"
#include "scalepol/policy.hpp"
#include "scalepol/records.hpp"
#include "scalepol/report.hpp"

namespace scalepol {

// Verdicts of every record, one column per rule: each tier ladder, trigger and exemption, then
// each obligation (value "false" for a record the obligation is not imposed on).
struct SCALEPOL_API VerdictTable {
  struct Rule {
    std::string name;  // as Verdict::rule: gpai_tier, capability_evaluation, gpai_tier.systemic_risk.notify
    VerdictKind kind = VerdictKind::Tier;
    // Ladders: the tier names in order, then "no_tier"; the others: "false", "true".
    std::vector<std::string> values;
  };
  std::vector<Rule> rules;
  std::size_t records = 0;
  std::vector<VerdictCell> cells;  // row-major: record r, rule k at r * rules.size() + k

  const VerdictCell& at(std::size_t record, std::size_t rule) const { return cells[record * rules.size() + rule]; }
  // The value's name, or "unknown" (also for a rule or cell that is not this table's).
  const std::string& value_name(std::size_t rule, const VerdictCell& cell) const;
};

SCALEPOL_API Expected<VerdictTable, Diagnostics> evaluate_table(const Policy& policy, const Records& records,
                                                                const Policy::EvalOptions& options = {});

struct StreamOptions {
  LoadOptions load;                     // format: Auto picks by extension (.csv, .jsonl, .ndjson, .json)
  Policy::EvalOptions eval;
  std::size_t block_bytes = 64u << 10;  // read and evaluated at a time: small enough that a block's records stay in cache
  // Called after each block with the number of records written so far (for a progress line).
  std::function<void(std::size_t records)> on_progress;
};

struct StreamSummary {
  std::size_t records = 0;
  // Problems with single values that did not stop the run (located, capped as load_records caps
  // them). Only the fields the policy reads are read, so a malformed value in a column it never
  // uses is not reported (load_records reports it). Duplicate model names are reported as
  // load_records reports them, among the first records whose names fit in 4 MB (some 50,000
  // records; a note says when later ones were not checked).
  Diagnostics diagnostics;
  // False when the file was read whole instead, and then why: the policy's `@` references need
  // every record at hand, the file is a JSON array (one document), the policy reads a long table.
  bool streamed = true;
  std::string read_whole_because;
};

// Read a CSV or JSON Lines file a block at a time, evaluate each record and write one line per
// record to `out`, in input order:
//
//   {"model":"GPT-4","verdicts":{"gpai_tier":{"value":"systemic_risk","status":"definite"},…}}
//
// Rules appear as in the Report (ladders, triggers, exemptions, then the obligations the record
// may incur); a verdict that is not robust adds "depends_on":[…] after its status. Memory stays
// flat as the file grows, except for a policy with `@` references (the referenced records must
// be at hand: the file is then loaded whole). A JSON array file is loaded whole too, and so is a
// `.json` file whose first block is blank (whether it is an array is not known from that block).
SCALEPOL_API Expected<StreamSummary, Diagnostics> run_jsonl(const Policy& policy, const std::string& data_path, std::ostream& out,
                                                            const StreamOptions& options = {});

// The same verdicts as run_jsonl, as CSV: a header, then one row per record, for spreadsheets and
// data frames (pandas.read_csv):
//
//   line,model,gpai_tier,gpai_tier_status,gpai_tier_robust,gpai_tier_depends_on,…
//   2,GPT-4,systemic_risk,definite,true,
//
// `line` is the record's line in the input, so a row joins back to the row it came from. Each
// rule has four columns: its value, status, whether it is robust to the policy's assumptions,
// and the assumptions it depends on when not (`;`-separated). Every rule has its columns in every
// row: an obligation not imposed on a record is `false`, `definite`. Streams as run_jsonl does.
SCALEPOL_API Expected<StreamSummary, Diagnostics> run_csv(const Policy& policy, const std::string& data_path, std::ostream& out,
                                                          const StreamOptions& options = {});

// The table render_report_text writes for policy.evaluate(records), written as the file is read,
// with flat memory as run_jsonl. The columns are as wide as the first 1,000 models need: those
// rows are kept until then, and a later cell that is wider pushes the rest of its row to the right
// (nothing is cut but model names, at 40 columns, as always). With no records at all the table
// still has a column per rule, where a Report's has none.
SCALEPOL_API Expected<StreamSummary, Diagnostics> run_text(const Policy& policy, const std::string& data_path, std::ostream& out,
                                                           const StreamOptions& options = {},
                                                           const ReportTextOptions& text = {});

// The report render_report_json writes for policy.evaluate(records) (docs/json-output.md), byte
// for byte, but written as the file is read: a block of records at a time is evaluated, with the
// reasons of every verdict, and its results written, so memory stays flat as the file grows (with
// the same exceptions as run_jsonl). On an
// error the output holds a partial report: write to a temporary file and keep it only on success.
SCALEPOL_API Expected<StreamSummary, Diagnostics> run_json(const Policy& policy, const std::string& data_path, std::ostream& out,
                                                           const StreamOptions& options = {});

// The page render_report_html writes for policy.evaluate(records) (docs/html-report.md), byte for
// byte, written as the file is read, with flat memory as run_json (and the same exceptions). On an
// error the output holds a partial page: write to a temporary file and keep it only on success.
SCALEPOL_API Expected<StreamSummary, Diagnostics> run_html(const Policy& policy, const std::string& data_path, std::ostream& out,
                                                           const StreamOptions& options = {},
                                                           const ReportHtmlOptions& html = {});

}  // namespace scalepol
