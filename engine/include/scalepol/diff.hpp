// Two versions of a policy over the same models: which verdicts the change of text changes.
//
//   auto old_records = load_records("models.csv", old_policy);   // each version has its own schema
//   auto new_records = load_records("models.csv", new_policy);
//   auto d = diff(old_policy, new_policy, *old_records, *new_records, {.as_of = "2025-06-01"});
//
// A verdict differs when its value or its status differs. Models are matched by name (the k-th
// record of a name in one set with the k-th of that name in the other); a model in only one set
// is not compared. Rules in only one version are listed once, as added or removed, and not per
// model.
#pragma once

#include <cstddef>
#include <iosfwd>
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

// One rule whose verdict for a model differs between the versions. `old_condition` and
// `new_condition` are the clause of each version that decides it, as the policy writes it (a
// trigger's or exemption's `when`, the bounds of the value's tier, what imposes an obligation:
// explain.hpp's VerdictTrace::condition); each verdict's `because` adds the values it saw, its
// quote and source are that version's text.
// A rule both versions have may give a model no verdict in one of them (an obligation of a tier
// the model is not in): that side is then absent (`in_old` or `in_new` false, its verdict empty).
struct VerdictChange {
  std::string rule;
  VerdictKind kind = VerdictKind::Tier;
  Verdict old_verdict;
  Verdict new_verdict;
  std::string old_condition;  // "" when that side has no verdict (or for diff_reports)
  std::string new_condition;
  bool in_old = true;
  bool in_new = true;
};

struct ModelDiff {
  std::string model;
  std::vector<VerdictChange> changes;  // in the new version's rule order
};

// A rule present in only one version.
struct RuleOnlyIn {
  std::string rule;
  VerdictKind kind = VerdictKind::Tier;
};

struct SCALEPOL_API PolicyDiff {
  std::string old_policy;  // each version's name and file
  std::string new_policy;
  std::string old_path;
  std::string new_path;
  std::string as_of;
  std::vector<RuleOnlyIn> added;    // in the new version only
  std::vector<RuleOnlyIn> removed;  // in the old version only
  std::vector<ModelDiff> models;    // only models with at least one change, in the new data's order
  std::size_t compared_models = 0;  // models found in both record sets

  std::size_t changed_verdicts() const;
  // True when the versions decide every compared model alike and have the same rules.
  bool empty() const { return models.empty() && added.empty() && removed.empty(); }
};

// Evaluates both versions over their records (the same data, loaded once for each policy's
// schema) and compares the verdicts; the clause of each changed verdict comes from explaining
// the models that differ (so the cost beyond two evaluations grows with the changes, not the data).
// Fails with the diagnostics of either evaluation.
SCALEPOL_API Expected<PolicyDiff, Diagnostics> diff(const Policy& old, const Policy& updated, const Records& old_records,
                                                    const Records& new_records, const EvalOptions& options = {});

// The same from two reports already computed, without the conditions (a report has no AST).
SCALEPOL_API PolicyDiff diff_reports(const Report& old_report, const Report& new_report);

// A readable list grouped by model, closing with "N models differ in M verdicts".
SCALEPOL_API std::string render_diff_text(const PolicyDiff& diff);
SCALEPOL_API void render_diff_text(std::ostream& out, const PolicyDiff& diff);
// {"old", "new", "as_of", "added", "removed", "models": [{"model", "changes": [...]}],
//  "models_differ", "verdicts_differ"} (docs/json-output.md).
SCALEPOL_API std::string render_diff_json(const PolicyDiff& diff);
SCALEPOL_API void render_diff_json(std::ostream& out, const PolicyDiff& diff);

}  // namespace scalepol
