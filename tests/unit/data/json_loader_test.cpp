#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "data/load.hpp"
#include "data_fixture.hpp"

using namespace scalepol;
using namespace scalepol::test_data;

namespace {

// The one fatal error of a JSON text that must not load.
Diagnostic fatal_error(const std::string& text) {
  auto set = data::load_json(text, "m.json", model_schema());
  REQUIRE_FALSE(set.has_value());
  REQUIRE(set.error().items.size() == 1);
  CHECK(set.error().items[0].code == "malformed-json");
  return set.error().items[0];
}

}  // namespace

TEST_CASE("json: an array of objects") {
  const std::string text = R"J([
  {"model": "GPT-4", "organization": "OpenAI", "publication_date": "2023-03-15",
   "training_compute_flop": 2.1e25, "Parameters": null, "extra": {"nested": [1, 2, {"x": true}]}},
  {"Model": "Small", "Training compute (FLOP)": "1.001e25", "Parameters": 7000000000}
])J";
  auto set = data::load_json(text, "m.json", model_schema());
  REQUIRE(set.has_value());
  CHECK(set->diagnostics.empty());
  REQUIRE(set->records.size() == 2);
  const model::Record& a = set->records[0];
  CHECK(a.line == 2);
  CHECK(a.values[kModel].text == "GPT-4");
  CHECK(a.values[kOrganization].text == "OpenAI");
  CHECK(a.values[kReleased].lo == days_from_civil(2023, 3, 15));
  CHECK(a.values[kCompute].lo == 2.1e25);
  CHECK(a.values[kParameters].is_unknown());  // null → unknown
  CHECK(a.values[kConfidence].is_unknown());  // absent → unknown
  const model::Record& b = set->records[1];
  CHECK(b.line == 4);
  CHECK(b.values[kCompute].lo == 1.001e25);  // a numeric string
  CHECK(b.values[kParameters].lo == 7e9);
  CHECK(set->by_name.at("Small") == 1);
}

TEST_CASE("json: JSON Lines, with blank lines") {
  const std::string text =
      "{\"model\": \"A\", \"training_compute_flop\": 1e24}\n"
      "\n"
      "   \r\n"
      "{\"model\": \"B\", \"publication_date\": \"2024-05-13\"}\r\n"
      "{\"model\": \"C\"}";
  auto set = data::load_json(text, "m.jsonl", model_schema());
  REQUIRE(set.has_value());
  CHECK(set->diagnostics.empty());
  REQUIRE(set->records.size() == 3);
  CHECK(set->records[0].line == 1);
  CHECK(set->records[1].line == 4);
  CHECK(set->records[2].line == 5);
  CHECK(set->records[1].values[kReleased].lo == days_from_civil(2024, 5, 13));
  CHECK(set->records[2].values[kModel].text == "C");
}

TEST_CASE("json: an estimate with its interval") {
  const std::string text =
      R"J({"model": "GPT-4", "training_compute_flop": {"value": 2.1e25, "low": 8.2e24, "high": 4.4e25}}
{"model": "Exact", "training_compute_flop": {"value": 3e24}}
{"model": "Bounds", "training_compute_flop": {"low": "1e24", "high": 2e24}}
{"model": "Low only", "training_compute_flop": {"value": 5e24, "low": 1e24}}
{"model": "Null high", "training_compute_flop": {"value": 5e24, "high": null}}
)J";
  auto set = data::load_json(text, "m.jsonl", model_schema());
  REQUIRE(set.has_value());
  CHECK(set->diagnostics.empty());
  REQUIRE(set->records.size() == 5);
  const model::Value& gpt4 = set->records[0].values[kCompute];
  CHECK(gpt4.kind == model::Value::Kind::Number);
  CHECK(gpt4.lo == 8.2e24);
  CHECK(gpt4.hi == 4.4e25);
  CHECK(set->records[1].values[kCompute].is_exact());
  CHECK(set->records[1].values[kCompute].lo == 3e24);
  CHECK(set->records[2].values[kCompute].lo == 1e24);
  CHECK(set->records[2].values[kCompute].hi == 2e24);
  CHECK(set->records[3].values[kCompute].lo == 1e24);
  CHECK(set->records[3].values[kCompute].hi == 5e24);
  CHECK(set->records[4].values[kCompute].is_exact());
}

