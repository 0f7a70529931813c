#include "inputs.hpp"

#include <algorithm>
#include <cstdio>

#include "exit_code.hpp"
#include "files.hpp"
#include "print.hpp"

namespace scalepol::cli {

Expected<Policy, Diagnostics> compile_policy(const std::string& path, const CompileOptions& options) {
  if (path != "-") return compile_file(path, options);
  std::string text;
  if (auto error = read_policy_text(path, options.limits.max_source_bytes, text)) {
    Diagnostics d;
    d.add(Diagnostic::of(Code::IoError, *error, {.file = "<stdin>"}));
    return make_unexpected(std::move(d));
  }
  return compile_source(text, "<stdin>", options);
}

std::optional<std::string> stdin_usage_error(const std::vector<std::string>& paths) {
  if (std::count(paths.begin(), paths.end(), "-") > 1)
    return "standard input (`-`) can be read only once: name at most one `-`";
  return std::nullopt;
}

DataFormat parse_data_format(const std::string& name) {
  if (name == "csv") return DataFormat::Csv;
  if (name == "json") return DataFormat::Json;
  if (name == "jsonl") return DataFormat::JsonLines;
  return DataFormat::Auto;
}

std::optional<Inputs> load_inputs(const InputOptions& options, ColorMode color, Progress* progress) {
  if (progress) progress->phase("compiling the policy");
  auto policy = compile_policy(options.policy, options.compile);
  if (!policy) {
    if (progress) progress->finish();
    print_diagnostics(policy.error(), color);
    return std::nullopt;
  }
  if (progress) progress->phase("reading the models");
  auto records = load_records(options.models, *policy,
                              {.format = parse_data_format(options.data_format),
                               .confidence_ranges = options.confidence_ranges});
  if (!records) {
    if (progress) progress->finish();
    print_diagnostics(records.error(), color);
    return std::nullopt;
  }
  return Inputs{std::move(*policy), std::move(*records)};
}

int finish_with_data_problems(Diagnostics problems, bool strict_data, ColorMode color) {
  if (problems.empty()) return kClean;
  bool failed = false;
  for (Diagnostic& d : problems.items) {
    if (strict_data && d.severity == Severity::Warning) {
      d.severity = Severity::Error;
      d.notes.push_back("--strict-data: a problem in the data fails the run");
    }
    failed = failed || d.severity == Severity::Error;
  }
  print_diagnostics(problems, color);
  return failed ? kFailure : kClean;
}

}  // namespace scalepol::cli
