// `percent-ambiguous`: a `%` applied to a benchmark score: percent of the score, or points?
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

namespace {

const char* kSchema =
    "import std.model\n"                                     // 1
    "field mmlu: pp\n"                                       // 2
    "field last_assessment: text\n"                          // 3
    "reference last_assessed = record.last_assessment\n";    // 4

const Diagnostic& the_finding(const Diagnostics& d) {
  REQUIRE(count_code(d, "percent-ambiguous") == 1);
  return *find_code(d, "percent-ambiguous");
}

}  // namespace

TEST_CASE("percent-ambiguous: a percent of a score in a threshold") {
  auto d = lint_text(std::string(kSchema) +
                     "trigger thorough { when mmlu - mmlu@last_assessed >= 5 % * mmlu@last_assessed }\n");
  const auto& f = the_finding(d);
  CHECK(f.message == "`5 %` of a benchmark score: 5 percent of the score, or 5 percentage points?");
  CHECK(f.severity == Severity::Warning);
  CHECK(f.location.line == 5);
  CHECK(f.location.column == 54);
  CHECK(f.location.end_column == 57);
  REQUIRE(f.notes.size() == 2);
  CHECK(f.notes[0] ==
        "`%` is a ratio, so this is 5 percent of `mmlu@last_assessed`; a score is itself a percentage, and a reader "
        "may take it as points");
  CHECK(f.notes[1].find("\"every 5% performance increase on [simple benchmark") != std::string::npos);
  CHECK(f.help ==
        "write `5 pp` for percentage points, or a ratio with `x` for a relative change: `1.05x mmlu@last_assessed` "
        "is 5 percent above `mmlu@last_assessed`");
}

TEST_CASE("percent-ambiguous: a percent compared with a ratio of scores") {
  auto d = lint_text(std::string(kSchema) + "trigger thorough { when mmlu / mmlu@last_assessed >= 105 % }\n");
  const auto& f = the_finding(d);
  CHECK(f.message == "`105 %` of a benchmark score: 105 percent of the score, or 105 percentage points?");
  CHECK(f.location.line == 5);
  CHECK(f.location.column == 54);
}

TEST_CASE("percent-ambiguous: a percent compared with a definition that divides scores") {
  auto d = lint_text(std::string(kSchema) +
                     "define gain = (mmlu - mmlu@last_assessed) / mmlu@last_assessed\n"
                     "trigger thorough { when gain >= 5 % }\n");
  const auto& f = the_finding(d);
  CHECK(f.message == "`5 %` of a benchmark score: 5 percent of the score, or 5 percentage points?");
  CHECK(f.location.line == 6);
  CHECK(f.location.column == 33);
}

TEST_CASE("percent-ambiguous: points, x ratios and percents of other quantities are not reported") {
  auto d = lint_text(std::string(kSchema) +
                     "trigger thorough {\n"
                     "  when mmlu - mmlu@last_assessed >= 5 pp\n"
                     "    or mmlu >= 1.05x mmlu@last_assessed\n"
                     "    or training_compute >= 150 % * training_compute@last_assessed\n"
                     "    or training_compute / training_compute@last_assessed >= 200 %\n"
                     "}\n");
  CHECK(count_code(d, "percent-ambiguous") == 0);
}

TEST_CASE("percent-ambiguous: comparing points with a percent is the checker's unit-mismatch, not this") {
  auto errors = compile_err(std::string(kSchema) + "trigger thorough { when mmlu - mmlu@last_assessed >= 5 % }\n");
  CHECK(find_code(errors, "unit-mismatch") != nullptr);
}
