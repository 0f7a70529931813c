// `exemption-never-applies`: an exemption whose condition can never hold.
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("exemption-never-applies: a date window that is empty") {
  auto d = lint_text(
      "import std.model\n"
      "exemption existing_open_weights {\n"
      "  quote \"We're going to make sure to exempt existing open source models.\"\n"
      "  applies_to all\n"
      "  when open_weights and released < 2024-04-09 and released > 2024-06-01\n"
      "}\n");
  REQUIRE(count_code(d, "exemption-never-applies") == 1);
  const auto* f = find_code(d, "exemption-never-applies");
  CHECK(f->message ==
        "this condition can never hold: `released < 2024-04-09` and `released > 2024-06-01` cannot both be true");
  CHECK(f->severity == Severity::Warning);
  CHECK(f->location.line == 5);
  CHECK(f->location.column == 8);
  REQUIRE(f->notes.size() == 1);
  CHECK(f->notes[0] == "exemption `existing_open_weights` never applies, so it lifts no obligation from any model");
  CHECK(f->help == "check each comparison's direction and bound, and whether `and` should be `or`");
}

TEST_CASE("exemption-never-applies: the short form, and the literal false") {
  auto d = lint_text(
      "import std.model\n"
      "exempt nobody when false\n");
  REQUIRE(count_code(d, "exemption-never-applies") == 1);
  const auto* f = find_code(d, "exemption-never-applies");
  CHECK(f->message == "this condition can never hold: it is the literal `false`");
  CHECK(f->location.line == 2);
  CHECK(f->location.column == 20);
}

TEST_CASE("exemption-never-applies: a tier comparison past the top of the ladder") {
  auto d = lint_text(
      "import std.model\n"
      "tiers concern by training_compute { tier low below 1e26 FLOP  tier high from 1e26 FLOP }\n"
      "exemption above_high { applies_to concern.high  when concern > high }\n");
  REQUIRE(count_code(d, "exemption-never-applies") == 1);
  CHECK(find_code(d, "exemption-never-applies")->message ==
        "this condition can never hold: `concern > high` can never be true (`high` is the top tier of `concern`)");
}

TEST_CASE("exemption-never-applies: exemptions that can apply are not reported") {
  auto d = lint_text(
      "import std.model\n"
      "tiers concern by training_compute { tier low below 1e26 FLOP  tier high from 1e26 FLOP }\n"
      "exemption existing_open_weights { when open_weights and released < 2024-04-09 }\n"
      "exemption fast_track { applies_to concern.high  when certified \"clearly not dangerous\" }\n"
      "exempt unreleased when accessibility == \"Unreleased\" or training_compute is unknown\n");
  CHECK(count_code(d, "exemption-never-applies") == 0);
}
