// Quote coverage: which constructs of a policy file carry the source text they encode.
//
// Counted: each tier, trigger, exemption, obligation (`require`), effective_compute and define
// of the policy's own file (not of its imports). A construct is quoted when it carries a `quote`
// with text; a `source` alone is not a quote. A `tiers` ladder has no quote of its own in the
// language (its tiers do), so it is not counted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace scalepol {

class Policy;

struct CoveredConstruct {
  std::string kind;  // tier, trigger, exemption, obligation, effective_compute, define
  std::string name;  // gpai_tier.systemic_risk, gpai_tier.systemic_risk.notify, review, …
  uint32_t line = 0;
  bool quoted = false;
};

struct QuoteCoverage {
  std::string file;
  std::vector<CoveredConstruct> constructs;  // in the order of their lines
  std::size_t quoted() const;
  std::size_t unquoted() const;
};

QuoteCoverage quote_coverage(const Policy& policy);

// Per file "FILE: Q of N constructs carry a quote", then each one with none and its line; a
// total when there are several files.
std::string render_coverage_text(const std::vector<QuoteCoverage>& files);
// {"files": [{"file", "quoted", "unquoted", "constructs": [{"kind", "name", "line", "quoted"}]}],
//  "quoted", "unquoted"} (docs/json-output.md).
std::string render_coverage_json(const std::vector<QuoteCoverage>& files);

}  // namespace scalepol
