// run_text: the table render_report_text writes for the whole file, byte for byte, whatever the
// block size, over bundled regulations and example policies with Epoch AI's records (CC BY,
// examples/data/README.md); past the first 1,000 rows the columns keep their widths and a wider
// cell pushes its row; duplicate model names are found while streaming.
#include "test_support.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace scalepol;

namespace {

const std::string kRoot = SCALEPOL_SOURCE_DIR;
const std::string kEpoch = kRoot + "/examples/data/epoch_notable_ai_models_2025-05.csv";

std::string temp_file(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("scalepol_stream_text_test_" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

std::string streamed(const Policy& p, const std::string& path, std::size_t block, const ReportTextOptions& text = {},
                     const std::string& as_of = {}, StreamSummary* summary = nullptr) {
  std::ostringstream out;
  auto r = run_text(p, path, out, {.eval = {.as_of = as_of}, .block_bytes = block}, text);
  if (!r) FAIL_CHECK(render_text(r.error()));
  REQUIRE(r.has_value());
  if (summary != nullptr) *summary = *r;
  return out.str();
}

std::string whole(const Policy& p, const std::string& path, const ReportTextOptions& text = {},
                  const std::string& as_of = {}) {
  auto records = load_records(path, p);
  REQUIRE(records.has_value());
  auto report = p.evaluate(*records, {.as_of = as_of});
  REQUIRE(report.has_value());
  return render_report_text(*report, text);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("run_text writes the whole report's table, for any block size and any columns") {
  const std::vector<std::string>& policies = testing::kReportPolicies;
  const std::vector<ReportTextOptions> shows = {{}, {.exemptions = true, .obligations = true}, {.color = true}};
  for (const std::string& name : policies) {
    INFO(name);
    auto policy = compile_file(kRoot + "/" + name);
    REQUIRE(policy.has_value());
    for (const ReportTextOptions& show : shows) {
      INFO("exemptions " << show.exemptions << ", obligations " << show.obligations << ", color " << show.color);
      const std::string expected = whole(*policy, kEpoch, show, "2025-06-01");
      REQUIRE(expected.size() > 1000);
      StreamSummary summary;
      CHECK(streamed(*policy, kEpoch, 1 << 20, show, "2025-06-01", &summary) == expected);
      CHECK(summary.records > 900);
      CHECK(streamed(*policy, kEpoch, 4096, show, "2025-06-01") == expected);
    }
  }
}

TEST_CASE("run_text over a policy with `@` references reads the file whole, as the Report does") {
  auto policy = compile_file(kRoot + "/examples/policies/anthropic_rsp_v1.policy");
  REQUIRE(policy.has_value());
  const std::string lineage = kRoot + "/examples/data/rsp_lineage.jsonl";
  StreamSummary summary;
  const ReportTextOptions show{.exemptions = true, .obligations = true};
  CHECK(streamed(*policy, lineage, 4096, show, {}, &summary) == whole(*policy, lineage, show));
  CHECK(!summary.streamed);
}

TEST_CASE("run_text: a verdict stopped by the step limit is counted under the table") {
  auto policy = compile_file(kRoot + "/tests/bad/cli/run_eval_step_limit/input.policy");
  REQUIRE(policy.has_value());
  const std::string data = kRoot + "/tests/bad/cli/run_eval_step_limit/models.csv";
  const std::string text = streamed(*policy, data, 4096);
  CHECK(text == whole(*policy, data));
  CHECK(text.find("2 verdicts are unknown because evaluation stopped at the limit of 1,000,000 steps per record") !=
        std::string::npos);
}

TEST_CASE("run_text sizes its columns by the first 1,000 rows; a later, wider cell pushes its row") {
  auto policy = compile_source(R"(import std.model

tiers concern by training_compute {
  tier low   below 1e24 FLOP
  tier high  from 1e24 FLOP
}
)",
                               "widths.policy");
  REQUIRE(policy.has_value());
  std::string csv = "Model,Training compute (FLOP)\n";
  for (int i = 0; i < 1000; ++i) csv += "m" + std::to_string(i) + ",1e23\n";
  const std::string wide = "a model whose name is wider than m999";
  csv += wide + ",1e25\n";
  csv += "m1000,\n";
  const std::string path = temp_file("widths.csv", csv);
  const std::string text = streamed(*policy, path, 4096);
  const auto lines = lines_of(text);
  // policy line, blank, header, rule, 1002 rows, blank, count, one line per column
  REQUIRE(lines.size() == 4 + 1002 + 3);
  CHECK(lines[2] == "model  concern");
  CHECK(lines[3] == "-----  -------");
  CHECK(lines[4] == "m0     low");
  CHECK(lines[4 + 999] == "m999   low");
  // Cut at nothing, and kept apart from the next cell by the gap.
  CHECK(lines[4 + 1000] == wide + "  high");
  CHECK(lines[4 + 1001] == "m1000  unknown");
  CHECK(lines[4 + 1003] == "1002 models");
  CHECK(lines[4 + 1004] == "concern: low 1000, high 1, unknown 1");
  // The counts cover every row, and a Report of the same records gives the same table when all
  // its rows come first (it is the same writer).
  CHECK(text == whole(*policy, path));
  std::filesystem::remove(path);
}

TEST_CASE("run_text over a file with no records: the policy's columns, and no counts") {
  auto policy = compile_file(kRoot + "/stdlib/regulations/eu_ai_act.policy");
  REQUIRE(policy.has_value());
  const std::string path = temp_file("empty.csv", "Model,Training compute (FLOP)\n");
  const auto lines = lines_of(streamed(*policy, path, 4096));
  REQUIRE(lines.size() == 6);
  CHECK(lines[2] == "model  gpai_tier");
  CHECK(lines[5] == "0 models");
  std::filesystem::remove(path);
}

TEST_CASE("streamed runs report duplicate model names, with the line and its text") {
  auto policy = compile_file(kRoot + "/stdlib/regulations/eu_ai_act.policy");
  REQUIRE(policy.has_value());
  std::string csv = "Model,Training compute (FLOP)\nAlpha,1e25\nBeta,1e24\n";
  for (int i = 0; i < 300; ++i) csv += "filler " + std::to_string(i) + ",1e20\n";
  csv += "Alpha,2e25\n";
  const std::string path = temp_file("duplicates.csv", csv);
  for (std::size_t block : {64, 4096}) {
    INFO("block " << block);
    StreamSummary summary;
    streamed(*policy, path, block, {}, {}, &summary);
    std::vector<const Diagnostic*> found;
    for (const Diagnostic& d : summary.diagnostics.items)
      if (d.is(Code::DuplicateModel)) found.push_back(&d);
    REQUIRE(found.size() == 1);
    CHECK(found[0]->severity == Severity::Warning);
    CHECK(found[0]->message == "model `Alpha` appears on lines 2 and 304");
    CHECK(found[0]->location.line == 304);
    CHECK(found[0]->location.line_text == "Alpha,2e25");
  }
  // The same warning as a file read whole gives.
  auto records = load_records(path, *policy);
  REQUIRE(records.has_value());
  bool whole_found = false;
  for (const Diagnostic& d : records->diagnostics().items)
    whole_found = whole_found || (d.is(Code::DuplicateModel) && d.message == "model `Alpha` appears on lines 2 and 304");
  CHECK(whole_found);
  std::filesystem::remove(path);
}

TEST_CASE("streamed runs stop looking for duplicate names once the names take 4 MB, and say so") {
  auto policy = compile_file(kRoot + "/stdlib/regulations/eu_ai_act.policy");
  REQUIRE(policy.has_value());
  // 3,000 names of 2,000 bytes: about 2,000 fill the budget. The last record repeats the first
  // name, after the check stopped.
  std::string csv = "Model,Training compute (FLOP)\n";
  const std::string pad(1990, 'x');
  for (int i = 0; i < 3000; ++i) csv += pad + std::to_string(1000000 + i) + ",1e20\n";
  csv += pad + "1000000,1e20\n";
  const std::string path = temp_file("many_names.csv", csv);
  StreamSummary summary;
  streamed(*policy, path, 1 << 16, {}, {}, &summary);
  std::vector<const Diagnostic*> found;
  for (const Diagnostic& d : summary.diagnostics.items)
    if (d.is(Code::DuplicateModel)) found.push_back(&d);
  REQUIRE(found.size() == 1);
  CHECK(found[0]->severity == Severity::Note);
  CHECK(found[0]->message.find("duplicate model names were looked for in the first ") == 0);
  CHECK(found[0]->message.find("filled the 4 MB kept for names") != std::string::npos);
  std::filesystem::remove(path);
}