TEST_CASE("json: ranges that do not make sense are unknown, or the figure without them") {
  const std::string text =
      R"J({"model": "A", "training_compute_flop": {"low": 2e25, "high": 1e25}}
{"model": "B", "training_compute_flop": {"value": 5e25, "low": 1e24, "high": 2e24}}
{"model": "C", "training_compute_flop": {"lo": 1e24, "value": 1e25}}
{"model": "E", "training_compute_flop": {"value": "lots"}}
)J";
  auto set = data::load_json(text, "m.jsonl", model_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->records.size() == 4);
  REQUIRE(set->diagnostics.items.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    const model::Value& v = set->records[i].values[kCompute];
    if (i == 1) {  // a figure outside its bounds is kept, without them
      CHECK(v.x == 5e25);
      CHECK(v.is_exact());
    } else {
      CHECK(v.is_unknown());
    }
    CHECK(set->diagnostics.items[i].severity == Severity::Warning);
    CHECK(set->diagnostics.items[i].code == "malformed-value");
    CHECK(set->diagnostics.items[i].location.line == i + 1);
  }
  CHECK(set->diagnostics.items[2].location.column == 42);  // the unknown key `"lo"`
  CHECK(set->diagnostics.items[2].message.find("`lo`") != std::string::npos);
}

TEST_CASE("json: one bound and no figure is a half-open range with no point estimate") {
  const std::string text =
      R"J({"model": "at least", "training_compute_flop": {"low": 1.3e24}}
{"model": "at most", "training_compute_flop": {"high": 5e24}}
)J";
  auto set = data::load_json(text, "m.jsonl", model_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->records.size() == 2);
  CHECK(set->diagnostics.items.empty());
  const model::Value& least = set->records[0].values[kCompute];
  CHECK(least.kind == model::Value::Kind::Number);
  CHECK(std::isnan(least.x));
  CHECK(least.lo == 1.3e24);
  CHECK(std::isinf(least.hi));
  CHECK(least.bounded);
  const model::Value& most = set->records[1].values[kCompute];
  CHECK(std::isnan(most.x));
  CHECK(most.lo == 0);  // compute is a total: it starts at zero
  CHECK(most.hi == 5e24);
}

TEST_CASE("json: a value of the wrong type is unknown, the record is kept") {
  const std::string text = R"J([
  {"model": "A", "training_compute_flop": true, "publication_date": 2023, "Parameters": [1, 2]},
  {"model": "B", "publication_date": "2025-02-30", "training_compute_flop": "12 FLOP"}
])J";
  auto set = data::load_json(text, "m.json", model_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->records.size() == 2);
  CHECK(set->records[0].values[kModel].text == "A");
  CHECK(set->records[0].values[kCompute].is_unknown());
  CHECK(set->records[0].values[kReleased].is_unknown());
  CHECK(set->records[0].values[kParameters].is_unknown());
  REQUIRE(set->diagnostics.items.size() == 5);
  const auto& ds = set->diagnostics.items;
  for (const Diagnostic& d : ds) CHECK(d.code == "malformed-value");
  CHECK(ds[0].message == "expected a number for field `training_compute` (key `training_compute_flop`), found `true`");
  CHECK(ds[0].location.line == 2);
  CHECK(ds[0].location.column == 43);
  CHECK(ds[0].location.end_column == 47);
  CHECK(ds[0].location.line_text ==
        R"J(  {"model": "A", "training_compute_flop": true, "publication_date": 2023, "Parameters": [1, 2]},)J");
  CHECK(ds[1].message == "expected a date for field `released` (key `publication_date`), found `2023`");
  CHECK(ds[1].location.column == 69);
  CHECK(ds[2].message == "expected a number for field `parameters` (key `Parameters`), found an array");
  CHECK(ds[2].location.column == 89);
  CHECK(ds[3].message == "cannot read `2025-02-30` as a date for field `released` (key `publication_date`)");
  CHECK(ds[3].location.line == 3);
  CHECK(ds[3].location.column == 38);
  CHECK(ds[4].message ==
        "cannot read `12 FLOP` as a number for field `training_compute` (key `training_compute_flop`)");
}

TEST_CASE("json: duplicate keys warn; the first value is used") {
  const std::string text = R"J({"model": "A", "Parameters": 1, "Parameters": 2}
{"model": "B", "Model": "C"}
)J";
  auto set = data::load_json(text, "m.jsonl", model_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->records.size() == 2);
  CHECK(set->records[0].values[kParameters].lo == 1);
  CHECK(set->records[1].values[kModel].text == "B");
  REQUIRE(set->diagnostics.items.size() == 2);
  const Diagnostic& d = set->diagnostics.items[0];
  CHECK(d.code == "duplicate-key");
  CHECK(d.severity == Severity::Warning);
  CHECK(d.message == "duplicate key `Parameters`");
  CHECK(d.location.line == 1);
  CHECK(d.location.column == 33);
  CHECK(d.location.end_column == 45);
  CHECK(set->diagnostics.items[1].message == "keys `model` and `Model` both give field `model`");
  CHECK(set->diagnostics.items[1].location.line == 2);
}

