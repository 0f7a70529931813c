// `exemption-covers-all`: an exemption that lifts every obligation from every model.
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

namespace {

const Diagnostic& the_finding(const Diagnostics& d) {
  REQUIRE(count_code(d, "exemption-covers-all") == 1);
  return *find_code(d, "exemption-covers-all");
}

}  // namespace

TEST_CASE("exemption-covers-all: the literal true, for everything") {
  auto d = lint_text(
      "import std.model\n"
      "trigger frontier { when training_compute > 1e26 FLOP  require license \"permit\" }\n"
      "exempt everyone when true\n");
  const auto& f = the_finding(d);
  CHECK(f.message == "exemption `everyone` lifts every obligation from every model");
  CHECK(f.severity == Severity::Warning);
  CHECK(f.location.line == 3);
  CHECK(f.location.column == 22);
  REQUIRE(f.notes.size() == 2);
  CHECK(f.notes[0] == "its condition is never false: it is the literal `true`");
  CHECK(f.notes[1].find("\"exempt existing open source models\"") != std::string::npos);
  CHECK(f.help ==
        "narrow the condition (`open_weights and released < 2024-04-09`), or name what it lifts with `applies_to`");
}

TEST_CASE("exemption-covers-all: a tautology of known and unknown") {
  auto d = lint_text(
      "import std.model\n"
      "exemption existing {\n"
      "  applies_to all\n"
      "  when training_compute is known or training_compute is unknown\n"
      "}\n");
  const auto& f = the_finding(d);
  CHECK(f.message == "exemption `existing` lifts every obligation from every model");
  CHECK(f.location.line == 4);
  CHECK(f.location.column == 8);
  CHECK(f.notes[0] ==
        "its condition is never false: `training_compute is known` and `training_compute is unknown` cannot both be "
        "false");
}

TEST_CASE("exemption-covers-all: complementary bounds") {
  auto d = lint_text(
      "import std.model\n"
      "exempt everyone when released >= 2024-04-09 or released < 2024-04-09\n");
  const auto& f = the_finding(d);
  CHECK(f.location.line == 2);
  CHECK(f.location.column == 22);
  CHECK(f.notes[0] ==
        "its condition is never false: `released >= 2024-04-09` and `released < 2024-04-09` cannot both be false");
  // Compute is never negative: `>= 0 FLOP` alone excludes nothing.
  auto zero = lint_text("import std.model\nexempt everyone when training_compute >= 0 FLOP or training_compute < 0 FLOP\n");
  CHECK(the_finding(zero).notes[0] ==
        "its condition is never false: `training_compute >= 0 FLOP` can never be false (compute is never negative)");
}

TEST_CASE("exemption-covers-all: narrow conditions, or a true condition on named targets, are not reported") {
  auto d = lint_text(
      "import std.model\n"
      "tiers concern by training_compute { tier low below 1e26 FLOP  tier high from 1e26 FLOP }\n"
      "exemption existing_open_weights { applies_to all  when open_weights and released < 2024-04-09 }\n"
      "exemption low_tier { applies_to concern.low  when true }\n"
      "exemption fast_track { when certified \"clearly not dangerous\" }\n"
      "exempt unknown_compute when training_compute is unknown\n");
  CHECK(count_code(d, "exemption-covers-all") == 0);
}
