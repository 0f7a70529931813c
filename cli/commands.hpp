// The scalepol commands. Each takes its parsed options and returns an exit code (exit_code.hpp);
// app.cpp defines the options and calls them.
#pragma once

#include <optional>
#include <cstdint>
#include <string>
#include <vector>

#include "inputs.hpp"
#include "terminal.hpp"

namespace scalepol::cli {

struct CheckOptions {
  std::vector<std::string> files;
  std::string format = "text";        // text | json | sarif
  std::vector<std::string> disabled;  // --disable CODE: codes not to report
  bool deny_warnings = false;         // --deny-warnings: report warnings as errors
  std::string sarif_help_base;        // --sarif-help-base URL; "" for the default
  bool list_codes = false;            // --list-codes: print the catalogue instead of checking
  bool coverage = false;              // --coverage: quote coverage instead of the findings
  ColorMode color = ColorMode::Auto;
  CompileOptions compile;             // --import-root DIR…
};
// What is wrong with options that parsed but do not go together (a code --disable cannot
// disable, --sarif-help-base without --format sarif, …), as the one line of a usage error; or
// nothing.
std::optional<std::string> check_usage_error(const CheckOptions& options);
int run_check(const CheckOptions& options);
// `check --coverage` (coverage_command.cpp).
int run_coverage(const CheckOptions& options);

struct RunOptions {
  InputOptions inputs;               // POLICY, --models, --data-format, --confidence-ranges
  std::string format = "text";       // text | json | jsonl | html
  std::string as_of;                 // YYYY-MM-DD, or "" for unset
  std::string output;                // -o FILE, or "" for stdout
  std::vector<std::string> show;     // --show: text-table columns besides tiers and triggers
  ColorMode color = ColorMode::Auto;
};
int run_run(const RunOptions& options);

struct ExplainOptions {
  InputOptions inputs;
  std::string model;                 // --model NAME, or "" with --line
  uint32_t line = 0;                 // --line N: the record starting on line N; 0 for none
  std::string format = "text";       // text | json
  std::string as_of;
  ColorMode color = ColorMode::Auto;
};
int run_explain(const ExplainOptions& options);

struct TestOptions {
  std::vector<std::string> files;
  std::string format = "text";       // text | json
  ColorMode color = ColorMode::Auto;
  CompileOptions compile;
};
int run_test(const TestOptions& options);

struct DiffOptions {
  std::string old_policy;            // OLD
  std::string new_policy;            // NEW
  InputOptions inputs;               // --models, --data-format, --confidence-ranges (policy unused)
  std::string format = "text";       // text | json
  std::string as_of;                 // YYYY-MM-DD, or "" for unset
  ColorMode color = ColorMode::Auto;
};
int run_diff(const DiffOptions& options);

struct FmtOptions {
  std::vector<std::string> files;    // FILE…; `-` or none: standard input
  bool check = false;                // --check: a diff of each file not formatted, exit 1
  bool write = false;                // --write: rewrite the files that change
  std::size_t width = 100;           // --width N
  ColorMode color = ColorMode::Auto;
};
int run_fmt(const FmtOptions& options);

struct LspOptions {
  CompileOptions compile;            // --import-root DIR…
};
// The language server over stdio (lsp_command.cpp, cli/lsp/): 0 after `shutdown` and `exit`.
int run_lsp(const LspOptions& options);

}  // namespace scalepol::cli
