// Long tables (data/long_table.hpp): one row per model and benchmark, fields that say which rows
// give them with `where`, and the rows of each model joined into one record, in CSV and JSON.
#include <doctest/doctest.h>

#include <cmath>
#include <memory>
#include <string>

#include "data/load.hpp"
#include "data_fixture.hpp"

using namespace scalepol;

namespace {

// model (key); gpqa and fm: the one score column, each from its task's rows, on a 0..1 scale;
// math: the same column in pp as written; status: a text field of the same rows.
std::shared_ptr<const model::Schema> long_schema() {
  auto s = std::make_shared<model::Schema>();
  const auto add = [&](std::string name, ast::TypeKind kind, std::vector<std::string> columns,
                       std::vector<ast::RowFilter> where, double scale = 1.0) {
    model::FieldSpec f;
    f.name = std::move(name);
    f.kind = kind;
    f.dim = kind == ast::TypeKind::Quantity ? ast::Dim::Score : ast::Dim::Number;
    f.unit = kind == ast::TypeKind::Quantity ? "pp" : "";
    f.scale = scale;
    f.columns = std::move(columns);
    f.where = std::move(where);
    if (!f.where.empty()) s->long_table = true;
    s->fields.push_back(std::move(f));
  };
  const auto where = [](std::string column, std::string value) { return ast::RowFilter{std::move(column), std::move(value), {}}; };
  add("model", ast::TypeKind::Text, {"model"}, {});
  s->fields.back().key = true;
  s->key_slot = 0;
  add("gpqa", ast::TypeKind::Quantity, {"score"}, {where("task", "GPQA diamond")}, 100.0);
  add("fm", ast::TypeKind::Quantity, {"score"}, {where("task", "FrontierMath"), where("status", "Success")}, 100.0);
  add("math", ast::TypeKind::Quantity, {"score"}, {where("task", "MATH")});
  add("org", ast::TypeKind::Text, {"org"}, {});
  return s;
}
enum { kModel = 0, kGpqa, kFm, kMath, kOrg };

const Diagnostic* find_code(const Diagnostics& ds, std::string_view code) {
  for (const Diagnostic& d : ds.items)
    if (d.code == code) return &d;
  return nullptr;
}

const std::string kCsv =
    "task,model,score,status,org\n"
    "GPQA diamond,A,0.853,Success,Lab\n"       // 2
    "FrontierMath,A,0.121,Success,Lab\n"       // 3
    "MATH,B,96.5,Success,Other\n"              // 4
    "FrontierMath,A,n/a,Error,Lab\n"           // 5: fm's where excludes it; its cell is not read
    "GPQA diamond,B,0.77,Success,Other\n"      // 6
    "FrontierMath,A,0.110,Success,Lab\n";      // 7: a second run of A that disagrees

}  // namespace

TEST_CASE("long table: CSV rows are joined by model, each field from the rows its `where` takes") {
  auto set = data::load_csv(kCsv, "runs.csv", long_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->records.size() == 2);
  const model::Record& a = set->records[set->by_name.at("A")];
  const model::Record& b = set->records[set->by_name.at("B")];
  CHECK(a.line == 2);
  CHECK(b.line == 4);
  // Each field read with its own scale: gpqa and fm × 100, math as written.
  CHECK(a.values[kGpqa].x == doctest::Approx(85.3));
  CHECK(a.values[kMath].is_unknown());
  CHECK(b.values[kGpqa].x == doctest::Approx(77));
  CHECK(b.values[kMath].x == 96.5);
  CHECK(b.values[kFm].is_unknown());
  CHECK(a.values[kOrg].text == "Lab");
  // Two runs that disagree: the range of both, with no point estimate.
  const model::Value& fm = a.values[kFm];
  REQUIRE(fm.kind == model::Value::Kind::Number);
  CHECK(std::isnan(fm.x));
  CHECK(fm.lo == doctest::Approx(11.0));
  CHECK(fm.hi == doctest::Approx(12.1));
  // Line 5's unreadable score is in a row no field takes: not reported.
  CHECK(find_code(set->diagnostics, "malformed-value") == nullptr);
  CHECK(find_code(set->diagnostics, "duplicate-model") == nullptr);
  const Diagnostic* conflict = find_code(set->diagnostics, "conflicting-rows");
  REQUIRE(conflict != nullptr);
  CHECK(conflict->severity == Severity::Warning);
  CHECK(conflict->location.line == 7);
  CHECK(conflict->message == "rows on lines 3 and 7 give model `A` two values of `fm`: 12.1 pp and 11 pp");
  // Where each value came from, for explain.
  const uint32_t ai = set->by_name.at("A");
  CHECK(set->rows_of(ai) == std::vector<uint32_t>{2, 3, 5, 7});
  REQUIRE(set->lines_of(ai, kFm) != nullptr);
  CHECK(*set->lines_of(ai, kFm) == std::vector<uint32_t>{3, 7});
  CHECK(set->lines_of(ai, kGpqa) == nullptr);  // from the record's own line
}

