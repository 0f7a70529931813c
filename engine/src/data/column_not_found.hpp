// `column-not-found`: a field the policy evaluates that no column of a CSV file (or no key of a
// JSON file) gives. Every model is then unknown on it, and the run would say nothing of why.
#pragma once

#include <vector>

#include "eval/record.hpp"
#include "scalepol/diagnostic.hpp"

namespace scalepol::data {

// A warning for each field in `evaluated` (per slot; the key field is left to
// `missing-model-name`) that `origins` says no column or key of the file gave: its value and both
// bounds absent. `names` are the file's own names (a CSV header, or the keys no field took in a
// JSON file's first records) for a "did you mean". Empty when the file gave no record at all, or
// when no name of the file maps (`no-matching-columns` says so).
Diagnostics columns_not_found(const eval::Schema& schema, const std::vector<eval::RecordSet::FieldOrigin>& origins,
                              const std::vector<std::string>& names, const std::vector<bool>& evaluated,
                              const std::string& source, const char* column_word, bool any_record);

}  // namespace scalepol::data
