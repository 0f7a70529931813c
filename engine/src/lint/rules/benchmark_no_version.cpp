// `benchmark-no-version`: a benchmark without a version.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  (void)cx;  // NOT YET IMPLEMENTED: to be written before this lands
}

}  // namespace

const Rule benchmark_no_version{{"benchmark-no-version", Severity::Warning, "benchmarks",
                         "a benchmark without a version", false},
                        &run};

}  // namespace scalepol::linter::rules
