// `scalepol check --coverage FILE...`: for each policy file, how many of its constructs carry
// the source text they encode (a `quote`), and which carry none, with their lines; instead of
// the lint findings. Exit 0, or 2 when a policy does not compile (its diagnostics on stderr).
#include <cstdio>

#include "commands.hpp"
#include "exit_code.hpp"
#include "print.hpp"
#include "scalepol/coverage.hpp"
#include "scalepol/scalepol.hpp"

namespace scalepol::cli {

int run_coverage(const CheckOptions& options) {
  std::vector<QuoteCoverage> files;
  bool broken_policy = false;
  for (const std::string& file : options.files) {
    auto policy = compile_policy(file, options.compile);
    if (!policy) {
      print_diagnostics(policy.error(), options.color);
      broken_policy = true;
      continue;
    }
    files.push_back(quote_coverage(*policy));
  }
  const std::string out = options.format == "json" ? render_coverage_json(files) : render_coverage_text(files);
  std::fputs(out.c_str(), stdout);
  std::fflush(stdout);
  return broken_policy ? kFailure : kClean;
}

}  // namespace scalepol::cli
