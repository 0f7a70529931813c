// Policy::evaluate: every record through the evaluator, in input order.
#include "api/eval_setup.hpp"
#include "api/impl.hpp"
#include "eval/evaluator.hpp"
#include "eval/sweep.hpp"
#include "scalepol/report.hpp"

namespace scalepol {

Expected<Report, Diagnostics> Policy::evaluate(const Records& records, const EvalOptions& options) const {
  auto as_of = api::parse_as_of(options.as_of);
  if (!as_of) return make_unexpected(std::move(as_of.error()));
  if (auto mismatch = api::check_records_match(*this, records); !mismatch.empty()) return make_unexpected(std::move(mismatch));
  const auto& set = internals(records).set;
  Report report;
  report.policy = data_->program->name;
  report.title = data_->program->title;
  report.as_of = options.as_of;
  report.results.reserve(set.records.size());
  try {
    eval::Evaluator ev(*data_->program, set, *as_of);
    ev.set_step_limit(data_->limits.max_eval_steps_per_record);
    const auto readings = eval::enumerate_readings(*data_->program);
    eval::Sweep sweep(ev, readings);
    for (const auto& r : set.records) report.results.push_back(sweep.verdicts(r));
  } catch (const std::exception& ex) {
    return make_unexpected(api::internal_error(ex));
  }
  return report;
}

}  // namespace scalepol
