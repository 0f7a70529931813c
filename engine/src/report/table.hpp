// The shape of the text report, worked out before anything is printed: which rules get a
// column (tier ladders and triggers, in the order they are first met; exemptions and the
// obligations incurred when asked for), how wide each column is, and how many models each
// column puts on each value.
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
inline constexpr std::string_view kNoObligations = "none";  // the obligations column: none incurred

// How many models a column puts on each value. A tier ladder counts per tier; a trigger or an
// exemption per `true` and `false`, with its possible verdicts under "possible"; the obligations
// column per kind of obligation incurred. `possible` counts those of a value that are possible.
struct Tally {
  struct Count {
    std::string_view value;
    std::size_t models = 0;
    std::size_t possible = 0;  // of `models`, those whose verdict is possible
    std::size_t unknown = 0;   // obligations only: models besides `models` for which the data does not say
  };
  std::vector<Count> counts;  // first seen first
  std::size_t unknown = 0;    // models whose value is unknown
  std::size_t unknown_possible = 0;  // of those, the possible ones (a tier left open by a possible escalation)

  Count& at(std::string_view value);
};

// Which optional columns the table has, besides the tier ladders and triggers.
struct TableColumns {
  bool exemptions = false;   // one column per exemption
  bool obligations = false;  // one column listing the kinds of obligation each model incurs
};

class Table {
 public:
  // Views into `report`, which must outlive the table.
  explicit Table(const Report& report, TableColumns optional = {});

  struct Column {
    std::string_view rule;      // the rule, or "obligations" for the obligations column
    VerdictKind kind;
    std::size_t width;          // in code points, header included
  };
  const std::vector<Column>& columns() const { return columns_; }
  std::size_t model_width() const { return model_width_; }

  // One pointer per column (nullptr when the model has no such verdict), for one model. The
  // obligations column has none: its text is obligations_text().
  void cells(const ModelResult& result, std::vector<const Verdict*>& out) const;
  // The obligations column's cell: each kind incurred once, `~` when only possibly, `?` when
  // unknown (`notify, report~`); kNoObligations when none.
  std::string obligations_text(const ModelResult& result) const;
  bool has_obligations_column() const { return obligations_column_ >= 0; }
  std::size_t obligations_column() const { return static_cast<std::size_t>(obligations_column_); }

  // Per column.
  const std::vector<Tally>& tallies() const { return tallies_; }

  bool has_unknown() const { return has_unknown_; }
  bool has_possible() const { return has_possible_; }
  bool has_dependent() const { return has_dependent_; }

 private:
  bool has_column(VerdictKind kind) const;

  std::vector<Column> columns_;
  std::unordered_map<std::string_view, std::size_t> index_;  // rule → column
  std::vector<Tally> tallies_;
  TableColumns optional_;
  std::ptrdiff_t obligations_column_ = -1;
  std::size_t model_width_ = 0;
  bool has_unknown_ = false;
  bool has_possible_ = false;
  bool has_dependent_ = false;
};

}  // namespace scalepol::report
