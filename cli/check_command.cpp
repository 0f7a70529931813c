// `scalepol check FILE...`: compile each policy and report its errors and warnings.
//
// Every file is checked even after one fails, so one run shows everything. Text goes to
// stderr (it is a diagnostic stream); with --format json one document for all files goes to
// stdout, for tools.
#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_code.hpp"
#include "print.hpp"
#include "scalepol/scalepol.hpp"

namespace scalepol::cli {

namespace {

// A file that cannot be used at all (missing, unreadable, too large) is an input error, exit 2,
// not a finding in a policy. The engine reports it with these codes, at the file itself rather
// than at a line (an import that cannot be read is a finding in the importing policy).
bool is_input_error(const Diagnostics& diagnostics) {
  return std::ranges::any_of(diagnostics.items, [](const Diagnostic& d) {
    return d.location.line == 0 && (d.code == "io-error" || d.code == "input-too-large");
  });
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

int run_check(const CheckOptions& options) {
  Diagnostics all;
  bool unreadable = false;
  for (const std::string& file : options.files) {
    auto policy = compile_file(file);
    if (!policy) unreadable |= is_input_error(policy.error());
    all.append(policy ? policy->warnings() : policy.error());
  }

  if (options.format == "json") {
    const std::string json = render_json(all);
    std::fwrite(json.data(), 1, json.size(), stdout);
  } else if (!all.empty()) {
    print_diagnostics(all, options.color);
    fmt::print(stderr, "{}, {}\n", plural(all.error_count(), "error"), plural(all.warning_count(), "warning"));
  }
  if (unreadable) return kFailure;
  return all.empty() ? kClean : kFindings;
}

}  // namespace scalepol::cli
