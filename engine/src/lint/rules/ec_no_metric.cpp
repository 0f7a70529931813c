// `ec-no-metric`: effective compute without a metric or benchmark, or with one given only as an
// example.
//
// Larsen ("The basic case against Effective-FLOP"): "Effective FLOPs depend on the underlying
// benchmark"; "applying post training enhancements like scaffolding or chain of thought doesn't
// improve perplexity but does improve downstream task performance". RSP v1.0 names its metric
// only as an example ("e.g. cross-entropy loss on a test set"): a metric written
// `metric example …` is reported as such. Sources in docs/lint/ec-no-metric.md.
#include <fmt/format.h>

#include "lint/rules/ec_part.hpp"

namespace scalepol::linter::rules {

namespace {

constexpr const char* kWhy =
    "effective FLOPs depend on the benchmark they are measured on: scaffolding or chain of thought improve "
    "downstream tasks but not perplexity (Larsen, \"The basic case against Effective-FLOP\")";

// `metric example loss "…"`: a metric is named, but the text does not commit to it.
void report_example(Context& cx, int32_t m, const ast::EffectiveComputeDecl& ec) {
  auto& d = cx.report(ec_no_metric.code, m, ec.metric.span,
                      fmt::format("effective compute `{}` gives its metric only as an example", ec.name.text));
  d.notes.push_back("an example is not a definition: another metric would meet the text as well "
                    "(RSP v1.0: \"e.g. cross-entropy loss on a test set\")");
  d.notes.push_back(kWhy);
  d.help = "if the text commits to this metric, drop `example`";
}

void report_missing(Context& cx, int32_t m, const ast::EffectiveComputeDecl& ec) {
  auto& d = report_open_part(cx, ec_no_metric, m, ec, ec.metric,
                             fmt::format("effective compute `{}` does not say its metric or benchmark", ec.name.text));
  d.notes.push_back(kWhy);
  d.help = "name it: `metric loss \"cross-entropy on …\"` or `metric benchmark NAME`";
}

void run(Context& cx) {
  for (int32_t m : cx.user_modules())
    for (const auto& ec : cx.module(m).effective_computes) {
      if (ec_part_open(ec.metric)) report_missing(cx, m, ec);
      else if (ec.metric.example) report_example(cx, m, ec);
    }
}

}  // namespace

const Rule ec_no_metric{Code::EcNoMetric, &run};

}  // namespace scalepol::linter::rules