TEST_CASE("json lines: a bad line is skipped, the others are kept") {
  const std::string text =
      "{\"model\": \"A\"}\n"
      "{\"model\": \"B\", \"Parameters\": 1 \"x\": 2}\n"
      "{\"model\": \"C\", \"Parameters\": tru}\n"
      "{\"model\": \"D\"} {\"model\": \"E\"}\n"
      "[1, 2]\n"
      "{\"model\": \"F\", \"Parameters\": \"oops\", \"x\": 1.2.3}\n"
      "{\"model\": \"G\"}\n";
  auto set = data::load_json(text, "m.jsonl", model_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->records.size() == 2);
  CHECK(set->records[0].values[kModel].text == "A");
  CHECK(set->records[1].values[kModel].text == "G");
  CHECK(set->records[1].line == 7);
  const auto& ds = set->diagnostics.items;
  REQUIRE(ds.size() == 5);
  for (const Diagnostic& d : ds) CHECK(d.code == "malformed-json");
  CHECK(ds[0].location.line == 2);
  CHECK(ds[0].message == "unexpected `\"x\"`");
  CHECK(ds[0].location.column == 32);
  CHECK(ds[1].location.line == 3);
  CHECK(ds[1].message == "invalid literal `tru`");
  CHECK(ds[1].location.column == 30);
  CHECK(ds[2].location.line == 4);
  CHECK(ds[2].location.column == 16);
  CHECK(ds[3].location.line == 5);
  CHECK(ds[3].message == "expected an object for a record, found an array");
  CHECK(ds[3].location.column == 1);
  // The bad value on line 6 is not reported: the line is not JSON, only that is.
  CHECK(ds[4].location.line == 6);
  CHECK(ds[4].message == "invalid number `1.2.3`");
  CHECK(ds[4].location.column == 43);
}

TEST_CASE("json array: a structural error is fatal, with its position") {
  {
    Diagnostic d = fatal_error("[\n  {\"model\": \"A\"},\n  {\"model\": \"B\" \"Parameters\": 1}\n]");
    CHECK(d.location.line == 3);
    CHECK(d.location.column == 17);
    CHECK(d.message == "unexpected `\"Parameters\"`");
    CHECK(d.location.line_text == "  {\"model\": \"B\" \"Parameters\": 1}");
  }
  {
    Diagnostic d = fatal_error("[\n  {\"model\": \"A\"},\n  {\"model\": \"B\"\n");
    CHECK(d.message == "`{` is never closed");
    CHECK(d.location.line == 3);
    CHECK(d.location.column == 3);
  }
  {
    Diagnostic d = fatal_error("[{\"model\": \"A\"}]\nx");
    CHECK(d.message == "unexpected `x` after the end of the document");
    CHECK(d.location.line == 2);
    CHECK(d.location.column == 1);
  }
  {
    Diagnostic d = fatal_error("[{\"model\": \"A\"}] [2]");
    CHECK(d.location.line == 1);
    CHECK(d.location.column == 18);
  }
  {
    Diagnostic d = fatal_error("[{\"model\": \"A\"},\n {\"model\": \"B}]\n");
    CHECK(d.message == "string is not closed before the end of its line");
    CHECK(d.location.line == 2);
    CHECK(d.location.column == 12);
  }
  {
    Diagnostic d = fatal_error("[{\"model\": \"A\"},\n {\"x\": \"\xff\"}]");
    CHECK(d.message == "invalid UTF-8");
    CHECK(d.location.line == 2);
    CHECK(d.location.column == 9);
  }
  {
    Diagnostic d = fatal_error("[{\"model\": \"A\", \"notes\": nul}]");
    CHECK(d.message == "invalid literal `nul`");
    CHECK(d.location.column == 26);
  }
  {
    Diagnostic d = fatal_error("[{\"model\": \"A\"},]");
    CHECK(d.location.column == 17);
  }
  {
    Diagnostic d = fatal_error("[{\"model\": \"A\\q\"}]");
    CHECK(d.message.starts_with("invalid escape in string"));
    CHECK(d.location.column == 12);
  }
}

TEST_CASE("json array: an element that is not an object is skipped") {
  auto set = data::load_json("[{\"model\": \"A\"}, 5, {\"model\": \"B\"}]", "m.json", model_schema());
  REQUIRE(set.has_value());
  CHECK(set->records.size() == 2);
  REQUIRE(set->diagnostics.items.size() == 1);
  CHECK(set->diagnostics.items[0].code == "malformed-json");
  CHECK(set->diagnostics.items[0].location.column == 18);
}

TEST_CASE("json: an empty array is no records") {
  for (const char* text : {"[]", " [ ] ", "\n[]\n"}) {
    auto set = data::load_json(text, "m.json", model_schema());
    REQUIRE(set.has_value());
    CHECK(set->records.empty());
    CHECK(set->diagnostics.empty());
  }
}

