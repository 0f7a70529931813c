// Text for explanations: numbers as a policy analyst writes them (2.1e25, not 2.1e+25),
// quantities with their unit, and expressions printed back from the AST.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "check/program.hpp"
#include "check/units.hpp"
#include "model/value.hpp"

namespace scalepol::model {

std::string format_number(double x);
// `x` cut to `digits` significant digits through its decimal text, so that it prints as a person
// writes it: 2.1e25 / 30 is 7e23, not 6.999999999999999e23. Never throws, whatever the locale:
// the text is read back with std::from_chars, not std::stod, which throws for a result outside
// the range of a double (1.7977e308 to four digits is 1.798e308) and for a subnormal one such as
// 6.6e-311, which a record can hold. A result that cannot be read back comes back as `x`, and so
// do 0, inf and nan.
double round_significant(double x, int digits);
// The lines a value may be compared with (thresholds, tier bounds), in base units, sorted.
using Lines = std::vector<double>;
// What `shown` (x as it is to be printed, cut to fewer digits) becomes so that it never hides the
// digit that decides a comparison: when a line lies between x and `shown`, or on `shown` but not
// on x, x is printed with as many digits as keep it on its side of every line, up to the
// shortest text that reads back as x. A lower bound of 1.0000000001e25 is not printed `1e25`.
double keep_sides(double x, double shown, const Lines& lines);
// Every line the policy draws, in base units and sorted: its tiers' bounds and the numbers its
// rules are written with (which the checker has put in base units).
Lines policy_lines(const check::Program& p);
std::string format_quantity(double base_value, ast::Dim dim);
// A value with four significant digits (more where `lines` need them: keep_sides).
std::string format_value(const Value& v, ast::Dim dim, const Lines& lines = {});
// A range with no point estimate (a record with one bound and no figure): "at least 1.3e24
// FLOP", "at most 4e25 FLOP", each end as `shown` writes it.
std::string half_open_text(const Value& v, ast::Dim dim, const std::function<double(double)>& shown);
std::string format_date(int32_t days);
// The tiers a range reaches (TierSet), named by `name` (-1: "no tier"): "from low to high" when
// they run unbroken from the lowest to the highest, else each of them, "low and high", "no tier,
// low and medium".
// A `where`'s conditions as messages write them: "`task` is `GPQA diamond` and `Status` is
// `Success`".
std::string where_text(const std::vector<ast::RowFilter>& where);
std::string reach_text(TierSet reach, const std::function<std::string(int32_t)>& name);
// The expression as source text (canonical spacing; parentheses where precedence needs them).
std::string expr_text(const ast::Expr& e);

}  // namespace scalepol::model
