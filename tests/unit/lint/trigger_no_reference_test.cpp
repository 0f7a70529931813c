// `trigger-no-reference`: a relative change (2x, +5 pp) with no stated reference point.
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

namespace {

const char* kSchema =
    "import std.model\n"                                        // 1
    "field mmlu: pp\n"                                          // 2
    "field gpqa: pp\n"                                          // 3
    "field compute_growth: x\n"                                 // 4
    "field last_assessment: text\n"                             // 5
    "effective_compute ec { base training_compute  multiplier 1x }\n";  // 6

const Diagnostic& the_finding(const Diagnostics& d) {
  REQUIRE(count_code(d, "trigger-no-reference") == 1);
  return *find_code(d, "trigger-no-reference");
}

}  // namespace

TEST_CASE("trigger-no-reference: a scaled comparison against the same record") {
  auto d = lint_text(std::string(kSchema) + "trigger evaluate { when ec >= 2x ec }\n");
  const auto& f = the_finding(d);
  CHECK(f.message == "`2x` is a relative change, but against what?");
  CHECK(f.location.line == 7);
  CHECK(f.location.column == 31);
  CHECK(f.location.end_column == 33);
  REQUIRE(f.notes.size() == 2);
  CHECK(f.notes[0] == "no `@reference` appears in `ec >= 2x ec`, so `ec` is measured against itself, on the same record");
  CHECK(f.notes[1].find("\">2x effective compute increase\"") != std::string::npos);
  CHECK(f.notes[1].find("\"after every 4x jump in effective compute\"") != std::string::npos);
  CHECK(f.help ==
        "name the reference point: `reference last_assessed = record.last_assessment`, and measure against it: "
        "`ec@last_assessed`");
}

TEST_CASE("trigger-no-reference: a ratio of two operands of one record") {
  auto d = lint_text(std::string(kSchema) + "trigger evaluate { when ec / training_compute >= 4x }\n");
  const auto& f = the_finding(d);
  CHECK(f.message == "`4x` is a relative change, but against what?");
  CHECK(f.location.line == 7);
  CHECK(f.location.column == 50);
  CHECK(f.notes[0] ==
        "no `@reference` appears in `ec / training_compute >= 4x`, so the change is measured against the same "
        "record's `training_compute`, not against an earlier model or assessment");
}

TEST_CASE("trigger-no-reference: a difference in an exemption or an escalation") {
  auto d = lint_text(std::string(kSchema) +
                     "tiers concern by training_compute { tier low below 1e26 FLOP  tier high from 1e26 FLOP }\n"
                     "escalate concern to high when mmlu - gpqa >= 5 pp\n");
  const auto& f = the_finding(d);
  CHECK(f.message == "`5 pp` is a change, but against what?");
  CHECK(f.location.line == 8);
  CHECK(f.location.column == 46);
}

TEST_CASE("trigger-no-reference: a growth figure the record carries, @ or not") {
  auto d = lint_text(std::string(kSchema) + "trigger evaluate { when compute_growth >= 2x }\n");
  const auto& f = the_finding(d);
  CHECK(f.message == "`2x` is a relative change, but against what?");
  CHECK(f.location.line == 7);
  CHECK(f.location.column == 43);
  CHECK(f.notes[0] == "`compute_growth` is a ratio the record carries; the policy never says what it is relative to");
}

TEST_CASE("trigger-no-reference: a ratio defined with no reference") {
  auto d = lint_text(std::string(kSchema) +
                     "define gain = ec / training_compute\n"
                     "exempt small_gain when gain < 1.5x\n");
  // The definition's own `ec / training_compute` is not a comparison; the exemption's is.
  const auto& f = the_finding(d);
  CHECK(f.message == "`1.5x` is a relative change, but against what?");
  CHECK(f.location.line == 8);
  CHECK(f.location.column == 31);
  CHECK(f.notes[0] == "`gain` is defined with no `@reference`, so the policy never says what it is relative to");
}

TEST_CASE("trigger-no-reference: the help names a reference the policy already declares") {
  auto d = lint_text(std::string(kSchema) +
                     "reference previous = base_model\n"
                     "trigger evaluate { when ec >= 4x ec }\n");
  const auto& f = the_finding(d);
  CHECK(f.location.line == 8);
  CHECK(f.help == "name the reference point, and measure against it: `ec@previous`");
}

TEST_CASE("trigger-no-reference: changes measured against a stated reference point are not reported") {
  auto d = lint_text(std::string(kSchema) +
                     "reference last_assessed = record.last_assessment\n"
                     "define growth = ec / ec@last_assessed\n"
                     "define progress_since = progress(halving: 8 months, since: 2023-09-19)\n"
                     "trigger evaluate {\n"
                     "  when ec >= 4x ec@last_assessed\n"
                     "    or mmlu - mmlu@last_assessed >= 5 pp\n"
                     "    or mmlu >= 1.05x mmlu@last_assessed\n"
                     "    or growth >= 2x\n"
                     "    or progress_since >= 2x\n"
                     "    or ec >= 2x 1e25 FLOP\n"
                     "    or time_since(last_assessed) >= 3 months\n"
                     "}\n");
  CHECK(count_code(d, "trigger-no-reference") == 0);
}
