// Text for explanations: numbers as a policy analyst writes them (2.1e25, not 2.1e+25),
// quantities with their unit, and expressions printed back from the AST.
#pragma once

#include <string>

#include "ast/ast.hpp"
#include "check/units.hpp"
#include "eval/value.hpp"

namespace scalepol::eval {

std::string format_number(double x);
std::string format_quantity(double base_value, check::Dim dim);
std::string format_value(const Value& v, check::Dim dim);
std::string format_date(int32_t days);
// The expression as source text (canonical spacing; parentheses where precedence needs them).
std::string expr_text(const ast::Expr& e);

}  // namespace scalepol::eval
