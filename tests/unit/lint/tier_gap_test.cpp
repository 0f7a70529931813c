// `tier-gap`: a value that falls in no tier of a ladder.
#include "test_support.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

using namespace scalepol;
using namespace scalepol::testing;

namespace {

std::string eu_ai_act() {
  std::ifstream in(std::string(SCALEPOL_SOURCE_DIR) + "/stdlib/regulations/eu_ai_act.policy");
  REQUIRE(in.good());
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("tier-gap: two open bounds at one value leave it out") {
  auto d = lint_text(
      "import std.model\n"
      "tiers concern by training_compute {\n"
      "  tier low below 1e25 FLOP\n"
      "  tier high above 1e25 FLOP\n"
      "}\n");
  REQUIRE(count_code(d, "tier-gap") == 1);
  const auto* f = find_code(d, "tier-gap");
  CHECK(f->message == "1e25 FLOP falls in no tier of `concern`");
  CHECK(f->severity == Severity::Warning);
  CHECK(f->location.line == 4);
  CHECK(f->location.column == 13);
  REQUIRE(f->notes.size() == 1);
  CHECK(f->notes[0] == "a model at exactly 1e25 FLOP gets no tier of `concern`, and none of its tiers' obligations");
  CHECK(f->help == "make neighbouring bounds meet: `below X` followed by `from X`, or `up_to X` by `above X`");
}

TEST_CASE("tier-gap: a stretch between consecutive tiers") {
  auto d = lint_text(
      "import std.model\n"
      "tiers concern by training_compute {\n"
      "  tier low below 1e24 FLOP\n"
      "  tier medium from 1e25 FLOP\n"
      "}\n");
  REQUIRE(count_code(d, "tier-gap") == 1);
  const auto* f = find_code(d, "tier-gap");
  CHECK(f->message == "1e24 FLOP falls in no tier of `concern`");
  CHECK(f->location.line == 4);
  CHECK(f->location.column == 15);
  CHECK(f->notes[0] ==
        "every value `from 1e24 FLOP below 1e25 FLOP` gets no tier of `concern`, and none of its tiers' obligations");
}

TEST_CASE("tier-gap: below the first tier and above the last") {
  auto d = lint_text(
      "import std.model\n"
      "tiers band by training_compute {\n"
      "  tier a from 1e20 FLOP below 1e24 FLOP\n"
      "  tier b from 1e24 FLOP up_to 1e28 FLOP\n"
      "}\n");
  REQUIRE(count_code(d, "tier-gap") == 2);
  bool below = false, above = false;
  for (const auto& x : d.items) {
    if (x.code != "tier-gap") continue;
    below |= x.message == "1e19 FLOP falls in no tier of `band`" && x.location.line == 3 && x.location.column == 10 &&
             x.notes[0] == "every value `from 0 FLOP below 1e20 FLOP` gets no tier of `band`, and none of its tiers' "
                           "obligations";
    above |= x.message == "2e28 FLOP falls in no tier of `band`" && x.location.line == 4 && x.location.column == 25 &&
             x.notes[0] == "every value `above 1e28 FLOP` gets no tier of `band`, and none of its tiers' obligations";
  }
  CHECK(below);
  CHECK(above);
}

TEST_CASE("tier-gap: an axis with no natural floor") {
  auto d = lint_text(
      "import std.model\n"
      "tiers growth by hardware_quantity {\n"
      "  tier few from 1 up_to 100\n"
      "  tier many above 100\n"
      "}\n");
  REQUIRE(count_code(d, "tier-gap") == 1);
  CHECK(find_code(d, "tier-gap")->message == "0 falls in no tier of `growth`");
}

TEST_CASE("tier-gap: ladders that cover their axis are not reported") {
  CHECK(count_code(lint_text(eu_ai_act()), "tier-gap") == 0);
  CHECK(count_code(lint_text("import std.model\n"
                             "tiers concern by training_compute {\n"
                             "  tier low      below 1e24 FLOP\n"
                             "  tier medium   from 1e24 FLOP below 1e26 FLOP\n"
                             "  tier high     from 1e26 FLOP below 1e28 FLOP\n"
                             "  tier extreme  from 1e28 FLOP\n"
                             "}\n"),
                   "tier-gap") == 0);
  // Starting at the axis's floor: a model with no compute at all is not a gap worth a finding.
  CHECK(count_code(lint_text("import std.model\n"
                             "tiers t by training_compute { tier some above 0 FLOP  tier more from 1e24 FLOP }\n"),
                   "tier-gap") == 0);
}

#include "lint/intervals.hpp"

TEST_CASE("tier-gap: the interval sweep it rests on") {
  using linter::Interval;
  using linter::kInf;
  // below 1e24 | from 1e25 below 1e26 | above 1e26, on [0, ∞)
  auto gaps = linter::uncovered(Interval::from(0, true),
                                {Interval{1e25, 1e26, true, false}, Interval{-kInf, 1e24, false, false},
                                 Interval{1e26, kInf, false, false}});
  REQUIRE(gaps.size() == 2);
  CHECK(gaps[0].lo == 1e24);
  CHECK(gaps[0].lo_closed);
  CHECK(gaps[0].hi == 1e25);
  CHECK_FALSE(gaps[0].hi_closed);
  CHECK(gaps[1].is_point());
  CHECK(gaps[1].lo == 1e26);
  // Parts that meet, or overlap, leave nothing.
  CHECK(linter::uncovered(Interval::all(), {Interval{-kInf, 5, false, true}, Interval{5, kInf, false, false}}).empty());
  CHECK(linter::uncovered(Interval::all(), {Interval{-kInf, 7, false, true}, Interval{3, kInf, true, false}}).empty());
  // Witnesses: a closed end, else the roundest value inside.
  CHECK(linter::witness(Interval{1e24, 1e25, true, false}) == 1e24);
  CHECK(linter::witness(Interval{1e24, 1e25, false, true}) == 1e25);
  CHECK(linter::witness(Interval{1e24, 1e25, false, false}) == 2e24);
  CHECK(linter::roundest_between(3.14, 3.2) == 3.15);
  CHECK(linter::roundest_between(-50, -5) == -40);
  CHECK(linter::witness(Interval{1e28, kInf, false, false}) == 2e28);
  // At the top of the double range: a finite witness above the bound, not `inf`.
  const double top = linter::witness(Interval{1.8e307, kInf, false, false});
  CHECK(std::isfinite(top));
  CHECK(top > 1.8e307);
  CHECK(linter::roundest_between(1.8e307, kInf) == 1e308);
  CHECK(std::isfinite(linter::roundest_between(-kInf, -1.8e307)));
}
