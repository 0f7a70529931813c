// `ec-no-baseline`: effective compute without the baseline techniques it is measured against.
//
// Effective compute is "the compute a baseline recipe would have needed for the same
// performance": without the recipe, the multiplier is measured against nothing in particular.
// RSP v1.0 says "if no improvements to pretraining or fine-tuning techniques are included" and
// never says relative to which techniques (docs/lint/ec-no-baseline.md).
#include "lint/rules/ec_part.hpp"

namespace scalepol::linter::rules {

namespace {

const ast::EcPart& part(const ast::EffectiveComputeDecl& ec) { return ec.baseline; }

constexpr const char* kWhy =
    "effective compute is the compute a baseline recipe would need for the same performance; "
    "without the recipe the multiplier has no fixed meaning (\"no improvements\" relative to "
    "which techniques?)";

void run(Context& cx) {
  report_open_parts(cx, {ec_no_baseline, part, "does not say its baseline techniques", kWhy,
                         "name the recipe: `baseline \"…\"`, or keep `baseline unspecified` if the text is silent"});
}

}  // namespace

const Rule ec_no_baseline{Code::EcNoBaseline, &run};

}  // namespace scalepol::linter::rules
