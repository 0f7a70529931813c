// `tier-overlap`: a value that falls in two tiers of one ladder.
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

TEST_CASE("tier-overlap: a later tier that starts inside an earlier one") {
  auto d = lint_text(
      "import std.model\n"
      "tiers concern by training_compute {\n"
      "  tier low below 1e24 FLOP\n"
      "  tier medium from 1e24 FLOP below 1e26 FLOP\n"
      "  tier high from 1e26 FLOP below 1e28 FLOP\n"
      "  tier extreme from 1e26 FLOP\n"
      "}\n");
  REQUIRE(count_code(d, "tier-overlap") == 1);
  const auto* f = find_code(d, "tier-overlap");
  CHECK(f->message == "1e26 FLOP falls in both `high` and `extreme`");
  CHECK(f->severity == Severity::Warning);
  CHECK(f->location.line == 6);
  CHECK(f->location.column == 16);
  CHECK(f->location.end_column == 30);
  REQUIRE(f->notes.size() == 2);
  CHECK(f->notes[0] ==
        "`high` holds `from 1e26 FLOP below 1e28 FLOP` and `extreme` holds `from 1e26 FLOP`; both hold `from 1e26 "
        "FLOP below 1e28 FLOP`");
  CHECK(f->notes[1] ==
        "at evaluation the later tier wins: a model at 1e26 FLOP is `extreme`, and `high`'s obligations do not apply "
        "to it");
}

TEST_CASE("tier-overlap: closed bounds that meet at one value") {
  auto d = lint_text(
      "import std.model\n"
      "tiers t by training_compute {\n"
      "  tier small up_to 1e25 FLOP\n"
      "  tier large from 1e25 FLOP\n"
      "}\n");
  REQUIRE(count_code(d, "tier-overlap") == 1);
  const auto* f = find_code(d, "tier-overlap");
  CHECK(f->message == "1e25 FLOP falls in both `small` and `large`");
  CHECK(f->location.line == 4);
  CHECK(f->location.column == 14);
  CHECK(f->notes[0] == "`small` holds `up_to 1e25 FLOP` and `large` holds `from 1e25 FLOP`; both hold exactly 1e25 FLOP");
}

TEST_CASE("tier-overlap: an open stretch shared by two tiers shows its roundest value") {
  auto d = lint_text(
      "import std.model\n"
      "tiers t by training_compute {\n"
      "  tier a above 1e24 FLOP below 1e26 FLOP\n"
      "  tier b above 1e25 FLOP below 1e27 FLOP\n"
      "}\n");
  REQUIRE(count_code(d, "tier-overlap") == 1);
  CHECK(find_code(d, "tier-overlap")->message == "2e25 FLOP falls in both `a` and `b`");
}

TEST_CASE("tier-overlap: ladders whose tiers meet exactly are not reported") {
  CHECK(count_code(lint_text(eu_ai_act()), "tier-overlap") == 0);
  // The tiered bill sketch's ladder (tests/unit/syntax/sketches/tiered_bill.policy).
  CHECK(count_code(lint_text("import std.model\n"
                             "tiers concern by training_compute {\n"
                             "  tier low      below 1e24 FLOP\n"
                             "  tier medium   from 1e24 FLOP below 1e26 FLOP\n"
                             "  tier high     from 1e26 FLOP below 1e28 FLOP\n"
                             "  tier extreme  from 1e28 FLOP\n"
                             "}\n"),
                   "tier-overlap") == 0);
  CHECK(count_code(lint_text("import std.model\n"
                             "tiers t by training_compute { tier a up_to 1e25 FLOP  tier b above 1e25 FLOP }\n"),
                   "tier-overlap") == 0);
}
