// The shape of the text report, worked out before anything is printed: which rules get a
// column (tier ladders and triggers, in the order they are first met), how wide each column is,
// and how many models each tier ladder puts on each rung.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "scalepol/report.hpp"

namespace scalepol::report {

inline constexpr std::size_t kModelColumnMax = 40;  // longer model names are cut with "…"

// What a cell shows: the verdict's value, with `?` when unknown and `~` when only possible.
std::string cell_text(const Verdict& verdict);
std::size_t cell_width(const Verdict& verdict);  // display_width(cell_text(verdict)), cheaply
inline constexpr std::string_view kMissingCell = "-";  // the model has no verdict for the rule

struct TierTally {
  std::vector<std::pair<std::string_view, std::size_t>> counts;  // value → models, first seen first
  std::size_t unknown = 0;
};

class Table {
 public:
  // Views into `report`, which must outlive the table.
  explicit Table(const Report& report);

  struct Column {
    std::string_view rule;
    VerdictKind kind;
    std::size_t width;  // in code points, header included
  };
  const std::vector<Column>& columns() const { return columns_; }
  std::size_t model_width() const { return model_width_; }

  // One pointer per column (nullptr when the model has no such verdict), for one model.
  void cells(const ModelResult& result, std::vector<const Verdict*>& out) const;

  // Per column, meaningful for tier columns only.
  const std::vector<TierTally>& tallies() const { return tallies_; }

  bool has_unknown() const { return has_unknown_; }
  bool has_possible() const { return has_possible_; }
  bool has_dependent() const { return has_dependent_; }

 private:
  std::vector<Column> columns_;
  std::unordered_map<std::string_view, std::size_t> index_;  // rule → column
  std::vector<TierTally> tallies_;
  std::size_t model_width_ = 0;
  bool has_unknown_ = false;
  bool has_possible_ = false;
  bool has_dependent_ = false;
};

}  // namespace scalepol::report
