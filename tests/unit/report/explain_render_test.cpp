// Explanations rendered as text and as JSON.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "scalepol/explain.hpp"

using namespace scalepol;

namespace {

Explanation small_explanation() {
  Explanation e;
  e.policy = "eu_ai_act";
  e.title = "EU AI Act";
  e.model = "GPT-4";
  e.data = "models.csv";
  e.line = 58;
  VerdictTrace t;
  t.verdict = Verdict{.rule = "gpai_tier",
                      .kind = VerdictKind::Tier,
                      .value = "systemic_risk",
                      .status = Status::Possible,
                      .because = "training_compute is 2.1e25 FLOP",
                      .quote = "greater than 10^25",
                      .source = "Article 51(2)"};
  t.condition = "systemic_risk if training_compute > 1e25 FLOP";
  t.steps = {{.test = "training_compute > 1e25 FLOP (the lower bound of systemic_risk)",
              .result = "possible",
              .margin = "2.1e25 FLOP is 2.1x over 1e25 FLOP; the range 8.2e24 FLOP–4.4e25 FLOP straddles it",
              .flip = "would fall to `gpai` at 1e25 FLOP or less: 2.1x less training_compute"}};
  t.values = {{.name = "training_compute",
               .value = "2.1e25 FLOP (range 8.2e24 FLOP–4.4e25 FLOP)",
               .origin = ValueOrigin::Record,
               .source = "column `Training compute (FLOP)`",
               .location = "models.csv:58",
               .note = "range from the bound columns",
               .numeric = true,
               .x = 2.1e25,
               .low = 8.2e24,
               .high = 4.4e25,
               .unit = "FLOP"},
              {.name = "gpai_tier\x1b[2J", .value = "gpai", .origin = ValueOrigin::Rule, .source = "tiers gpai_tier"}};
  e.verdicts = {t};
  return e;
}

}  // namespace

TEST_CASE("explanation JSON: the heading, then one line per verdict with its trace") {
  const std::string out = render_explanation_json(small_explanation());
  CHECK(out.starts_with("{\n  \"policy\": \"eu_ai_act\",\n  \"title\": \"EU AI Act\",\n  \"as_of\": \"\",\n"
                        "  \"model\": \"GPT-4\",\n  \"data\": \"models.csv\",\n  \"line\": 58,\n  \"rows\": [],\n  \"reading\": \"\",\n"
                        "  \"readings\": 1,\n  \"verdicts\": [\n    {\"rule\":\"gpai_tier\",\"kind\":\"tier\","));
  CHECK(out.ends_with("}]}\n  ]\n}\n"));
  const auto doc = nlohmann::json::parse(out);
  const auto& v = doc["verdicts"][0];
  CHECK(v["status"] == "possible");
  CHECK(v["robust"] == true);
  CHECK(v["condition"] == "systemic_risk if training_compute > 1e25 FLOP");
  CHECK(v["steps"][0]["result"] == "possible");
  CHECK(v["steps"][0]["flip"] == "would fall to `gpai` at 1e25 FLOP or less: 2.1x less training_compute");
  const auto& x = v["values"][0];
  CHECK(x["origin"] == "record");
  CHECK(x["number"] == 2.1e25);
  CHECK(x["low"] == 8.2e24);
  CHECK(x["unit"] == "FLOP");
  // Optional members are left out when empty; a value with no number has none of its keys.
  const auto& rule = v["values"][1];
  CHECK(rule["origin"] == "rule");
  CHECK_FALSE(rule.contains("location"));
  CHECK_FALSE(rule.contains("number"));
  CHECK_FALSE(v["steps"][0].contains("unknown"));
}

TEST_CASE("explanation text: blocks per verdict; data from files cannot reach the terminal as control codes") {
  const std::string out = render_explanation_text(small_explanation());
  CHECK(out ==
        "GPT-4 under eu_ai_act \"EU AI Act\"\n"
        "record: models.csv, line 58\n"
        "\n"
        "gpai_tier (tier)\n"
        "  verdict    systemic_risk, possible\n"
        "  because    training_compute is 2.1e25 FLOP\n"
        "  condition  systemic_risk if training_compute > 1e25 FLOP\n"
        "  test       training_compute > 1e25 FLOP (the lower bound of systemic_risk): possible\n"
        "               2.1e25 FLOP is 2.1x over 1e25 FLOP; the range 8.2e24 FLOP–4.4e25 FLOP straddles it\n"
        "               would fall to `gpai` at 1e25 FLOP or less: 2.1x less training_compute\n"
        "  value      training_compute = 2.1e25 FLOP (range 8.2e24 FLOP–4.4e25 FLOP)\n"
        "               record: column `Training compute (FLOP)` (models.csv:58)\n"
        "               range from the bound columns\n"
        "  value      gpai_tier\xEF\xBF\xBD[2J = gpai\n"
        "               rule: tiers gpai_tier\n"
        "  quote      \"greater than 10^25\"\n"
        "               Article 51(2)\n");
  const std::string colored = render_explanation_text(small_explanation(), {.color = true});
  CHECK(colored.find("\x1b[33msystemic_risk, possible") != std::string::npos);
}
