#include "lint/rule.hpp"

#include "syntax/source.hpp"

namespace scalepol::linter {

Context::Context(const check::Program& program, Diagnostics& out) : p_(program), out_(out) {
  for (int32_t m = 0; m < static_cast<int32_t>(p_.modules.size()); ++m)
    if (m >= static_cast<int32_t>(p_.from_stdlib.size()) || !p_.from_stdlib[m]) user_modules_.push_back(m);
}

Diagnostic& Context::report(Code code, int32_t m, const ast::Span& span, std::string message) {
  out_.add(syntax::make_diagnostic(*p_.files[m], span, code, std::move(message)));
  return out_.items.back();
}

}  // namespace scalepol::linter
