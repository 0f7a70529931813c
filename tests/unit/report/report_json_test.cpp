// Evaluation reports rendered as JSON.
#include <doctest/doctest.h>

#include <sstream>

#include "scalepol/report.hpp"

using namespace scalepol;

namespace {
Report small_report() {
  Report r;
  r.policy = "eu_ai_act";
  r.title = "EU AI Act";
  r.as_of = "2025-06-01";
  Verdict definite{.rule = "gpai_tier",
                   .kind = VerdictKind::Tier,
                   .value = "systemic_risk",
                   .because = "training_compute 2.1e25 FLOP > 1e25 FLOP",
                   .quote = "greater than 10^25",
                   .source = "Article 51(2)"};
  Verdict unknown{.rule = "notify",
                  .kind = VerdictKind::Obligation,
                  .value = "unknown",
                  .status = Status::Unknown,
                  .unknown_fields = {"training_compute", "released"}};
  r.results = {{"GPT-4", {definite}}, {"o3 \"mini\"", {unknown}}, {"none", {}}};
  return r;
}
}  // namespace

TEST_CASE("report JSON: one line per model, fixed key order, empty optional members left out") {
  CHECK(render_report_json(small_report()) ==
        "{\n"
        "  \"policy\": \"eu_ai_act\",\n"
        "  \"title\": \"EU AI Act\",\n"
        "  \"as_of\": \"2025-06-01\",\n"
        "  \"results\": [\n"
        R"json(    {"model":"GPT-4","verdicts":[{"rule":"gpai_tier","kind":"tier","value":"systemic_risk",)json"
        R"json("status":"definite","because":"training_compute 2.1e25 FLOP > 1e25 FLOP",)json"
        R"json("quote":"greater than 10^25","source":"Article 51(2)","robust":true,"depends_on":[]}]},)json" "\n"
        R"json(    {"model":"o3 \"mini\"","verdicts":[{"rule":"notify","kind":"obligation","value":"unknown",)json"
        R"json("status":"unknown","unknown_fields":["training_compute","released"],"robust":true,"depends_on":[]}]},)json" "\n"
        R"json(    {"model":"none","verdicts":[]})json" "\n"
        "  ]\n"
        "}\n");
}

TEST_CASE("report JSON: a verdict that depends on assumptions lists them and its readings") {
  Report r;
  r.policy = "p";
  Verdict v{.rule = "t", .kind = VerdictKind::Trigger, .value = "true", .status = Status::Possible};
  v.robust = false;
  v.depends_on = {"halving"};
  v.readings = {{{{"halving", "5 months"}}, "true", Status::Definite}, {{{"halving", "14 months"}}, "false", Status::Definite}};
  r.results = {{"m", {v}}};
  CHECK(render_report_json(r) ==
        "{\n  \"policy\": \"p\",\n  \"title\": \"\",\n  \"as_of\": \"\",\n  \"results\": [\n"
        R"json(    {"model":"m","verdicts":[{"rule":"t","kind":"trigger","value":"true","status":"possible",)json"
        R"json("robust":false,"depends_on":["halving"],"readings":[)json"
        R"json({"assumptions":{"halving":"5 months"},"value":"true","status":"definite"},)json"
        R"json({"assumptions":{"halving":"14 months"},"value":"false","status":"definite"}]}]})json" "\n"
        "  ]\n}\n");
}

TEST_CASE("report JSON: an empty report keeps its top-level keys") {
  Report r;
  r.policy = "p";
  CHECK(render_report_json(r) == "{\n  \"policy\": \"p\",\n  \"title\": \"\",\n  \"as_of\": \"\",\n  \"results\": []\n}\n");
}

TEST_CASE("report JSON: the stream form writes the same text, even past one chunk") {
  Report r = small_report();
  for (int i = 0; i < 2000; ++i) r.results.push_back(r.results[i % 3]);
  std::ostringstream out;
  render_report_json(out, r);
  CHECK(out.str() == render_report_json(r));
  CHECK(out.str().size() > 64 * 1024);
}

TEST_CASE("enum names are the documented ones") {
  CHECK(std::string(verdict_kind_name(VerdictKind::Exemption)) == "exemption");
  CHECK(std::string(verdict_kind_name(VerdictKind::Trigger)) == "trigger");
  CHECK(std::string(status_name(Status::Possible)) == "possible");
  CHECK(std::string(status_name(Status::Definite)) == "definite");
}
