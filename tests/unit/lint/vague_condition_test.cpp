// `vague-condition`: a free-text condition with no operational test.
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("vague-condition: a certified condition in a trigger is reported at the free text") {
  auto d = lint_text(
      "import std.model\n"
      "trigger evaluate_often {\n"
      "  when training_compute >= 2e26 FLOP or certified \"major algorithmic breakthrough\"\n"
      "  require evaluate \"preparedness scorecard\"\n"
      "}\n");
  REQUIRE(count_code(d, "vague-condition") == 1);
  const auto* f = find_code(d, "vague-condition");
  CHECK(f->message == "`certified \"major algorithmic breakthrough\"` has no operational test");
  CHECK(f->severity == Severity::Warning);
  CHECK(f->location.line == 3);
  CHECK(f->location.column == 41);
  CHECK(f->location.end_column == 83);
  REQUIRE(f->notes.size() == 2);
  CHECK(f->notes[0] == "it can never be decided from a record, so every verdict that rests on it is unknown");
  CHECK(f->notes[1].find("major algorithmic breakthrough") != std::string::npos);
  CHECK(f->help == "replace it with a measurable condition, or keep it and document who decides");
}

TEST_CASE("vague-condition: every free text is reported, in exemptions and definitions too") {
  auto d = lint_text(
      "import std.model\n"
      "define reviewed = certified \"reviewed by the board\"\n"
      "exemption fast_track { when certified \"clearly not dangerous\" }\n"
      "trigger t { when reviewed and training_compute > 1e26 FLOP }\n");
  CHECK(count_code(d, "vague-condition") == 2);
  bool define_seen = false, exemption_seen = false;
  for (const auto& x : d.items) {
    if (x.code != "vague-condition") continue;
    define_seen |= x.location.line == 2 && x.location.column == 19 &&
                   x.message == "`certified \"reviewed by the board\"` has no operational test";
    exemption_seen |= x.location.line == 3 && x.location.column == 29 &&
                      x.message == "`certified \"clearly not dangerous\"` has no operational test";
  }
  CHECK(define_seen);
  CHECK(exemption_seen);
}

TEST_CASE("vague-condition: measurable conditions are not reported") {
  auto d = lint_text(
      "import std.model\n"
      "field last_assessment: text\n"
      "reference last_assessed = record.last_assessment\n"
      "trigger evaluate_often { when training_compute >= 2x training_compute@last_assessed }\n"
      "exempt research_only when accessibility == \"Unreleased\"\n");
  CHECK(count_code(d, "vague-condition") == 0);
}

TEST_CASE("vague-condition: an allow comment with a reason silences it") {
  auto d = lint_text(
      "import std.model\n"
      "exemption fast_track {\n"
      "  // scalepol-allow vague-condition: the licensing office decides, per section 4\n"
      "  when certified \"clearly not dangerous\"\n"
      "}\n");
  CHECK(count_code(d, "vague-condition") == 0);
  CHECK(count_code(d, "allow-without-reason") == 0);
}
