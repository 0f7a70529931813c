// Units and dimensions. Every number that means something has a unit; the checker refuses to
// compare or add quantities of different dimensions (FLOP with FLOP/s, USD with FLOP, pp with %).
// Values are stored in the dimension's base unit (days for time, 1 for ratios), so a month and
// thirty days compare as written.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "ast/types.hpp"

namespace scalepol::check {

// The dimension of a quantity (ast/types.hpp); the checker names it unqualified.
using ast::Dim;

struct UnitInfo {
  std::string_view name;   // as written
  Dim dim;
  double scale;            // multiply a written number by this to get the base unit
  bool ambiguous = false;  // e.g. "FLOPs": operations, or operations per second?
};

// The unit a word names, or nothing when the word is not a unit.
std::optional<UnitInfo> find_unit(std::string_view word);

// All unit words, for "did you mean" suggestions and documentation.
const std::vector<UnitInfo>& all_units();

// "FLOP", "FLOP/s", "days" …: the canonical word to print for a dimension's base unit.
std::string_view base_unit_name(Dim d);
// "compute (FLOP)", "a compute rate (FLOP/s)" …: for messages.
std::string_view dim_description(Dim d);

}  // namespace scalepol::check
