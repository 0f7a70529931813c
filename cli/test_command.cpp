// `scalepol test FILE...`: run the `test` blocks of each policy.
//
//   PASS Inflection-2 is recorded just above the line
//   FAIL a model with no compute figure is unknown, not below the line
//     expected gpai_tier is unknown, got none
//   1 passed, 1 failed
//
// With --format json, one document for all files on stdout (docs/json-output.md):
//
//   {"files": [{"file", "compiled", "tests": [{"name", "passed", "failures": [...], "line"}]}],
//    "passed": N, "failed": M}
//
// A policy that does not compile cannot run its tests: that is an input error (exit 2), which
// outranks failed tests (exit 1). Its diagnostics go to stderr, as text, in either format; in
// JSON it is listed with "compiled": false and no tests.
#include <cstdio>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_code.hpp"
#include "print.hpp"
#include "scalepol/scalepol.hpp"

namespace scalepol::cli {

namespace {

// The character at text[i] (its length in `length`), or -1 for a byte that starts no well-formed
// UTF-8 sequence.
long decode(std::string_view text, std::size_t i, std::size_t& length) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  length = 1;
  if (lead < 0x80) return lead;
  const std::size_t n = lead >= 0xF0 && lead <= 0xF4   ? 4
                        : lead >= 0xE0 && lead <= 0xEF ? 3
                        : lead >= 0xC2 && lead <= 0xDF ? 2
                                                       : 0;
  if (n == 0 || i + n > text.size()) return -1;
  long cp = lead & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr long kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
  length = n;
  return cp;
}

// A control character (C0, DEL, C1) or a text direction control (U+202E and the like: "Trojan
// Source"), which the engine's reports never print raw either (docs/reliability.md).
bool hijacks_terminal(long cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

// Text from a policy (a test's name, a failure naming its record's model) for a terminal: such
// characters and bytes that are not UTF-8 become U+FFFD, a tab a space.
std::string printable(std::string_view text) {
  std::string out;
  for (std::size_t i = 0, length = 0; i < text.size(); i += length) {
    const long cp = decode(text, i, length);
    if (cp == '\t') out += ' ';
    else if (cp < 0 || hijacks_terminal(cp)) out += "\xEF\xBF\xBD";
    else out.append(text, i, length);
  }
  return out;
}

// A JSON string: quotes, backslash and control characters escaped; other bytes as they are (the
// engine reads policy text as UTF-8).
std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          out += c;
        }
    }
  }
  out += '"';
  // C1 and text direction controls as escapes, as the engine's JSON writes them: the same text,
  // nothing raw for a terminal.
  std::string escaped;
  for (std::size_t i = 0, length = 0; i < out.size(); i += length) {
    const long cp = decode(out, i, length);
    if (cp >= 0x80 && hijacks_terminal(cp)) escaped += fmt::format("\\u{:04x}", cp);
    else escaped.append(out, i, length);
  }
  return escaped;
}

// One line per test, under its file.
int run_test_json(const TestOptions& options) {
  std::size_t passed = 0, failed = 0;
  bool broken_policy = false;
  std::string out = "{\n  \"files\": [";
  bool first_file = true;
  for (const std::string& file : options.files) {
    out += first_file ? "\n" : ",\n";
    first_file = false;
    out += fmt::format("    {{\"file\":{},", json_string(file));
    auto policy = compile_policy(file, options.compile);
    if (!policy) {
      print_diagnostics(policy.error(), options.color);
      broken_policy = true;
      out += "\"compiled\":false,\"tests\":[]}";
      continue;
    }
    out += "\"compiled\":true,\"tests\":[";
    const TestResults results = policy->run_tests();
    bool first_test = true;
    for (const TestCase& test : results.cases) {
      out += first_test ? "\n" : ",\n";
      first_test = false;
      std::string failures;
      for (const std::string& failure : test.failures) {
        failures += (failures.empty() ? "" : ",") + json_string(failure);
      }
      out += fmt::format("      {{\"name\":{},\"passed\":{},\"failures\":[{}],\"line\":{}}}", json_string(test.name),
                         test.passed ? "true" : "false", failures, test.line);
      ++(test.passed ? passed : failed);
    }
    out += first_test ? "]}" : "\n    ]}";
  }
  out += fmt::format("{}],\n  \"passed\": {},\n  \"failed\": {}\n}}\n", first_file ? "" : "\n  ", passed, failed);
  std::fputs(out.c_str(), stdout);
  std::fflush(stdout);
  if (broken_policy) return kFailure;
  return failed > 0 ? kFindings : kClean;
}

}  // namespace

int run_test(const TestOptions& options) {
  if (options.format == "json") return run_test_json(options);
  const bool color = use_color(options.color, stdout);
  const auto paint = [color](std::string_view style, std::string_view text) {
    return color ? fmt::format("{}{}\x1b[0m", style, text) : std::string(text);
  };
  std::size_t passed = 0, failed = 0;
  bool broken_policy = false;
  for (const std::string& file : options.files) {
    auto policy = compile_policy(file, options.compile);
    if (!policy) {
      std::fflush(stdout);  // keep the order of the two streams on a shared terminal
      print_diagnostics(policy.error(), options.color);
      broken_policy = true;
      continue;
    }
    const TestResults results = policy->run_tests();
    for (const TestCase& test : results.cases) {
      if (test.passed) {
        fmt::print("{} {}\n", paint("\x1b[1;32m", "PASS"), printable(test.name));
        ++passed;
        continue;
      }
      fmt::print("{} {}\n", paint("\x1b[1;31m", "FAIL"), printable(test.name));
      for (const std::string& failure : test.failures) fmt::print("  {}\n", printable(failure));
      ++failed;
    }
  }
  fmt::print("{} passed, {} failed\n", passed, failed);
  if (broken_policy) return kFailure;
  return failed > 0 ? kFindings : kClean;
}

}  // namespace scalepol::cli
