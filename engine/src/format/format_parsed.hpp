// format_source after its parse: for a caller that already holds a file's AST and tokens. The fmt
// fuzz target checks the output against the very parse it formats, so it parses each text once.
#pragma once

#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "scalepol/diagnostic.hpp"
#include "scalepol/expected.hpp"
#include "scalepol/format.hpp"
#include "syntax/source.hpp"
#include "syntax/tokens.hpp"

namespace scalepol::format {

// `module` must be the AST of `file` (parsed without errors), `tokens` its lex_tokens. An
// exception from the printer becomes an `internal-error` diagnostic, as in format_source.
Expected<std::string, Diagnostics> format_parsed(const syntax::SourceFile& file, const ast::Module& module,
                                                 const std::vector<syntax::Token>& tokens,
                                                 const FormatOptions& options);

}  // namespace scalepol::format
