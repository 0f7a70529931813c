// LoadOptions::confidence_ranges on Epoch AI's data: GPT-4's compute figure is 2.1e25 FLOP,
// labelled Speculative. Read as it is, it is definitely over the EU AI Act's 1e25 line; read with
// the Speculative range (÷/× 30: 7e23 to 6.3e26), the presumption of systemic risk is only possible.
#include "test_support.hpp"

#include "scalepol/explain.hpp"

using namespace scalepol;
using scalepol::testing::verdict;

namespace {

const std::string kData = std::string(SCALEPOL_SOURCE_DIR) + "/examples/data/epoch_notable_ai_models_2025-05.csv";

Policy eu_ai_act() {
  auto policy = compile_file(std::string(SCALEPOL_SOURCE_DIR) + "/stdlib/regulations/eu_ai_act.policy");
  if (!policy) FAIL(render_text(policy.error()));
  return *policy;
}

}  // namespace

TEST_CASE("confidence ranges: GPT-4 (Speculative) is possibly, not definitely, systemic risk") {
  const Policy policy = eu_ai_act();
  auto plain = load_records(kData, policy);
  auto ranged = load_records(kData, policy, {.confidence_ranges = true});
  REQUIRE(plain.has_value());
  REQUIRE(ranged.has_value());
  CHECK(ranged->diagnostics().empty());
  auto before = policy.evaluate(*plain);
  auto after = policy.evaluate(*ranged);
  REQUIRE(before.has_value());
  REQUIRE(after.has_value());

  const Verdict* b = verdict(*before, "GPT-4", "gpai_tier");
  const Verdict* a = verdict(*after, "GPT-4", "gpai_tier");
  REQUIRE(b != nullptr);
  REQUIRE(a != nullptr);
  CHECK(b->value == "systemic_risk");
  CHECK(b->status == Status::Definite);
  CHECK(a->value == "systemic_risk");  // the point estimate's tier
  CHECK(a->status == Status::Possible);
  CHECK(a->because.find("range 7e23 FLOP–6.3e26 FLOP") != std::string::npos);
  const Verdict* notify = verdict(*after, "GPT-4", "gpai_tier.systemic_risk.notify");
  REQUIRE(notify != nullptr);
  CHECK(notify->status == Status::Possible);

  // The explanation says where the range came from.
  auto e = explain(policy, *ranged, "GPT-4");
  REQUIRE(e.has_value());
  REQUIRE(!e->verdicts.empty());
  const auto& values = e->verdicts[0].values;
  REQUIRE(values.size() == 1);
  CHECK(values[0].name == "training_compute");
  CHECK(values[0].low == 2.1e25 / 30);  // binary64, never rounded for show
  CHECK(values[0].high == 2.1e25 * 30);
  CHECK(values[0].note.find("`confidence` label `Speculative`") != std::string::npos);
  CHECK(values[0].note.find("by 30") != std::string::npos);

  // GPT-4 Turbo's label is `Unknown`: no range, and the explanation says so.
  auto turbo = explain(policy, *ranged, "GPT-4 Turbo");
  REQUIRE(turbo.has_value());
  CHECK(turbo->verdicts[0].verdict.status == Status::Definite);
  CHECK(turbo->verdicts[0].values[0].note ==
        "the `confidence` label `Unknown` gives no range: the figure is read as exact");
}

TEST_CASE("confidence ranges over the whole data set: only labelled figures move") {
  const Policy policy = eu_ai_act();
  auto plain = load_records(kData, policy);
  auto ranged = load_records(kData, policy, {.confidence_ranges = true});
  REQUIRE(plain.has_value());
  REQUIRE(ranged.has_value());
  auto before = policy.evaluate(*plain);
  auto after = policy.evaluate(*ranged);
  REQUIRE(before.has_value());
  REQUIRE(after.has_value());
  REQUIRE(before->results.size() == after->results.size());
  std::size_t definite_before = 0, definite_after = 0, unknown_before = 0, unknown_after = 0;
  for (std::size_t i = 0; i < before->results.size(); ++i) {
    const Verdict& b = before->results[i].verdicts[0];
    const Verdict& a = after->results[i].verdicts[0];
    CHECK(a.value == b.value);  // ranges keep the point estimate's tier
    definite_before += b.status == Status::Definite;
    definite_after += a.status == Status::Definite;
    unknown_before += b.status == Status::Unknown;
    unknown_after += a.status == Status::Unknown;
  }
  CHECK(unknown_after == unknown_before);  // a range never makes a missing figure known
  CHECK(definite_after < definite_before);
}

TEST_CASE("confidence ranges need the policy's schema to have a `confidence` field") {
  auto policy = compile_source("field model: text key column \"Model\"\nfield training_compute: FLOP column "
                               "\"Training compute (FLOP)\"\n",
                               "bare.policy");
  REQUIRE(policy.has_value());
  auto records = load_records(kData, *policy, {.confidence_ranges = true});
  REQUIRE_FALSE(records.has_value());
  REQUIRE(records.error().items.size() == 1);
  CHECK(records.error().items[0].code == "confidence-ranges-unavailable");
  CHECK(records.error().items[0].help.find("import std.model") != std::string::npos);
}
