// `tier-order`: tiers not in the order of their thresholds.
#include "test_support.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

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

TEST_CASE("tier-order: each tier against the nearest earlier one out of order, as looking back from it finds") {
  // Random ladders with bounds of every kind on a few values; the reference looks back from each
  // tier to the nearest earlier one whose lower bound is tighter than its own, or whose upper
  // bound is looser (each tier here has at most one bound of each kind).
  std::mt19937 rng(20261208);
  std::uniform_int_distribution<int> tiers(1, 14), value(0, 6), coin(0, 2), closed(0, 1);
  const auto lower = [](int v, bool c) { return linter::Interval{double(v), linter::kInf, c, false}; };
  const auto upper = [](int v, bool c) { return linter::Interval{-linter::kInf, double(v), false, c}; };
  for (int round = 0; round < 300; ++round) {
    struct Bounds {
      std::optional<linter::Interval> lo, hi;
    };
    std::vector<Bounds> written;
    std::string text = "import std.model\ntiers t by training_compute {\n";
    const int n = tiers(rng);
    for (int i = 0; i < n; ++i) {
      Bounds b;
      text += "  tier x" + std::to_string(i);
      if (coin(rng)) {
        const int v = value(rng);
        const bool c = closed(rng);
        text += std::string(c ? " from " : " above ") + std::to_string(v) + " FLOP";
        b.lo = lower(v, c);
      }
      if (coin(rng)) {
        const int v = value(rng);
        const bool c = closed(rng);
        text += std::string(c ? " up_to " : " below ") + std::to_string(v) + " FLOP";
        b.hi = upper(v, c);
      }
      written.push_back(b);
      text += "\n";
    }
    text += "}\n";
    INFO(text);
    std::vector<std::string> expected, found;
    for (int j = 1; j < n; ++j)
      for (int i = j - 1; i >= 0; --i) {
        const auto& a = written[i];
        const auto& b = written[j];
        if ((a.lo && b.lo && a.lo->lower_tighter_than(*b.lo)) || (a.hi && b.hi && b.hi->upper_tighter_than(*a.hi))) {
          expected.push_back("x" + std::to_string(j) + " after x" + std::to_string(i));
          break;
        }
      }
    for (const auto& d : lint_text(text).items)
      if (d.code == "tier-order") {
        const auto& m = d.message;  // "tier `later` (…) comes after `earlier` (…)"
        auto a = m.find('`'), b = m.find('`', a + 1), c = m.find('`', m.find("comes after")), e = m.find('`', c + 1);
        found.push_back(m.substr(a + 1, b - a - 1) + " after " + m.substr(c + 1, e - c - 1));
      }
    std::sort(expected.begin(), expected.end());
    std::sort(found.begin(), found.end());
    CHECK(found == expected);
  }
}
