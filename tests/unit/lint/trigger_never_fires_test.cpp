// `trigger-never-fires`: a trigger (or an escalation) whose condition can never hold. The
// reasoning is lint/satisfiable.cpp's; these tests go through the rule.
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

namespace {

const char* kLadder =
    "import std.model\n"                                                       // 1
    "field mmlu: pp\n"                                                         // 2
    "tiers concern by training_compute {\n"                                    // 3
    "  tier low below 1e24 FLOP\n"                                             // 4
    "  tier medium from 1e24 FLOP below 1e26 FLOP\n"                           // 5
    "  tier high from 1e26 FLOP below 1e28 FLOP\n"                             // 6
    "  tier extreme from 1e28 FLOP\n"                                          // 7
    "}\n";                                                                     // 8

// The message of the one finding for a trigger on line 9 written `when <condition>`.
std::string message_for(const std::string& condition) {
  auto d = lint_text(std::string(kLadder) + "trigger t { when " + condition + " }\n");
  REQUIRE(count_code(d, "trigger-never-fires") == 1);
  const auto* f = find_code(d, "trigger-never-fires");
  CHECK(f->location.line == 9);
  CHECK(f->location.column == 18);
  return f->message;
}

bool fires(const std::string& condition) {
  return count_code(lint_text(std::string(kLadder) + "trigger t { when " + condition + " }\n"), "trigger-never-fires") == 0;
}

}  // namespace

TEST_CASE("trigger-never-fires: two bounds on one operand that leave no value") {
  auto d = lint_text(std::string(kLadder) +
                     "trigger frontier {\n"
                     "  when training_compute > 1e26 FLOP\n"
                     "   and training_compute < 1e25 FLOP\n"
                     "  require license \"frontier permit\"\n"
                     "}\n");
  REQUIRE(count_code(d, "trigger-never-fires") == 1);
  const auto* f = find_code(d, "trigger-never-fires");
  CHECK(f->message ==
        "this condition can never hold: `training_compute > 1e26 FLOP` and `training_compute < 1e25 FLOP` cannot "
        "both be true");
  CHECK(f->severity == Severity::Warning);
  CHECK(f->location.line == 10);
  CHECK(f->location.column == 8);
  CHECK(f->location.end_line == 11);
  REQUIRE(f->notes.size() == 2);
  CHECK(f->notes[0] == "trigger `frontier` never fires, so its obligations never apply");
  CHECK(f->help == "check each comparison's direction and bound, and whether `and` should be `or`");
}

TEST_CASE("trigger-never-fires: strict and non-strict bounds at one value") {
  CHECK(message_for("training_compute > 1e26 FLOP and training_compute <= 1e26 FLOP") ==
        "this condition can never hold: `training_compute > 1e26 FLOP` and `training_compute <= 1e26 FLOP` cannot "
        "both be true");
  CHECK(fires("training_compute >= 1e26 FLOP and training_compute <= 1e26 FLOP"));
  CHECK(message_for("training_compute >= 1e26 FLOP and training_compute <= 1e26 FLOP and training_compute != 1e26 FLOP") ==
        "this condition can never hold: `training_compute >= 1e26 FLOP`, `training_compute <= 1e26 FLOP` and "
        "`training_compute != 1e26 FLOP` cannot all be true");
  CHECK(message_for("released < 2020-01-01 and released >= 2020-01-01") ==
        "this condition can never hold: `released < 2020-01-01` and `released >= 2020-01-01` cannot both be true");
}

TEST_CASE("trigger-never-fires: the literal false") {
  CHECK(message_for("false") == "this condition can never hold: it is the literal `false`");
  CHECK(message_for("training_compute > 1e26 FLOP and false") ==
        "this condition can never hold: `false` can never be true");
}

TEST_CASE("trigger-never-fires: tiers") {
  CHECK(message_for("concern == low and concern == high") ==
        "this condition can never hold: `concern == low` and `concern == high` cannot both be true");
  CHECK(message_for("concern > extreme") ==
        "this condition can never hold: `concern > extreme` can never be true (`extreme` is the top tier of `concern`)");
  CHECK(message_for("concern < concern.low") ==
        "this condition can never hold: `concern < concern.low` can never be true (`low` is the bottom tier of "
        "`concern`)");
  CHECK(message_for("concern != low and concern != medium and concern != high and concern != extreme") ==
        "this condition can never hold: `concern != low`, `concern != medium`, `concern != high` and "
        "`concern != extreme` cannot all be true (`concern` has no other tier)");
  CHECK(fires("concern >= high and concern <= high"));
}

