#include <doctest/doctest.h>

#include <string>

#include "data/load.hpp"
#include "data_fixture.hpp"

using namespace scalepol;
using namespace scalepol::test_data;

namespace {

const Diagnostic* find_code(const Diagnostics& ds, std::string_view code) {
  for (const Diagnostic& d : ds.items)
    if (d.code == code) return &d;
  return nullptr;
}

std::size_t count_code(const Diagnostics& ds, std::string_view code) {
  std::size_t n = 0;
  for (const Diagnostic& d : ds.items) n += d.code == code;
  return n;
}

const std::string kHeader = "Model,Organization,Publication date,Training compute (FLOP),Parameters\n";

}  // namespace

TEST_CASE("csv: Epoch's Notable AI Models export") {
  auto set = data::load_file(epoch_notable_path(), DataFormat::Auto, model_schema());
  REQUIRE(set.has_value());
  CHECK(set->diagnostics.empty());
  CHECK(set->records.size() == 954);
  CHECK(set->source == epoch_notable_path());

  std::size_t with_compute = 0, above = 0;
  for (const model::Record& r : set->records) {
    const model::Value& c = r.values[kCompute];
    if (c.is_unknown()) continue;
    REQUIRE(c.kind == model::Value::Kind::Number);
    ++with_compute;
    if (c.lo > 1e25) ++above;
  }
  CHECK(with_compute == 483);
  CHECK(above == 21);

  REQUIRE(set->by_name.count("GPT-4") == 1);
  const model::Record& gpt4 = set->records[set->by_name.at("GPT-4")];
  CHECK(gpt4.values[kCompute].lo == 2.1e25);
  CHECK(gpt4.values[kCompute].is_exact());
  CHECK(gpt4.values[kReleased].kind == model::Value::Kind::Date);
  CHECK(gpt4.values[kReleased].lo == days_from_civil(2023, 3, 15));
  CHECK(gpt4.values[kOrganization].text == "OpenAI");
  CHECK(gpt4.values[kConfidence].text == "Speculative");
  CHECK(gpt4.values[kAccessibility].text == "API access");

  // The first record's notes cell holds line breaks inside quotes: the row still ends where it
  // should, and the next record starts on a later line.
  const model::Record& first = set->records[0];
  CHECK(first.values[kModel].text == "Pangu Ultra");
  CHECK(first.line == 2);
  CHECK(first.values[kParameters].lo == 135e9);
  CHECK(first.values[kCompute].lo == 1.0692e25);
  CHECK(set->records[1].line > first.line + 2);
  // Every record has a name, a date, and a line after the one before.
  for (std::size_t i = 0; i < set->records.size(); ++i) {
    const model::Record& r = set->records[i];
    CHECK_FALSE(r.values[kModel].is_unknown());
    CHECK(r.values[kReleased].kind == model::Value::Kind::Date);
    if (i > 0) CHECK(r.line > set->records[i - 1].line);
  }
}

TEST_CASE("csv: frontier model records through the alternative column names") {
  auto set = data::load_file(data_path("frontier_model_records.csv"), DataFormat::Auto, model_schema());
  REQUIRE(set.has_value());
  CHECK(set->diagnostics.empty());
  CHECK(set->records.size() == 36);
  const model::Record& gpt4 = set->records[set->by_name.at("GPT-4")];
  CHECK(gpt4.line == 3);
  CHECK(gpt4.values[kCompute].lo == 2.1e25);
  CHECK(gpt4.values[kReleased].lo == days_from_civil(2023, 3, 15));
  CHECK(gpt4.values[kConfidence].text == "Speculative");
  CHECK(gpt4.values[kAccessibility].text == "API access");
  CHECK(gpt4.values[kOrganization].text == "OpenAI");  // a field's own name is a column too
  CHECK(gpt4.values[kParameters].is_unknown());         // a blank cell
  // CRLF line ends: the last cell of a row carries no '\r'.
  for (const model::Record& r : set->records)
    if (!r.values[kAccessibility].is_unknown()) CHECK(r.values[kAccessibility].text.find('\r') == std::string::npos);
}

