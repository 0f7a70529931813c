// What `run` and `explain` both start from: a compiled policy and the records loaded for it.
#pragma once

#include <optional>
#include <string>

#include "scalepol/scalepol.hpp"
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
  CompileOptions compile;            // --import-root DIR…
};

// --data-format's word as a DataFormat.
DataFormat parse_data_format(const std::string& name);

// Compiles the policy and loads the records for it; on failure prints the diagnostics (on
// stderr) and returns nothing: the command then exits 2.
std::optional<Inputs> load_inputs(const InputOptions& options, ColorMode color);

}  // namespace scalepol::cli
