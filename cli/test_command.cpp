// `scalepol test FILE...`: run the `test` blocks of each policy.
//
//   PASS Inflection-2 is recorded just above the line
//   FAIL a model with no compute figure is unknown, not below the line
//     expected gpai_tier is unknown, got none
//   1 passed, 1 failed
//
// A policy that does not compile cannot run its tests: that is an input error (exit 2), which
// outranks failed tests (exit 1).
#include <cstdio>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_code.hpp"
#include "print.hpp"
#include "scalepol/scalepol.hpp"

namespace scalepol::cli {

int run_test(const TestOptions& options) {
  const bool color = use_color(options.color, stdout);
  const auto paint = [color](std::string_view style, std::string_view text) {
    return color ? fmt::format("{}{}\x1b[0m", style, text) : std::string(text);
  };
  std::size_t passed = 0, failed = 0;
  bool broken_policy = false;
  for (const std::string& file : options.files) {
    auto policy = compile_file(file, options.compile);
    if (!policy) {
      std::fflush(stdout);  // keep the order of the two streams on a shared terminal
      print_diagnostics(policy.error(), options.color);
      broken_policy = true;
      continue;
    }
    const TestResults results = policy->run_tests();
    for (const TestCase& test : results.cases) {
      if (test.passed) {
        fmt::print("{} {}\n", paint("\x1b[1;32m", "PASS"), test.name);
        ++passed;
        continue;
      }
      fmt::print("{} {}\n", paint("\x1b[1;31m", "FAIL"), test.name);
      for (const std::string& failure : test.failures) fmt::print("  {}\n", failure);
      ++failed;
    }
  }
  fmt::print("{} passed, {} failed\n", passed, failed);
  if (broken_policy) return kFailure;
  return failed > 0 ? kFindings : kClean;
}

}  // namespace scalepol::cli
