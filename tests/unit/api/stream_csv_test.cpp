// run_csv: the verdicts of evaluate_table and the Report, one row per record with the record's
// input line, quoted as RFC 4180 says; and report::append_csv_cell.
#include "test_support.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "eval/random_records.hpp"
#include "report/csv_report.hpp"

using namespace scalepol;
using namespace scalepol::testing;

namespace {

const std::string kRoot = SCALEPOL_SOURCE_DIR;
const std::string kEpoch = kRoot + "/examples/data/epoch_notable_ai_models_2025-05.csv";

std::string temp_file(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("scalepol_stream_csv_test_" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

// RFC 4180, as a reader of the report would parse it: rows of cells.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"' && cell.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ',') {
      row.push_back(std::exchange(cell, {}));
      was_quoted = false;
    } else if (c == '\n') {
      row.push_back(std::exchange(cell, {}));
      rows.push_back(std::exchange(row, {}));
      was_quoted = false;
    } else {
      cell += c;
    }
  }
  CHECK_MESSAGE(cell.empty(), "the report does not end with a newline");
  return rows;
}

std::string csv_of(const Policy& p, const std::string& path, std::size_t block, const std::string& as_of = {},
                   StreamSummary* summary = nullptr) {
  std::ostringstream out;
  auto r = run_csv(p, path, out, {.eval = {.as_of = as_of}, .block_bytes = block});
  if (!r) FAIL_CHECK(render_text(r.error()));
  REQUIRE(r.has_value());
  if (summary != nullptr) *summary = *r;
  return out.str();
}

// Every row against evaluate_table's cells, and the assumptions of each verdict that is not
// robust against the Report's.
void check_against_table(const Policy& p, const std::string& path, const std::string& csv, const std::string& as_of) {
  auto records = load_records(path, p);
  REQUIRE(records.has_value());
  auto table = evaluate_table(p, *records, {.as_of = as_of});
  REQUIRE(table.has_value());
  auto report = p.evaluate(*records, {.as_of = as_of});
  REQUIRE(report.has_value());
  const auto rows = parse_csv(csv);
  REQUIRE(rows.size() == table->records + 1);
  std::vector<std::string> header = {"line", "model"};
  for (const auto& rule : table->rules)
    for (const char* suffix : {"", "_status", "_robust", "_depends_on"}) header.push_back(rule.name + suffix);
  CHECK(rows[0] == header);
  for (std::size_t r = 0; r < table->records; ++r) {
    const auto& row = rows[r + 1];
    REQUIRE(row.size() == header.size());
    CHECK(row[1] == report->results[r].model);
    std::map<std::string, const Verdict*> verdicts;
    for (const auto& v : report->results[r].verdicts) verdicts[v.rule] = &v;
    for (std::size_t k = 0; k < table->rules.size(); ++k) {
      INFO("record " << r << ", rule " << table->rules[k].name);
      const VerdictCell& cell = table->at(r, k);
      CHECK(row[2 + 4 * k] == table->value_name(k, cell));
      CHECK(row[3 + 4 * k] == status_name(cell.status));
      CHECK(row[4 + 4 * k] == (cell.robust ? "true" : "false"));
      std::string depends;
      if (auto v = verdicts.find(table->rules[k].name); v != verdicts.end())
        for (const auto& d : v->second->depends_on) depends += (depends.empty() ? "" : ";") + d;
      CHECK(row[5 + 4 * k] == depends);
    }
  }
}

}  // namespace

TEST_CASE("append_csv_cell quotes only what must be quoted") {
  auto cell = [](std::string_view text) {
    std::string out;
    report::append_csv_cell(out, text);
    return out;
  };
  CHECK(cell("GPT-4") == "GPT-4");
  CHECK(cell("") == "");
  CHECK(cell("Claude 3, Opus") == "\"Claude 3, Opus\"");
  CHECK(cell("the \"big\" one") == "\"the \"\"big\"\" one\"");
  CHECK(cell("two\nlines") == "\"two\nlines\"");
  CHECK(cell("cr\r") == "\"cr\r\"");
}

TEST_CASE("run_csv over Epoch AI's data gives evaluate_table's verdicts, for any block size") {
  auto policy = compile_file(kRoot + "/stdlib/regulations/eu_ai_act.policy");
  REQUIRE(policy.has_value());
  StreamSummary summary;
  const std::string whole = csv_of(*policy, kEpoch, 1 << 20, {}, &summary);
  CHECK(summary.streamed);
  check_against_table(*policy, kEpoch, whole, {});
  for (std::size_t block : {100, 4096}) {
    INFO("block " << block);
    CHECK(csv_of(*policy, kEpoch, block) == whole);
  }
}

TEST_CASE("run_csv: the batch evaluator, an assumption sweep, `@` references") {
  auto every = compile_ok(kEveryNodePolicy);
  const std::string path = temp_file("batch.jsonl", random_records_jsonl(5, 300, /*more=*/true));
  for (const char* as_of : {"", "2025-06-01"}) {
    INFO("as of `" << as_of << "`");
    const std::string csv = csv_of(every, path, 1000, as_of);
    CHECK(csv.find(",false,") != std::string::npos);
    check_against_table(every, path, csv, as_of);
  }
  std::filesystem::remove(path);

  auto readings = compile_file(kRoot + "/examples/policies/anthropic_rsp_v1_readings.policy");
  REQUIRE(readings.has_value());
  const std::string lineage = kRoot + "/examples/data/rsp_lineage.jsonl";
  StreamSummary summary;
  const std::string csv = csv_of(*readings, lineage, 1 << 20, {}, &summary);
  CHECK_FALSE(summary.streamed);
  CHECK(csv.find(",false,halving") != std::string::npos);
  check_against_table(*readings, lineage, csv, {});
}

TEST_CASE("run_csv: each row's line is the record's line in the input; names are quoted") {
  auto policy = compile_file(kRoot + "/stdlib/regulations/eu_ai_act.policy");
  REQUIRE(policy.has_value());
  // Line 2 holds a quoted line break, so the next record starts on line 4.
  const std::string path = temp_file("lines.csv",
                                     "Model,Training compute (FLOP),Abstract\n"
                                     "\"Big, \"\"the\"\" one\",3e25,\"two\nlines\"\n"
                                     "small,1e20,plain\n");
  const auto rows = parse_csv(csv_of(*policy, path, 1 << 20));
  REQUIRE(rows.size() == 3);
  CHECK(rows[1][0] == "2");
  CHECK(rows[1][1] == "Big, \"the\" one");
  CHECK(rows[2][0] == "4");
  CHECK(rows[2][1] == "small");
  std::filesystem::remove(path);
}
