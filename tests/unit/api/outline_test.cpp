// scalepol::outline: what a file declares, where, and what each name it uses refers to; on a file
// that compiles, on one that does not check, and on one that does not parse.
#include "test_support.hpp"

#include <algorithm>

#include "scalepol/outline.hpp"

using namespace scalepol;

namespace {

const char* kPolicy = R"policy(policy p "P" {
  issuer "X"
}
import std.model
define line = 1e25 FLOP
  quote "greater than 10^25"
  source "Article 51(2)"
tiers level by training_compute {
  tier low below 1e25 FLOP
  tier high from line
    require notify "the office"
}
trigger t { when level == high  require report "x" }
exempt small when training_compute < 1e20 FLOP
)policy";

const OutlineSymbol* find(const std::vector<OutlineSymbol>& symbols, const std::string& kind, const std::string& name) {
  for (const auto& s : symbols) {
    if (s.kind == kind && s.name == name) return &s;
    if (const auto* c = find(s.children, kind, name)) return c;
  }
  return nullptr;
}

// The use that starts at line:column.
const NameUse* use_at(const Outline& o, uint32_t line, uint32_t column) {
  for (const auto& u : o.uses)
    if (u.span.line == line && u.span.column == column) return &u;
  return nullptr;
}

}  // namespace

TEST_CASE("outline: the items of a file, nested, with spans, values and quotes") {
  const Outline o = outline(kPolicy, "p.policy");
  std::vector<std::string> kinds;
  for (const auto& s : o.symbols) kinds.push_back(s.kind);
  CHECK(kinds == std::vector<std::string>{"policy", "import", "define", "tiers", "trigger", "exemption"});

  const auto* line = find(o.symbols, "define", "line");
  REQUIRE(line);
  CHECK(line->detail == "= 1e25 FLOP");
  CHECK(line->name_span.line == 5);
  CHECK(line->name_span.column == 8);
  CHECK(line->name_span.end_column == 12);
  CHECK(line->span.end_line == 7);
  REQUIRE(line->quotes.size() == 1);
  CHECK(line->quotes[0].text == "greater than 10^25");
  CHECK(line->quotes[0].source == "Article 51(2)");

  const auto* high = find(o.symbols, "tier", "level.high");
  REQUIRE(high);
  CHECK(high->detail == "from line");
  REQUIRE(high->children.size() == 1);
  CHECK(high->children[0].kind == "obligation");
  CHECK(high->children[0].name == "notify");
}

TEST_CASE("outline: names resolve to their declarations, in the file and in the standard library") {
  const Outline o = outline(kPolicy, "p.policy");
  // `line` in `tier high from line` (line 10, column 18).
  const auto* to_define = use_at(o, 10, 18);
  REQUIRE(to_define);
  CHECK(to_define->target.kind == "define");
  CHECK(to_define->target.name_span.line == 5);
  // `training_compute`, declared by std.model.
  const auto* to_field = use_at(o, 8, 16);
  REQUIRE(to_field);
  CHECK(to_field->target.kind == "field");
  CHECK(to_field->target.in_stdlib);
  // `high` compared with its ladder (line 13: `when level == high`).
  const auto* to_tier = use_at(o, 13, 27);
  REQUIRE(to_tier);
  CHECK(to_tier->target.name == "level.high");
  // The declarations hold the imports' too.
  CHECK(std::any_of(o.declarations.begin(), o.declarations.end(),
                    [](const OutlineSymbol& s) { return s.in_stdlib && s.name == "training_compute"; }));
}

TEST_CASE("outline: a file that does not check, or does not parse, still has what parsed") {
  const Outline unchecked = outline("define a = 1e25 FLOP\ndefine b = a + nope\n", "u.policy");
  REQUIRE(unchecked.symbols.size() == 2);
  const auto* to_a = use_at(unchecked, 2, 12);
  REQUIRE(to_a);
  CHECK(to_a->target.name == "a");
  CHECK(use_at(unchecked, 2, 16) == nullptr);  // `nope` refers to nothing

  const Outline broken = outline("define a = 1\ndefine b = (a +\n", "b.policy");
  CHECK(find(broken.symbols, "define", "a") != nullptr);

  const Outline empty = outline("", "e.policy");
  CHECK(empty.symbols.empty());
  CHECK(empty.uses.empty());
}

TEST_CASE("outline: columns count code points") {
  const Outline p = outline("/* “𝔽” */ define a = 1\ndefine b = a\n", "q.policy");
  const auto* a = find(p.symbols, "define", "a");
  REQUIRE(a);
  CHECK(a->name_span.column == 18);  // `/* “𝔽” */ define ` is 17 code points
}
