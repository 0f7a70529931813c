// run_jsonl and evaluate_table: streaming gives the verdicts of the whole-file evaluation,
// whatever the block size (tiny blocks cut records, quoted newlines and CRLFs at every place),
// with the diagnostics on their true lines.
#include "test_support.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "eval/random_records.hpp"

using namespace scalepol;
using namespace scalepol::testing;

namespace {

const std::string kRoot = SCALEPOL_SOURCE_DIR;
const std::string kEpoch = kRoot + "/examples/data/epoch_notable_ai_models_2025-05.csv";

std::string temp_file(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("scalepol_stream_test_" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

std::string stream(const Policy& p, const std::string& path, std::size_t block, StreamSummary* summary = nullptr,
                   const LoadOptions& load = {}) {
  std::ostringstream out;
  auto r = run_jsonl(p, path, out, {.load = load, .block_bytes = block});
  if (!r) FAIL_CHECK(render_text(r.error()));
  REQUIRE(r.has_value());
  if (summary) *summary = *r;
  return out.str();
}

// The same verdicts through the full Report, in run_jsonl's format.
std::string expected_lines(const Report& report) {
  std::string out;
  for (const auto& m : report.results) {
    out += "{\"model\":\"" + m.model + "\",\"verdicts\":{";
    bool first = true;
    for (const auto& v : m.verdicts) {
      out += (first ? "\"" : ",\"") + v.rule + "\":{\"value\":\"" + v.value + "\",\"status\":\"" + status_name(v.status) + "\"";
      if (!v.robust) {
        out += ",\"depends_on\":[";
        for (std::size_t i = 0; i < v.depends_on.size(); ++i) out += (i ? ",\"" : "\"") + v.depends_on[i] + "\"";
        out += "]";
      }
      out += "}";
      first = false;
    }
    out += "}}\n";
  }
  return out;
}

}  // namespace

TEST_CASE("run_jsonl over Epoch AI's data gives the Report's verdicts, for any block size") {
  auto policy = compile_file(kRoot + "/stdlib/regulations/eu_ai_act.policy");
  REQUIRE(policy.has_value());
  auto records = load_records(kEpoch, *policy);
  REQUIRE(records.has_value());
  auto report = policy->evaluate(*records);
  REQUIRE(report.has_value());
  const std::string expected = expected_lines(*report);
  StreamSummary summary;
  const std::string whole = stream(*policy, kEpoch, 1 << 20, &summary);
  CHECK(whole == expected);
  CHECK(summary.records == records->size());
  CHECK(summary.streamed);
  for (std::size_t block : {16, 100, 4096}) {
    INFO("block " << block);
    CHECK(stream(*policy, kEpoch, block) == expected);
  }
}

TEST_CASE("run_jsonl follows the interpretation sweep and says what a verdict depends on") {
  auto policy = compile_file(kRoot + "/examples/policies/anthropic_rsp_v1_readings.policy");
  REQUIRE(policy.has_value());
  const std::string data = kRoot + "/examples/data/rsp_lineage.jsonl";
  auto records = load_records(data, *policy);
  REQUIRE(records.has_value());
  auto report = policy->evaluate(*records);
  REQUIRE(report.has_value());
  StreamSummary summary;
  const std::string out = stream(*policy, data, 1 << 20, &summary);
  CHECK(out == expected_lines(*report));
  CHECK(out.find("\"depends_on\":[\"halving\"]") != std::string::npos);
  CHECK_FALSE(summary.streamed);  // `@` references need every record at hand
}

TEST_CASE("an obligation that only a later reading imposes keeps its place among the verdicts") {
  // Under the first reading `first` is `low` and imposes nothing; under the second it is `high`.
  // The Report listed `first.high.notify` after `second.high.notify` (the order the readings first
  // reported them in); run_jsonl lists rules in the policy's order (a finding of fuzz_policy_ast).
  auto policy = compile_source(
      "import std.model\n"
      "tiers first by fz {\n  tier low below 1e25 FLOP\n  tier high from 1e25 FLOP\n    require notify \"x\"\n}\n"
      "tiers second by training_compute {\n  tier low below 1e25 FLOP\n  tier high from 1e25 FLOP\n"
      "    require notify \"y\"\n}\n"
      "assume {\n  fz in [1e24 FLOP, 1e26 FLOP]\n}\n",
      "order.policy");
  REQUIRE(policy.has_value());
  const std::string data = temp_file("order.csv", "Model,Training compute (FLOP)\nbig,3e25\n");
  auto records = load_records(data, *policy);
  REQUIRE(records.has_value());
  auto report = policy->evaluate(*records);
  REQUIRE(report.has_value());
  std::vector<std::string> rules;
  for (const auto& v : report->results.at(0).verdicts) rules.push_back(v.rule);
  CHECK(rules == std::vector<std::string>{"first", "second", "first.high.notify", "second.high.notify"});
  CHECK(stream(*policy, data, 1 << 20) == expected_lines(*report));
  std::filesystem::remove(data);
}

TEST_CASE("run_jsonl through the batch evaluator gives the Report's lines, for any block size") {
  // No `@` references: each block's columns are made and evaluated in batches (eval/batch.hpp).
  // The policy has a node of every kind, an assumption sweep (so `depends_on`) and text tests
  // whose per-text results must not outlive their block.
  auto policy = compile_ok(kEveryNodePolicy);
  const std::string path = temp_file("batch.jsonl", random_records_jsonl(5, 900, /*more=*/true));
  for (const char* as_of : {"", "2025-06-01"}) {
    auto records = load_records(path, policy);
    REQUIRE(records.has_value());
    auto report = policy.evaluate(*records, {.as_of = as_of});
    REQUIRE(report.has_value());
    const std::string expected = expected_lines(*report);
    REQUIRE(expected.find("depends_on") != std::string::npos);
    for (std::size_t block : {64, 1000, 1 << 20}) {
      INFO("as of `" << as_of << "`, block " << block);
      std::ostringstream out;
      auto r = run_jsonl(policy, path, out, {.eval = {.as_of = as_of}, .block_bytes = block});
      REQUIRE(r.has_value());
      CHECK(r->streamed);
      CHECK(out.str() == expected);
    }
  }
}

TEST_CASE("streamed CSV: BOM, CRLF, quoted newlines and bad values keep their lines") {
  auto policy = compile_ok("import std.model\ntrigger big { when training_compute > 1e25 FLOP }\n");
  const std::string csv =
      "\xEF\xBB\xBFModel,Training compute (FLOP),Notes\r\n"
      "a,2e25,\"two\r\nlines\"\r\n"
      "b,lots,plain\r\n"
      "\"c, quoted\",1e24,\"say \"\"hi\"\"\"\r\n"
      "\r\n"
      "d,3e25\r\n"
      "e,4e25,x";  // no line end at the end of the file
  const std::string path = temp_file("crlf.csv", csv);
  auto records = load_records(path, policy);
  REQUIRE(records.has_value());
  auto report = policy.evaluate(*records);
  REQUIRE(report.has_value());
  const std::string expected = expected_lines(*report);
  for (std::size_t block : {16, 17, 23, 31, 64, 1000}) {
    INFO("block " << block);
    StreamSummary summary;
    CHECK(stream(policy, path, block, &summary) == expected);
    CHECK(summary.records == 5);
    // The value that cannot be read is reported on its line (4: the quoted cell spans 2 and 3),
    // as the whole-file loader reports it; the ragged row on line 6.
    REQUIRE(summary.diagnostics.items.size() == records->diagnostics().items.size());
    for (std::size_t i = 0; i < summary.diagnostics.items.size(); ++i) {
      CHECK(summary.diagnostics.items[i].code == records->diagnostics().items[i].code);
      CHECK(summary.diagnostics.items[i].location.line == records->diagnostics().items[i].location.line);
      CHECK(summary.diagnostics.items[i].location.column == records->diagnostics().items[i].location.column);
    }
  }
  CHECK(records->diagnostics().items.front().location.line == 4);
}

TEST_CASE("streamed JSON Lines: a bad line is skipped and reported on its line") {
  auto policy = compile_ok("import std.model\ntrigger big { when training_compute > 1e25 FLOP }\n");
  const std::string jsonl =
      "{\"model\": \"a\", \"training_compute\": 2e25}\n"
      "\n"
      "{\"model\": \"b\", \"training_compute\": }\n"
      "{\"model\": \"c\", \"training_compute\": {\"low\": 1e24, \"high\": 1e26}}\n"
      "{\"model\": \"d\", \"training_compute\": \"many\"}\n"
      "{\"model\": \"e\"}";
  const std::string path = temp_file("lines.jsonl", jsonl);
  auto records = load_records(path, policy);
  REQUIRE(records.has_value());
  auto report = policy.evaluate(*records);
  REQUIRE(report.has_value());
  const std::string expected = expected_lines(*report);
  CHECK(expected.find("\"possible\"") != std::string::npos);  // c's range straddles the line
  for (std::size_t block : {16, 40, 41, 100, 1 << 20}) {
    INFO("block " << block);
    StreamSummary summary;
    CHECK(stream(policy, path, block, &summary) == expected);
    CHECK(summary.records == 4);
    REQUIRE(summary.diagnostics.items.size() == 2);
    CHECK(summary.diagnostics.items[0].code == "malformed-json");
    CHECK(summary.diagnostics.items[0].location.line == 3);
    CHECK(summary.diagnostics.items[1].code == "malformed-value");
    CHECK(summary.diagnostics.items[1].location.line == 5);
  }
}

TEST_CASE("run_jsonl: fatal problems are errors, a JSON array is read whole") {
  auto policy = compile_ok("import std.model\ntrigger big { when training_compute > 1e25 FLOP }\n");
  std::ostringstream out;
  auto missing = run_jsonl(policy, "/nonexistent/models.csv", out);
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().items.front().code == "io-error");
  auto empty = run_jsonl(policy, temp_file("empty.csv", ""), out);
  REQUIRE_FALSE(empty.has_value());
  CHECK(empty.error().items.front().code == "malformed-csv");
  StreamSummary summary;
  const std::string array = temp_file("array.json", R"([{"model": "a", "training_compute": 2e25}])");
  CHECK(stream(policy, array, 1 << 20, &summary) ==
        "{\"model\":\"a\",\"verdicts\":{\"big\":{\"value\":\"true\",\"status\":\"definite\"}}}\n");
  CHECK_FALSE(summary.streamed);
}

TEST_CASE("evaluate_table gives every verdict as numbers") {
  auto policy = compile_file(kRoot + "/stdlib/regulations/eu_ai_act.policy");
  REQUIRE(policy.has_value());
  auto records = load_records(kEpoch, *policy);
  REQUIRE(records.has_value());
  auto table = evaluate_table(*policy, *records);
  REQUIRE(table.has_value());
  REQUIRE(table->records == records->size());
  REQUIRE(table->rules.front().name == "gpai_tier");
  std::map<std::string, int> counts;
  for (std::size_t r = 0; r < table->records; ++r) ++counts[table->value_name(0, table->at(r, 0))];
  // As `make run` prints, and as eu_ai_act_test.cpp checks through the Report.
  CHECK(counts["systemic_risk"] == 21);
  CHECK(counts["gpai"] == 90);
  CHECK(counts["none"] == 372);
  CHECK(counts["unknown"] == 471);
}

// Streaming reuses the records of the previous block and resets only the fields the policy reads
// (the others are never written): a value of an earlier record must not show through in a later
// one that lacks it, whichever fields it has, in either format.
TEST_CASE("streamed records reused across blocks do not keep an earlier record's values") {
  auto policy = compile_ok(
      "import std.model\n"
      "trigger big { when training_compute > 1e25 FLOP }\n"
      "exemption old_open { applies_to all  when open_weights and released < 2024-01-01 }\n");
  const std::string jsonl =
      "{\"model\": \"a\", \"training_compute\": 2e25, \"accessibility\": \"Open weights\", \"released\": \"2023-01-01\", \"parameters\": 7}\n"
      "{\"model\": \"b\", \"parameters\": 8}\n"
      "{\"model\": \"c\", \"training_compute\": {\"value\": 2e25, \"low\": 1e24, \"high\": 1e26}}\n"
      "{\"model\": \"d\", \"released\": \"2025-01-01\"}\n"
      "{\"model\": \"e\", \"training_compute\": 1e24, \"accessibility\": \"API access\"}\n"
      "{\"organization\": \"no name\"}\n";
  const std::string csv =
      "Model,Training compute (FLOP),Training compute lower bound,Training compute upper bound,Model accessibility,Publication date,Parameters\n"
      "a,2e25,,,Open weights,2023-01-01,7\n"
      "b,,,,,,8\n"
      "c,2e25,1e24,1e26,,,\n"
      "d,,,,,2025-01-01,\n"
      "e,1e24,,,API access,,\n"
      ",,,,,,\n";
  for (const auto& [name, text] : {std::pair{std::string("reuse.jsonl"), jsonl}, std::pair{std::string("reuse.csv"), csv}}) {
    INFO(name);
    const std::string path = temp_file(name, text);
    auto records = load_records(path, policy);
    REQUIRE(records.has_value());
    auto report = policy.evaluate(*records);
    REQUIRE(report.has_value());
    const std::string expected = expected_lines(*report);
    // b has no compute and no accessibility: unknown, not a's values.
    CHECK(expected.find("{\"model\":\"b\",\"verdicts\":{\"big\":{\"value\":\"unknown\",\"status\":\"unknown\"}") !=
          std::string::npos);
    for (std::size_t block : {16, 60, 90, 150, 1 << 20}) {
      INFO("block " << block);
      CHECK(stream(policy, path, block) == expected);
    }
  }
}
