// The interpretation sweep's readings: every combination of the assumptions' alternatives. A
// list of choices varies over its entries; a range over its two ends (for the monotone
// quantities ranges are used for — halving times, dates, scales — the ends bound every value in
// between); a derived value (`multiplier = progress(…)`) does not vary on its own.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "check/program.hpp"
#include "eval/model_names.hpp"

namespace scalepol::eval {

struct Readings {
  std::vector<int32_t> dims;                          // the assumptions that vary
  std::vector<std::vector<Value>> alternatives;       // per dim: its values
  std::vector<std::vector<std::string>> labels;       // per dim: the values as written
  std::size_t size() const;                           // how many readings (at least 1)

  // The assumption values of reading `r` (one per assumption of the program) into `out`.
  void values(std::size_t r, std::size_t assumption_count, std::vector<Value>& out) const;
  // Which alternative of dim `d` reading `r` takes.
  std::size_t choice(std::size_t r, std::size_t d) const;
  // The reading equal to `r` but for dim `d`, which takes alternative `a`.
  std::size_t with_choice(std::size_t r, std::size_t d, std::size_t a) const;
};

Readings enumerate_readings(const check::Program& program);

}  // namespace scalepol::eval
