// The HTML report (`run --format html`): what reaches the page from policies and data is escaped,
// the policy's lines on training compute are found through the checked program, and the page's
// data counts what the chart plots.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

#include "api/impl.hpp"
#include "check/thresholds.hpp"
#include "report/html.hpp"
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

namespace {

const char* kPolicy = R"(policy tiny "Tiny <policy> & \"friends\"" {}
import std.model
unit pfs_day = 8.64e19 FLOP
tiers size by training_compute {
  tier small up_to 1e23 FLOP
  tier large above 1e23 FLOP
    quote  "greater than 10^23 </script><script>alert(1)</script>"
    source "Rule <1> & co"
}
trigger huge {
  when 1e26 FLOP < training_compute
  quote "a model above 10^26"
  source "https://example.org/rule"
}
trigger pfs_days { when training_compute >= 1000 pfs_day }
reference base = base_model
trigger bigger_than_base { when training_compute@base > 1e24 FLOP and training_compute > 2 * training_compute@base }
)";

// Names and values a data file could hold: markup, a script end, quotes, ampersands.
const char* kRecords = R"([
  {"model": "</script><script>alert('x')</script>", "training_compute": 2e25, "released": "2024-01-02"},
  {"model": "A & B \"quoted\" <b>", "training_compute": 5e22, "released": "2022-06-30",
   "training_compute_low": 1e22, "training_compute_high": 9e22},
  {"model": "no compute", "released": "2023-01-01"},
  {"model": "no date", "training_compute": 3e26},
  {"model": "GPT-4", "training_compute": 2.1e25, "released": "2023-03-15", "base_model": "no compute"}
])";

struct Rendered {
  std::string page;
  nlohmann::json data;
};

