// Intervals on one axis, with open and closed ends, for the rules that reason about ranges of
// values: tier ladders (tier-overlap, tier-gap, tier-order) and the satisfiability check behind
// trigger-never-fires and the exemption rules. Values are in base units, as in Expr::value.
#pragma once

#include "check/constant.hpp"

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "check/program.hpp"

namespace scalepol::linter {

inline constexpr double kInf = std::numeric_limits<double>::infinity();

struct Interval {
  double lo = -kInf, hi = kInf;
  bool lo_closed = false, hi_closed = false;  // an infinite end is never closed

  static Interval all() { return {}; }
  static Interval point(double v) { return {v, v, true, true}; }
  // [lo, ∞) or (lo, ∞)
  static Interval from(double lo, bool closed) { return {lo, kInf, closed, false}; }

  bool empty() const;
  bool contains(double v) const;
  bool is_point() const { return lo == hi && lo_closed && hi_closed; }
  Interval intersect(const Interval& other) const;
  // Whether this lower end is tighter (admits fewer values) than `other`'s.
  bool lower_tighter_than(const Interval& other) const;
  bool upper_tighter_than(const Interval& other) const;
};

// The smallest value a quantity of dimension `d` can take: 0 for compute, compute rates, money,
// scores and counts; -∞ for the rest (ratios, plain numbers, durations).
double natural_minimum(ast::Dim d);
// The values a quantity of dimension `d` can take: [natural minimum, ∞).
Interval natural_domain(ast::Dim d);

// A tier's interval on its ladder's axis, as the checker laid it out (implicit bounds filled in).
Interval tier_interval(const check::TierRange& r);

// The parts of `domain` that no interval in `parts` covers, in increasing order.
std::vector<Interval> uncovered(const Interval& domain, std::vector<Interval> parts);

// One value in a non-empty interval, to show a reader: a closed end if there is one (the lower
// first), otherwise the roundest number inside (2e24 in (1e24, 1e25)).
double witness(const Interval& i);
// The number with the fewest significant digits strictly between a and b (a < b, both finite).
double roundest_between(double a, double b);

// Constant folding is the checker's (check/constant.hpp), so tier bounds fold alike everywhere.
using check::constant_value;

// The interval in the language's own words: "exactly 1e25 FLOP", "`from 1e24 FLOP below 1e25 FLOP`",
// "`above 1e28 FLOP`".
std::string describe_interval(const Interval& i, ast::Dim d);

// Tier ladders, as the tier rules read them.
// The checker's ladder for `decl` (with each tier's interval), or null.
const check::Ladder* ladder_of(const check::Program& p, const ast::TiersDecl& decl);
// The dimension of the ladder's axis, or nothing when the axis is not a quantity.
std::optional<ast::Dim> axis_dim(const ast::TiersDecl& decl);
// A tier's bound as written: its lower (`above`, `from`) or upper (`below`, `up_to`) one, or null.
const ast::TierBound* explicit_bound(const ast::TierDecl& tier, bool lower);
// "from 1e24 FLOP"
std::string bound_text(const ast::TierBound& b, ast::Dim d);

}  // namespace scalepol::linter
