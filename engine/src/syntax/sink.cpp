#include "syntax/sink.hpp"

#include <algorithm>
#include <utility>

namespace scalepol::syntax {

Diagnostic& DiagnosticSink::add(Diagnostic d) {
  if (full()) {
    if (!truncated_) {
      truncated_ = true;
      diagnostics_.items.back().notes.push_back("further errors in this file are not shown");
    }
    scratch_ = std::move(d);
    return scratch_;
  }
  diagnostics_.items.push_back(std::move(d));
  return diagnostics_.items.back();
}

Diagnostic& DiagnosticSink::error(const ast::Span& span, Code code, std::string message) {
  return add(make_diagnostic(file_, span, code, std::move(message)));
}

Diagnostic& DiagnosticSink::file_error(Code code, std::string message) {
  return add(make_diagnostic(file_, ast::Span{}, code, std::move(message)));
}

Diagnostics DiagnosticSink::take() {
  std::stable_sort(diagnostics_.items.begin(), diagnostics_.items.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     if (a.location.line != b.location.line) return a.location.line < b.location.line;
                     return a.location.column < b.location.column;
                   });
  return std::exchange(diagnostics_, {});
}

}  // namespace scalepol::syntax