TEST_CASE("csv: a value that does not parse is unknown, the rest of the row is kept") {
  const std::string text = kHeader + "A,Org,2023-01-01,abc,7\n";
  auto set = data::load_csv(text, "m.csv", model_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->records.size() == 1);
  const model::Record& r = set->records[0];
  CHECK(r.values[kCompute].is_unknown());
  CHECK(r.values[kParameters].lo == 7);
  CHECK(r.values[kModel].text == "A");
  REQUIRE(set->diagnostics.items.size() == 1);
  const Diagnostic& d = set->diagnostics.items[0];
  CHECK(d.code == "malformed-value");
  CHECK(d.severity == Severity::Warning);  // a cell: the run goes on (exit 0 unless --strict-data)
  CHECK(d.message == "cannot read `abc` as a number for field `training_compute` (column `Training compute (FLOP)`)");
  CHECK(d.location.file == "m.csv");
  CHECK(d.location.line == 2);
  CHECK(d.location.column == 18);
  CHECK(d.location.end_column == 21);
  CHECK(d.location.line_text == "A,Org,2023-01-01,abc,7");
}

TEST_CASE("csv: an impossible date") {
  const std::string text = kHeader + "A,Org,2025-02-30,,\n";
  auto set = data::load_csv(text, "m.csv", model_schema());
  REQUIRE(set.has_value());
  const Diagnostic* d = find_code(set->diagnostics, "malformed-value");
  REQUIRE(d);
  CHECK(d->message == "cannot read `2025-02-30` as a date for field `released` (column `Publication date`)");
  CHECK(d->location.line == 2);
  CHECK(d->location.column == 7);
  REQUIRE_FALSE(d->notes.empty());
  CHECK(d->notes[0] == "February 2025 has 28 days");
  CHECK(set->records[0].values[kReleased].is_unknown());
}

TEST_CASE("csv: columns are counted in code points") {
  const std::string text = kHeader + "Modèle-日本,Org,2023-01-01,x,\n";
  auto set = data::load_csv(text, "m.csv", model_schema());
  REQUIRE(set.has_value());
  const Diagnostic* d = find_code(set->diagnostics, "malformed-value");
  REQUIRE(d);
  CHECK(d->location.column == 26);
  CHECK(set->records[0].values[kModel].text == "Modèle-日本");
}

TEST_CASE("csv: ragged rows keep the cells they have") {
  const std::string text = kHeader + "A,Org,2023-01-01\nB,Org,2023-01-01,1e20,5,extra\n";
  auto set = data::load_csv(text, "m.csv", model_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->records.size() == 2);
  CHECK(set->records[0].values[kReleased].kind == model::Value::Kind::Date);
  CHECK(set->records[0].values[kCompute].is_unknown());
  CHECK(set->records[1].values[kCompute].lo == 1e20);
  CHECK(set->records[1].values[kParameters].lo == 5);
  REQUIRE(count_code(set->diagnostics, "ragged-row") == 2);
  const Diagnostic& fewer = set->diagnostics.items[0];
  CHECK(fewer.code == "ragged-row");
  CHECK(fewer.message == "row has 3 cells, the header has 5");
  CHECK(fewer.location.line == 2);
  CHECK(fewer.location.column == 17);  // the end of the row, where cells are missing
  const Diagnostic& more = set->diagnostics.items[1];
  CHECK(more.message == "row has 6 cells, the header has 5");
  CHECK(more.location.line == 3);
  CHECK(more.location.column == 25);  // the first extra cell
  CHECK(more.location.line_text == "B,Org,2023-01-01,1e20,5,extra");
}

TEST_CASE("csv: quoted newlines do not break rows, and lines stay right after them") {
  const std::string text = kHeader + "\"Multi\nline\",\"Org, Inc.\",2023-01-01,\"1e20\",\nB,O,2023-01-02,zzz,\n";
  auto set = data::load_csv(text, "m.csv", model_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->records.size() == 2);
  CHECK(set->records[0].values[kModel].text == "Multi\nline");
  CHECK(set->records[0].values[kOrganization].text == "Org, Inc.");
  CHECK(set->records[0].values[kCompute].lo == 1e20);
  CHECK(set->records[0].line == 2);
  CHECK(set->records[1].line == 4);
  const Diagnostic* d = find_code(set->diagnostics, "malformed-value");
  REQUIRE(d);
  CHECK(d->location.line == 4);
  CHECK(d->location.column == 16);
}

