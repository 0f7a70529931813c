// Text for explanations: numbers as a policy analyst writes them (2.1e25, not 2.1e+25),
// quantities with their unit, and expressions printed back from the AST.
#pragma once

#include <string>

#include "ast/ast.hpp"
#include "check/units.hpp"
#include "eval/value.hpp"

namespace scalepol::eval {

std::string format_number(double x);
// `x` cut to `digits` significant digits through its decimal text, so that it prints as a person
// writes it: 2.1e25 / 30 is 7e23, not 6.999999999999999e23. Never throws, whatever the locale:
// the text is read back with std::from_chars, not std::stod, which throws for a result outside
// the range of a double (1.7977e308 to four digits is 1.798e308) and for a subnormal one such as
// 6.6e-311, which a record can hold. A result that cannot be read back comes back as `x`, and so
// do 0, inf and nan.
double round_significant(double x, int digits);
std::string format_quantity(double base_value, check::Dim dim);
std::string format_value(const Value& v, check::Dim dim);
std::string format_date(int32_t days);
// The expression as source text (canonical spacing; parentheses where precedence needs them).
std::string expr_text(const ast::Expr& e);

}  // namespace scalepol::eval
