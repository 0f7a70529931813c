// The front end's interface: text in, the engine's AST and syntax diagnostics out. The ANTLR
// lexer and parser live behind it (syntax/*.cpp); no caller sees a generated type.
#pragma once

#include "ast/ast.hpp"
#include "scalepol/diagnostic.hpp"
#include "scalepol/options.hpp"
#include "syntax/source.hpp"

namespace scalepol::syntax {

struct ParseResult {
  ast::Module module;
  Diagnostics diagnostics;  // syntax errors; if any is an error, `module` may be partial
};

// Never throws, never overflows the stack: input over the size limit, invalid UTF-8, NUL bytes
// and nesting deeper than limits.max_nesting become diagnostics before the parser runs.
ParseResult parse(const SourceFile& file, const Limits& limits);

}  // namespace scalepol::syntax
