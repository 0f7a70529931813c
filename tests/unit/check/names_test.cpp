// Name resolution: undefined names with "did you mean", duplicates, cycles, references.
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("an undefined name is reported at its span with a suggestion") {
  auto d = compile_err("import std.model\ntiers t by training_compte {\n  tier low below 1e24 FLOP\n}\n");
  auto* e = find_code(d, "undefined-name");
  REQUIRE(e != nullptr);
  CHECK(e->message == "undefined name `training_compte`");
  CHECK(e->help == "did you mean `training_compute`?");
  CHECK(e->location.line == 2);
  CHECK(e->location.column == 12);
  CHECK(e->location.end_column == 27);
  CHECK(e->location.line_text == "tiers t by training_compte {");
}

TEST_CASE("a name defined twice is reported with where it was first defined") {
  auto d = compile_err("define a = 1\ndefine a = 2\n");
  auto* e = find_code(d, "duplicate-definition");
  REQUIRE(e != nullptr);
  CHECK(e->message == "`a` is defined twice");
  CHECK(e->location.line == 2);
  REQUIRE(e->notes.size() == 1);
  CHECK(e->notes[0] == "first defined at test.policy:1:8");
}

TEST_CASE("definitions that read each other in a circle are a cycle") {
  auto d = compile_err("define a = b + 1\ndefine b = a * 2\n");
  auto* e = find_code(d, "definition-cycle");
  REQUIRE(e != nullptr);
  CHECK(e->message.find("depends on itself") != std::string::npos);
  REQUIRE_FALSE(e->notes.empty());
  CHECK(e->notes[0].find("`a`") != std::string::npos);
  CHECK(e->notes[0].find("`b`") != std::string::npos);
}

TEST_CASE("a trigger and an exemption reading each other are a cycle") {
  auto d = compile_err(
      "trigger t { when not e }\n"
      "exemption e { when t }\n");
  CHECK(find_code(d, "definition-cycle") != nullptr);
}

TEST_CASE("a reference point is not a value") {
  auto d = compile_err("import std.model\nreference prev = base_model\ndefine x = prev\n");
  auto* e = find_code(d, "reference-as-value");
  REQUIRE(e != nullptr);
  CHECK(e->help.find("training_compute@prev") != std::string::npos);
}

TEST_CASE("`@` needs a declared reference point") {
  auto d = compile_err("import std.model\ndefine x = training_compute@previos\nreference previous = base_model\n");
  auto* e = find_code(d, "undefined-name");
  REQUIRE(e != nullptr);
  CHECK(e->message == "`previos` is not a reference point");
  CHECK(e->help == "did you mean `previous`?");
}

TEST_CASE("an unknown standard module is an error at the import") {
  auto d = compile_err("import std.modle\n");
  auto* e = find_code(d, "unknown-import");
  REQUIRE(e != nullptr);
  CHECK(e->location.line == 1);
  CHECK(e->message == "no standard module `std.modle`");
}

TEST_CASE("a tier compared with a name that is not one of its tiers") {
  auto d = compile_err(
      "import std.model\n"
      "tiers t by training_compute { tier low below 1e24 FLOP  tier high from 1e24 FLOP }\n"
      "test \"x\" { record { training_compute 1 FLOP } expect t == hihg }\n");
  auto* e = find_code(d, "undefined-name");
  REQUIRE(e != nullptr);
  CHECK(e->message == "`t` has no tier `hihg`");
  CHECK(e->help == "did you mean `high`?");
}

TEST_CASE("`obligations` is only for tests") {
  auto d = compile_err("trigger t { when obligations contains x }\n");
  CHECK(find_code(d, "obligations-outside-test") != nullptr);
}

namespace {

// `count` definitions, each reading a near miss of another's name (`d7` reads `e7`, one edit from
// `d7`), so that every undefined name has a suggestion to find.
std::string near_misses(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += "define d" + std::to_string(i) + " = e" + std::to_string(i) + "\n";
  return text;
}

std::size_t suggested(const Diagnostics& d) {
  std::size_t n = 0;
  for (const auto& x : d.items) n += x.code == "undefined-name" && x.help.starts_with("did you mean");
  return n;
}

}  // namespace

TEST_CASE("did you mean: every undefined name the cap keeps gets its suggestion") {
  auto d = compile_err(near_misses(300));
  CHECK(suggested(d) == 200);  // all 200 kept, each with its suggestion; the other 100 dropped
  CHECK(find_code(d, "undefined-name")->help == "did you mean `d0`?");
  CHECK(d.items.back().code == "too-many-diagnostics");
}

TEST_CASE("did you mean: a host that raises the cap gets suggestions for the first 1,000 undefined names") {
  // Each search compares the name with the policy's names, so they are bounded per compilation
  // (check/checker_impl.hpp, kMaxSuggestionSearches); the errors past it are reported without.
  CompileOptions options;
  options.limits.max_diagnostics = 5000;
  auto p = compile_source(near_misses(1500), "test.policy", options);
  REQUIRE_FALSE(p.has_value());
  CHECK(p.error().items.size() == 1500);
  CHECK(suggested(p.error()) == 1000);
  CHECK(p.error().items[999].help == "did you mean `d999`?");
  CHECK(p.error().items[1000].help.empty());
}

TEST_CASE("a cycle of more than 32 rules is shown by its two ends") {
  // Rules that each read the first of a chain of n make n cycles of up to n rules: the notes
  // stay short, so that writing them costs n and not n^2.
  std::string text;
  for (int i = 0; i < 40; ++i) text += "define a" + std::to_string(i) + " = a" + std::to_string((i + 1) % 40) + "\n";
  auto d = compile_err(text);
  auto* e = find_code(d, "definition-cycle");
  REQUIRE(e != nullptr);
  REQUIRE(e->notes.size() == 1);
  std::string path;
  for (int i = 0; i < 16; ++i) path += "`a" + std::to_string(i) + "` → ";
  path += "… → ";
  for (int i = 24; i < 40; ++i) path += "`a" + std::to_string(i) + "` → ";
  CHECK(e->notes[0] == "the cycle: " + path + "`a0` (40 rules)");
}
