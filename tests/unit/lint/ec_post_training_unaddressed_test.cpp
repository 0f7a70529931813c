// `ec-post-training-unaddressed`: effective compute silent on post-training enhancements.
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

TEST_CASE("ec-post-training-unaddressed: `post_training unspecified` is reported at the part") {
  auto d = lint_text(kRspV1);
  REQUIRE(count_code(d, "ec-post-training-unaddressed") == 1);
  const auto* f = find_code(d, "ec-post-training-unaddressed");
  CHECK(f->severity == Severity::Warning);
  CHECK(f->message == "effective compute `ec` does not say whether post-training enhancements count");
  CHECK(f->location.line == 9);
  CHECK(f->location.column == 3);
  REQUIRE(f->notes.size() == 2);
  CHECK(f->notes[0] == "written `unspecified`: the text leaves it open");
  CHECK(f->notes[1].find("arXiv 2312.07413") != std::string::npos);
  CHECK(f->help == "say which: `post_training included` or `post_training excluded`");
}

TEST_CASE("ec-post-training-unaddressed: not written at all is reported at the name") {
  auto d = lint_text("import std.model\neffective_compute bare { base training_compute }\n"
                     "trigger t { when bare > 1e26 FLOP }\n");
  REQUIRE(count_code(d, "ec-post-training-unaddressed") == 1);
  const auto* f = find_code(d, "ec-post-training-unaddressed");
  CHECK(f->location.line == 2);
  CHECK(f->location.column == 19);
  CHECK(f->notes.at(0) == "not addressed at all");
}

TEST_CASE("ec-post-training-unaddressed: `included` and `excluded` both settle it") {
  CHECK(count_code(lint_text(kFull), "ec-post-training-unaddressed") == 0);
  std::string included = kFull;
  const std::string excluded = "post_training excluded";
  included.replace(included.find(excluded), excluded.size(), "post_training included");
  CHECK(count_code(lint_text(included), "ec-post-training-unaddressed") == 0);
}
