// `unitless-threshold`: a number without a unit compared with a quantity that has one.
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("unitless-threshold: a bare number compared with compute is reported at the number") {
  auto d = lint_text("import std.model\ntrigger t { when training_compute > 1e25 }\n");
  REQUIRE(count_code(d, "unitless-threshold") == 1);
  const auto* f = find_code(d, "unitless-threshold");
  CHECK(f->severity == Severity::Warning);
  CHECK(f->message == "`1e25` has no unit, but it is compared with compute (FLOP)");
  CHECK(f->location.line == 2);
  CHECK(f->location.column == 37);
  CHECK(f->location.end_column == 41);
  REQUIRE(f->notes.size() == 2);
  CHECK(f->notes[0] == "it is read in the base unit, as `1e25 FLOP`");
  CHECK(f->help == "write the unit: `1e25 FLOP`");
}

TEST_CASE("unitless-threshold: either side of the comparison, and a benchmark score") {
  auto d = lint_text("benchmark gpqa { version \"1\" }\ntrigger t { when 60 <= gpqa }\n");
  REQUIRE(count_code(d, "unitless-threshold") == 1);
  const auto* f = find_code(d, "unitless-threshold");
  CHECK(f->message == "`60` has no unit, but it is compared with a benchmark score (pp)");
  CHECK(f->location.column == 18);
  CHECK(f->help == "write the unit: `60 pp`");
}

TEST_CASE("unitless-threshold: a tier bound without a unit, on a ladder with one") {
  auto d = lint_text("import std.model\n"
                     "tiers concern by training_compute {\n"
                     "  tier low  below 1e24\n"
                     "  tier high from 1e24 FLOP\n"
                     "}\n");
  REQUIRE(count_code(d, "unitless-threshold") == 1);
  const auto* f = find_code(d, "unitless-threshold");
  CHECK(f->message == "`1e24` has no unit, but it is compared with compute (FLOP)");
  CHECK(f->location.line == 3);
  CHECK(f->location.column == 19);
}

TEST_CASE("unitless-threshold: a duration has no one obvious unit, so the fix does not pick days") {
  auto d = lint_text("import std.model\ntrigger t { when time_since(2024-01-01) >= 3 }\n");
  const auto* f = find_code(d, "unitless-threshold");
  REQUIRE(f != nullptr);
  CHECK(f->message == "`3` has no unit, but it is compared with a duration");
  CHECK(f->notes.at(0) == "it is read in the base unit, as `3 days`");
  CHECK(f->help == "write the unit: `3 months` (or days, weeks, years)");
}

TEST_CASE("unitless-threshold: a definition with no unit, compared with compute, in `max`") {
  auto d = lint_text("import std.model\n"
                     "define limit = 1e25\n"
                     "trigger t { when max(training_compute, limit) > 1e26 FLOP }\n");
  REQUIRE(count_code(d, "unitless-threshold") == 1);
  const auto* f = find_code(d, "unitless-threshold");
  CHECK(f->message == "`limit` has no unit, but it is compared with compute (FLOP)");
  CHECK(f->location.line == 3);
  CHECK(f->location.column == 40);
  CHECK(f->notes.at(0) == "its value is read in the base unit, FLOP");
  CHECK(f->help == "write the unit where the number is given (`… FLOP`)");
}

TEST_CASE("unitless-threshold: thresholds with units, ratios and test records give no finding") {
  auto d = lint_text("import std.model\n"
                     "tiers concern by training_compute { tier low below 1e24 FLOP  tier high from 1e24 FLOP }\n"
                     "trigger big { when training_compute > 1e25 FLOP and training_compute / finetune_compute > 3 }\n"
                     "trigger scaled { when training_compute >= 2 * 1e25 FLOP or time_since(2024-01-01) >= 3 months }\n"
                     "test \"a bare number in a record is read in the field's unit\" {\n"
                     "  record { model \"m\"  training_compute 2e25  finetune_compute 1e24 }\n"
                     "  expect big\n"
                     "}\n");
  CHECK(count_code(d, "unitless-threshold") == 0);
}
