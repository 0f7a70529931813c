// `ec-no-scale`: effective compute without the reference model scale (efficiency ratios are not
// scale-invariant).
//
// Larsen ("The basic case against Effective-FLOP"), citing Kaplan et al. 2020 (arXiv
// 2001.08361): the compute-efficiency gain from LSTMs to transformers is not invariant to scale,
// so "you can't just say that the jump from X to Y is a factor of Z improvement on Capability per
// FLOP". Gundlach et al. find most measured algorithmic progress is scale-dependent. Sources in
// docs/lint/ec-no-scale.md.
#include "lint/rules/ec_part.hpp"

namespace scalepol::linter::rules {

namespace {

const ast::EcPart& part(const ast::EffectiveComputeDecl& ec) { return ec.scale; }

constexpr const char* kWhy =
    "efficiency ratios are not scale-invariant: the compute efficiency from LSTMs to transformers changes with "
    "model size (Kaplan et al. 2020, arXiv 2001.08361), so \"you can't just say that the jump from X to Y is a "
    "factor of Z improvement on Capability per FLOP\" (Larsen, \"The basic case against Effective-FLOP\")";

void run(Context& cx) {
  report_open_parts(cx, {ec_no_scale, part, "does not say the scale its multiplier is measured at", kWhy,
                         "say the scale the multiplier holds at: `scale 1e24 FLOP` (or a parameter count)"});
}

}  // namespace

const Rule ec_no_scale{Code::EcNoScale, &run};

}  // namespace scalepol::linter::rules