TEST_CASE("json: duplicate model names warn") {
  auto set = data::load_json("[{\"model\": \"A\"},\n{\"model\": \"A\"}]", "m.json", model_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->diagnostics.items.size() == 1);
  CHECK(set->diagnostics.items[0].code == "duplicate-model");
  CHECK(set->diagnostics.items[0].message == "model `A` appears on lines 1 and 2");
  CHECK(set->diagnostics.items[0].location.line == 2);
}

TEST_CASE("json: text, bool and escapes") {
  auto schema = std::make_shared<model::Schema>(*model_schema());
  model::FieldSpec open;
  open.name = "open_weights";
  open.kind = ast::TypeKind::Bool;
  schema->fields.push_back(open);
  const std::string text = R"J([{"model": "Caf\u00e9 \"7\"", "organization": 42, "open_weights": true},
{"model": "B", "open_weights": "False"}, {"model": "C", "open_weights": 1}, {"model": "D", "open_weights": "maybe"}])J";
  auto set = data::load_json(text, "m.json", schema);
  REQUIRE(set.has_value());
  REQUIRE(set->records.size() == 4);
  CHECK(set->records[0].values[kModel].text == "Café \"7\"");
  CHECK(set->records[0].values[kOrganization].text == "42");
  CHECK(set->records[0].values[7].boolean);
  CHECK(set->records[1].values[7].kind == model::Value::Kind::Bool);
  CHECK_FALSE(set->records[1].values[7].boolean);
  CHECK(set->records[2].values[7].boolean);
  CHECK(set->records[3].values[7].is_unknown());
  REQUIRE(set->diagnostics.items.size() == 1);
  CHECK(set->diagnostics.items[0].message == "cannot read `maybe` as true or false for field `open_weights`");
}

TEST_CASE("json lines: a line that is not an object") {
  const std::string text = "5\n\"text\"\nnull\nnope\n  [1, tru]\n{\"model\": \"A\"}\n";
  auto set = data::load_json(text, "m.jsonl", model_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->records.size() == 1);
  CHECK(set->records[0].line == 6);
  const auto& ds = set->diagnostics.items;
  REQUIRE(ds.size() == 5);
  CHECK(ds[0].message == "expected an object for a record, found a number");
  CHECK(ds[1].message == "expected an object for a record, found a string");
  CHECK(ds[2].message == "expected an object for a record, found null");
  CHECK(ds[3].message == "invalid literal `nope`");
  CHECK(ds[3].location.line == 4);
  CHECK(ds[3].location.column == 1);
  CHECK(ds[4].message == "invalid literal `tru`");
  CHECK(ds[4].location.line == 5);
  CHECK(ds[4].location.column == 7);
  for (const Diagnostic& d : ds) CHECK(d.code == "malformed-json");
}

TEST_CASE("json lines: a pretty-printed object gets a hint") {
  auto set = data::load_json("{\n  \"model\": \"A\"\n}\n", "m.jsonl", model_schema());
  REQUIRE(set.has_value());
  CHECK(set->records.empty());
  REQUIRE_FALSE(set->diagnostics.items.empty());
  CHECK(set->diagnostics.items[0].location.line == 1);
  CHECK(set->diagnostics.items[0].help.find("JSON Lines") != std::string::npos);
}

TEST_CASE("json lines named explicitly: a leading `[` is a line, not an array") {
  auto set = data::load_json_lines("[1]\n{\"model\": \"A\"}\n", "m.jsonl", model_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->records.size() == 1);
  CHECK(set->records[0].line == 2);
  REQUIRE(set->diagnostics.items.size() == 1);
  CHECK(set->diagnostics.items[0].message == "expected an object for a record, found an array");
}

TEST_CASE("json: an empty or blank .json text is malformed, an empty JSON Lines text is no records") {
  for (const std::string text : {std::string(), std::string(" \n\t\r\n")}) {
    auto set = data::load_json(text, "m.json", model_schema());
    REQUIRE_FALSE(set.has_value());
    REQUIRE(set.error().items.size() == 1);
    const Diagnostic& d = set.error().items[0];
    CHECK(d.code == "malformed-json");
    CHECK(d.location.line == 1);
    CHECK(d.location.column == 1);
    CHECK(d.message == (text.empty() ? "the file is empty" : "the file holds only whitespace"));
  }
  auto lines = data::load_json_lines("", "m.jsonl", model_schema());
  REQUIRE(lines.has_value());
  CHECK(lines->records.empty());
  CHECK(lines->diagnostics.empty());
  auto array = data::load_json("[]", "m.json", model_schema());
  REQUIRE(array.has_value());
  CHECK(array->records.empty());
}
