// scalepol::format_source: parse one file (its imports are not read), then lay it out.
#include <exception>

#include "format/layout.hpp"
#include "scalepol/format.hpp"
#include "scalepol/policy.hpp"
#include "syntax/parse.hpp"
#include "syntax/tokens.hpp"

namespace scalepol {

Expected<std::string, Diagnostics> format_source(std::string_view source, const std::string& name,
                                                 const FormatOptions& options) {
  try {
    const syntax::SourceFile file(name, std::string(source));
    auto parsed = syntax::parse(file, Limits{});
    if (parsed.diagnostics.has_errors()) return Unexpected<Diagnostics>(std::move(parsed.diagnostics));
    const auto tokens = syntax::lex_tokens(file);
    return format::print(file.text(), parsed.module, tokens, options.line_width);
  } catch (const std::exception& e) {
    Diagnostics d;
    Diagnostic x;
    x.severity = Severity::Error;
    x.code = "internal-error";
    x.message = std::string("the formatter failed: ") + e.what();
    x.location.file = name;
    d.add(std::move(x));
    return Unexpected<Diagnostics>(std::move(d));
  }
}

}  // namespace scalepol
