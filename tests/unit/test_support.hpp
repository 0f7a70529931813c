// Helpers shared by the unit tests: compile a policy from text, find a diagnostic by code.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "scalepol/scalepol.hpp"

namespace scalepol::testing {

// Compile `text` (which may `import std.model`); fails the test with the diagnostics if it does
// not compile.
inline Policy compile_ok(const std::string& text, const std::string& name = "test.policy") {
  auto p = compile_source(text, name);
  if (!p) FAIL_CHECK(render_text(p.error()));
  REQUIRE(p.has_value());
  return *p;
}

// Compile text that must fail; returns its diagnostics.
inline Diagnostics compile_err(const std::string& text, const std::string& name = "test.policy") {
  auto p = compile_source(text, name);
  REQUIRE_FALSE(p.has_value());
  return p.error();
}

inline const Diagnostic* find_code(const Diagnostics& d, const std::string& code) {
  for (const auto& x : d.items)
    if (x.code == code) return &x;
  return nullptr;
}

// The verdict of `rule` for `model` in a report, or null.
inline const Verdict* verdict(const Report& r, const std::string& model, const std::string& rule) {
  for (const auto& m : r.results)
    if (m.model == model)
      for (const auto& v : m.verdicts)
        if (v.rule == rule) return &v;
  return nullptr;
}

inline Report run_json(const Policy& p, const std::string& json, const std::string& as_of = "") {
  auto recs = load_records_from_string(json, "records.json", p, DataFormat::Json);
  if (!recs) FAIL_CHECK(render_text(recs.error()));
  REQUIRE(recs.has_value());
  auto rep = p.evaluate(*recs, {.as_of = as_of});
  REQUIRE(rep.has_value());
  return *rep;
}

}  // namespace scalepol::testing

namespace scalepol::testing {

// The findings of `scalepol::lint` on a policy that compiles.
inline Diagnostics lint_text(const std::string& text, const LintOptions& options = {}) {
  return lint(compile_ok(text), options);
}

// How many findings have this code.
inline std::size_t count_code(const Diagnostics& d, const std::string& code) {
  std::size_t n = 0;
  for (const auto& x : d.items) n += x.code == code;
  return n;
}

// Bundled policies (paths from the source root) whose verdicts reach every kind a report holds:
// a regulation with tiers and obligations, an `assume` sweep, triggers and `@` references. The
// streamed formats are checked on them against the reports made whole.
inline const std::vector<std::string> kReportPolicies = {
    "stdlib/regulations/eu_ai_act.policy",
    "examples/policies/anthropic_rsp_v1_readings.policy",
    "examples/policies/openai_preparedness_v2.policy",
    "examples/policies/seed_benchmark_trigger.policy",
};

}  // namespace scalepol::testing
