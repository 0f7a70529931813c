// `flops-rate-ambiguous`: `FLOPs` or `FLOPS`: operations, or operations per second?.
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  (void)cx;  // NOT YET IMPLEMENTED: to be written before this lands
}

}  // namespace

const Rule flops_rate_ambiguous{{"flops-rate-ambiguous", Severity::Warning, "units",
                         "`FLOPs` or `FLOPS`: operations, or operations per second?", false},
                        &run};

}  // namespace scalepol::linter::rules