Rendered render(const Policy& policy, const std::string& json) {
  auto records = load_records_from_string(json, "epoch_test.json", policy, DataFormat::Json);
  REQUIRE(records.has_value());
  auto report = policy.evaluate(*records);
  REQUIRE(report.has_value());
  auto page = render_report_html(*report, policy, *records);
  if (!page) FAIL_CHECK(render_text(page.error()));
  REQUIRE(page.has_value());
  const std::string open = R"(<script type="application/json" id="report-data">)";
  const auto begin = page->find(open);
  REQUIRE(begin != std::string::npos);
  const auto end = page->find("</script>", begin);
  REQUIRE(end != std::string::npos);
  const std::string text = page->substr(begin + open.size(), end - begin - open.size());
  return {*page, nlohmann::json::parse(text)};
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("html escaping: character references for text, \\u escapes inside script") {
  std::string html;
  report::append_html_escaped(html, R"(<a href="x">Tom & Jerry's</a>)");
  CHECK(html == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  std::string script;
  report::append_script_safe(script, R"({"n":"</script><!-- & -->"})");
  CHECK(script == R"({"n":"\u003c/script\u003e\u003c!-- \u0026 --\u003e"})");
  // Still the same JSON.
  CHECK(nlohmann::json::parse(script)["n"] == "</script><!-- & -->");
}

TEST_CASE("html report: nothing from the policy or the data can end the script or add markup") {
  const Policy policy = compile_ok(kPolicy);
  const Rendered r = render(policy, kRecords);
  // The page's own two script elements close, and nothing else does.
  CHECK(count(r.page, "</script>") == 2);
  CHECK(r.page.find("<script>alert") == std::string::npos);
  CHECK(r.page.find("<b>") == std::string::npos);
  // The title, in <title> and <h1>, as character references.
  CHECK(count(r.page, "Tiny &lt;policy&gt; &amp; &quot;friends&quot;") == 2);
  // The data reads back exactly as written.
  const auto& models = r.data["models"];
  REQUIRE(models.size() == 5);
  CHECK(models[0]["n"] == "</script><script>alert('x')</script>");
  CHECK(models[1]["n"] == "A & B \"quoted\" <b>");
  bool quote_found = false;
  for (const auto& q : r.data["quotes"])
    if (q[0] == "greater than 10^23 </script><script>alert(1)</script>" && q[1] == "Rule <1> & co") quote_found = true;
  CHECK(quote_found);
}

TEST_CASE("html report: the chart's data, ranges, and the models it cannot plot") {
  const Policy policy = compile_ok(kPolicy);
  const Rendered r = render(policy, kRecords);
  const auto& models = r.data["models"];
  // Plotted: a compute figure and a date.
  const auto plotted = std::count_if(models.begin(), models.end(),
                                     [](const nlohmann::json& m) { return m.contains("c") && m.contains("d"); });
  CHECK(plotted == 3);
  CHECK_FALSE(models[2].contains("c"));  // no compute
  CHECK_FALSE(models[3].contains("d"));  // no date
  CHECK(models[0]["d"] == 19724);        // 2024-01-02 in days since 1970-01-01
  // A range from the bound columns.
  CHECK(models[1]["lo"] == 1e22);
  CHECK(models[1]["hi"] == 9e22);
  CHECK_FALSE(models[0].contains("lo"));
  CHECK(r.data["unit"] == "FLOP");
  CHECK(r.data["chart"] == true);
  // Every verdict of every model, with its trace: the four rules' (no obligations here).
  REQUIRE(models[4]["v"].size() == 4);
  const auto& gpt4 = models[4]["v"][0];
  CHECK(gpt4["r"] == "size");
  CHECK(gpt4["v"] == "large");
  CHECK(gpt4["s"] == "d");
  REQUIRE(gpt4.contains("t"));
  CHECK_FALSE(gpt4["t"].empty());
  // Columns: the ladder and the triggers.
  std::vector<std::string> columns;
  for (const auto& c : r.data["columns"]) columns.push_back(c["rule"]);
  CHECK(columns == std::vector<std::string>{"size", "huge", "pfs_days", "bigger_than_base"});
  // The data file; named like Epoch's, so credited (its columns are not Epoch's here).
  CHECK(r.data["data"]["file"] == "epoch_test.json");
  CHECK(r.data["data"]["credit"].get<std::string>().find("Epoch AI") != std::string::npos);
}

TEST_CASE("html report: no Epoch credit for data that is not Epoch's") {
  const Policy policy = compile_ok(kPolicy);
  auto records = load_records_from_string(R"([{"model": "m", "training_compute": 1e24}])", "mine.json", policy,
                                          DataFormat::Json);
  REQUIRE(records.has_value());
  auto report = policy.evaluate(*records);
  REQUIRE(report.has_value());
  auto page = render_report_html(*report, policy, *records);
  REQUIRE(page.has_value());
  CHECK(page->find("Epoch AI") == std::string::npos);
  CHECK(page->find("mine.json") != std::string::npos);
}

TEST_CASE("thresholds: tier bounds and comparisons of the field with constants, in base units") {
  const Policy policy = compile_ok(kPolicy);
  const check::Program& program = *internals(policy).program;
  const int32_t slot = internals(policy).schema->find("training_compute");
  REQUIRE(slot >= 0);
  const auto lines = check::thresholds_on(program, slot);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].rule == "size");
  CHECK(lines[0].label == "large");
  CHECK(lines[0].op == ">");
  CHECK(lines[0].value == 1e23);
  CHECK(lines[0].source == "Rule <1> & co");
  // Written the other way round, read as the field against the line.
  CHECK(lines[1].rule == "huge");
  CHECK(lines[1].op == ">");
  CHECK(lines[1].value == 1e26);
  CHECK(lines[1].quote == "a model above 10^26");
  // A declared unit, converted.
  CHECK(lines[2].rule == "pfs_days");
  CHECK(lines[2].op == ">=");
  CHECK(lines[2].value == doctest::Approx(8.64e22));
  // `training_compute@base > 1e24` is a line on another model's compute, and `2 * …` is not a
  // constant: neither is drawn.
}

TEST_CASE("thresholds: EU AI Act's 1e23 and 1e25 lines, with the Article's sentence") {
  auto policy = compile_file(std::string(SCALEPOL_SOURCE_DIR) + "/stdlib/regulations/eu_ai_act.policy");
  REQUIRE(policy.has_value());
  const auto lines =
      check::thresholds_on(*internals(*policy).program, internals(*policy).schema->find("training_compute"));
  auto at = [&](double v) {
    return std::find_if(lines.begin(), lines.end(), [&](const check::Threshold& t) { return t.value == v; });
  };
  REQUIRE(at(1e25) != lines.end());
  CHECK(at(1e25)->label == "systemic_risk");
  CHECK(at(1e25)->source.starts_with("Regulation (EU) 2024/1689, Article 51(2)"));
  CHECK(at(1e23) != lines.end());
}

TEST_CASE("html report: a report over other records is refused") {
  const Policy policy = compile_ok(kPolicy);
  auto records = load_records_from_string(kRecords, "models.json", policy, DataFormat::Json);
  REQUIRE(records.has_value());
  Report report;  // no results: not this data's report
  report.policy = "tiny";
  auto page = render_report_html(report, policy, *records);
  REQUIRE_FALSE(page.has_value());
  CHECK(find_code(page.error(), "report-for-other-records") != nullptr);
}
