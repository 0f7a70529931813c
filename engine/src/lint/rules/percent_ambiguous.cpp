// `percent-ambiguous`: a `%` literal applied to a benchmark score (a quantity in pp). Comparing
// pp with % is already an error (`unit-mismatch`); this finds the uses that type-check but read
// two ways:
//   - a `%` literal multiplied with (or dividing) a score: `mmlu - mmlu@last >= 5 % * mmlu@last`;
//   - a `%` literal compared with a ratio of scores: `mmlu / mmlu@last >= 105 %`, or with a
//     definition whose value is one (followed through definitions).
// A ratio written with `x` (`1.05x mmlu@last`) says "times" and is not reported.
#include <fmt/format.h>

#include <set>
#include <unordered_map>

#include "lint/intervals.hpp"
#include "lint/rules/rules.hpp"
#include "lint/satisfiable.hpp"
#include "lint/walk.hpp"
#include "model/describe.hpp"

namespace scalepol::linter::rules {

namespace {

bool is_score(const ast::Expr& e) {
  return e.type.kind == ast::TypeKind::Quantity && e.type.dim == ast::Dim::Score;
}

bool is_percent(const ast::Expr& e) { return e.kind == ast::ExprKind::Number && e.unit == "%"; }

// The first `%` literal in a constant expression (`5 %`, `-5 %`, `100 % + 5 %`), or null.
const ast::Expr* percent_in(const ast::Expr& e) {
  if (!constant_value(e)) return nullptr;
  const ast::Expr* found = nullptr;
  walk(e, [&](const ast::Expr& x) {
    if (!found && is_percent(x)) found = &x;
  });
  return found;
}

// The score a ratio is taken of: the divisor of a division by a score, looked for in the
// expression and the definitions it reads; null when the ratio is not one of scores.
// The first division by a score in `e`, following definitions. Each definition's answer is kept
// in `known` for the whole run (rules of a compiled policy do not read each other in a circle),
// so n comparisons through a chain of n definitions cost n, not n^2.
using Divisors = std::unordered_map<int32_t, const ast::Expr*>;

const ast::Expr* score_divisor(const check::Program& p, const ast::Expr& e, Divisors& known) {
  const ast::Expr* found = nullptr;
  walk(e, [&](const ast::Expr& x) {
    if (found) return;
    if (x.kind == ast::ExprKind::Arith)
      for (std::size_t i = 0; i < x.ops.size() && !found; ++i)
        if (x.ops[i] == ast::Op::Div && is_score(*x.args[i + 1])) found = x.args[i + 1].get();
    if (x.kind == ast::ExprKind::Name && x.res.kind == ast::RefKind::Define) {
      if (known.try_emplace(x.res.index, nullptr).second) {  // null while in progress
        const auto* d = p.defines[x.res.index];
        const ast::Expr* divisor = d && d->value ? score_divisor(p, *d->value, known) : nullptr;
        known[x.res.index] = divisor;
      }
      found = known[x.res.index];
    }
  });
  return found;
}

void report(Context& cx, int32_t m, const ast::Expr& pct, const ast::Expr& score_expr) {
  const auto score = written(cx.program().files[m].get(), score_expr);
  const auto n = pct.text.empty() ? model::format_number(pct.number) : pct.text;
  auto& d = cx.report(percent_ambiguous.code, m, pct.span,
                      fmt::format("`{} %` of a benchmark score: {} percent of the score, or {} percentage points?", n, n, n));
  d.notes.push_back(fmt::format("`%` is a ratio, so this is {} percent of `{}`; a score is itself a percentage, and a "
                                "reader may take it as points",
                                n, score));
  d.notes.push_back(
      "Larsen (\"The basic case against Effective-FLOP\") proposes \"every 5% performance increase on [simple "
      "benchmark to run like MMLU, GAIA, GPQA, etc]\": from a score of 60, that is 65 in points, or 63 in percent of the score");
  d.help = fmt::format("write `{} pp` for percentage points, or a ratio with `x` for a relative change: `{}x {}` is {} "
                       "percent above `{}`",
                       n, model::format_number(1 + pct.number / 100), score, n, score);
}

// `5 % * mmlu@last`: a `%` factor in a product with a score.
void check_product(Context& cx, int32_t m, const ast::Expr& a) {
  if (a.ops[0] != ast::Op::Mul && a.ops[0] != ast::Op::Div) return;
  const ast::Expr *pct = nullptr, *score = nullptr;
  for (const auto& x : a.args) {
    if (!pct) pct = percent_in(*x);
    if (!score && is_score(*x)) score = x.get();
  }
  if (pct && score) report(cx, m, *pct, *score);
}

// `mmlu / mmlu@last >= 105 %`: a `%` threshold on a ratio of scores.
void check_compare(Context& cx, int32_t m, const ast::Expr& c, Divisors& known) {
  for (int side = 0; side < 2; ++side) {
    const auto* pct = percent_in(*c.args[side]);
    const auto* score = pct ? score_divisor(cx.program(), *c.args[1 - side], known) : nullptr;
    if (score) return report(cx, m, *pct, *score);
  }
}

void run(Context& cx) {
  Divisors known;  // score_divisor of each definition met
  for (int32_t m : cx.user_modules())
    for_each_root(cx.module(m), [&](const ast::Expr& root, const Site&) {
      walk(root, [&](const ast::Expr& e) {
        if (e.kind == ast::ExprKind::Arith) check_product(cx, m, e);
        if (e.kind == ast::ExprKind::Compare) check_compare(cx, m, e, known);
      });
    });
}

}  // namespace

const Rule percent_ambiguous{Code::PercentAmbiguous, &run};

}  // namespace scalepol::linter::rules
