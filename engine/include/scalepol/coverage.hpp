// Quote coverage: which constructs of a policy file carry the source text they encode, how many
// sentences of the source the file encodes, and which it lists as left out.
//
// Counted: each tier, trigger, exemption, obligation (`require`), effective_compute, define and
// unit of the policy's own file (not of its imports). A construct is quoted when it carries a
// `quote` with text; a `source` alone is not a quote. A `tiers` ladder has no quote of its own in
// the language (its tiers do), so it is not counted. The sentences encoded are the distinct texts
// of every `quote` in the file (fields and references included); the sentences left out are its
// `not_encoded` items.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "scalepol/export.hpp"

namespace scalepol {

class Policy;

struct CoveredConstruct {
  std::string kind;  // tier, trigger, exemption, obligation, effective_compute, define
  std::string name;  // gpai_tier.systemic_risk, gpai_tier.systemic_risk.notify, review, …
  uint32_t line = 0;
  bool quoted = false;
};

// `not_encoded "…" source "…" because "…"`: a sentence the file says it does not encode.
struct NotEncodedSentence {
  std::string text;
  std::string source;   // may be empty
  std::string because;
  uint32_t line = 0;
};

struct SCALEPOL_API QuoteCoverage {
  std::string file;
  std::vector<CoveredConstruct> constructs;  // in the order of their lines
  std::size_t encoded_sentences = 0;         // distinct quoted sentences
  std::vector<NotEncodedSentence> not_encoded;  // in the order of their lines
  std::size_t quoted() const;
  std::size_t unquoted() const;
};

SCALEPOL_API QuoteCoverage quote_coverage(const Policy& policy);

// Per file "FILE: Q of N constructs carry a quote", "  sentences: E encoded, L listed as not
// encoded", then each construct with no quote and each sentence left out, with their lines; a
// total when there are several files.
SCALEPOL_API std::string render_coverage_text(const std::vector<QuoteCoverage>& files);
// {"files": [{"file", "quoted", "unquoted", "encoded_sentences", "not_encoded_sentences",
//             "constructs": [{"kind", "name", "line", "quoted"}],
//             "not_encoded": [{"line", "text", "source", "because"}]}],
//  "quoted", "unquoted", "encoded_sentences", "not_encoded_sentences"} (docs/json-output.md).
SCALEPOL_API std::string render_coverage_json(const std::vector<QuoteCoverage>& files);

}  // namespace scalepol
