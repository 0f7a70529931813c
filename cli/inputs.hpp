// What `run` and `explain` both start from: a compiled policy and the records loaded for it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scalepol/scalepol.hpp"
#include "progress.hpp"
#include "terminal.hpp"

namespace scalepol::cli {

struct Inputs {
  Policy policy;
  Records records;
};

struct InputOptions {
  std::string policy;                // the policy file
  std::string models;                // --models DATA
  std::string data_format = "auto";  // auto | csv | json | jsonl
  bool confidence_ranges = false;    // --confidence-ranges
  bool strict_data = false;          // --strict-data: a problem in the data fails the run
  CompileOptions compile;            // --import-root DIR…
};

// A policy named on the command line: a file, or `-` for standard input (named `<stdin>` in
// diagnostics; its relative imports resolve against the current directory).
Expected<Policy, Diagnostics> compile_policy(const std::string& path, const CompileOptions& options);

// The one line of a usage error when `-` (standard input) appears more than once among `paths`:
// it can be read only once. Or nothing.
std::optional<std::string> stdin_usage_error(const std::vector<std::string>& paths);

// --data-format's word as a DataFormat.
DataFormat parse_data_format(const std::string& name);

// Compiles the policy and loads the records for it; on failure prints the diagnostics (on
// stderr) and returns nothing: the command then exits 2.
// A `progress` line, when given, shows the phases and is erased before any diagnostic.
std::optional<Inputs> load_inputs(const InputOptions& options, ColorMode color, Progress* progress = nullptr);

// The problems found in the data of a run that was done, printed on stderr after its output, and
// the exit code they give. A problem with a cell (a value that cannot be read, bounds that do not
// hold their figure) is a warning: the value is read as the message says, the run is whole, and
// it exits 0. A lost row is an error, and exits 2. With --strict-data every problem is an error.
int finish_with_data_problems(Diagnostics problems, bool strict_data, ColorMode color);

}  // namespace scalepol::cli
