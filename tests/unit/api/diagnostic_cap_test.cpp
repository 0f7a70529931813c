// The cap on diagnostics (Limits::max_diagnostics) never hides an error: a policy with more
// warnings than the cap and then an error still fails to compile, and says why.
#include "test_support.hpp"

#include <string>

using namespace scalepol;

namespace {

// `warnings` unknown header fields (each a warning), then a unit mismatch (an error).
std::string warnings_then_error(int warnings) {
  std::string text = "policy p \"p\" {\n";
  for (int i = 0; i < warnings; ++i) text += "  field" + std::to_string(i) + " \"x\"\n";
  text += "}\nimport std.model\ndefine bad = training_compute + 1 days\n";
  return text;
}

std::size_t count(const Diagnostics& d, Severity s) {
  std::size_t n = 0;
  for (const auto& x : d.items) n += x.severity == s;
  return n;
}

}  // namespace

TEST_CASE("diagnostic cap: an error after the cap's worth of warnings still fails the compile") {
  CompileOptions options;
  options.limits.max_diagnostics = 200;
  auto p = compile_source(warnings_then_error(250), "many.policy", options);
  REQUIRE_FALSE(p.has_value());
  const auto& d = p.error();
  CHECK(d.has_errors());
  CHECK(count(d, Severity::Error) == 1);
  CHECK(count(d, Severity::Warning) == 199);
  REQUIRE_FALSE(d.items.empty());
  CHECK(d.items.back().code == "too-many-diagnostics");
  CHECK(d.items.back().message == "51 more diagnostics not shown");
  // The kept diagnostics keep their order: the warnings of the header first, the error last.
  CHECK(d.items[0].severity == Severity::Warning);
  CHECK(d.items[d.items.size() - 2].severity == Severity::Error);
}

TEST_CASE("diagnostic cap: a cap of zero keeps one error, and the policy does not compile") {
  CompileOptions options;
  options.limits.max_diagnostics = 0;
  auto p = compile_source(warnings_then_error(3), "zero.policy", options);
  REQUIRE_FALSE(p.has_value());
  CHECK(count(p.error(), Severity::Error) == 1);
  CHECK(count(p.error(), Severity::Warning) == 0);
  CHECK(p.error().items.back().message == "3 more diagnostics not shown");
}

TEST_CASE("diagnostic cap: the note counts the errors it drops") {
  std::string text = "import std.model\n";
  for (int i = 0; i < 5; ++i) text += "define d" + std::to_string(i) + " = training_compute + 1 days\n";
  CompileOptions options;
  options.limits.max_diagnostics = 2;
  auto p = compile_source(text, "errors.policy", options);
  REQUIRE_FALSE(p.has_value());
  CHECK(count(p.error(), Severity::Error) == 2);
  CHECK(p.error().items.back().message == "3 more diagnostics not shown, 3 of them errors");
}

TEST_CASE("diagnostic cap: warnings alone under a cap still compile") {
  CompileOptions options;
  options.limits.max_diagnostics = 2;
  std::string text = "policy p \"p\" {\n  a \"x\"\n  b \"x\"\n  c \"x\"\n}\nimport std.model\n";
  auto p = compile_source(text, "warnings.policy", options);
  REQUIRE(p.has_value());
  CHECK(count(p->warnings(), Severity::Warning) == 2);
  CHECK(p->warnings().items.back().message == "1 more diagnostics not shown");
}
