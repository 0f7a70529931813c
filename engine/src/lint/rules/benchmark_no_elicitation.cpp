// `benchmark-no-elicitation`: a benchmark without its elicitation settings (shots, chain of thought, tools, scaffolding).
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  (void)cx;  // NOT YET IMPLEMENTED: to be written before this lands
}

}  // namespace

const Rule benchmark_no_elicitation{{"benchmark-no-elicitation", Severity::Warning, "benchmarks",
                         "a benchmark without its elicitation settings (shots, chain of thought, tools, scaffolding)", false},
                        &run};

}  // namespace scalepol::linter::rules
