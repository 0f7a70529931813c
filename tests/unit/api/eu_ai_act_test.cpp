// The first real policy over the real data: exactly the 21 models whose Epoch training-compute
// figure exceeds 1e25 FLOP are presumed systemic-risk, and the 471 rows with no figure are
// unknown, not below the line.
#include "test_support.hpp"

#include <algorithm>

#include <map>

using namespace scalepol;

TEST_CASE("EU AI Act Article 51 over Epoch AI's Notable Models") {
  auto policy = compile_file(std::string(SCALEPOL_SOURCE_DIR) + "/stdlib/regulations/eu_ai_act.policy");
  if (!policy) FAIL(render_text(policy.error()));
  CHECK(policy->warnings().empty());
  auto records = load_records(std::string(SCALEPOL_SOURCE_DIR) + "/examples/data/epoch_notable_ai_models_2025-05.csv", *policy);
  if (!records) FAIL(render_text(records.error()));
  CHECK(records->size() == 954);
  CHECK(records->diagnostics().error_count() == 0);
  auto report = policy->evaluate(*records);
  REQUIRE(report.has_value());
  REQUIRE(report->results.size() == 954);

  std::map<std::string, int> counts;
  std::vector<std::string> systemic;
  for (const auto& m : report->results) {
    const auto* v = scalepol::testing::verdict(*report, m.model, "gpai_tier");
    REQUIRE(v != nullptr);
    if (v->value == "systemic_risk") {
      CHECK(v->status == Status::Definite);
      systemic.push_back(m.model);
    }
    if (v->value == "unknown") {
      CHECK(v->status == Status::Unknown);
      CHECK(v->unknown_fields == std::vector<std::string>{"training_compute"});
    }
    counts[v->value]++;
  }
  CHECK(counts["systemic_risk"] == 21);
  CHECK(counts["unknown"] == 471);
  CHECK(counts["systemic_risk"] + counts["gpai"] + counts["none"] + counts["unknown"] == 954);
  CHECK(std::find(systemic.begin(), systemic.end(), "GPT-4") != systemic.end());
  CHECK(std::find(systemic.begin(), systemic.end(), "Inflection-2") != systemic.end());

  const auto* gpt4 = scalepol::testing::verdict(*report, "GPT-4", "gpai_tier.systemic_risk.notify");
  REQUIRE(gpt4 != nullptr);
  CHECK(gpt4->value == "true");
  CHECK(gpt4->quote.find("within two weeks") != std::string::npos);
  const auto* tier = scalepol::testing::verdict(*report, "GPT-4", "gpai_tier");
  CHECK(tier->because == "training_compute is 2.1e25 FLOP; systemic_risk is above 1e25 FLOP; 2.1x its lower bound");
  CHECK(tier->source.find("Article 51(2)") != std::string::npos);
}
