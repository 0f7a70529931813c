// `ec-post-training-unaddressed`: effective compute silent on post-training enhancements
// (scaffolding, chain of thought, tools).
//
// Davidson et al. 2023 (arXiv 2312.07413): "most surveyed enhancements improve benchmark
// performance by more than a 5x increase in training compute, some by more than 20x", at typically
// under 1% of the training cost. Whether they count decides whether a cheap fine-tune can cross an
// effective-compute line.
#include "lint/rules/ec_part.hpp"

namespace scalepol::linter::rules {

namespace {

const ast::EcPart& part(const ast::EffectiveComputeDecl& ec) { return ec.post_training; }

constexpr const char* kWhy =
    "post-training enhancements (tools, prompting, scaffolding, solution selection) are worth more than a "
    "5x increase in training compute on most surveyed benchmarks, some more than 20x (Davidson et al. "
    "2023, arXiv 2312.07413)";

void run(Context& cx) {
  report_open_parts(cx, {ec_post_training_unaddressed, part, "does not say whether post-training enhancements count",
                         kWhy, "say which: `post_training included` or `post_training excluded`"});
}

}  // namespace

const Rule ec_post_training_unaddressed{Code::EcPostTrainingUnaddressed, &run};

}  // namespace scalepol::linter::rules
