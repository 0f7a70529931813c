// A source file in memory, with a line index, and the mapping from AST spans to the public
// Location (which carries the line's text for caret rendering).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.hpp"
#include "scalepol/diagnostic.hpp"

namespace scalepol::syntax {

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  // The text of a 1-based line, without its line terminator ("" when out of range).
  std::string_view line(uint32_t line) const;

  Location location(const ast::Span& span) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

// A diagnostic at a span of a file.
Diagnostic make_diagnostic(const SourceFile& file, const ast::Span& span, Code code, std::string message);

}  // namespace scalepol::syntax
