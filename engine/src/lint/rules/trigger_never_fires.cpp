// `trigger-never-fires`: a trigger (or an escalation into a tier) whose condition can never hold:
// the literal `false`, comparisons of one operand that leave no value, alternatives that are
// each contradictory. The reasoning is lint/satisfiable.hpp's; a value missing from a record
// never makes a condition true, so "never" means no record makes it true.
#include <fmt/format.h>

#include "lint/rules/rules.hpp"
#include "lint/satisfiable.hpp"

namespace scalepol::linter::rules {

namespace {

void check(Context& cx, int32_t m, const ast::Expr& when, std::string consequence, SolverCache& cache);

void run(Context& cx) {
  SolverCache cache;
  for (int32_t m : cx.user_modules()) {
    const auto& mod = cx.module(m);
    for (const auto& t : mod.triggers)
      if (t.when) check(cx, m, *t.when, fmt::format("trigger `{}` never fires, so its obligations never apply", t.name.text), cache);
    for (const auto& e : mod.escalations)
      if (e.when)
        check(cx, m, *e.when, fmt::format("`escalate {} to {}` never raises a model's tier", e.ladder.text, e.tier.text), cache);
  }
}

void check(Context& cx, int32_t m, const ast::Expr& when, std::string consequence, SolverCache& cache) {
  auto reasons = never_true(cx.program(), when, cx.program().files[m].get(), &cache);
  if (!reasons) return;
  auto& d = cx.report(trigger_never_fires.code, m, when.span,
                      "this condition can never hold: " + reasons_text(*reasons));
  d.notes.push_back(std::move(consequence));
  d.notes.push_back("a rule that can never fire reads as a safeguard the policy does not have");
  d.help = "check each comparison's direction and bound, and whether `and` should be `or`";
}

}  // namespace

const Rule trigger_never_fires{Code::TriggerNeverFires, &run};

}  // namespace scalepol::linter::rules
