// What every evaluation entry point checks before it evaluates: the evaluation date, and that
// the records were loaded for the policy. Policy::evaluate and explain() share it.
#pragma once

#include <exception>

#include <cstdint>
#include <string>

#include "scalepol/diagnostic.hpp"
#include "scalepol/expected.hpp"
#include "scalepol/policy.hpp"
#include "scalepol/records.hpp"

namespace scalepol::api {

// The evaluation date in days since 1970-01-01 (eval::kNoDate for ""), or `invalid-date`.
Expected<int32_t, Diagnostics> parse_as_of(const std::string& as_of);

// An unexpected failure inside the engine (an exception a bug or exhausted memory threw), as the
// `internal-error` diagnostic the API returns instead of letting the exception cross it.
Diagnostics internal_error(const std::exception& e, const std::string& file = {});

// `records-for-another-policy` when `records` were not loaded for `policy`'s schema.
Diagnostics check_records_match(const Policy& policy, const Records& records);

}  // namespace scalepol::api
