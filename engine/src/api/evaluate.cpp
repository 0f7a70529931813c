// Policy::evaluate: every record through the evaluator, in input order.
#include <fmt/format.h>


#include "api/impl.hpp"
#include "eval/evaluator.hpp"
#include "eval/sweep.hpp"
#include "scalepol/report.hpp"
#include "syntax/literals.hpp"

namespace scalepol {


Expected<Report, Diagnostics> Policy::evaluate(const Records& records, const EvalOptions& options) const {
  Diagnostics errors;
  int32_t as_of = eval::kNoDate;
  if (!options.as_of.empty()) {
    auto d = syntax::parse_date(options.as_of);
    if (!d) {
      Diagnostic e;
      e.code = "invalid-date";
      e.message = fmt::format("`{}` is not a date (YYYY-MM-DD)", options.as_of);
      errors.add(std::move(e));
      return Unexpected(std::move(errors));
    }
    as_of = *d;
  }
  const auto& set = records.impl().set;
  if (set.schema != impl_->schema) {
    Diagnostic e;
    e.code = "records-for-another-policy";
    e.message = "these records were loaded for another policy";
    e.help = "load them with load_records(path, policy) for the policy that evaluates them";
    errors.add(std::move(e));
    return Unexpected(std::move(errors));
  }
  Report report;
  report.policy = impl_->program->name;
  report.title = impl_->program->title;
  report.as_of = options.as_of;
  report.results.reserve(set.records.size());
  try {
    eval::Evaluator ev(*impl_->program, set, as_of);
    const auto readings = eval::enumerate_readings(*impl_->program);
    eval::Sweep sweep(ev, readings);
    for (const auto& r : set.records) report.results.push_back(sweep.verdicts(r));
  } catch (const std::exception& ex) {
    Diagnostic e;
    e.code = "internal-error";
    e.message = fmt::format("internal error: {}", ex.what());
    errors.add(std::move(e));
    return Unexpected(std::move(errors));
  }
  return report;
}

}  // namespace scalepol
