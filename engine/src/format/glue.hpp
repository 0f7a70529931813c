// The spacing of `scalepol fmt` that the tokens alone cannot decide, read from the AST: a `-`
// that is a sign (a Neg node, or either end of a range) is written against what follows it, and
// a call's `(` against the function's name.
#pragma once

#include "ast/ast.hpp"
#include "format/printer.hpp"

namespace scalepol::format {

// Iterative: an expression can be a long chain of `@`.
void mark_glue(Printer& p, const ast::Module& m);

}  // namespace scalepol::format
