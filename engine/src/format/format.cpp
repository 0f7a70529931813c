// scalepol::format_source: parse one file (its imports are not read), then lay it out
// (format_parsed, which the fmt fuzz target calls with its own parse).
#include <exception>
#include <string>

#include "format/format_parsed.hpp"
#include "format/layout.hpp"
#include "scalepol/format.hpp"
#include "scalepol/options.hpp"
#include "syntax/parse.hpp"
#include "syntax/tokens.hpp"

namespace scalepol {
namespace {

Unexpected<Diagnostics> internal_error(const std::string& file, const std::exception& e) {
  Diagnostics d;
  Diagnostic x;
  x.severity = Severity::Error;
  x.code = code_name(Code::InternalError);
  x.message = std::string("the formatter failed: ") + e.what();
  x.location.file = file;
  d.add(std::move(x));
  return Unexpected<Diagnostics>(std::move(d));
}

}  // namespace

namespace format {

Expected<std::string, Diagnostics> format_parsed(const syntax::SourceFile& file, const ast::Module& module,
                                                 const std::vector<syntax::Token>& tokens,
                                                 const FormatOptions& options) {
  try {
    return print(file.text(), module, tokens, options.line_width);
  } catch (const std::exception& e) {
    return internal_error(file.path(), e);
  }
}

}  // namespace format

Expected<std::string, Diagnostics> format_source(std::string_view source, const std::string& name,
                                                 const FormatOptions& options) {
  try {
    const syntax::SourceFile file(name, std::string(source));
    auto parsed = syntax::parse(file, Limits{});
    if (parsed.diagnostics.has_errors()) return Unexpected<Diagnostics>(std::move(parsed.diagnostics));
    return format::format_parsed(file, parsed.module, syntax::lex_tokens(file), options);
  } catch (const std::exception& e) {
    return internal_error(name, e);
  }
}

}  // namespace scalepol
