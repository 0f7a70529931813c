// Built with ThreadSanitizer against a TSan-instrumented copy of the engine (tests/CMakeLists.txt):
// one compiled policy and one set of records, shared by several threads that evaluate, lint and
// explain at once. TSan fails the test on any data race; the results must also equal one thread's.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "scalepol/scalepol.hpp"

using namespace scalepol;

TEST_CASE("a compiled policy is safe to share between threads") {
  const std::string root = SCALEPOL_SOURCE_DIR;
  auto policy = compile_file(root + "/examples/policies/anthropic_rsp_v1_readings.policy");
  REQUIRE(policy.has_value());
  auto records = load_records(root + "/examples/data/rsp_lineage.jsonl", *policy);
  REQUIRE(records.has_value());
  auto eu = compile_file(root + "/stdlib/regulations/eu_ai_act.policy");
  REQUIRE(eu.has_value());
  auto epoch = load_records(root + "/examples/data/epoch_notable_ai_models_2025-05.csv", *eu);
  REQUIRE(epoch.has_value());

  const std::string expected_rsp = render_report_json(*policy->evaluate(*records, {.as_of = "2024-12-01"}));
  const std::string expected_eu = render_report_json(*eu->evaluate(*epoch));
  const std::size_t expected_findings = lint(*policy).items.size();

  constexpr int kThreads = 4;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int k = 0; k < 3; ++k) {
        auto rsp = policy->evaluate(*records, {.as_of = "2024-12-01"});
        auto all = eu->evaluate(*epoch);
        if (!rsp || render_report_json(*rsp) != expected_rsp) ++mismatches[t];
        if (!all || render_report_json(*all) != expected_eu) ++mismatches[t];
        if (lint(*policy).items.size() != expected_findings) ++mismatches[t];
        auto why = explain(*policy, *records, "Lab-2", {.as_of = "2024-12-01"});
        if (!why) ++mismatches[t];
        auto runs = policy->run_tests();
        if (runs.failed() != 0) ++mismatches[t];
      }
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) CHECK(mismatches[t] == 0);
}

TEST_CASE("policies compile from several threads at once") {
  const std::string root = SCALEPOL_SOURCE_DIR;
  constexpr int kThreads = 4;
  std::vector<std::size_t> warnings(kThreads, 99), errors(kThreads, 99);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int k = 0; k < 3; ++k) {
        auto p = compile_file(root + "/examples/policies/openai_preparedness_beta.policy");
        warnings[t] = p ? lint(*p).items.size() : 99;
        auto bad = compile_source("trigger t { when training_compte > 1 }", "bad.policy");
        errors[t] = bad ? 0 : bad.error().error_count();
      }
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) {
    CHECK(warnings[t] == 2);  // undefined-term and vague-condition
    CHECK(errors[t] == 1);
  }
}
