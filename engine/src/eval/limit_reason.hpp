// The reason an unknown verdict gives when the evaluation-step limit stopped its record
// (Limits::max_eval_steps_per_record): written by the evaluator into the verdict's
// `unknown_fields`, for readers of the JSON. The text report and `explain` read the limit from
// Verdict::step_limit_reached, never from this text.
#pragma once

#include <cstdint>
#include <string>

namespace scalepol::eval {

inline std::string eval_limit_reason(uint64_t steps) {
  return "evaluation limit (" + std::to_string(steps) + " steps per record) reached";
}

// 1000000 → "1,000,000", whatever the locale.
inline std::string with_thousands(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace scalepol::eval
