// `scalepol fmt [FILE...] [--check] [--write] [--width N]`: the canonical layout of each file
// (engine: scalepol::format_source). Without a flag the formatted text goes to stdout; --check
// prints a unified diff of each file that is not formatted; --write replaces those files (and
// only those) atomically. A file with syntax errors is reported and left alone (exit 2).
#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_code.hpp"
#include "files.hpp"
#include "line_diff.hpp"
#include "print.hpp"
#include "scalepol/scalepol.hpp"

namespace scalepol::cli {

int run_fmt(const FmtOptions& options) {
  std::vector<std::string> files = options.files;
  if (files.empty()) files.push_back("-");
  if (options.write && std::ranges::find(files, std::string("-")) != files.end()) {
    print_error("--write needs files: standard input cannot be rewritten", options.color);
    return kFailure;
  }
  const bool color = use_color(options.color, stdout);
  int status = kClean;
  for (const auto& name : files) {
    const std::string shown = name == "-" ? std::string("<stdin>") : name;
    std::string input;
    if (auto error = read_policy_text(name, Limits{}.max_source_bytes, input)) {
      print_error(*error, options.color);
      status = kFailure;
      continue;
    }
    auto formatted = format_source(input, shown, FormatOptions{options.width});
    if (!formatted) {
      print_diagnostics(formatted.error(), options.color);
      status = kFailure;
      continue;
    }
    if (options.check) {
      if (*formatted == input) continue;
      std::fputs(unified_diff(input, *formatted, shown, shown + " (formatted)", color).c_str(), stdout);
      if (status == kClean) status = kFindings;
    } else if (options.write) {
      if (*formatted == input) continue;
      if (auto error = write_atomically(name, [&](std::ostream& out) { out << *formatted; })) {
        print_error(*error, options.color);
        status = kFailure;
      }
    } else {
      std::fwrite(formatted->data(), 1, formatted->size(), stdout);
    }
  }
  std::fflush(stdout);
  return status;
}

}  // namespace scalepol::cli
