// `unit-mismatch`: incompatible units compared or combined (an error, found by the checker).
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("unit-mismatch: compute compared with a compute rate") {
  auto d = compile_err("import std.model\ntrigger t { when training_compute > 1e20 FLOP/s }\n");
  const auto* f = find_code(d, "unit-mismatch");
  REQUIRE(f != nullptr);
  CHECK(f->severity == Severity::Error);
  CHECK(f->message == "cannot compare compute (FLOP) with a compute rate (FLOP/s)");
  CHECK(f->location.line == 2);
  CHECK(f->location.column == 18);
  REQUIRE(f->notes.size() == 1);
  CHECK(f->notes[0].find("a rate, such as a cluster's capacity") != std::string::npos);
}

TEST_CASE("unit-mismatch: dollars added to compute") {
  auto d = compile_err("import std.model\ndefine x = training_cost + training_compute\n");
  const auto* f = find_code(d, "unit-mismatch");
  REQUIRE(f != nullptr);
  CHECK(f->message == "cannot add money (USD) and compute (FLOP)");
  CHECK(f->location.line == 2);
  CHECK(f->location.column == 28);
}

TEST_CASE("unit-mismatch: each quantity compared with its own unit gives no finding") {
  auto d = lint_text("import std.model\n"
                     "field cluster_capacity: FLOP/s\n"
                     "trigger model_line { when training_compute > 1e26 FLOP or training_cost > 100e6 USD }\n"
                     "trigger cluster_line { when cluster_capacity >= 1e20 FLOP/s }\n");
  CHECK(count_code(d, "unit-mismatch") == 0);
}
