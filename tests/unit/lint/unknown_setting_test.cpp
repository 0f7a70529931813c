// `unknown-setting`: a benchmark setting scalepol does not know (a warning, found by the checker).
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("unknown-setting: a misspelt setting, with a suggestion") {
  auto d = lint_text("benchmark mmlu {\n  version \"2020-09\"\n  shot 5\n}\ntrigger t { when mmlu >= 90 pp }\n");
  REQUIRE(count_code(d, "unknown-setting") == 1);
  const auto* f = find_code(d, "unknown-setting");
  CHECK(f->severity == Severity::Warning);
  CHECK(f->message == "unknown benchmark setting `shot`");
  CHECK(f->location.line == 3);
  CHECK(f->location.column == 3);
  CHECK(f->help == "did you mean `shots`?");
}

TEST_CASE("unknown-setting: the known settings give no finding") {
  auto d = lint_text("benchmark mmlu {\n"
                     "  version \"2020-09\"  scale 0..100 pp  shots 5  chain_of_thought none\n"
                     "  tools none  scaffolding none  column \"MMLU\"  publisher \"Hendrycks et al.\"\n"
                     "}\n"
                     "trigger t { when mmlu >= 90 pp }\n");
  CHECK(count_code(d, "unknown-setting") == 0);
}
