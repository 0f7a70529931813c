// Walking expressions for lint rules: every sub-expression of an expression, and every
// expression a module writes, with the declaration it belongs to.
#pragma once

#include <functional>
#include <string_view>

#include "ast/ast.hpp"

namespace scalepol::linter {

// Calls `fn` on `e` and on each of its sub-expressions, parents before children.
void walk(const ast::Expr& e, const std::function<void(const ast::Expr&)>& fn);

// Where an expression is written: `kind` is "trigger", "exemption", "define", "tiers",
// "tier bound", "escalate", "effective_compute", "obligation", "test" or "assume", and `owner`
// the name of the declaration.
struct Site {
  std::string_view kind;
  const ast::Ident* owner = nullptr;
};

// Calls `fn` on every top-level expression of the module (not their sub-expressions).
void for_each_root(const ast::Module& module, const std::function<void(const ast::Expr&, const Site&)>& fn);

}  // namespace scalepol::linter
