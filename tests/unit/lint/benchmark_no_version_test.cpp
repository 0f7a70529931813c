// `benchmark-no-version`: a benchmark without a version.
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("benchmark-no-version: no `version` setting is reported at the benchmark's name") {
  auto d = lint_text("benchmark mmlu { shots 5 }\ntrigger t { when mmlu >= 90 pp }\n");
  REQUIRE(count_code(d, "benchmark-no-version") == 1);
  const auto* f = find_code(d, "benchmark-no-version");
  CHECK(f->severity == Severity::Warning);
  CHECK(f->message == "benchmark `mmlu` does not say its version");
  CHECK(f->location.line == 1);
  CHECK(f->location.column == 11);
  REQUIRE(f->notes.size() == 2);
  CHECK(f->notes[0] == "not addressed at all");
  CHECK(f->help == "name the version: `version \"…\"` (a release, a date or a commit)");
}

TEST_CASE("benchmark-no-version: `version unspecified` is reported at the setting") {
  auto d = lint_text("benchmark mmlu {\n  shots 5\n  version unspecified\n}\ntrigger t { when mmlu >= 90 pp }\n");
  REQUIRE(count_code(d, "benchmark-no-version") == 1);
  const auto* f = find_code(d, "benchmark-no-version");
  CHECK(f->location.line == 3);
  CHECK(f->location.column == 3);
  CHECK(f->notes.at(0) == "written `unspecified`: the text leaves it open");
}

TEST_CASE("benchmark-no-version: a stated version gives no finding") {
  auto d = lint_text("benchmark mmlu { version \"2020-09\" }\ntrigger t { when mmlu >= 90 pp }\n");
  CHECK(count_code(d, "benchmark-no-version") == 0);
}
