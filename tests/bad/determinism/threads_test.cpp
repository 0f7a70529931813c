// Determinism through the API: the same inputs give byte-identical reports whatever the number
// of threads doing the work (1, 2, 4, 8), and whichever thread compiled the policy and loaded the
// records. Each thread compiles, loads, evaluates, explains and lints on its own, then all share
// one compiled policy; every rendering must equal the first single-threaded one, byte for byte.
// Runs in the normal build and under ASan/UBSan (make test); tsan.threads covers data races.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "scalepol/scalepol.hpp"

using namespace scalepol;

namespace {

const std::string kRoot = SCALEPOL_SOURCE_DIR;

struct Case {
  std::string policy, data, model, as_of;
};

// Everything one run produces, rendered, in one string (empty parts say what failed).
std::string outputs(const Policy& policy, const Records& records, const Case& c) {
  std::string out;
  auto report = policy.evaluate(records, {.as_of = c.as_of});
  out += report ? render_report_json(*report) + render_report_text(*report) : "evaluate failed\n";
  auto why = explain(policy, records, c.model, {.as_of = c.as_of});
  out += why ? render_explanation_json(*why) + render_explanation_text(*why) : "explain failed\n";
  const Diagnostics findings = lint(policy);
  out += render_json(findings) + render_sarif(findings) + render_text(findings);
  out += render_text(records.diagnostics());
  const TestResults tests = policy.run_tests();
  for (const auto& t : tests.cases) out += t.name + (t.passed ? " passed\n" : " failed\n");
  return out;
}

std::string from_scratch(const Case& c) {
  auto policy = compile_file(kRoot + "/" + c.policy);
  if (!policy) return "compile failed\n" + render_text(policy.error());
  auto records = load_records(kRoot + "/" + c.data, *policy);
  if (!records) return "load failed\n" + render_text(records.error());
  return outputs(*policy, *records, c);
}

// Runs `work(t)` on `n` threads at once and returns what each produced.
std::vector<std::string> on_threads(int n, const std::function<std::string(int)>& work) {
  std::vector<std::string> results(n);
  std::vector<std::thread> threads;
  for (int t = 0; t < n; ++t) threads.emplace_back([&, t] { results[t] = work(t); });
  for (auto& th : threads) th.join();
  return results;
}

const std::vector<Case> kCases = {
    {"stdlib/regulations/eu_ai_act.policy", "examples/data/epoch_notable_ai_models_2025-05.csv", "GPT-4", ""},
    {"examples/policies/anthropic_rsp_v1_readings.policy", "examples/data/rsp_lineage.jsonl", "Lab-2", "2024-12-01"},
    // Damaged data: the problems (and their order) must be as stable as the verdicts.
    {"tests/bad/data/policy.policy", "tests/bad/data/csv_quoted_newlines/models.csv", "Gamma", "2025-06-01"},
};

}  // namespace

TEST_CASE("the same inputs give the same bytes on 1, 2, 4 and 8 threads") {
  for (const Case& c : kCases) {
    CAPTURE(c.policy);
    const std::string expected = from_scratch(c);
    REQUIRE(expected.find(" failed\n") == std::string::npos);
    CHECK(from_scratch(c) == expected);  // a second run in the same process

    for (int n : {1, 2, 4, 8}) {
      CAPTURE(n);
      // Each thread compiles and loads for itself...
      for (const std::string& got : on_threads(n, [&](int) { return from_scratch(c); })) CHECK(got == expected);
      // ...or all share one compiled policy and one set of records.
      auto policy = compile_file(kRoot + "/" + c.policy);
      REQUIRE(policy.has_value());
      auto records = load_records(kRoot + "/" + c.data, *policy);
      REQUIRE(records.has_value());
      for (const std::string& got : on_threads(n, [&](int) { return outputs(*policy, *records, c); }))
        CHECK(got == expected);
    }
  }
}

TEST_CASE("a policy that does not compile gives the same diagnostics on every thread") {
  const std::string path = kRoot + "/tests/bad/policy/record_wrong_types/input.policy";
  auto first = compile_file(path);
  REQUIRE_FALSE(first.has_value());
  const std::string expected = render_text(first.error()) + render_json(first.error());
  for (const std::string& got : on_threads(8, [&](int) {
         auto p = compile_file(path);
         return p ? std::string("compiled\n") : render_text(p.error()) + render_json(p.error());
       }))
    CHECK(got == expected);
}
