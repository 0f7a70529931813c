// The reason an unknown verdict gives when the evaluation-step limit stopped its record
// (Limits::max_eval_steps_per_record): written by the evaluator into the verdict's
// `unknown_fields`, and recognised by the text report and `explain` so they can say why.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace scalepol::eval {

inline constexpr std::string_view kEvalLimitPrefix = "evaluation limit (";

inline std::string eval_limit_reason(uint64_t steps) {
  return std::string(kEvalLimitPrefix) + std::to_string(steps) + " steps per record) reached";
}

inline bool is_eval_limit_reason(std::string_view s) { return s.starts_with(kEvalLimitPrefix); }

// The limit a reason names (0 when `s` is not one).
inline uint64_t eval_limit_steps(std::string_view s) {
  if (!is_eval_limit_reason(s)) return 0;
  uint64_t n = 0;
  for (std::size_t i = kEvalLimitPrefix.size(); i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) n = n * 10 + uint64_t(s[i] - '0');
  return n;
}

// The verdict rests on a reason of that kind: its record's evaluation was stopped.
template <typename Verdict>
uint64_t stopped_at_limit(const Verdict& v) {
  for (const auto& f : v.unknown_fields)
    if (uint64_t n = eval_limit_steps(f)) return n;
  return 0;
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
