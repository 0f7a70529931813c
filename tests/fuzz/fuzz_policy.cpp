// libFuzzer target: the policy front end. The input is a policy's text: compile it (prescan,
// parse, build the AST, check, resolve `import std.x` from the embedded stdlib), then lint it.
// Any outcome is fine except a crash, a sanitizer report, a leak, a hang or an exception
// escaping the API; a failed compilation must come with at least one error.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "scalepol/lint.hpp"
#include "scalepol/policy.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  scalepol::CompileOptions options;
  // File imports read nothing from disk: `import "./x.policy"` resolves to nothing (a
  // diagnostic), so the fuzzer cannot wander the file system. `import std.x` still works.
  options.resolver = [](const std::string&, const std::string&) -> std::optional<scalepol::ImportedFile> {
    return std::nullopt;
  };
  auto policy = scalepol::compile_source(text, "fuzz.policy", options);
  if (!policy) {
    bool has_error = false;
    for (const auto& d : policy.error().items) has_error |= d.severity == scalepol::Severity::Error;
    if (!has_error) std::abort();  // a failed compilation must say why
    return 0;
  }
  auto findings = scalepol::lint(*policy);
  (void)findings;
  (void)policy->run_tests();
  return 0;
}
