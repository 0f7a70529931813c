// Where the front end puts its diagnostics for one file: at most `cap` of them (a file of
// garbage must not turn into millions of messages), sorted by position when taken.
#pragma once

#include <cstddef>
#include <string>

#include "ast/ast.hpp"
#include "scalepol/diagnostic.hpp"
#include "syntax/source.hpp"

namespace scalepol::syntax {

class DiagnosticSink {
 public:
  DiagnosticSink(const SourceFile& file, std::size_t cap) : file_(file), cap_(cap ? cap : 1) {}

  // Adds an error and returns it so the caller can set help and notes. Past the cap, the
  // error is dropped (the caller gets a scratch diagnostic to fill).
  Diagnostic& error(const ast::Span& span, Code code, std::string message);
  // An error about the whole file (line 0).
  Diagnostic& file_error(Code code, std::string message);

  std::size_t count() const { return diagnostics_.items.size(); }
  bool full() const { return count() >= cap_; }
  const SourceFile& file() const { return file_; }

  // The diagnostics, sorted by position (the order a reader meets them in the file).
  Diagnostics take();

 private:
  Diagnostic& add(Diagnostic d);

  const SourceFile& file_;
  std::size_t cap_;
  bool truncated_ = false;
  Diagnostics diagnostics_;
  Diagnostic scratch_;
};

}  // namespace scalepol::syntax
