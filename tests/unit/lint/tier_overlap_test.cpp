// `tier-overlap`: a value that falls in two tiers of one ladder.
#include "test_support.hpp"

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "api/impl.hpp"
#include "lint/intervals.hpp"

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

namespace {

// The tier names in "… falls in both `a` and `b`".
std::pair<std::string, std::string> pair_of(const std::string& message) {
  auto a = message.find('`'), b = message.find('`', a + 1), c = message.find('`', b + 1), e = message.find('`', c + 1);
  return {message.substr(a + 1, b - a - 1), message.substr(c + 1, e - c - 1)};
}

}  // namespace

TEST_CASE("tier-overlap: the sweep finds exactly the pairs that comparing every pair finds") {
  // Random ladders of up to 14 tiers with bounds of every kind on a few values (so that ends
  // meet, open and closed), and tiers with one bound or none; the reference is the definition:
  // every earlier and later tier whose intervals and the axis share a value.
  std::mt19937 rng(20261207);
  std::uniform_int_distribution<int> tiers(1, 14), value(0, 6), coin(0, 2), closed(0, 1);
  for (int round = 0; round < 300; ++round) {
    std::string text = "import std.model\ntiers t by training_compute {\n";
    const int n = tiers(rng);
    for (int i = 0; i < n; ++i) {
      text += "  tier x" + std::to_string(i);
      if (coin(rng)) text += std::string(closed(rng) ? " from " : " above ") + std::to_string(value(rng)) + " FLOP";
      if (coin(rng)) text += std::string(closed(rng) ? " up_to " : " below ") + std::to_string(value(rng)) + " FLOP";
      text += "\n";
    }
    text += "}\n";
    INFO(text);
    const auto policy = compile_ok(text);
    const auto& ladder = internals(policy).program->ladders.at(0);
    const auto domain = linter::natural_domain(ast::Dim::Compute);
    std::vector<std::pair<std::string, std::string>> expected, found;
    for (int j = 0; j < n; ++j)
      for (int i = 0; i < j; ++i)
        if (!linter::tier_interval(ladder.ranges[i]).intersect(linter::tier_interval(ladder.ranges[j])).intersect(domain).empty())
          expected.emplace_back("x" + std::to_string(i), "x" + std::to_string(j));
    for (const auto& d : lint(policy).items)
      if (d.code == "tier-overlap") found.push_back(pair_of(d.message));
    std::sort(expected.begin(), expected.end());
    std::sort(found.begin(), found.end());
    CHECK(found == expected);
  }
}

TEST_CASE("tier-overlap: past 100 pairs in a ladder, the first 100 (by later tier, then earlier) and a note") {
  // 20 tiers on one stretch: 190 pairs. Reported: every pair up to (x8, x14), in order.
  std::string text = "import std.model\ntiers t by training_compute {\n";
  for (int i = 0; i < 20; ++i) text += "  tier x" + std::to_string(i) + " from 1 FLOP below 9 FLOP\n";
  text += "}\n";
  const auto d = lint_text(text);
  std::vector<const Diagnostic*> overlaps;
  for (const auto& x : d.items)
    if (x.code == "tier-overlap") overlaps.push_back(&x);
  REQUIRE(overlaps.size() == 100);
  CHECK(pair_of(overlaps.front()->message) == std::pair<std::string, std::string>("x0", "x1"));
  CHECK(pair_of(overlaps.back()->message) == std::pair<std::string, std::string>("x8", "x14"));
  for (const auto* x : overlaps) CHECK(x->notes.size() == (x == overlaps.back() ? 3u : 2u));
  CHECK(overlaps.back()->notes[2] == "more tiers of `t` overlap than these 100 pairs; the others are not reported");
  // Fewer pairs than that: all of them, and no note (14 tiers make 91).
  std::string fourteen = "import std.model\ntiers t by training_compute {\n";
  for (int i = 0; i < 14; ++i) fourteen += "  tier x" + std::to_string(i) + " from 1 FLOP below 9 FLOP\n";
  fourteen += "}\n";
  const auto e = lint_text(fourteen);
  CHECK(count_code(e, "tier-overlap") == 91);
  for (const auto& x : e.items)
    if (x.code == "tier-overlap") CHECK(x.notes.size() == 2);
}