TEST_CASE("csv: an unterminated quote drops only the last record") {
  const std::string text = kHeader + "A,Org,2023-01-01,,\nB,\"Open,2023-01-01,,\nC,Org,2023-01-01,,\n";
  auto set = data::load_csv(text, "m.csv", model_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->records.size() == 1);
  CHECK(set->records[0].values[kModel].text == "A");
  REQUIRE(set->diagnostics.items.size() == 1);
  const Diagnostic& d = set->diagnostics.items[0];
  CHECK(d.code == "malformed-csv");
  CHECK(d.severity == Severity::Error);
  CHECK(d.location.line == 3);
  CHECK(d.location.column == 3);
  CHECK(d.location.line_text == "B,\"Open,2023-01-01,,");
}

TEST_CASE("csv: an unterminated quote in the header is fatal") {
  auto set = data::load_csv("Model,\"Organization\nA,B\n", "m.csv", model_schema());
  REQUIRE_FALSE(set.has_value());
  REQUIRE(set.error().items.size() == 1);
  CHECK(set.error().items[0].code == "malformed-csv");
  CHECK(set.error().items[0].location.line == 1);
  CHECK(set.error().items[0].location.column == 7);
}

TEST_CASE("csv: no header row is fatal") {
  for (const char* text : {"", "\n\n", "\xEF\xBB\xBF"}) {
    auto set = data::load_csv(text, "empty.csv", model_schema());
    REQUIRE_FALSE(set.has_value());
    REQUIRE(set.error().items.size() == 1);
    CHECK(set.error().items[0].code == "malformed-csv");
    CHECK(set.error().items[0].message == "`empty.csv` has no header row");
  }
}

TEST_CASE("csv: a header with no records is an empty set") {
  auto set = data::load_csv(kHeader, "m.csv", model_schema());
  REQUIRE(set.has_value());
  CHECK(set->records.empty());
  CHECK(set->diagnostics.empty());
}

TEST_CASE("csv: a UTF-8 byte order mark is skipped") {
  const std::string text = "\xEF\xBB\xBF" + kHeader + "A,Org,2023-01-01,x,\n";
  auto set = data::load_csv(text, "m.csv", model_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->records.size() == 1);
  CHECK(set->records[0].values[kModel].text == "A");  // "Model" was recognised despite the BOM
  const Diagnostic* d = find_code(set->diagnostics, "malformed-value");
  REQUIRE(d);
  CHECK(d->location.column == 18);
}

TEST_CASE("csv: unmapped columns are ignored; unmapped fields are unknown") {
  auto set = data::load_csv("Notes,Model,Whatever\n\"a, b\",X,1\n", "m.csv", model_schema());
  REQUIRE(set.has_value());
  CHECK(set->diagnostics.empty());
  REQUIRE(set->records.size() == 1);
  CHECK(set->records[0].values[kModel].text == "X");
  for (int slot : {kOrganization, kReleased, kCompute, kParameters, kConfidence, kAccessibility})
    CHECK(set->records[0].values[static_cast<std::size_t>(slot)].is_unknown());
}

TEST_CASE("csv: no column maps to any field") {
  auto set = data::load_csv("a,b\n1,2\n", "m.csv", model_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->diagnostics.items.size() == 1);
  CHECK(set->diagnostics.items[0].code == "no-matching-columns");
  CHECK(set->diagnostics.items[0].severity == Severity::Warning);
  CHECK(set->diagnostics.items[0].location.line == 1);
}

TEST_CASE("csv: two columns for one field: the first is used") {
  auto set = data::load_csv("Model,model\nA,B\n", "m.csv", model_schema());
  REQUIRE(set.has_value());
  CHECK(set->records[0].values[kModel].text == "A");
  const Diagnostic* d = find_code(set->diagnostics, "duplicate-column");
  REQUIRE(d);
  CHECK(d->severity == Severity::Warning);
  CHECK(d->location.line == 1);
  CHECK(d->location.column == 7);
}

