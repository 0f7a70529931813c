#include "check/units.hpp"

namespace scalepol::check {

namespace {

// Time is kept in days. A month is a twelfth of the mean Gregorian year, so that "6 months"
// and "0.5 years" compare equal, and 3 months is about 91.3 days.
constexpr double kYearDays = 365.2425;

const std::vector<UnitInfo> kUnits = {
    {"FLOP", Dim::Compute, 1},
    {"FLOPs", Dim::Compute, 1, true},  // plural of FLOP, or FLOP per second? (lint says which)
    {"FLOPS", Dim::ComputeRate, 1, true},
    {"OP", Dim::Compute, 1},
    {"ops", Dim::Compute, 1},
    {"FLOP/s", Dim::ComputeRate, 1},
    {"OP/s", Dim::ComputeRate, 1},
    {"USD", Dim::Money, 1},
    {"pp", Dim::Score, 1},
    {"%", Dim::Ratio, 0.01},
    {"x", Dim::Ratio, 1},
    {"params", Dim::Params, 1},
    {"tokens", Dim::Tokens, 1},
    {"users", Dim::Users, 1},
    {"seconds", Dim::Time, 1.0 / 86400},
    {"hours", Dim::Time, 1.0 / 24},
    // Plural first: "did you mean" picks the first of equally close words (`monthz` → `months`).
    {"days", Dim::Time, 1},
    {"day", Dim::Time, 1},
    {"weeks", Dim::Time, 7},
    {"week", Dim::Time, 7},
    {"months", Dim::Time, kYearDays / 12},
    {"month", Dim::Time, kYearDays / 12},
    {"years", Dim::Time, kYearDays},
    {"year", Dim::Time, kYearDays},
};

}  // namespace

std::optional<UnitInfo> find_unit(std::string_view word) {
  for (const auto& u : kUnits)
    if (u.name == word) return u;
  return std::nullopt;
}

const std::vector<UnitInfo>& all_units() { return kUnits; }

std::string_view base_unit_name(Dim d) {
  switch (d) {
    case Dim::Number: return "";
    case Dim::Ratio: return "x";
    case Dim::Compute: return "FLOP";
    case Dim::ComputeRate: return "FLOP/s";
    case Dim::Money: return "USD";
    case Dim::Score: return "pp";
    case Dim::Time: return "days";
    case Dim::Params: return "params";
    case Dim::Tokens: return "tokens";
    case Dim::Users: return "users";
  }
  return "";
}

std::string_view dim_description(Dim d) {
  switch (d) {
    case Dim::Number: return "a plain number";
    case Dim::Ratio: return "a ratio (x or %)";
    case Dim::Compute: return "compute (FLOP)";
    case Dim::ComputeRate: return "a compute rate (FLOP/s)";
    case Dim::Money: return "money (USD)";
    case Dim::Score: return "a benchmark score (pp)";
    case Dim::Time: return "a duration";
    case Dim::Params: return "a parameter count";
    case Dim::Tokens: return "a token count";
    case Dim::Users: return "a user count";
  }
  return "";
}

}  // namespace scalepol::check
