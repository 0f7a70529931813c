// Estimates with bounds in columns of their own (`low "…"  high "…"` on a field), in CSV and in
// JSON, where each field's data came from, and Epoch's Confidence labels read as ranges.
#include <doctest/doctest.h>

#include <string>

#include "data/confidence.hpp"
#include "data/load.hpp"
#include "data_fixture.hpp"

using namespace scalepol;
using namespace scalepol::test_data;

namespace {

// The model schema, with bound columns on training_compute.
std::shared_ptr<const model::Schema> bounded_schema() {
  auto s = std::make_shared<model::Schema>(*model_schema());
  s->fields[kCompute].low_columns = {"Training compute lower bound", "training_compute_low"};
  s->fields[kCompute].high_columns = {"Training compute upper bound"};
  return s;
}

const std::string kHeader = "Model,Training compute (FLOP),Training compute lower bound,Training compute upper bound\n";

}  // namespace

TEST_CASE("csv: bound columns make a range; a missing bound is the value") {
  const std::string text = kHeader +
                           "GPT-4,2.1e25,8.2e24,4.4e25\n"
                           "exact,3e24,,\n"
                           "bounds only,,1e24,3e24\n"
                           "low only,5e24,1e24,\n"
                           "nothing,,,\n";
  auto set = data::load_csv(text, "m.csv", bounded_schema());
  REQUIRE(set.has_value());
  CHECK(set->diagnostics.empty());
  REQUIRE(set->records.size() == 5);
  const model::Value& gpt4 = set->records[0].values[kCompute];
  CHECK(gpt4.x == 2.1e25);
  CHECK(gpt4.lo == 8.2e24);
  CHECK(gpt4.hi == 4.4e25);
  CHECK(set->records[1].values[kCompute].is_exact());
  CHECK(set->records[1].values[kCompute].x == 3e24);
  CHECK(set->records[2].values[kCompute].x == 2e24);  // the middle of the bounds
  CHECK(set->records[2].values[kCompute].lo == 1e24);
  CHECK(set->records[3].values[kCompute].lo == 1e24);
  CHECK(set->records[3].values[kCompute].hi == 5e24);
  CHECK(set->records[4].values[kCompute].is_unknown());

  // Where each part came from, for explanations.
  const auto& origin = set->origins[kCompute];
  CHECK(origin.value == std::vector<std::string>{"Training compute (FLOP)"});
  CHECK(origin.low == std::vector<std::string>{"Training compute lower bound"});
  CHECK(origin.high == std::vector<std::string>{"Training compute upper bound"});
  CHECK(set->origins[kModel].value == std::vector<std::string>{"Model"});
  CHECK(set->origins[kReleased].value.empty());
  CHECK(std::string(set->column_word) == "column");
}

TEST_CASE("csv: bounds that do not make sense are warned of at the bound's cell; the figure stays") {
  const std::string text = kHeader +
                           "outside,5e25,1e24,2e24\n"
                           "crossed,,3e25,2e25\n"
                           "bad bound,2e25,lots,\n"
                           "bad value,lots,1e24,2e24\n";
  auto set = data::load_csv(text, "m.csv", bounded_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->records.size() == 4);
  // A figure outside its bounds is read without them; with no figure, or a bound that is not a
  // number, the value is unknown.
  CHECK(set->records[0].values[kCompute].x == 5e25);
  CHECK(set->records[0].values[kCompute].is_exact());
  for (std::size_t r = 1; r < 4; ++r) CHECK(set->records[r].values[kCompute].is_unknown());
  const auto& ds = set->diagnostics.items;
  REQUIRE(ds.size() == 4);
  for (const Diagnostic& d : ds) CHECK(d.code == "malformed-value");
  for (const Diagnostic& d : ds) CHECK(d.severity == Severity::Warning);
  CHECK(ds[0].notes.back() == "the figure is read without its bounds");
  CHECK(ds[0].message == "the `Training compute (FLOP)` of field `training_compute` is outside its range");
  CHECK(ds[0].location.line == 2);
  CHECK(ds[0].location.column == 14);
  CHECK(ds[1].message ==
        "the range of field `training_compute` has `Training compute lower bound` above `Training compute upper bound`");
  CHECK(ds[2].message ==
        "cannot read `lots` as a number for field `training_compute` (column `Training compute lower bound`)");
  CHECK(ds[3].message == "cannot read `lots` as a number for field `training_compute` (column `Training compute (FLOP)`)");
}

TEST_CASE("csv: two columns for the same bound: the first is used") {
  const std::string text = "Model,Training compute (FLOP),Training compute lower bound,training_compute_low\nA,2e25,1e25,5e24\n";
  auto set = data::load_csv(text, "m.csv", bounded_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->diagnostics.items.size() == 1);
  CHECK(set->diagnostics.items[0].code == "duplicate-column");
  CHECK(set->diagnostics.items[0].message ==
        "columns `Training compute lower bound` and `training_compute_low` both give the lower bound of field "
        "`training_compute`");
  CHECK(set->records[0].values[kCompute].lo == 1e25);
}

