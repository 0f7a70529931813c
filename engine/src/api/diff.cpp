// scalepol::diff: two versions of a policy evaluated over the same models, verdict by verdict.
#include "scalepol/diff.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "scalepol/explain.hpp"
#include "scalepol/policy.hpp"
#include "scalepol/records.hpp"

namespace scalepol {

namespace {

// Every rule a report gives a verdict for, in first-seen order, with its kind.
std::vector<RuleOnlyIn> rules_of(const Report& report) {
  std::vector<RuleOnlyIn> rules;
  std::set<std::string> seen;
  for (const ModelResult& result : report.results) {
    for (const Verdict& v : result.verdicts) {
      if (seen.insert(v.rule).second) rules.push_back({v.rule, v.kind});
    }
  }
  return rules;
}

std::vector<RuleOnlyIn> only_in(const std::vector<RuleOnlyIn>& these, const std::vector<RuleOnlyIn>& others) {
  std::set<std::string> names;
  for (const RuleOnlyIn& r : others) names.insert(r.rule);
  std::vector<RuleOnlyIn> out;
  for (const RuleOnlyIn& r : these) {
    if (!names.contains(r.rule)) out.push_back(r);
  }
  return out;
}

}  // namespace

PolicyDiff diff_reports(const Report& old_report, const Report& new_report) {
  PolicyDiff d;
  d.old_policy = old_report.policy;
  d.new_policy = new_report.policy;
  d.as_of = new_report.as_of;
  const auto old_rules = rules_of(old_report);
  const auto new_rules = rules_of(new_report);
  d.added = only_in(new_rules, old_rules);
  d.removed = only_in(old_rules, new_rules);
  std::set<std::string> old_rule_names, new_rule_names;
  for (const RuleOnlyIn& r : old_rules) old_rule_names.insert(r.rule);
  for (const RuleOnlyIn& r : new_rules) new_rule_names.insert(r.rule);

  // The k-th record of a name in the old report, for each name.
  std::map<std::string, std::vector<const ModelResult*>> old_by_name;
  for (const ModelResult& r : old_report.results) old_by_name[r.model].push_back(&r);
  std::map<std::string, std::size_t> taken;

  for (const ModelResult& updated : new_report.results) {
    const auto found = old_by_name.find(updated.model);
    std::size_t& k = taken[updated.model];
    if (found == old_by_name.end() || k >= found->second.size()) continue;
    const ModelResult& old = *found->second[k++];
    ++d.compared_models;

    std::map<std::string, const Verdict*> old_verdicts, new_verdicts;
    for (const Verdict& v : old.verdicts) old_verdicts.emplace(v.rule, &v);
    for (const Verdict& v : updated.verdicts) new_verdicts.emplace(v.rule, &v);
    ModelDiff model{updated.model, {}};
    for (const Verdict& v : updated.verdicts) {
      if (!old_rule_names.contains(v.rule)) continue;  // an added rule: listed once, not per model
      const auto before = old_verdicts.find(v.rule);
      if (before == old_verdicts.end()) {
        model.changes.push_back({.rule = v.rule, .kind = v.kind, .new_verdict = v, .in_old = false});
        continue;
      }
      const Verdict& o = *before->second;
      if (o.value == v.value && o.status == v.status) continue;
      model.changes.push_back({.rule = v.rule, .kind = v.kind, .old_verdict = o, .new_verdict = v});
    }
    // Verdicts of rules both versions have that the new version does not give this model.
    for (const Verdict& o : old.verdicts) {
      if (!new_rule_names.contains(o.rule) || new_verdicts.contains(o.rule)) continue;
      model.changes.push_back({.rule = o.rule, .kind = o.kind, .old_verdict = o, .in_new = false});
    }
    if (!model.changes.empty()) d.models.push_back(std::move(model));
  }
  return d;
}

Expected<PolicyDiff, Diagnostics> diff(const Policy& old, const Policy& updated, const Records& old_records,
                                       const Records& new_records, const Policy::EvalOptions& options) {
  auto old_report = old.evaluate(old_records, options);
  auto new_report = updated.evaluate(new_records, options);
  if (!old_report || !new_report) {
    Diagnostics errors;
    if (!old_report) errors.items = old_report.error().items;
    if (!new_report) {
      // The same failure twice (an --as-of that is not a date) is reported once.
      for (const Diagnostic& e : new_report.error().items) {
        const bool seen = std::any_of(errors.items.begin(), errors.items.end(), [&](const Diagnostic& o) {
          return o.code == e.code && o.message == e.message && o.location.file == e.location.file &&
                 o.location.line == e.location.line;
        });
        if (!seen) errors.add(e);
      }
    }
    return make_unexpected(std::move(errors));
  }
  PolicyDiff d = diff_reports(*old_report, *new_report);
  // The clause of each version behind each changed verdict, from the explanation of the model.
  const auto conditions = [&](const Policy& policy, const Records& records, const std::string& model) {
    std::map<std::string, std::string> by_rule;
    if (auto e = explain(policy, records, model, options)) {
      for (const VerdictTrace& t : e->verdicts) by_rule.emplace(t.verdict.rule, t.condition);
    }
    return by_rule;
  };
  for (ModelDiff& m : d.models) {
    const auto old_conditions = conditions(old, old_records, m.model);
    const auto new_conditions = conditions(updated, new_records, m.model);
    for (VerdictChange& c : m.changes) {
      if (const auto it = old_conditions.find(c.rule); c.in_old && it != old_conditions.end()) c.old_condition = it->second;
      if (const auto it = new_conditions.find(c.rule); c.in_new && it != new_conditions.end()) c.new_condition = it->second;
    }
  }
  d.old_path = old.path();
  d.new_path = updated.path();
  d.as_of = options.as_of;
  return d;
}

}  // namespace scalepol