TEST_CASE("trigger-never-fires: below the bottom tier is possible when a value can fall in no tier") {
  auto d = lint_text(
      "import std.model\n"
      "tiers gpai by training_compute { tier gpai above 1e23 FLOP  tier systemic above 1e25 FLOP }\n"
      "trigger t { when gpai < gpai.gpai }\n");
  CHECK(count_code(d, "trigger-never-fires") == 0);
}

TEST_CASE("trigger-never-fires: a disjunction all of whose alternatives are contradictory") {
  CHECK(message_for("(training_compute > 1e26 FLOP or mmlu > 50 pp) and training_compute < 1e25 FLOP and mmlu < 40 pp") ==
        "this condition can never hold: `training_compute > 1e26 FLOP` and `training_compute < 1e25 FLOP` cannot "
        "both be true; `mmlu > 50 pp` and `mmlu < 40 pp` cannot both be true");
  CHECK(fires("(training_compute > 1e26 FLOP or mmlu > 50 pp) and training_compute < 1e25 FLOP"));
}

TEST_CASE("trigger-never-fires: the negation of a tautology") {
  CHECK(message_for("not (training_compute is known or training_compute is unknown)") ==
        "this condition can never hold: `training_compute is known` and `training_compute is unknown` cannot both "
        "be false");
  CHECK(message_for("mmlu > 50 pp and not (mmlu > 50 pp)") ==
        "this condition can never hold: `mmlu > 50 pp` cannot be both true and false");
}

TEST_CASE("trigger-never-fires: missing values, text, booleans, constants, the axis's floor") {
  CHECK(message_for("training_compute is unknown and training_compute > 1e20 FLOP") ==
        "this condition can never hold: `training_compute is unknown` and `training_compute > 1e20 FLOP` cannot "
        "both be true");
  CHECK(message_for("accessibility == \"API access\" and accessibility == \"Unreleased\"") ==
        "this condition can never hold: `accessibility == \"API access\"` and `accessibility == \"Unreleased\"` "
        "cannot both be true");
  CHECK(message_for("open_weights and not open_weights") ==
        "this condition can never hold: `open_weights` cannot be both true and false");
  CHECK(message_for("training_compute < 0 FLOP") ==
        "this condition can never hold: `training_compute < 0 FLOP` can never be true (compute is never negative)");
  CHECK(message_for("1e25 FLOP > 1e26 FLOP") ==
        "this condition can never hold: `1e25 FLOP > 1e26 FLOP` can never be true (it compares two constants)");
  CHECK(message_for("training_compute < training_compute") ==
        "this condition can never hold: `training_compute < training_compute` can never be true (it compares "
        "`training_compute` with itself)");
}

TEST_CASE("trigger-never-fires: an escalation that never raises a tier") {
  auto d = lint_text(std::string(kLadder) + "escalate concern to high when mmlu >= 60 pp and mmlu < 50 pp\n");
  REQUIRE(count_code(d, "trigger-never-fires") == 1);
  const auto* f = find_code(d, "trigger-never-fires");
  CHECK(f->message == "this condition can never hold: `mmlu >= 60 pp` and `mmlu < 50 pp` cannot both be true");
  CHECK(f->location.line == 9);
  CHECK(f->location.column == 31);
  CHECK(f->notes[0] == "`escalate concern to high` never raises a model's tier");
}

TEST_CASE("trigger-never-fires: conditions that can hold are not reported") {
  // Unknown values never make a condition impossible; opaque conditions may be true.
  for (const char* c : {"training_compute > 1e26 FLOP or training_compute < 1e25 FLOP",
                        "training_compute > 1e25 FLOP and training_compute <= 1e26 FLOP",
                        "training_compute is unknown or training_compute > 1e26 FLOP",
                        "certified \"major algorithmic breakthrough\"",
                        "not (training_compute > 1e26 FLOP and training_compute < 1e25 FLOP)",
                        "accessibility == \"API access\" and accessibility != \"Unreleased\"",
                        "concern == high or concern == extreme",
                        "training_compute >= 0 FLOP",
                        "true"})
    CHECK_MESSAGE(fires(c), c);
}
