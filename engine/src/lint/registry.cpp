// The lint registry: every rule, in the order it runs (like a compiler's list of stages), and
// the catalogue derived from it.
#include <string>

#include "lint/rules/rules.hpp"

namespace scalepol::linter {

const std::vector<const Rule*>& registry() {
  static const std::vector<const Rule*> all = {
      &rules::ec_no_baseline,
      &rules::ec_no_baseline_date,
      &rules::ec_no_scale,
      &rules::ec_no_metric,
      &rules::ec_post_training_unaddressed,
      &rules::undefined_term,
      &rules::trigger_no_reference,
      &rules::percent_ambiguous,
      &rules::vague_condition,
      &rules::trigger_never_fires,
      &rules::unitless_threshold,
      &rules::flops_rate_ambiguous,
      &rules::unit_mismatch,
      &rules::benchmark_no_version,
      &rules::benchmark_no_elicitation,
      &rules::tier_overlap,
      &rules::tier_gap,
      &rules::tier_order,
      &rules::exemption_never_applies,
      &rules::exemption_covers_all,
      &rules::undefined_name,
      &rules::unused_definition,
      &rules::duplicate_definition,
      &rules::import_cycle,
      &rules::definition_cycle,
      &rules::unknown_header_field,
      &rules::unknown_setting,
      &rules::allow_without_reason,
  };
  return all;
}

}  // namespace scalepol::linter

namespace scalepol {

const std::vector<LintRuleInfo>& lint_catalogue() {
  static const std::vector<LintRuleInfo> all = [] {
    std::vector<LintRuleInfo> v;
    for (const auto* r : linter::registry()) {
      const CodeInfo& c = code_info(r->code);
      v.push_back({c.code, c.severity, c.category, c.summary, c.reporter != Reporter::Linter});
    }
    return v;
  }();
  return all;
}

std::string lint_doc_path(std::string_view code) {
  const CodeInfo* info = find_code(code);
  return info != nullptr ? code_doc_path(info->id) : "docs/lint/" + std::string(code) + ".md";
}

}  // namespace scalepol
