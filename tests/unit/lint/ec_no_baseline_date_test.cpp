// `ec-no-baseline-date`: effective compute without the vintage (date) of its baseline.
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

TEST_CASE("ec-no-baseline-date: a baseline date written `unspecified` is reported at the part") {
  auto d = lint_text(kRspV1);
  REQUIRE(count_code(d, "ec-no-baseline-date") == 1);
  const auto* f = find_code(d, "ec-no-baseline-date");
  CHECK(f->severity == Severity::Warning);
  CHECK(f->message == "effective compute `ec` does not say the date of its baseline");
  CHECK(f->location.line == 7);
  CHECK(f->location.column == 3);
  REQUIRE(f->notes.size() == 2);
  CHECK(f->notes[0] == "written `unspecified`: the text leaves it open");
  CHECK(f->notes[1].find("Ho et al. 2024") != std::string::npos);
  CHECK(f->help == "give the vintage of the baseline recipe: `baseline_date 2023-09-19`");
}

TEST_CASE("ec-no-baseline-date: a baseline date not written at all is reported at the name") {
  auto d = lint_text("import std.model\n"
                     "effective_compute ec {\n"
                     "  base     training_compute\n"
                     "  baseline \"the Chinchilla recipe\"\n"
                     "}\n"
                     "trigger t { when ec > 1e26 FLOP }\n");
  REQUIRE(count_code(d, "ec-no-baseline-date") == 1);
  const auto* f = find_code(d, "ec-no-baseline-date");
  CHECK(f->location.line == 2);
  CHECK(f->location.column == 19);
  CHECK(f->notes.at(0) == "not addressed at all");
}

TEST_CASE("ec-no-baseline-date: a dated baseline gives no finding") {
  CHECK(count_code(lint_text(kFull), "ec-no-baseline-date") == 0);
}
