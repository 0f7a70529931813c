// `vague-condition`: a free-text condition (`certified "…"`) anywhere in a policy's expressions.
// It has no operational test: no record decides it, so every verdict resting on it is unknown.
#include <fmt/format.h>

#include "lint/rules/rules.hpp"
#include "lint/satisfiable.hpp"
#include "lint/walk.hpp"

namespace scalepol::linter::rules {

namespace {

void report(Context& cx, int32_t m, const ast::Expr& e) {
  auto& d = cx.report(vague_condition.code, m, e.span, fmt::format("`{}` has no operational test", written(cx.program().files[m].get(), e)));
  d.notes.push_back("it can never be decided from a record, so every verdict that rests on it is unknown");
  d.notes.push_back(
      "OpenAI's Preparedness Framework (Beta, 2023) evaluates \"whenever there is a >2x effective compute increase "
      "or major algorithmic breakthrough\" and never says what a major algorithmic breakthrough is");
  d.help = "replace it with a measurable condition, or keep it and document who decides";
}

void run(Context& cx) {
  for (int32_t m : cx.user_modules())
    for_each_root(cx.module(m), [&](const ast::Expr& root, const Site&) {
      walk(root, [&](const ast::Expr& e) {
        if (e.kind == ast::ExprKind::FreeText) report(cx, m, e);
      });
    });
}

}  // namespace

const Rule vague_condition{Code::VagueCondition, &run};

}  // namespace scalepol::linter::rules
