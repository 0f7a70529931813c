// The regulations of stdlib/regulations/ over Epoch AI's Notable Models (May 2025 export). Every
// count here was computed independently from the CSV with Python (a blank cell is unknown, the
// three-valued `and`/`or` of the language), not read off the engine.
#include "test_support.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

using namespace scalepol;

namespace {

struct Run {
  std::map<std::string, std::map<std::string, int>> counts;  // rule -> value -> models
  std::map<std::string, std::vector<std::string>> trues;     // rule -> models where true
};

Run run_regulation(const std::string& file) {
  Run out;
  auto policy = compile_file(std::string(SCALEPOL_SOURCE_DIR) + "/stdlib/regulations/" + file);
  if (!policy) FAIL(render_text(policy.error()));
  CHECK(policy->warnings().empty());
  auto records =
      load_records(std::string(SCALEPOL_SOURCE_DIR) + "/examples/data/epoch_notable_ai_models_2025-05.csv", *policy);
  if (!records) FAIL(render_text(records.error()));
  CHECK(records->size() == 954);
  CHECK(records->diagnostics().error_count() == 0);
  auto report = policy->evaluate(*records);
  REQUIRE(report.has_value());
  REQUIRE(report->results.size() == 954);
  for (const auto& m : report->results)
    for (const auto& v : m.verdicts) {
      out.counts[v.rule][v.value]++;
      if (v.value == "true") out.trues[v.rule].push_back(m.model);
    }
  return out;
}

}  // namespace

TEST_CASE("EO 14110 over Epoch's data: one model over 1e26, two on the bio line") {
  auto r = run_regulation("eo_14110.policy");
  // Only Grok-3 (4.64e26) is over 1e26; the 471 rows with no compute figure are unknown.
  CHECK(r.trues["model_reporting"] == std::vector<std::string>{"Grok-3"});
  CHECK(r.counts["model_reporting"]["unknown"] == 471);
  CHECK(r.counts["model_reporting"]["false"] == 482);
  // Domain exactly "Biology" and over 1e23: ESM3 (98B) at 1.07e24 and xTrimoPGLM -100B at 6.2e23.
  // Galactica (3.24e23, "Language,Biology") is not caught under this reading of "primarily".
  auto bio = r.trues["bio_model_reporting"];
  std::sort(bio.begin(), bio.end());
  CHECK(bio == std::vector<std::string>{"ESM3 (98B)", "xTrimoPGLM -100B"});
  // 8 Biology rows with no compute figure, and Hunyuan Turbo with neither domain nor compute.
  CHECK(r.counts["bio_model_reporting"]["unknown"] == 9);
  // The cluster clause is a rate Epoch does not record: unknown for every model.
  CHECK(r.counts["cluster_reporting"]["unknown"] == 954);
}

TEST_CASE("SB 1047 over Epoch's data: nothing is definitely covered") {
  auto r = run_regulation("sb_1047.policy");
  // Grok-3 is over 1e26 but has no cost figure: unknown, with the 470 rows with no compute figure
  // and no cost at or below $100M.
  CHECK(r.counts["covered_model"]["true"] == 0);
  CHECK(r.counts["covered_model"]["unknown"] == 471);
  CHECK(r.counts["covered_model"]["false"] == 483);
  CHECK(r.counts["covered_finetune"]["true"] == 0);
  CHECK(r.counts["covered_finetune"]["unknown"] == 26);
}

TEST_CASE("SB 53 over Epoch's data: Grok-3 is the one frontier model") {
  auto r = run_regulation("sb_53.policy");
  CHECK(r.trues["sb53_frontier_model"] == std::vector<std::string>{"Grok-3"});
  CHECK(r.counts["sb53_frontier_model"]["false"] == 447);
  CHECK(r.counts["sb53_frontier_model"]["unknown"] == 506);
  // Revenue is not in the data.
  CHECK(r.counts["large_frontier_developer"]["true"] == 0);
}

TEST_CASE("New York RAISE Act (as passed) over Epoch's data") {
  auto r = run_regulation("ny_raise.policy");
  CHECK(r.counts["raise_frontier_model"]["true"] == 0);
  CHECK(r.counts["raise_frontier_model"]["unknown"] == 471);
  CHECK(r.counts["raise_frontier_model"]["false"] == 483);
}

TEST_CASE("EU AI Act one-third rule over Epoch's data") {
  auto r = run_regulation("eu_gpai_modifiers.policy");
  // Segment Anything is the one modification over a third of its original (1.83x ViT-Huge/14),
  // and ViT-Huge/14 (4.262e21) is not a general-purpose AI model: no modifier is definitely a
  // provider. 42 rows name a base model whose compute, or their own fine-tune compute, is unknown.
  CHECK(r.counts["modifier_becomes_provider"]["true"] == 0);
  CHECK(r.counts["modifier_becomes_provider"]["unknown"] == 42);
  CHECK(r.counts["modifier_becomes_provider"]["false"] == 912);
  CHECK(r.counts["gpai_tier"]["systemic_risk"] == 21);
}

TEST_CASE("std.benchmarks: each benchmark is a score field an importer can use") {
  auto policy = scalepol::testing::compile_ok(R"(
import std.model
import std.benchmarks
trigger broad { when mmlu >= 90 pp or gpqa_diamond >= 60 pp or math >= 90 pp
                  or swe_bench_verified >= 50 pp or frontiermath >= 25 pp }
)");
  // The importer's own file declares no benchmark: the elicitation findings belong to
  // stdlib/std/benchmarks.policy, not to it.
  CHECK(policy.warnings().empty());
  auto report = scalepol::testing::run_json(policy, R"([{"model": "m", "frontiermath": 30}, {"model": "n"}])");
  const auto* m = scalepol::testing::verdict(report, "m", "broad");
  REQUIRE(m != nullptr);
  CHECK(m->value == "true");
  const auto* n = scalepol::testing::verdict(report, "n", "broad");
  REQUIRE(n != nullptr);
  CHECK(n->value == "unknown");
}
