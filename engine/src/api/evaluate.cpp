// Policy::evaluate: every record through the evaluator, in input order.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>

#include "api/impl.hpp"
#include "eval/evaluator.hpp"
#include "eval/verdicts.hpp"
#include "scalepol/report.hpp"

namespace scalepol {

namespace {

// "YYYY-MM-DD" → days since 1970-01-01, or nothing when it is not a calendar date.
std::optional<int32_t> parse_date(const std::string& s) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

}  // namespace

Expected<Report, Diagnostics> Policy::evaluate(const Records& records, const EvalOptions& options) const {
  Diagnostics errors;
  int32_t as_of = eval::kNoDate;
  if (!options.as_of.empty()) {
    auto d = parse_date(options.as_of);
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
    for (const auto& r : set.records) report.results.push_back(eval::verdicts_for(ev, r));
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
