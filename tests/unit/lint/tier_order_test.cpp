// `tier-order`: tiers not in the order of their thresholds.
#include "test_support.hpp"

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

TEST_CASE("tier-order: a tier written after one with a higher lower bound") {
  auto d = lint_text(
      "import std.model\n"
      "tiers concern by training_compute {\n"
      "  tier low below 1e24 FLOP\n"
      "  tier high from 1e26 FLOP below 1e28 FLOP\n"
      "  tier medium from 1e24 FLOP below 1e26 FLOP\n"
      "  tier extreme from 1e28 FLOP\n"
      "}\n");
  REQUIRE(count_code(d, "tier-order") == 1);
  const auto* f = find_code(d, "tier-order");
  CHECK(f->message == "tier `medium` (from 1e24 FLOP) comes after `high` (from 1e26 FLOP)");
  CHECK(f->severity == Severity::Warning);
  CHECK(f->location.line == 5);
  CHECK(f->location.column == 15);
  REQUIRE(f->notes.size() == 1);
  CHECK(f->notes[0] ==
        "evaluation treats later tiers as higher: `medium` ranks above `high`, and a tier written with one bound runs "
        "to the next tier written");
  CHECK(f->help == "write the tiers from the lowest threshold to the highest");
  // Its bounds as written still meet: no overlap, no gap.
  CHECK(count_code(d, "tier-overlap") == 0);
  CHECK(count_code(d, "tier-gap") == 0);
}

TEST_CASE("tier-order: the EU ladder written backwards") {
  auto d = lint_text(
      "import std.model\n"
      "tiers gpai_tier by training_compute {\n"
      "  tier none up_to 1e23 FLOP\n"
      "  tier systemic_risk above 1e25 FLOP\n"
      "  tier gpai above 1e23 FLOP\n"
      "}\n");
  REQUIRE(count_code(d, "tier-order") == 1);
  const auto* f = find_code(d, "tier-order");
  CHECK(f->message == "tier `gpai` (above 1e23 FLOP) comes after `systemic_risk` (above 1e25 FLOP)");
  CHECK(f->location.line == 5);
  CHECK(f->location.column == 13);
}

TEST_CASE("tier-order: upper bounds out of order, and strictness at one value") {
  auto d = lint_text(
      "import std.model\n"
      "tiers t by training_compute {\n"
      "  tier wide up_to 1e25 FLOP\n"
      "  tier narrow below 1e25 FLOP\n"
      "}\n");
  REQUIRE(count_code(d, "tier-order") == 1);
  CHECK(find_code(d, "tier-order")->message == "tier `narrow` (below 1e25 FLOP) comes after `wide` (up_to 1e25 FLOP)");
}

TEST_CASE("tier-order: ladders in order are not reported") {
  CHECK(count_code(lint_text(eu_ai_act()), "tier-order") == 0);
  CHECK(count_code(lint_text("import std.model\n"
                             "tiers concern by training_compute {\n"
                             "  tier low      below 1e24 FLOP\n"
                             "  tier medium   from 1e24 FLOP below 1e26 FLOP\n"
                             "  tier high     from 1e26 FLOP below 1e28 FLOP\n"
                             "  tier extreme  from 1e28 FLOP\n"
                             "}\n"),
                   "tier-order") == 0);
  CHECK(count_code(lint_text("import std.model\n"
                             "tiers t by training_compute { tier a from 1e24 FLOP  tier b above 1e24 FLOP }\n"),
                   "tier-order") == 0);
}
