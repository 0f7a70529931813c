#include "syntax/source.hpp"

#include <utility>

#include "syntax/lines.hpp"

namespace scalepol::syntax {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)), line_starts_(line_starts(text_)) {}

std::string_view SourceFile::line(uint32_t line) const {
  if (line == 0) return {};
  return line_text(text_, line_starts_, line - 1);
}

Location SourceFile::location(const ast::Span& span) const {
  Location loc;
  loc.file = path_;
  loc.line = span.line;
  loc.column = span.column;
  loc.end_line = span.end_line;
  loc.end_column = span.end_column;
  loc.line_text = std::string(line(span.line));
  return loc;
}

Diagnostic make_diagnostic(const SourceFile& file, const ast::Span& span, Code code, std::string message) {
  return Diagnostic::of(code, std::move(message), file.location(span));
}

}  // namespace scalepol::syntax
