// `exemption-never-applies`: an exemption whose condition can never hold (lint/satisfiable.hpp):
// it never lifts anything, and the reader who relies on it is misled.
#include <fmt/format.h>

#include "lint/rules/rules.hpp"
#include "lint/satisfiable.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  SolverCache cache;
  for (int32_t m : cx.user_modules())
    for (const auto& ex : cx.module(m).exemptions) {
      if (!ex.when) continue;
      auto reasons = never_true(cx.program(), *ex.when, cx.program().files[m].get(), &cache);
      if (!reasons) continue;
      auto& d = cx.report(exemption_never_applies.code, m, ex.when->span,
                          "this condition can never hold: " + reasons_text(*reasons));
      d.notes.push_back(fmt::format("exemption `{}` never applies, so it lifts no obligation from any model", ex.name.text));
      d.help = "check each comparison's direction and bound, and whether `and` should be `or`";
    }
}

}  // namespace

const Rule exemption_never_applies{Code::ExemptionNeverApplies, &run};

}  // namespace scalepol::linter::rules
