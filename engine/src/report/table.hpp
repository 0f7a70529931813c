// The shape of the text report: which rules get a column (tier ladders and triggers, in the order
// they are first met; exemptions and the obligations incurred when asked for), how wide each
// column is, and how many models each column puts on each value.
//
// A Table is filled a row at a time (count), so that the report can be written as the records are
// read: a row comes from a Report's ModelResult (row_of) or from the compiled evaluators' cells
// (api/stream.cpp), and both count and print the same way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "scalepol/report.hpp"

namespace scalepol::report {

inline constexpr std::size_t kModelColumnMax = 40;  // longer model names are cut with "…"
inline constexpr std::string_view kMissingCell = "-";  // the model has no verdict for the rule
inline constexpr std::string_view kNoObligations = "none";  // the obligations column: none incurred

// One verdict as its cell shows and counts it. The views must outlive the row's use.
struct TableCell {
  std::string_view value;  // the tier's name, "true" / "false", or "unknown"
  Status status = Status::Unknown;
  bool robust = true;
  uint64_t stopped_at = 0;  // the step limit, when evaluation stopped before this verdict (else 0)
};

// What a cell shows: the verdict's value, with `~` when only possible and `*` when it depends on
// the policy's assumptions.
std::string cell_text(const TableCell& cell);
std::size_t cell_width(const TableCell& cell);  // display_width(cell_text(cell)), cheaply

// A kind of obligation a model may incur (`notify`: what follows the rule's last dot), with the
// surest mark among the obligations of that kind: ' ' incurred, '~' possibly, '?' unknown.
struct IncurredKind {
  std::string_view kind;
  char mark = ' ';
};

// Adds an obligation's verdict to the kinds a model incurs: nothing when it is definitely not
// incurred; else its kind, once, with the surest mark seen.
void add_incurred(std::vector<IncurredKind>& kinds, std::string_view rule, bool incurred, Status status);

// One model's row.
struct TableRow {
  std::string model;                            // as the table shows it: cut to kModelColumnMax
  std::vector<std::optional<TableCell>> cells;  // per column; none: the model has no verdict for the rule
  std::vector<IncurredKind> incurred;           // the obligations column, first incurred first
};

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
  struct Rule {
    std::string_view name;
    VerdictKind kind;
  };
  // The columns of these rules (those of a kind without a column are left out), in this order,
  // then the obligations column if asked for. Views into `rules`' names, which must outlive it.
  Table(const std::vector<Rule>& rules, TableColumns optional);
  // The columns of a report's verdicts, in the order they are first met. No row is counted yet.
  Table(const Report& report, TableColumns optional);

  struct Column {
    std::string_view rule;      // the rule, or "obligations" for the obligations column
    VerdictKind kind;
    std::size_t width;          // in code points, header included
  };
  const std::vector<Column>& columns() const { return columns_; }
  std::size_t model_width() const { return model_width_; }
  // The column of a rule, or -1.
  std::ptrdiff_t column_of(std::string_view rule) const;

  // One model's row of a report: the first verdict of each column's rule, and the obligations.
  void row_of(const ModelResult& result, TableRow& out) const;
  // Counts a row into the tallies and notes; with `widen`, also widens the columns to hold it.
  void count(const TableRow& row, bool widen);

  // The obligations column's cell: each kind incurred once, `~` when only possibly, `?` when
  // unknown (`notify, report~`); kNoObligations when none.
  static std::string obligations_text(const TableRow& row);
  std::string obligations_text(const ModelResult& result) const;
  bool has_obligations_column() const { return obligations_column_ >= 0; }
  std::size_t obligations_column() const { return static_cast<std::size_t>(obligations_column_); }

  // Per column. Triggers' and exemptions' values in one order (true, false, possible), whatever
  // order they were met in.
  std::vector<Tally> tallies() const;
  std::size_t rows() const { return rows_; }

  bool has_unknown() const { return has_unknown_; }
  bool has_possible() const { return has_possible_; }
  bool has_dependent() const { return has_dependent_; }
  // Verdicts left unknown because evaluation stopped at the step limit, and that limit.
  std::size_t stopped() const { return stopped_; }
  uint64_t step_limit() const { return step_limit_; }

 private:
  bool has_column(VerdictKind kind) const;
  void add_column(std::string_view rule, VerdictKind kind);
  void add_obligations_column();

  std::vector<Column> columns_;
  std::unordered_map<std::string_view, std::size_t> index_;  // rule → column
  std::vector<Tally> tallies_;
  TableColumns optional_;
  std::ptrdiff_t obligations_column_ = -1;
  std::size_t model_width_ = 0;
  std::size_t rows_ = 0;
  bool has_unknown_ = false;
  bool has_possible_ = false;
  bool has_dependent_ = false;
  std::size_t stopped_ = 0;
  uint64_t step_limit_ = 0;
};

}  // namespace scalepol::report
