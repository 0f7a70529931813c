// `column-not-found`: a field the policy evaluates that no column of a CSV file (or no key of a
// JSON file) gives. Every model is then unknown on it, and the run would say nothing of why.
#pragma once

#include <vector>

#include "model/record.hpp"
#include "scalepol/diagnostic.hpp"

namespace scalepol::data {

// A warning for each field in `evaluated` (per slot; the key field is left to
// `missing-model-name`) that the set's origins say no column or key of the file gave: its value
// and both bounds absent. The file's own names (a CSV header, or the keys no field took in a JSON
// file's first records) give a "did you mean". A field with a `where` is also not found when a
// column it reads is missing, or when no row meets it (then the values its columns had give the
// "did you mean"). Empty when the file gave no record at all, or when no name of the file maps
// (`no-matching-columns` says so).
Diagnostics columns_not_found(const model::RecordSet& set, const std::vector<bool>& evaluated, bool any_record);

}  // namespace scalepol::data
