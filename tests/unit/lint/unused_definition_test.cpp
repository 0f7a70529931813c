// `unused-definition`: a definition nothing uses.
#include "test_support.hpp"

#include <set>

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("unused-definition: each kind of definition nothing reads, at its name") {
  auto d = lint_text("import std.model\n"
                     "benchmark mmlu { version \"1\" }\n"
                     "benchmark gpqa { version \"1\" }\n"
                     "effective_compute ec { base training_compute }\n"
                     "effective_compute spare { base training_compute }\n"
                     "reference prev = base_model\n"
                     "reference last = base_model\n"
                     "define big = training_compute > 1e26 FLOP\n"
                     "define helper = training_compute\n"
                     "trigger t { when ec >= 4x ec@prev or big or mmlu >= 90 pp }\n");
  REQUIRE(count_code(d, "unused-definition") == 4);
  std::set<std::tuple<std::string, uint32_t, uint32_t>> found;
  for (const auto& f : d.items)
    if (f.code == "unused-definition") {
      CHECK(f.severity == Severity::Warning);
      CHECK(f.help == "remove it, or use it in a rule");
      found.insert({f.message, f.location.line, f.location.column});
    }
  CHECK(found == std::set<std::tuple<std::string, uint32_t, uint32_t>>{
                     {"`gpqa` is defined but never used", 3, 11},
                     {"`spare` is defined but never used", 5, 19},
                     {"`last` is defined but never used", 7, 11},
                     {"`helper` is defined but never used", 9, 8},
                 });
}

TEST_CASE("unused-definition: `time_since(ref)`, `metric benchmark X` and a definition's body are uses") {
  auto d = lint_text("import std.model\n"
                     "benchmark gpqa { version \"1\" }\n"
                     "effective_compute ec { base training_compute  metric benchmark gpqa }\n"
                     "reference last = base_model\n"
                     "define limit = 1e26 FLOP\n"
                     "define over = ec > limit\n"
                     "trigger t { when over or time_since(last) >= 3 months }\n");
  CHECK(count_code(d, "unused-definition") == 0);
}

TEST_CASE("unused-definition: ladders, triggers, exemptions and fields are never reported") {
  auto d = lint_text("import std.model\n"
                     "field cluster_capacity: FLOP/s\n"
                     "tiers concern by training_compute { tier low below 1e24 FLOP  tier high from 1e24 FLOP }\n"
                     "trigger t { when training_compute > 1e26 FLOP }\n"
                     "exempt research when accessibility == \"Unreleased\"\n");
  CHECK(count_code(d, "unused-definition") == 0);
}
