// The lint driver: allow comments, disabled codes, --deny-warnings, the catalogue, the stdlib.
#include "test_support.hpp"

#include <set>

using namespace scalepol;
using namespace scalepol::testing;

namespace {
const char* kUndefinedTerm = "import std.model\ntrigger t { when effective_compute > 1e26 FLOP }\n";
}

TEST_CASE("an undefined term of art is a finding, and its value is unknown") {
  auto p = compile_ok(kUndefinedTerm);
  auto d = lint(p);
  REQUIRE(count_code(d, "undefined-term") == 1);
  auto* f = find_code(d, "undefined-term");
  CHECK(f->message == "`effective_compute` is used but never defined");
  CHECK(f->location.line == 2);
  CHECK(f->location.column == 18);
  auto r = run_json(p, R"j([{"model": "m", "training_compute": 1e27}])j");
  CHECK(verdict(r, "m", "t")->value == "unknown");
}

TEST_CASE("an allow comment with a reason silences the finding on the next line") {
  auto d = lint_text("import std.model\n// scalepol-allow undefined-term: the framework never defines it\n"
                     "trigger t { when effective_compute > 1e26 FLOP }\n");
  CHECK(count_code(d, "undefined-term") == 0);
  CHECK(d.empty());
}

TEST_CASE("an allow comment without a reason silences nothing and is reported") {
  auto d = lint_text("import std.model\n// scalepol-allow undefined-term\ntrigger t { when effective_compute > 1e26 FLOP }\n");
  CHECK(count_code(d, "undefined-term") == 1);
  auto* a = find_code(d, "allow-without-reason");
  REQUIRE(a != nullptr);
  CHECK(a->location.line == 2);
}

TEST_CASE("an allow comment silences only the codes it names") {
  auto d = lint_text("import std.model\n// scalepol-allow unused-definition: kept for later\n"
                     "trigger t { when effective_compute > 1e26 FLOP }\n");
  CHECK(count_code(d, "undefined-term") == 1);
}

TEST_CASE("disabled codes are not reported; deny_warnings makes warnings errors") {
  CHECK(lint_text(kUndefinedTerm, {.disabled = {"undefined-term"}}).empty());
  auto d = lint_text(kUndefinedTerm, {.deny_warnings = true});
  REQUIRE(find_code(d, "undefined-term") != nullptr);
  CHECK(find_code(d, "undefined-term")->severity == Severity::Error);
}

TEST_CASE("the catalogue has every code once, each with a doc path") {
  std::set<std::string> seen;
  for (const auto& r : lint_catalogue()) {
    CHECK(seen.insert(std::string(r.code)).second);
    CHECK_FALSE(r.summary.empty());
    CHECK(lint_doc_path(r.code) == "docs/lint/" + std::string(r.code) + ".md");
  }
  for (const char* code : {"ec-no-baseline", "ec-no-baseline-date", "ec-no-scale", "ec-no-metric",
                           "ec-post-training-unaddressed", "undefined-term", "undefined-name", "trigger-no-reference",
                           "percent-ambiguous", "vague-condition", "trigger-never-fires", "unitless-threshold",
                           "flops-rate-ambiguous", "unit-mismatch", "benchmark-no-version", "benchmark-no-elicitation",
                           "tier-overlap", "tier-gap", "tier-order", "exemption-never-applies", "exemption-covers-all",
                           "unused-definition", "duplicate-definition", "import-cycle", "definition-cycle"})
    CHECK_MESSAGE(seen.count(code) == 1, code);
}

TEST_CASE("findings inside the embedded standard library are not the user's") {
  // std.model declares fields nothing in this policy uses: no unused-definition for them.
  auto d = lint_text("import std.model\ntrigger t { when training_compute > 1e26 FLOP }\n");
  for (const auto& x : d.items) CHECK(x.location.file == "test.policy");
}
