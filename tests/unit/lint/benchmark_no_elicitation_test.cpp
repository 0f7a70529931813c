// `benchmark-no-elicitation`: a benchmark without its elicitation settings.
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("benchmark-no-elicitation: one finding per benchmark, listing what is missing") {
  auto d = lint_text("benchmark mmlu {\n"
                     "  version \"2020-09\"\n"
                     "  chain_of_thought allowed\n"
                     "  tools unspecified\n"
                     "}\n"
                     "trigger t { when mmlu >= 90 pp }\n");
  REQUIRE(count_code(d, "benchmark-no-elicitation") == 1);
  const auto* f = find_code(d, "benchmark-no-elicitation");
  CHECK(f->severity == Severity::Warning);
  CHECK(f->message == "benchmark `mmlu` does not say its shots, tools or scaffolding");
  CHECK(f->location.line == 1);
  CHECK(f->location.column == 11);
  REQUIRE(f->notes.size() == 3);
  CHECK(f->notes[0] == "`tools unspecified`: the text leaves it open");
  CHECK(f->notes[1].find("arXiv 2312.07413") != std::string::npos);
  CHECK(f->notes[2].find("scaffolding, and tools") != std::string::npos);
  CHECK(f->help == "state how the score is elicited: `shots 0  tools none  scaffolding none`");
}

TEST_CASE("benchmark-no-elicitation: a benchmark with none of the four") {
  auto d = lint_text("benchmark gpqa { version \"1\" }\ntrigger t { when gpqa >= 60 pp }\n");
  const auto* f = find_code(d, "benchmark-no-elicitation");
  REQUIRE(f != nullptr);
  CHECK(f->message == "benchmark `gpqa` does not say its shots, chain of thought, tools or scaffolding");
  CHECK(f->notes.size() == 2);
}

TEST_CASE("benchmark-no-elicitation: every benchmark is checked") {
  auto d = lint_text("benchmark a { version \"1\" shots 0 chain_of_thought none tools none }\n"
                     "benchmark b { version \"1\" shots 0 chain_of_thought none scaffolding none }\n"
                     "trigger t { when a >= 60 pp or b >= 60 pp }\n");
  REQUIRE(count_code(d, "benchmark-no-elicitation") == 2);
  CHECK(find_code(d, "benchmark-no-elicitation")->message == "benchmark `a` does not say its scaffolding");
}

TEST_CASE("benchmark-no-elicitation: all four stated gives no finding") {
  auto d = lint_text("benchmark gpqa_diamond {\n"
                     "  version \"2023-11\"  scale 0..100 pp\n"
                     "  shots 0  chain_of_thought allowed  tools none  scaffolding none\n"
                     "}\n"
                     "trigger t { when gpqa_diamond >= 60 pp }\n");
  CHECK(count_code(d, "benchmark-no-elicitation") == 0);
}
