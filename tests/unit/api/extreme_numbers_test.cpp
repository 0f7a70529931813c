// Records whose numbers sit at the ends of the double range: a subnormal training compute
// (66e-312) and the largest double. Evaluating, explaining and reading confidence ranges must
// give verdicts and readable reasons, not an internal error (rounding the numbers in reasons
// through std::stod would throw out_of_range for both).
#include "test_support.hpp"

#include <filesystem>
#include <fstream>

#include "scalepol/explain.hpp"

using namespace scalepol;
using scalepol::testing::compile_ok;
using scalepol::testing::verdict;

namespace {

Policy eu_ai_act() {
  auto policy = compile_file(std::string(SCALEPOL_SOURCE_DIR) + "/stdlib/regulations/eu_ai_act.policy");
  if (!policy) FAIL(render_text(policy.error()));
  return *policy;
}

Records load(const Policy& policy, const std::string& jsonl) {
  auto records = load_records_from_string(jsonl, "records.jsonl", policy, DataFormat::JsonLines);
  if (!records) FAIL(render_text(records.error()));
  return *records;
}

// The confidence ranges are an option of load_records, which reads a file.
Records load_with_confidence_ranges(const Policy& policy, const std::string& jsonl) {
  const auto path = std::filesystem::temp_directory_path() / "scalepol_extreme_numbers_test.jsonl";
  {
    std::ofstream out(path, std::ios::binary);
    out << jsonl;
  }
  auto records = load_records(path.string(), policy, {.format = DataFormat::JsonLines, .confidence_ranges = true});
  std::filesystem::remove(path);
  if (!records) FAIL(render_text(records.error()));
  return *records;
}

Verdict evaluated(const Policy& policy, const Records& records, const std::string& model, const std::string& rule) {
  auto report = policy.evaluate(records);
  if (!report) FAIL(render_text(report.error()));
  const Verdict* v = verdict(*report, model, rule);
  REQUIRE(v != nullptr);
  return *v;
}

}  // namespace

TEST_CASE("a subnormal training compute is evaluated and explained") {
  const Policy policy = eu_ai_act();
  const Records records =
      load(policy, R"({"model": "Tiny", "released": "2024-09-01", "training_compute": 66e-312})" "\n");
  const Verdict v = evaluated(policy, records, "Tiny", "gpai_tier");
  CHECK(v.value == "none");
  CHECK(v.status == Status::Definite);
  CHECK(v.because.find("6.6e-311 FLOP") != std::string::npos);
  // 1e23 FLOP / 6.6e-311 FLOP is past the range of a double: no "infx below its upper bound".
  CHECK(v.because.find("inf") == std::string::npos);
  auto e = explain(policy, records, "Tiny");
  if (!e) FAIL(render_text(e.error()));
  REQUIRE(!e->verdicts.empty());
  // The margins are differences where a ratio would be past the range of a double.
  const std::string text = render_explanation_text(*e);
  CHECK(text.find("6.6e-311 FLOP is 1e23 FLOP under 1e23 FLOP") != std::string::npos);
  CHECK(text.find("would enter `gpai` above 1e23 FLOP: 1e23 FLOP more training_compute") != std::string::npos);
  CHECK(text.find("inf") == std::string::npos);
}

TEST_CASE("the largest double as training compute is evaluated and explained") {
  const Policy policy = eu_ai_act();
  const Records records = load(
      policy, R"({"model": "Huge", "released": "2024-09-01", "training_compute": 1.7976931348623157e308})" "\n");
  const Verdict v = evaluated(policy, records, "Huge", "gpai_tier");
  CHECK(v.value == "systemic_risk");
  CHECK(v.status == Status::Definite);
  // The figure keeps all its digits: four would round it out of range.
  CHECK(v.because.find("1.7976931348623157e308 FLOP") != std::string::npos);
  auto e = explain(policy, records, "Huge");
  if (!e) FAIL(render_text(e.error()));
  CHECK(!e->verdicts.empty());
}

TEST_CASE("a tier's margin that rounds out of range is written in full") {
  // x / 1 FLOP is the largest double; to four digits it would be 1.798e308, past the range.
  const Policy policy = compile_ok(R"(
import std.model
tiers size by training_compute {
  tier small below 1 FLOP
  tier large from 1 FLOP
}
)");
  const Records records = load(
      policy, R"({"model": "Huge", "released": "2024-09-01", "training_compute": 1.7976931348623157e308})" "\n");
  const Verdict v = evaluated(policy, records, "Huge", "size");
  CHECK(v.value == "large");
  CHECK(v.because.find("1.7976931348623157e308x its lower bound") != std::string::npos);
}

TEST_CASE("confidence ranges around a subnormal figure") {
  // 1e-320 FLOP labelled Speculative: the range is 1e-320 / 30 to 1e-320 × 30, both subnormal.
  const Policy policy = eu_ai_act();
  const Records records = load_with_confidence_ranges(
      policy,
      R"({"model": "Tiny", "released": "2024-09-01", "training_compute": 1e-320, "confidence": "Speculative"})" "\n");
  CHECK(records.diagnostics().empty());
  const Verdict v = evaluated(policy, records, "Tiny", "gpai_tier");
  CHECK(v.value == "none");
  CHECK(v.status == Status::Definite);
  CHECK(v.because.find("(range 3.3e-322 FLOP–3e-319 FLOP)") != std::string::npos);
  CHECK(v.because.find("inf") == std::string::npos);
}
