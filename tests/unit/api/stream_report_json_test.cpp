// run_json: the report render_report_json writes for the whole file, byte for byte, whatever the
// block size, over every bundled regulation and example policy with Epoch AI's records (CC BY,
// examples/data/README.md); and a partial report is never mistaken for a whole one.
#include "test_support.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace scalepol;

namespace {

const std::string kRoot = SCALEPOL_SOURCE_DIR;
const std::string kEpoch = kRoot + "/examples/data/epoch_notable_ai_models_2025-05.csv";

std::string streamed(const Policy& p, const std::string& path, std::size_t block, const std::string& as_of = {},
                     StreamSummary* summary = nullptr) {
  std::ostringstream out;
  auto r = run_json(p, path, out, {.eval = {.as_of = as_of}, .block_bytes = block});
  if (!r) FAIL_CHECK(render_text(r.error()));
  REQUIRE(r.has_value());
  if (summary != nullptr) *summary = *r;
  return out.str();
}

std::string whole(const Policy& p, const std::string& path, const std::string& as_of = {}) {
  auto records = load_records(path, p);
  REQUIRE(records.has_value());
  auto report = p.evaluate(*records, {.as_of = as_of});
  REQUIRE(report.has_value());
  return render_report_json(*report);
}

}  // namespace

TEST_CASE("run_json writes the whole report's JSON, for any block size") {
  const std::vector<std::string>& policies = testing::kReportPolicies;
  for (const std::string& name : policies) {
    INFO(name);
    auto policy = compile_file(kRoot + "/" + name);
    REQUIRE(policy.has_value());
    const std::string expected = whole(*policy, kEpoch);
    REQUIRE(expected.size() > 1000);
    StreamSummary summary;
    CHECK(streamed(*policy, kEpoch, 1 << 20, {}, &summary) == expected);
    // Streamed, or read whole with the reason (the example policies compare with `@` references).
    CHECK(summary.streamed == summary.read_whole_because.empty());
    if (name == policies.front()) CHECK(summary.streamed);
    CHECK(summary.records > 900);
    for (std::size_t block : {64, 4096}) {
      INFO("block " << block);
      CHECK(streamed(*policy, kEpoch, block) == expected);
    }
  }
}

TEST_CASE("run_json takes the evaluation date") {
  auto policy = compile_file(kRoot + "/stdlib/regulations/eu_ai_act.policy");
  REQUIRE(policy.has_value());
  const std::string expected = whole(*policy, kEpoch, "2025-01-01");
  CHECK(expected.find("\"as_of\": \"2025-01-01\"") != std::string::npos);
  CHECK(streamed(*policy, kEpoch, 4096, "2025-01-01") == expected);
}

TEST_CASE("run_json over a policy with `@` references reads the file whole, and says why") {
  auto policy = compile_file(kRoot + "/examples/policies/anthropic_rsp_v1.policy");
  REQUIRE(policy.has_value());
  const std::string lineage = kRoot + "/examples/data/rsp_lineage.jsonl";
  StreamSummary summary;
  const std::string out = streamed(*policy, lineage, 4096, {}, &summary);
  CHECK(out == whole(*policy, lineage));
  CHECK(!summary.streamed);
  CHECK(summary.read_whole_because.find("`@` references") != std::string::npos);
}

TEST_CASE("run_json: unreadable data is an error, not an empty report") {
  auto policy = compile_file(kRoot + "/stdlib/regulations/eu_ai_act.policy");
  REQUIRE(policy.has_value());
  std::ostringstream out;
  auto r = run_json(*policy, kRoot + "/no/such/models.csv", out);
  REQUIRE(!r.has_value());
  CHECK(r.error().items.front().is(Code::IoError));
  auto bad_date = run_json(*policy, kEpoch, out, {.eval = {.as_of = "2025-13-01"}});
  REQUIRE(!bad_date.has_value());
  CHECK(bad_date.error().items.front().is(Code::InvalidDate));
}