TEST_CASE("long table: a cell of a row the field takes is still reported") {
  auto set = data::load_csv("task,model,score\nGPQA diamond,A,abc\nMATH,A,abc\n", "runs.csv", long_schema());
  REQUIRE(set.has_value());
  std::size_t malformed = 0;
  for (const Diagnostic& d : set->diagnostics.items) malformed += d.code == "malformed-value";
  CHECK(malformed == 2);  // once for gpqa's row, once for math's
}

TEST_CASE("long table: JSON Lines and a JSON array give the same records as CSV") {
  const std::string lines =
      "{\"task\":\"GPQA diamond\",\"model\":\"A\",\"score\":0.853,\"status\":\"Success\",\"org\":\"Lab\"}\n"
      "{\"model\":\"A\",\"score\":0.121,\"task\":\"FrontierMath\",\"status\":\"Success\"}\n"  // the task after the score
      "{\"task\":\"MATH\",\"model\":\"B\",\"score\":\"96.5\",\"status\":\"Success\",\"org\":\"Other\"}\n"
      "{\"task\":\"FrontierMath\",\"model\":\"A\",\"score\":\"n/a\",\"status\":\"Error\"}\n"
      "{\"task\":\"GPQA diamond\",\"model\":\"B\",\"score\":0.77,\"status\":\"Success\"}\n"
      "{\"task\":\"FrontierMath\",\"model\":\"A\",\"score\":0.110,\"status\":\"Success\"}\n";
  auto jsonl = data::load_json_lines(lines, "runs.jsonl", long_schema());
  REQUIRE(jsonl.has_value());
  std::string array = "[\n";
  for (std::size_t at = 0, end; (end = lines.find('\n', at)) != std::string::npos; at = end + 1)
    array += (at == 0 ? "" : ",\n") + lines.substr(at, end - at);
  array += "\n]\n";
  auto json = data::load_json(array, "runs.json", long_schema());
  REQUIRE(json.has_value());
  for (const model::RecordSet* set : {&*jsonl, &*json}) {
    REQUIRE(set->records.size() == 2);
    const model::Record& a = set->records[set->by_name.at("A")];
    const model::Record& b = set->records[set->by_name.at("B")];
    CHECK(a.values[kGpqa].x == doctest::Approx(85.3));
    CHECK(b.values[kMath].x == 96.5);
    CHECK(b.values[kGpqa].x == doctest::Approx(77));
    CHECK(a.values[kOrg].text == "Lab");
    CHECK(std::isnan(a.values[kFm].x));
    CHECK(a.values[kFm].lo == doctest::Approx(11.0));
    CHECK(a.values[kFm].hi == doctest::Approx(12.1));
    CHECK(find_code(set->diagnostics, "malformed-value") == nullptr);
    CHECK(find_code(set->diagnostics, "conflicting-rows") != nullptr);
    // Origins: every field that some row gave names the key.
    CHECK(set->origins[kGpqa].value == std::vector<std::string>{"score"});
    CHECK(set->origins[kMath].value == std::vector<std::string>{"score"});
  }
}

TEST_CASE("long table: a `where` no row meets leaves the field with no origin, and the values seen") {
  auto set = data::load_csv("task,model,score\nGPQA Diamond,A,0.5\nMATH,A,50\n", "runs.csv", long_schema());
  REQUIRE(set.has_value());
  CHECK(set->records[0].values[kGpqa].is_unknown());
  CHECK(set->origins[kGpqa].value.empty());
  REQUIRE(set->where_values.size() > kGpqa);
  CHECK(set->where_values[kGpqa] == std::vector<std::string>{"GPQA Diamond", "MATH"});
  CHECK(set->where_values[kMath].empty());
}

TEST_CASE("long table: text that disagrees between rows is unknown") {
  auto set = data::load_csv("task,model,score,org\nMATH,A,50,Lab\nGPQA diamond,A,0.5,Other\n", "runs.csv",
                            long_schema());
  REQUIRE(set.has_value());
  CHECK(set->records.size() == 1);
  CHECK(set->records[0].values[kOrg].is_unknown());
  const Diagnostic* conflict = find_code(set->diagnostics, "conflicting-rows");
  REQUIRE(conflict != nullptr);
  CHECK(conflict->notes.front() == "read as unknown: the data does not say which row is meant");
}