TEST_CASE("csv: text after a closing quote is kept with a warning") {
  auto set = data::load_csv("Model,Organization\n\"A\"x,B\n", "m.csv", model_schema());
  REQUIRE(set.has_value());
  CHECK(set->records[0].values[kModel].text == "Ax");
  const Diagnostic* d = find_code(set->diagnostics, "malformed-csv");
  REQUIRE(d);
  CHECK(d->severity == Severity::Warning);
  CHECK(d->location.line == 2);
  CHECK(d->location.column == 4);
}

TEST_CASE("csv: duplicate model names") {
  const std::string text = kHeader + "A,Org,2023-01-01,1,\nB,Org,2023-01-01,2,\nA,Other,2024-01-01,3,\n";
  auto set = data::load_csv(text, "m.csv", model_schema());
  REQUIRE(set.has_value());
  CHECK(set->records.size() == 3);
  CHECK(set->by_name.at("A") == 0);  // first occurrence wins
  CHECK(set->by_name.at("B") == 1);
  REQUIRE(set->diagnostics.items.size() == 1);
  const Diagnostic& d = set->diagnostics.items[0];
  CHECK(d.code == "duplicate-model");
  CHECK(d.severity == Severity::Warning);
  CHECK(d.message == "model `A` appears on lines 2 and 4");
  CHECK(d.location.line == 4);
  CHECK(d.location.column == 1);
  CHECK(d.location.line_text == "A,Other,2024-01-01,3,");
}

TEST_CASE("csv: diagnostics are capped at 100 per file") {
  std::string text = kHeader;
  for (int i = 0; i < 250; ++i) text += "M" + std::to_string(i) + ",Org,2023-01-01,bad,\n";
  auto set = data::load_csv(text, "m.csv", model_schema());
  REQUIRE(set.has_value());
  CHECK(set->records.size() == 250);
  REQUIRE(set->diagnostics.items.size() == 101);
  CHECK(set->diagnostics.items[99].location.line == 101);
  const Diagnostic& note = set->diagnostics.items[100];
  CHECK(note.severity == Severity::Note);
  CHECK(note.message == "150 more problems not shown");
}

TEST_CASE("csv: a quantity field's scale applies") {
  auto schema = std::make_shared<model::Schema>(*model_schema());
  schema->fields[kParameters].scale = 1e9;  // a column in billions
  auto set = data::load_csv("Model,Parameters\nA,1.5\n", "m.csv", schema);
  REQUIRE(set.has_value());
  CHECK(set->records[0].values[kParameters].lo == 1.5e9);
}

TEST_CASE("csv: Epoch's booleans and a money column, through an extended schema") {
  auto schema = std::make_shared<model::Schema>(*model_schema());
  model::FieldSpec frontier;
  frontier.name = "frontier";
  frontier.kind = ast::TypeKind::Bool;
  frontier.columns = {"Frontier model"};
  schema->fields.push_back(frontier);
  model::FieldSpec cost;
  cost.name = "training_cost";
  cost.kind = ast::TypeKind::Quantity;
  cost.dim = ast::Dim::Money;
  cost.columns = {"Training compute cost (2023 USD)"};
  schema->fields.push_back(cost);
  auto set = data::load_file(epoch_notable_path(), DataFormat::Csv, schema);
  REQUIRE(set.has_value());
  CHECK(set->diagnostics.empty());
  std::size_t frontier_true = 0, frontier_unknown = 0, with_cost = 0;
  for (const model::Record& r : set->records) {
    const model::Value& f = r.values[7];
    if (f.is_unknown()) ++frontier_unknown;
    else if (f.kind == model::Value::Kind::Bool && f.boolean) ++frontier_true;
    with_cost += r.values[8].kind == model::Value::Kind::Number;
  }
  CHECK(frontier_true == 153);
  CHECK(frontier_unknown == 801);  // a blank is unknown, not false
  CHECK(with_cost == 155);
}

TEST_CASE("csv: a number that overflows once scaled is refused") {
  auto schema = std::make_shared<model::Schema>(*model_schema());
  schema->fields[kParameters].scale = 1e9;
  auto set = data::load_csv("Model,Parameters\nA,1e305\n", "m.csv", schema);
  REQUIRE(set.has_value());
  CHECK(set->records[0].values[kParameters].is_unknown());
  REQUIRE(set->diagnostics.items.size() == 1);
  CHECK(set->diagnostics.items[0].code == "malformed-value");
}
