// `flops-rate-ambiguous`: `FLOPs` or `FLOPS`: operations, or operations per second?
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("flops-rate-ambiguous: `FLOPs` on a number is reported at the unit") {
  auto d = lint_text("import std.model\ntrigger t { when training_compute > 1e26 FLOPs }\n");
  REQUIRE(count_code(d, "flops-rate-ambiguous") == 1);
  const auto* f = find_code(d, "flops-rate-ambiguous");
  CHECK(f->severity == Severity::Warning);
  CHECK(f->message == "`FLOPs` can mean operations or operations per second");
  CHECK(f->location.line == 2);
  CHECK(f->location.column == 42);
  CHECK(f->location.end_column == 47);
  REQUIRE(f->notes.size() == 2);
  CHECK(f->notes[0] == "scalepol reads `FLOPs` as `FLOP`, a total");
  CHECK(f->notes[1].find("EO 14110") != std::string::npos);
  CHECK(f->help == "write `FLOP` for a total, `FLOP/s` for a rate");
}

TEST_CASE("flops-rate-ambiguous: `FLOPS` as a field's declared type") {
  auto d = lint_text("field cluster_capacity: FLOPS\ntrigger t { when cluster_capacity >= 1e20 FLOP/s }\n");
  REQUIRE(count_code(d, "flops-rate-ambiguous") == 1);
  const auto* f = find_code(d, "flops-rate-ambiguous");
  CHECK(f->message == "`FLOPS` can mean operations or operations per second");
  CHECK(f->location.line == 1);
  CHECK(f->location.column == 25);
  CHECK(f->notes.at(0) == "scalepol reads `FLOPS` as `FLOP/s`, a rate");
}

TEST_CASE("flops-rate-ambiguous: in a test record's range, once per place it is written") {
  auto d = lint_text("import std.model\n"
                     "trigger t { when training_compute > 1e25 FLOP }\n"
                     "test \"an estimate\" {\n"
                     "  record { model \"m\"  training_compute 2e25..4e25 FLOPs }\n"
                     "  expect t\n"
                     "}\n");
  REQUIRE(count_code(d, "flops-rate-ambiguous") == 1);
  CHECK(find_code(d, "flops-rate-ambiguous")->location.line == 4);
}

TEST_CASE("flops-rate-ambiguous: `FLOP` and `FLOP/s` give no finding") {
  auto d = lint_text("import std.model\n"
                     "field cluster_capacity: FLOP/s\n"
                     "trigger model_line { when training_compute > 1e26 FLOP }\n"
                     "trigger cluster_line { when cluster_capacity >= 1e20 FLOP/s }\n");
  CHECK(count_code(d, "flops-rate-ambiguous") == 0);
}
