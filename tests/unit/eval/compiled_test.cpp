// Differential tests: the compiled evaluator (eval/compiled.cpp) must give exactly the verdicts
// of the interpreter (Policy::evaluate) — value, status, robustness, the assumptions a verdict
// depends on, and which obligations are shown — on every policy of the repository over Epoch AI's
// data and the lineage example, and on random records with ranges and missing values.
#include "test_support.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <random>
#include <sstream>

#include "api/eval_setup.hpp"
#include "api/impl.hpp"
#include "random_records.hpp"
#include "eval/compiled.hpp"

using namespace scalepol;
using namespace scalepol::testing;

namespace {

const std::string kRoot = SCALEPOL_SOURCE_DIR;

// Compares the two evaluations record by record; returns how many verdicts were compared.
std::size_t compare(const Policy& policy, const Records& records, const std::string& as_of = "") {
  auto report = policy.evaluate(records, {.as_of = as_of});
  REQUIRE(report.has_value());
  const auto& impl = internals(policy);
  const eval::CompiledPolicy& cp = *impl.compiled;
  const auto& set = internals(records).set;
  const int32_t date = *api::parse_as_of(as_of);
  eval::CompiledRun run(cp, set, date, impl.limits.max_eval_steps_per_record);
  const auto& columns = cp.columns();
  std::vector<eval::Cell> cells(columns.size());
  std::vector<std::string> dims;
  for (int32_t d : cp.readings().dims) dims.push_back(cp.program().assumptions[d].decl->name.text);

  std::size_t compared = 0;
  REQUIRE(report->results.size() == set.records.size());
  for (std::size_t r = 0; r < set.records.size(); ++r) {
    run.evaluate(set.records[r], cells.data());
    const ModelResult& m = report->results[r];
    std::map<std::string, const Verdict*> by_rule;
    for (const auto& v : m.verdicts) by_rule[v.rule] = &v;
    std::size_t shown = 0;
    for (std::size_t k = 0; k < columns.size(); ++k) {
      const eval::Cell& c = cells[k];
      INFO(policy.name() << ": model " << m.model << ", rule " << columns[k].name);
      auto it = by_rule.find(columns[k].name);
      if (!c.shown) {
        CHECK(it == by_rule.end());
        continue;
      }
      ++shown;
      REQUIRE(it != by_rule.end());
      const Verdict& v = *it->second;
      const std::string value = c.value < 0 ? "unknown" : columns[k].values[static_cast<std::size_t>(c.value)];
      CHECK(value == v.value);
      CHECK(status_name(c.status) == std::string(status_name(v.status)));
      CHECK(c.robust == v.robust);
      std::vector<std::string> depends;
      for (std::size_t d = 0; d < dims.size(); ++d)
        if (c.depends & (uint64_t{1} << d)) depends.push_back(dims[d]);
      CHECK(depends == v.depends_on);
      ++compared;
    }
    CHECK(shown == m.verdicts.size());
  }
  return compared;
}

}  // namespace

TEST_CASE("compiled verdicts equal the interpreter's on every policy of the repository") {
  std::vector<std::string> policies;
  for (const char* dir : {"/examples/policies", "/stdlib/regulations"})
    for (const auto& e : std::filesystem::directory_iterator(kRoot + dir))
      if (e.path().extension() == ".policy") policies.push_back(e.path().string());
  std::sort(policies.begin(), policies.end());
  REQUIRE(policies.size() >= 10);

  std::size_t compared = 0;
  for (const auto& path : policies) {
    auto policy = compile_file(path);
    REQUIRE_MESSAGE(policy.has_value(), path);
    for (const char* data : {"/examples/data/epoch_notable_ai_models_2025-05.csv", "/examples/data/rsp_lineage.jsonl"}) {
      for (bool ranges : {false, true}) {
        auto records = load_records(kRoot + data, *policy, {.confidence_ranges = ranges});
        if (!records) continue;  // a schema without the `confidence` field cannot take ranges
        compared += compare(*policy, *records);
        compared += compare(*policy, *records, "2025-06-01");
      }
    }
  }
  MESSAGE("verdicts compared: " << compared);
  CHECK(compared > 10000);
}

TEST_CASE("compiled verdicts equal the interpreter's on random records with ranges and gaps") {
  // Every shape the compiled evaluator has a node for: fields against constants, arithmetic on
  // ranges, and/or/not with unknowns, is known, min/max/abs, time_since, within, escalation,
  // obligations and exemptions (and `contains` on them), an assumption sweep.
  auto policy = compile_ok(R"(import std.model
define scaled = training_compute * 2 - 1e24 FLOP
define bounded = min(training_compute, 1e26 FLOP) + abs(1e24 FLOP - training_compute)
assume {
  factor in [1, 10]
  slack in 3..30
}
tiers compute_tier by training_compute {
  tier low   below 1e23 FLOP
  tier mid   from 1e23 FLOP below 1e25 FLOP   require report "a report"
  tier high  from 1e25 FLOP                   require notify "notify the office"
}
escalate compute_tier to high when parameters > 1e12
trigger big { when scaled * factor > 1e25 FLOP or (parameters is known and parameters > 1e11) }
trigger old { when time_since(released) > 365 days and not (bounded < 1e20 FLOP) }
trigger range_wide { when training_compute * slack / 10 >= 5e25 FLOP }
trigger pinned { when 3 months within 2..5 months > 2 months }
exemption open_source {
  applies_to compute_tier.mid
  when open_weights and released < 2024-01-01
}
trigger has_report { when compute_tier >= mid and not (compute_tier == compute_tier.high) }
)");
  const std::string json = random_records_json(7, 400);
  auto records = load_records_from_string(json, "random.json", policy, DataFormat::Json);
  REQUIRE(records.has_value());
  std::size_t compared = compare(policy, *records, "2025-06-01") + compare(policy, *records);
  MESSAGE("verdicts compared: " << compared);
  CHECK(compared > 4000);
}

TEST_CASE("compiled evaluation follows `@` references like the interpreter") {
  auto policy = compile_ok(R"(import std.model
field predecessor_name: text column "predecessor"
reference predecessor = predecessor_name
define growth = training_compute / training_compute@predecessor
trigger jump { when growth >= 4x }
trigger grandparent_known { when growth@predecessor is known }
)");
  auto records = load_records_from_string(R"([
    {"model": "a", "training_compute": 1e22},
    {"model": "b", "training_compute": 5e22, "predecessor": "a"},
    {"model": "c", "training_compute": {"low": 1e23, "high": 4e23}, "predecessor": "b"},
    {"model": "d", "predecessor": "c"},
    {"model": "loop1", "training_compute": 1e20, "predecessor": "loop2"},
    {"model": "loop2", "training_compute": 1e21, "predecessor": "loop1"}
  ])", "refs.json", policy, DataFormat::Json);
  REQUIRE(records.has_value());
  CHECK(compare(policy, *records) == 12);
}
