// The scalepol commands. Each takes its parsed options and returns an exit code (exit_code.hpp);
// app.cpp defines the options and calls them.
#pragma once

#include <string>
#include <vector>

#include "terminal.hpp"

namespace scalepol::cli {

struct CheckOptions {
  std::vector<std::string> files;
  std::string format = "text";  // text | json
  ColorMode color = ColorMode::Auto;
};
int run_check(const CheckOptions& options);

struct RunOptions {
  std::string policy;
  std::string models;
  std::string format = "text";       // text | json
  std::string as_of;                 // YYYY-MM-DD, or "" for unset
  std::string data_format = "auto";  // auto | csv | json | jsonl
  std::string output;                // -o FILE, or "" for stdout
  ColorMode color = ColorMode::Auto;
};
int run_run(const RunOptions& options);

struct TestOptions {
  std::vector<std::string> files;
  ColorMode color = ColorMode::Auto;
};
int run_test(const TestOptions& options);

}  // namespace scalepol::cli
