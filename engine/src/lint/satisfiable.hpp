// Whether a condition can ever be true (or ever be false), by interval reasoning: the check behind
// trigger-never-fires, exemption-never-applies and exemption-covers-all.
//
// Logic is three-valued, as at evaluation: a value missing from a record makes a comparison
// unknown, never true or false. "Never true" means no record makes the condition true; one that
// is merely unknown for some records does not count. The condition is expanded into alternatives
// (a disjunction of conjunctions, with `not` pushed down), and each alternative is refuted by the
// constraints it puts on one operand at a time:
//
//   - comparisons of an operand with constants narrow it to an interval, minding strictness
//     (`x > 1e26 FLOP and x <= 1e26 FLOP` is empty; `x >= 1e26 FLOP and x <= 1e26 FLOP` is not);
//   - `x != c` removes a point; `x == "a"` and `x == "b"` on text conflict;
//   - `x is unknown` conflicts with any comparison of x (which needs x known);
//   - tiers are positions 0..n-1 on their ladder (-1 too when a value can fall in no tier);
//     booleans are 0 or 1; compute, compute rates, money, scores and counts are never negative;
//   - anything else (free text, `contains`, a comparison of two operands) is an opaque condition,
//     consistent with itself only.
//
// An operand is identified by its text (`training_compute`, `ec@last_assessed`): names resolve to
// one thing across a policy, and evaluation is a function of the record, so equal text means
// equal value. Definitions are not looked through: `big` and `training_compute > 1e26 FLOP` are
// unrelated here even when `define big = training_compute > 1e26 FLOP`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "check/program.hpp"
#include "syntax/source.hpp"

namespace scalepol::linter {

// What the solver learns of a program's ladders, kept from one condition to the next: whether a
// value can fall in no tier is found once a ladder (O(n log n) for n tiers), not once for each
// comparison with it (n comparisons with a ladder of n tiers cost n^2 log n). One per program;
// not to be shared between threads.
struct SolverCache {
  std::vector<signed char> ladder_has_none;  // per ladder: -1 not yet known, else 0 or 1
};

// Why `condition` can never be true: one reason per way it could have been ("`x > 1e26 FLOP` and
// `x < 1e25 FLOP` cannot both be true"). Nothing when some record may make it true, or when it
// has too many alternatives to decide, or would take too long: the alternatives' literals
// examined are bounded by a multiple of the condition's size, so a conjunction of n comparisons
// (each one checked against all before it) costs O(n) and not n^2.
// `source` is the file the condition is written in, to quote it as written (see `written`).
std::optional<std::vector<std::string>> never_true(const check::Program& p, const ast::Expr& condition,
                                                   const syntax::SourceFile* source = nullptr,
                                                   SolverCache* cache = nullptr);

// Why `condition` can never be false (it holds, or is unknown, for every record).
std::optional<std::vector<std::string>> never_false(const check::Program& p, const ast::Expr& condition,
                                                    const syntax::SourceFile* source = nullptr,
                                                    SolverCache* cache = nullptr);

// An expression as the policy writes it, for messages: its source text with runs of white space
// made one space (`ec >= 4x ec@last_assessed`, where the printed tree would say `4x * ec`). The
// printed tree (model::expr_text) when there is no source, or the span holds a comment.
std::string written(const syntax::SourceFile* source, const ast::Expr& e);

// The reasons as one clause for a message: "r1; r2; and 3 more".
std::string reasons_text(const std::vector<std::string>& reasons);

}  // namespace scalepol::linter
