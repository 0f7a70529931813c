// A canonical text of a module's AST with no positions in it: two modules whose dumps are equal
// say the same thing, however they were laid out. `scalepol fmt`'s guarantee (the AST of the
// formatted file equals the original's) is tested by comparing dumps; the text is also readable
// in a failing test's output.
#pragma once

#include <string>

#include "ast/ast.hpp"

namespace scalepol::ast {

// Spans, the checker's annotations and the module's path are left out; everything written is
// in: names, numbers as written and as read, units, strings unescaped, the order of operands and
// of items of each kind. Iterative where the AST can be deep (chains of `@`).
std::string dump(const Module& module);

}  // namespace scalepol::ast
