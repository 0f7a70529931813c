// The constant lines a policy draws on one record field: the lower bounds of the tiers of a
// ladder on that field, and the constants the field is compared with in triggers, escalations,
// exemptions and definitions (`training_compute > 1e26 FLOP`). The HTML report draws them over its
// chart of training compute. Only direct comparisons of the record's own field count: a
// comparison through a reference (`training_compute@original`) or arithmetic on the field is a
// line on another quantity.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "check/program.hpp"

namespace scalepol::check {

struct Threshold {
  std::string rule;   // the ladder, trigger, escalation, exemption or definition that draws it
  std::string label;  // the tier that starts at the line; "" for a comparison
  std::string op;     // as the record's value must stand to it: ">", ">=", "<", "<=", "==", "!="
  double value = 0;   // in the field's base unit
  std::string quote, source;  // of the tier or rule, when it carries one
};

// Every line on field `slot`, in the policy's order (ladders first, then triggers, escalations,
// exemptions, definitions), each (rule, value) once. Call on a checked program without errors.
std::vector<Threshold> thresholds_on(const Program& program, int32_t slot);

}  // namespace scalepol::check
