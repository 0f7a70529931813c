// `ec-no-metric`: effective compute without a metric or benchmark, or with one given only as an example.
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

TEST_CASE("ec-no-metric: a metric given only as an example (RSP v1.0's \"e.g.\") is reported at the part") {
  auto d = lint_text(kRspV1);
  REQUIRE(count_code(d, "ec-no-metric") == 1);
  const auto* f = find_code(d, "ec-no-metric");
  CHECK(f->severity == Severity::Warning);
  CHECK(f->message == "effective compute `ec` gives its metric only as an example");
  CHECK(f->location.line == 5);
  CHECK(f->location.column == 3);
  REQUIRE(f->notes.size() == 2);
  CHECK(f->notes[0].find("e.g. cross-entropy loss on a test set") != std::string::npos);
  CHECK(f->notes[1].find("Larsen") != std::string::npos);
  CHECK(f->help == "if the text commits to this metric, drop `example`");
}

TEST_CASE("ec-no-metric: `metric unspecified` is reported at the part") {
  std::string text = kRspV1;
  const std::string example = "example loss \"cross-entropy loss on a test set\"";
  text.replace(text.find(example), example.size(), "unspecified");
  auto d = lint_text(text);
  REQUIRE(count_code(d, "ec-no-metric") == 1);
  const auto* f = find_code(d, "ec-no-metric");
  CHECK(f->message == "effective compute `ec` does not say its metric or benchmark");
  CHECK(f->location.line == 5);
  CHECK(f->location.column == 3);
  CHECK(f->notes.at(0) == "written `unspecified`: the text leaves it open");
  CHECK(f->help == "name it: `metric loss \"cross-entropy on …\"` or `metric benchmark NAME`");
}

TEST_CASE("ec-no-metric: no metric at all is reported at the name") {
  auto d = lint_text("import std.model\neffective_compute bare { base training_compute }\n"
                     "trigger t { when bare > 1e26 FLOP }\n");
  REQUIRE(count_code(d, "ec-no-metric") == 1);
  const auto* f = find_code(d, "ec-no-metric");
  CHECK(f->message == "effective compute `bare` does not say its metric or benchmark");
  CHECK(f->location.line == 2);
  CHECK(f->location.column == 19);
  CHECK(f->notes.at(0) == "not addressed at all");
}

TEST_CASE("ec-no-metric: a benchmark or a loss the text commits to gives no finding") {
  CHECK(count_code(lint_text(kFull), "ec-no-metric") == 0);
  std::string loss = kFull;
  const std::string benchmark = "metric        benchmark mmlu";
  loss.replace(loss.find(benchmark), benchmark.size(), "metric        loss \"cross-entropy on a held-out test set\"");
  CHECK(count_code(lint_text(loss), "ec-no-metric") == 0);
}
