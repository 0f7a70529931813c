// run_html: the page render_report_html writes for the whole file, byte for byte, whatever the
// block size, over bundled regulations and example policies with Epoch AI's records (CC BY,
// examples/data/README.md), with and without explanations; and the page of a file with no records.
#include "test_support.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace scalepol;

namespace {

const std::string kRoot = SCALEPOL_SOURCE_DIR;
const std::string kEpoch = kRoot + "/examples/data/epoch_notable_ai_models_2025-05.csv";

std::string streamed(const Policy& p, const std::string& path, std::size_t block, const ReportHtmlOptions& html = {},
                     const std::string& as_of = {}, StreamSummary* summary = nullptr) {
  std::ostringstream out;
  auto r = run_html(p, path, out, {.eval = {.as_of = as_of}, .block_bytes = block}, html);
  if (!r) FAIL_CHECK(render_text(r.error()));
  REQUIRE(r.has_value());
  if (summary != nullptr) *summary = *r;
  return out.str();
}

std::string whole(const Policy& p, const std::string& path, const ReportHtmlOptions& html = {},
                  const std::string& as_of = {}) {
  auto records = load_records(path, p);
  REQUIRE(records.has_value());
  auto report = p.evaluate(*records, {.as_of = as_of});
  REQUIRE(report.has_value());
  auto page = render_report_html(*report, p, *records, html);
  if (!page) FAIL_CHECK(render_text(page.error()));
  REQUIRE(page.has_value());
  return *page;
}

// The JSON document inside the page.
std::string data_of(const std::string& page) {
  const std::string open = "id=\"report-data\">";
  const auto from = page.find(open);
  REQUIRE(from != std::string::npos);
  const auto to = page.find("</script>", from);
  REQUIRE(to != std::string::npos);
  return page.substr(from + open.size(), to - from - open.size());
}

}  // namespace

TEST_CASE("run_html writes the whole report's page, for any block size, with and without explanations") {
  const std::vector<std::string>& policies = testing::kReportPolicies;
  for (const std::string& name : policies) {
    INFO(name);
    auto policy = compile_file(kRoot + "/" + name);
    REQUIRE(policy.has_value());
    for (bool explanations : {true, false}) {
      INFO("explanations " << explanations);
      const ReportHtmlOptions html{.explanations = explanations};
      const std::string expected = whole(*policy, kEpoch, html, "2025-06-01");
      REQUIRE(expected.size() > 10000);
      StreamSummary summary;
      CHECK(streamed(*policy, kEpoch, 1 << 20, html, "2025-06-01", &summary) == expected);
      CHECK(summary.records > 900);
      CHECK(streamed(*policy, kEpoch, 4096, html, "2025-06-01") == expected);
    }
  }
}

TEST_CASE("run_html credits Epoch AI's data, read through its columns") {
  auto policy = compile_file(kRoot + "/stdlib/regulations/eu_ai_act.policy");
  REQUIRE(policy.has_value());
  const std::string page = streamed(*policy, kEpoch, 4096);
  CHECK(page.find("Epoch AI") != std::string::npos);
  CHECK(page.find("CC BY 4.0") != std::string::npos);
}

TEST_CASE("run_html over a file with no records: a whole page, with the policy's columns and no models") {
  auto policy = compile_file(kRoot + "/stdlib/regulations/eu_ai_act.policy");
  REQUIRE(policy.has_value());
  const auto path = (std::filesystem::temp_directory_path() / "scalepol_stream_html_test_empty.csv").string();
  std::ofstream(path, std::ios::binary) << "Model,Training compute (FLOP),Publication date\n";
  const std::string page = streamed(*policy, path, 4096);
  CHECK(page.find("</html>") != std::string::npos);
  const std::string data = data_of(page);
  CHECK(data.find("\"models\":[]") != std::string::npos);
  CHECK(data.find("\"rule\":\"gpai_tier\"") != std::string::npos);
  CHECK(data.find("\"file\":\"scalepol_stream_html_test_empty.csv\"") != std::string::npos);
  std::filesystem::remove(path);
}

TEST_CASE("run_html: unreadable data is an error, not an empty page") {
  auto policy = compile_file(kRoot + "/stdlib/regulations/eu_ai_act.policy");
  REQUIRE(policy.has_value());
  std::ostringstream out;
  auto r = run_html(*policy, kRoot + "/no/such/models.csv", out);
  REQUIRE(!r.has_value());
  CHECK(r.error().items.front().is(Code::IoError));
}
