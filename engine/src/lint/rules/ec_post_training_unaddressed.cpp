// `ec-post-training-unaddressed`: effective compute silent on post-training enhancements (scaffolding, chain of thought, tools).
#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

void run(Context& cx) {
  (void)cx;  // NOT YET IMPLEMENTED: to be written before this lands
}

}  // namespace

const Rule ec_post_training_unaddressed{{"ec-post-training-unaddressed", Severity::Warning, "effective compute",
                         "effective compute silent on post-training enhancements (scaffolding, chain of thought, tools)", false},
                        &run};

}  // namespace scalepol::linter::rules
