#include "api/eval_setup.hpp"

#include <fmt/format.h>

#include "api/impl.hpp"
#include "eval/evaluator.hpp"
#include "syntax/literals.hpp"

namespace scalepol::api {

Expected<int32_t, Diagnostics> parse_as_of(const std::string& as_of) {
  if (as_of.empty()) return eval::kNoDate;
  auto d = syntax::parse_date(as_of);
  if (d) return *d;
  Diagnostics errors;
  Diagnostic e;
  e.code = code_name(Code::InvalidDate);
  e.message = fmt::format("`{}` is not a date (YYYY-MM-DD)", as_of);
  errors.add(std::move(e));
  return make_unexpected(std::move(errors));
}

Diagnostics check_records_match(const Policy& policy, const Records& records) {
  Diagnostics errors;
  if (internals(records).set.schema == internals(policy).schema) return errors;
  Diagnostic e;
  e.code = code_name(Code::RecordsForAnotherPolicy);
  e.message = "these records were loaded for another policy";
  e.help = "load them with load_records(path, policy) for the policy that evaluates them";
  errors.add(std::move(e));
  return errors;
}

Diagnostics internal_error(const std::exception& e, const std::string& file) {
  Diagnostics out;
  Diagnostic d;
  d.code = code_name(Code::InternalError);
  d.message = fmt::format("internal error: {}", e.what());
  d.location.file = file;
  out.add(std::move(d));
  return out;
}

}  // namespace scalepol::api
