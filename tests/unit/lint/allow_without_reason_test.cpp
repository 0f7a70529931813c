// `allow-without-reason`: a `scalepol-allow` comment that gives no reason (reported by the lint
// driver; it silences nothing).
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

namespace {
const char* kUnused = "import std.model\n"
                      "define spare = training_compute\n"
                      "trigger t { when training_compute > 1e26 FLOP }\n";
}

TEST_CASE("allow-without-reason: an allow with no reason is reported, and silences nothing") {
  std::string text = kUnused;
  text.insert(text.find("define spare"), "  // scalepol-allow unused-definition\n");
  auto d = lint_text(text);
  REQUIRE(count_code(d, "allow-without-reason") == 1);
  const auto* f = find_code(d, "allow-without-reason");
  CHECK(f->severity == Severity::Warning);
  CHECK(f->message == "this `scalepol-allow` gives no reason, so it silences nothing");
  CHECK(f->location.line == 2);
  CHECK(f->location.column == 3);
  CHECK(f->help == "say why after a colon: `// scalepol-allow ec-no-scale: the text is silent on scale`");
  CHECK(count_code(d, "unused-definition") == 1);
}

TEST_CASE("allow-without-reason: an allow with a reason gives no finding") {
  std::string text = kUnused;
  text.insert(text.find("define spare"), "// scalepol-allow unused-definition: kept for the 2025 revision\n");
  auto d = lint_text(text);
  CHECK(count_code(d, "allow-without-reason") == 0);
  CHECK(count_code(d, "unused-definition") == 0);
}
