// A lint rule: its catalogue entry and the function that looks for it. The rules run in the
// order of the registry (registry.cpp), each over the checked program; one file per rule under
// lint/rules/, with its tests in tests/unit/lint/ and its page in docs/lint/<code>.md.
#pragma once

#include <string>
#include <vector>

#include "check/program.hpp"
#include "scalepol/lint.hpp"

namespace scalepol::linter {

class Context;

// The rule's code names its row in the table of codes (scalepol/codes.def): its severity,
// family and summary.
struct Rule {
  Code code;
  void (*run)(Context&) = nullptr;  // null for codes the checker itself reports
};

// What a rule sees, and where it reports.
class Context {
 public:
  Context(const check::Program& program, Diagnostics& out);

  const check::Program& program() const { return p_; }
  // The modules to lint: the policy's own files, not the embedded standard library.
  const std::vector<int32_t>& user_modules() const { return user_modules_; }
  const ast::Module& module(int32_t m) const { return *p_.modules[m]; }

  // A finding of the rule of `code` at `span` of module `m`, at the code's default severity.
  // Add notes (why it matters) and help (the fix) to the returned diagnostic.
  Diagnostic& report(Code code, int32_t m, const ast::Span& span, std::string message);

 private:
  const check::Program& p_;
  Diagnostics& out_;
  std::vector<int32_t> user_modules_;
};

// The registry, in the order rules run.
const std::vector<const Rule*>& registry();

}  // namespace scalepol::linter
