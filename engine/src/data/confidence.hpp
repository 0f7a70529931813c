// Ranges from Epoch AI's `Confidence` labels (LoadOptions::confidence_ranges, off by default).
//
// Epoch AI labels each of its compute estimates Confident, Likely or Speculative (or Unknown).
// With the option on, an exact compute figure whose record carries one of the three labels is
// read as the range figure / f … figure × f, f being the label's factor below. The factors and
// what is and is not verified about them are in docs/uncertainty-confidence.md.
#pragma once

#include <string_view>
#include <vector>

#include "model/record.hpp"
#include "scalepol/diagnostic.hpp"

namespace scalepol::data {

struct ConfidenceFactor {
  std::string_view label;   // as Epoch writes it
  double factor;            // the true value is taken to lie within this factor of the figure
  std::string_view basis;   // where the factor comes from, for explanations
};

// Confident 3, Likely 10, Speculative 30.
const std::vector<ConfidenceFactor>& confidence_factors();

// The factor for a label (letter case and surrounding blanks ignored), or null.
const ConfidenceFactor* confidence_factor(std::string_view label);

// The schema's `confidence` field (a text field of that name), or -1.
int32_t confidence_slot(const model::Schema& schema);

// Gives each compute field (dimension Compute: training_compute, finetune_compute, …) of each
// record that holds an exact figure the range of its `confidence` label, and notes which values
// it changed in set.confidence_ranged. A figure that already has a range (bound columns, a JSON
// range), an unknown figure and a record with another label are left as they are. Returns the
// errors that make the option meaningless (no `confidence` field, no compute field); empty on
// success.
Diagnostics apply_confidence_ranges(model::RecordSet& set);

}  // namespace scalepol::data
