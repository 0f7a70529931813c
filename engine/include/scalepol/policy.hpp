// Compile once, evaluate many. A Policy is a parsed and checked policy file with its imports;
// it is immutable, cheap to copy (shared), and safe to evaluate from several threads at once.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scalepol/diagnostic.hpp"
#include "scalepol/expected.hpp"
#include "scalepol/export.hpp"
#include "scalepol/options.hpp"

namespace scalepol {

class Records;
struct Report;
struct TestResults;

namespace detail {
struct PolicyData;  // what a Policy holds; the engine's own (engine/src/api/impl.hpp)
struct RecordsData;
struct Access;      // the engine's way to a handle's data, and to make one
}  // namespace detail

// Where `import "./x.policy"` finds its text. The host may replace the file system with its own
// store: given the importing file's name and the import as written, return the imported file's
// name (used in diagnostics and for further relative imports) and its text, or nothing when there
// is no such file. `import std.x` always resolves to the embedded standard library.
struct ImportedFile {
  std::string name;
  std::string text;
};
using ImportResolver = std::function<std::optional<ImportedFile>(const std::string& from, const std::string& path)>;

struct CompileOptions {
  Limits limits;
  // Directories file imports may resolve into (after `..` and symbolic links are resolved),
  // besides the main file's own directory, which is always allowed with everything below it. An
  // import outside every root is refused (`import-outside-roots`), so a policy cannot read
  // `../../etc/passwd`.
  std::vector<std::string> import_roots;
  // Replaces the file system for file imports when set (roots do not apply then: the resolver
  // decides what exists).
  ImportResolver resolver;
};

// A compiled policy. Obtain one from compile_file or compile_source.
class SCALEPOL_API Policy {
 public:
  const std::string& name() const;    // the header's identifier, or the file's stem
  const std::string& title() const;   // the header's title, or ""
  const std::string& path() const;    // the file it was compiled from

  // Warnings from compilation (errors make compilation fail instead).
  const Diagnostics& warnings() const;

  // Evaluate every record: one result per record, in input order.
  using EvalOptions = scalepol::EvalOptions;
  Expected<Report, Diagnostics> evaluate(const Records& records, const EvalOptions& options = {}) const;

  // Run the policy's own `test` blocks.
  TestResults run_tests() const;

 private:
  friend struct detail::Access;
  explicit Policy(std::shared_ptr<const detail::PolicyData> data);
  std::shared_ptr<const detail::PolicyData> data_;
};

// Parse and check a policy file and everything it imports. On failure, the diagnostics (with at
// least one error); on success, the policy (whose warnings() may be non-empty).
SCALEPOL_API Expected<Policy, Diagnostics> compile_file(const std::string& path, const CompileOptions& options = {});

// The same from text in memory; `name` is used as the file name in diagnostics, and relative
// imports resolve against the current directory.
SCALEPOL_API Expected<Policy, Diagnostics> compile_source(std::string_view source, const std::string& name,
                                                          const CompileOptions& options = {});

// Outcome of a policy's `test` blocks.
struct TestCase {
  std::string name;
  bool passed = false;
  std::vector<std::string> failures;  // one line per failed expectation
  std::string file;
  uint32_t line = 0;
};
struct SCALEPOL_API TestResults {
  std::vector<TestCase> cases;
  std::size_t passed() const;
  std::size_t failed() const;
};

}  // namespace scalepol