TEST_CASE("json: bound keys, beside the value or on their own") {
  const std::string text =
      R"J({"model": "GPT-4", "training_compute_flop": 2.1e25, "Training compute lower bound": 8.2e24, "Training compute upper bound": "4.4e25"}
{"model": "bounds only", "training_compute_low": 1e24, "Training compute upper bound": 3e24}
{"model": "null bounds", "training_compute_flop": 3e24, "training_compute_low": null, "Training compute upper bound": ""}
{"model": "two ranges", "training_compute_flop": {"value": 2e25, "low": 1e25, "high": 3e25}, "training_compute_low": 8e24}
{"model": "not a number", "training_compute_flop": 2e25, "training_compute_low": true}
)J";
  auto set = data::load_json(text, "m.jsonl", bounded_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->records.size() == 5);
  const model::Value& gpt4 = set->records[0].values[kCompute];
  CHECK(gpt4.x == 2.1e25);
  CHECK(gpt4.lo == 8.2e24);
  CHECK(gpt4.hi == 4.4e25);
  CHECK(set->records[1].values[kCompute].x == 2e24);
  CHECK(set->records[2].values[kCompute].is_exact());
  CHECK(set->records[2].values[kCompute].x == 3e24);
  // A range given twice keeps the value's own range; a bound that is not a number makes it unknown.
  CHECK(set->records[3].values[kCompute].x == 2e25);
  CHECK(set->records[3].values[kCompute].lo == 1e25);
  CHECK(set->records[3].values[kCompute].hi == 3e25);
  CHECK(set->records[4].values[kCompute].is_unknown());
  const auto& ds = set->diagnostics.items;
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].message ==
        "field `training_compute` (key `training_compute_flop`) is a range already, and bound keys give it another");
  CHECK(ds[0].location.line == 4);
  CHECK(ds[1].message == "expected a number for field `training_compute` (key `training_compute_low`), found `true`");

  const auto& origin = set->origins[kCompute];
  CHECK(origin.value == std::vector<std::string>{"training_compute_flop"});
  CHECK(origin.low == std::vector<std::string>{"Training compute lower bound", "training_compute_low"});
  CHECK(std::string(set->column_word) == "key");
}

TEST_CASE("json: a bound key given twice") {
  const std::string text = R"J({"model": "A", "training_compute_low": 1e24, "Training compute lower bound": 2e24, "training_compute_flop": 5e24}
)J";
  auto set = data::load_json(text, "m.jsonl", bounded_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->diagnostics.items.size() == 1);
  CHECK(set->diagnostics.items[0].code == "duplicate-key");
  CHECK(set->diagnostics.items[0].message ==
        "keys `training_compute_low` and `Training compute lower bound` both give the lower bound of field "
        "`training_compute`");
  CHECK(set->records[0].values[kCompute].lo == 1e24);
}

TEST_CASE("confidence labels: the factors, and the labels they apply to") {
  const auto& factors = data::confidence_factors();
  REQUIRE(factors.size() == 3);
  CHECK(data::confidence_factor("Confident")->factor == 3);
  CHECK(data::confidence_factor("Likely")->factor == 10);
  CHECK(data::confidence_factor(" speculative ")->factor == 30);
  CHECK(data::confidence_factor("Unknown") == nullptr);
  CHECK(data::confidence_factor("") == nullptr);
}

TEST_CASE("confidence ranges: exact compute figures of labelled records become ranges") {
  const std::string text =
      "Model,Training compute (FLOP),Training compute lower bound,Confidence\n"
      "sure,1e24,,Confident\n"
      "likely,1e24,,Likely\n"
      "guess,2.1e25,,Speculative\n"
      "unlabelled,1e24,,Unknown\n"
      "blank,1e24,,\n"
      "no figure,,,Speculative\n"
      "own bounds,2e25,1e25,Speculative\n";
  auto set = data::load_csv(text, "m.csv", bounded_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->diagnostics.empty());
  CHECK(data::apply_confidence_ranges(*set).empty());
  CHECK(set->confidence_ranges);
  const auto value = [&](std::size_t r) { return set->records[r].values[kCompute]; };
  // The ends are the binary64 quotient and product, never rounded for show: a verdict at a line
  // must see the last digit (2.1e25 / 30 is 6.999999999999999e23).
  CHECK(value(0).lo == 1e24 / 3);
  CHECK(value(0).hi == 1e24 * 3);
  CHECK(value(0).x == 1e24);
  CHECK(value(1).lo == 1e24 / 10);
  CHECK(value(1).hi == 1e24 * 10);
  CHECK(value(2).lo == 2.1e25 / 30);
  CHECK(value(2).hi == 2.1e25 * 30);
  CHECK(value(3).is_exact());
  CHECK(value(4).is_exact());
  CHECK(value(5).is_unknown());
  CHECK(value(6).lo == 1e25);  // its own bounds stand
  CHECK(value(6).hi == 2e25);
  CHECK(set->confidence_ranged ==
        std::vector<std::pair<uint32_t, int32_t>>{{0, kCompute}, {1, kCompute}, {2, kCompute}});
  CHECK(set->range_from_confidence(2, kCompute));
  CHECK_FALSE(set->range_from_confidence(6, kCompute));
}

TEST_CASE("confidence ranges need a `confidence` field and a compute field") {
  auto no_label = std::make_shared<model::Schema>(*model_schema());
  no_label->fields[kConfidence].name = "label";
  auto set = data::load_csv("Model\nA\n", "m.csv", no_label);
  REQUIRE(set.has_value());
  Diagnostics errors = data::apply_confidence_ranges(*set);
  REQUIRE(errors.items.size() == 1);
  CHECK(errors.items[0].code == "confidence-ranges-unavailable");
  CHECK(errors.items[0].message == "confidence ranges need a text field `confidence`, and the policy's schema has none");

  auto no_compute = std::make_shared<model::Schema>(*model_schema());
  no_compute->fields[kCompute].dim = ast::Dim::Money;
  set = data::load_csv("Model\nA\n", "m.csv", no_compute);
  REQUIRE(set.has_value());
  errors = data::apply_confidence_ranges(*set);
  REQUIRE(errors.items.size() == 1);
  CHECK(errors.items[0].message == "confidence ranges apply to compute fields, and the policy's schema has none");
}
