// The linter: what a policy leaves undefined or underspecified. Each finding has a stable code
// from the catalogue below (documented in docs/lint/<code>.md), a severity, a span and, where
// there is one, a fix.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scalepol/diagnostic.hpp"
#include "scalepol/export.hpp"

namespace scalepol {

class Policy;

struct LintOptions {
  std::vector<std::string> disabled;  // codes not to report
  bool deny_warnings = false;         // report warnings as errors
};

// Every non-fatal finding on a compiled policy: the checker's warnings and the lint rules',
// in file order, less those disabled or silenced in the source by
//   // scalepol-allow CODE: the reason
// on the line before the finding (a silence with no reason does not count, and is reported).
// Findings in the embedded standard library are not reported.
SCALEPOL_API Diagnostics lint(const Policy& policy, const LintOptions& options = {});

// The lint catalogue: the rules of the table of codes (diagnostic_codes() with `catalogued`),
// in the order the linter runs them. Every other code is an error of reading, parsing or
// checking that no option disables (docs/diagnostics.md).
struct LintRuleInfo {
  std::string_view code;       // "ec-no-baseline"
  Severity severity;           // default severity
  std::string_view family;     // "effective compute", "triggers", "units", "benchmarks", "tiers", "hygiene"
  std::string_view summary;    // one line: what it finds
  bool found_by_checker;       // reported by compilation itself, checker or importer (errors stop compilation)
};
SCALEPOL_API const std::vector<LintRuleInfo>& lint_catalogue();

// Where a code's documentation lives, relative to the repository: docs/lint/<code>.md for a rule
// of the catalogue (code_doc_path() for any code).
SCALEPOL_API std::string lint_doc_path(std::string_view code);

}  // namespace scalepol
