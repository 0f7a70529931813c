// `ec-no-baseline`: effective compute without the baseline techniques it is measured against.
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

namespace {

// Anthropic RSP v1.0's definition, as examples/policies/anthropic_rsp_v1.policy writes it.
const char* kRspV1 =
    "import std.model\n"
    "field last_assessment: text\n"
    "effective_compute ec {\n"
    "  base          training_compute\n"
    "  metric        example loss \"cross-entropy loss on a test set\"\n"
    "  baseline      unspecified\n"
    "  baseline_date unspecified\n"
    "  scale         unspecified\n"
    "  post_training unspecified\n"
    "}\n"
    "reference last_assessed = record.last_assessment\n"
    "trigger capability_evaluation { when ec >= 4x ec@last_assessed }\n";

// Every part given: the definition the linter has nothing to say about.
const char* kFull =
    "import std.model\n"
    "benchmark mmlu { version \"2020-09\"  shots 5  chain_of_thought none  tools none  scaffolding none }\n"
    "effective_compute ec {\n"
    "  base          training_compute\n"
    "  metric        benchmark mmlu\n"
    "  baseline      \"the Chinchilla recipe (Hoffmann et al. 2022)\"\n"
    "  baseline_date 2022-03-29\n"
    "  scale         1e24 FLOP\n"
    "  post_training excluded\n"
    "  multiplier    2x\n"
    "}\n"
    "trigger t { when ec > 1e26 FLOP }\n";

}  // namespace

TEST_CASE("ec-no-baseline: a baseline written `unspecified` is reported at the part") {
  auto d = lint_text(kRspV1);
  REQUIRE(count_code(d, "ec-no-baseline") == 1);
  const auto* f = find_code(d, "ec-no-baseline");
  CHECK(f->severity == Severity::Warning);
  CHECK(f->message == "effective compute `ec` does not say its baseline techniques");
  CHECK(f->location.line == 6);
  CHECK(f->location.column == 3);
  REQUIRE(f->notes.size() == 2);
  CHECK(f->notes[0] == "written `unspecified`: the text leaves it open");
  CHECK(f->help == "name the recipe: `baseline \"…\"`, or keep `baseline unspecified` if the text is silent");
}

TEST_CASE("ec-no-baseline: a baseline not written at all is reported at the definition's name") {
  auto d = lint_text("import std.model\neffective_compute bare { base training_compute }\n"
                     "trigger t { when bare > 1e26 FLOP }\n");
  REQUIRE(count_code(d, "ec-no-baseline") == 1);
  const auto* f = find_code(d, "ec-no-baseline");
  CHECK(f->message == "effective compute `bare` does not say its baseline techniques");
  CHECK(f->location.line == 2);
  CHECK(f->location.column == 19);
  CHECK(f->notes.at(0) == "not addressed at all");
}

TEST_CASE("ec-no-baseline: a named baseline recipe gives no finding") {
  CHECK(count_code(lint_text(kFull), "ec-no-baseline") == 0);
}

TEST_CASE("a fully specified definition gives none of the effective-compute findings") {
  auto d = lint_text(kFull);
  for (const char* code : {"ec-no-baseline", "ec-no-baseline-date", "ec-no-scale", "ec-no-metric",
                           "ec-post-training-unaddressed"})
    CHECK_MESSAGE(count_code(d, code) == 0, code);
}
