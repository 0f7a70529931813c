// The API used wrongly gives an answer, never undefined behaviour: a moved-from RecordsBuilder,
// a VerdictTable asked about a rule or a cell that is not its own.
#include "test_support.hpp"

#include <utility>

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("a moved-from RecordsBuilder ignores add and set, and build says it was moved from") {
  auto policy = compile_ok("import std.model\ntrigger big { when training_compute > 1e25 FLOP }\n");
  RecordsBuilder first(policy);
  first.add("a").set("training_compute", 2e25);
  RecordsBuilder second(std::move(first));
  first.add("b").set("training_compute", 1e20).set("organization", "x").set("released", "2024-01-01");  // NOLINT
  auto moved = first.build();  // NOLINT: the use after the move is the point
  REQUIRE_FALSE(moved.has_value());
  CHECK(moved.error().items.at(0).code == "use-after-move");
  auto built = second.build();
  REQUIRE(built.has_value());
  CHECK(built->size() == 1);
}

TEST_CASE("VerdictTable::value_name answers unknown for a rule or a cell out of range") {
  auto policy = compile_ok("import std.model\ntrigger big { when training_compute > 1e25 FLOP }\n");
  RecordsBuilder b(policy);
  b.add("a").set("training_compute", 2e25);
  auto records = b.build();
  REQUIRE(records.has_value());
  auto table = evaluate_table(policy, *records);
  REQUIRE(table.has_value());
  REQUIRE(table->rules.size() == 1);
  CHECK(table->value_name(0, table->at(0, 0)) == "true");
  CHECK(table->value_name(7, table->at(0, 0)) == "unknown");
  VerdictCell foreign = table->at(0, 0);
  foreign.value = 99;
  CHECK(table->value_name(0, foreign) == "unknown");
}
