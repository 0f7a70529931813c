// `exemption-covers-all`: an exemption that applies to every obligation (no `applies_to`, or
// `applies_to all`) and whose condition is never false: `true`, `x is known or x is unknown`,
// `x >= 0 FLOP or x < 0 FLOP`. Found by refuting the condition's negation (lint/satisfiable.hpp):
// no record makes it false, so it excludes no model (a record missing the value leaves it unknown,
// never false).
#include <fmt/format.h>

#include "lint/rules/rules.hpp"
#include "lint/satisfiable.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  SolverCache cache;
  for (int32_t m : cx.user_modules())
    for (const auto& ex : cx.module(m).exemptions) {
      if (!ex.when || !ex.applies_to_all) continue;
      auto reasons = never_false(cx.program(), *ex.when, cx.program().files[m].get(), &cache);
      if (!reasons) continue;
      auto& d = cx.report(exemption_covers_all.code, m, ex.when->span,
                          fmt::format("exemption `{}` lifts every obligation from every model", ex.name.text));
      d.notes.push_back("its condition is never false: " + reasons_text(*reasons));
      d.notes.push_back(
          "an exemption is meant to pick some models out (a licensing proposal by Larsen: \"exempt existing open source "
          "models\"); one that holds for all of them empties the policy");
      d.help = "narrow the condition (`open_weights and released < 2024-04-09`), or name what it lifts with `applies_to`";
    }
}

}  // namespace

const Rule exemption_covers_all{Code::ExemptionCoversAll, &run};

}  // namespace scalepol::linter::rules
