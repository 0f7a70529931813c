// Constant folding: the value of an expression that reads no record, in base units (a number,
// its negation, arithmetic of constants; a date is its day number). Used for tier bounds, which
// must be constants, and by the linter's interval reasoning, so both fold alike.
#pragma once

#include <optional>

#include "ast/ast.hpp"

namespace scalepol::check {

// Needs the checker's annotations (Expr::value in base units): call it on checked expressions.
std::optional<double> constant_value(const ast::Expr& e);

}  // namespace scalepol::check
