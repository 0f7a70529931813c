// An evaluation report as a table for a person:
//
//   policy eu_ai_act "EU AI Act" (as of 2025-06-01)
//
//   model        gpai_tier      notify
//   -----------  -------------  --------
//   GPT-4        systemic_risk  true
//   Llama 2 70B  gpai~          false
//   o3           unknown        unknown
//
//   3 models
//   gpai_tier: systemic_risk 1, gpai 1 (1 possible), unknown 1
//   notify: true 1, false 1, unknown 1
//   ~ possible: a value's range reaches across a line
//
// Columns are padded by display width (report::display_width: a CJK character takes two), and
// sized by the first rows (report_text.hpp).
// Model names and values come from data files: they are printed through append_printable so that
// no control character reaches the terminal.
#include "report/report_text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "eval/limit_reason.hpp"

#include "report/ansi.hpp"
#include "report/sink.hpp"
#include "report/text_util.hpp"
#include "scalepol/report.hpp"

namespace scalepol {

namespace report {

namespace {

using ansi::paint;
constexpr std::string_view kGap = "  ";

void append_title(std::string& out, const TextReportWriter::Head& head, bool color) {
  std::string line = "policy ";
  append_printable(line, head.policy);
  if (!head.title.empty()) {
    line += " \"";
    append_printable(line, head.title);
    line += '"';
  }
  if (!head.as_of.empty()) {
    line += " (as of ";
    append_printable(line, head.as_of);
    line += ')';
  }
  paint(out, color, ansi::kBold, line);
  out += "\n\n";
}

// One padded cell; the last cell of a row gets no padding, so no line ends in blanks. A cell
// wider than its column is written whole, and the gap after it keeps the next one apart.
void append_cell(std::string& out, std::string_view text, std::size_t width, bool last,
                 std::string_view style, bool color) {
  std::string printable;
  append_printable(printable, text);
  paint(out, color && !style.empty(), style, printable);
  if (last) return;
  append_spaces(out, width - std::min(width, display_width(text)));
  out += kGap;
}

void append_header_rows(std::string& out, const Table& table, bool color) {
  const auto& columns = table.columns();
  std::string header = "model";
  std::string rule = std::string(table.model_width(), '-');
  if (!columns.empty()) {
    append_spaces(header, table.model_width() - header.size());
    header += kGap;
    rule += kGap;
  }
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const bool last = c + 1 == columns.size();
    append_cell(header, columns[c].rule, columns[c].width, last, {}, false);
    rule.append(columns[c].width, '-');
    if (!last) rule += kGap;
  }
  paint(out, color, ansi::kBold, header);
  out += '\n';
  out += rule;
  out += '\n';
}

// One count of a summary line: `gpai 90`, `gpai 90 (8 possible)`, and for an obligation the
// models for which the data does not say: `notify 21 (2 possible) + 471 unknown`.
void append_count(std::string& out, std::string_view value, std::size_t models, std::size_t possible,
                  std::size_t unknown) {
  append_printable(out, value);
  fmt::format_to(std::back_inserter(out), " {}", models);
  if (possible > 0) fmt::format_to(std::back_inserter(out), " ({} possible)", possible);
  if (unknown > 0) fmt::format_to(std::back_inserter(out), " + {} unknown", unknown);
}

// `N models`, then one line per column: how many models have each value, and of those how many
// only possibly. A tier ladder counts per tier, a trigger or an exemption per `true`, `false`,
// `possible` and `unknown`, the obligations column per kind of obligation incurred.
void append_summary(std::string& out, const Table& table) {
  fmt::format_to(std::back_inserter(out), "\n{} model{}\n", table.rows(), table.rows() == 1 ? "" : "s");
  // With no models there is nothing to count: "none" would read as a tier of that name.
  const auto& columns = table.columns();
  const std::vector<Tally> tallies = table.tallies();
  for (std::size_t c = 0; c < columns.size() && table.rows() > 0; ++c) {
    const Tally& tally = tallies[c];
    append_printable(out, columns[c].rule);
    out += ':';
    const char* separator = " ";
    for (const auto& count : tally.counts) {
      out += separator;
      append_count(out, count.value, count.models, count.possible, count.unknown);
      separator = ", ";
    }
    if (tally.unknown > 0) {
      out += separator;
      append_count(out, "unknown", tally.unknown, tally.unknown_possible, 0);
      separator = ", ";
    }
    if (tally.counts.empty() && tally.unknown == 0) out += " none";
    out += '\n';
  }
  if (table.has_possible()) out += "~ possible: a value's range reaches across a line\n";
  if (table.has_obligations_column() && table.has_unknown())
    out += "? unknown: the data does not say whether the obligation is incurred\n";
  // The table shows `unknown` both for a value the data lacks and for a record whose evaluation
  // was stopped by the step limit; the second is said here (JSON gives it per verdict).
  if (const std::size_t stopped = table.stopped(); stopped > 0)
    fmt::format_to(std::back_inserter(out),
                   "{} verdict{} unknown because evaluation stopped at the limit of {} steps per record\n", stopped,
                   stopped == 1 ? " is" : "s are", eval::with_thousands(table.step_limit()));
  if (table.has_dependent())
    out += "* depends on the policy's assumptions: the verdict differs between readings (see `--format json` or `explain`)\n";
}

}  // namespace

TextReportWriter::TextReportWriter(Table table, Head head, bool color, std::size_t width_rows)
    : table_(std::move(table)), head_(std::move(head)), color_(color), width_rows_(width_rows) {}

void TextReportWriter::add(std::string& out, TableRow& row) {
  table_.count(row, !head_written_);
  if (head_written_) {
    write_row(out, row);
    return;
  }
  kept_.push_back(std::move(row));
  row = {};
  if (kept_.size() >= width_rows_) write_head(out);
}

void TextReportWriter::write_head(std::string& out) {
  append_title(out, head_, color_);
  append_header_rows(out, table_, color_);
  for (const TableRow& kept : kept_) write_row(out, kept);
  kept_.clear();
  kept_.shrink_to_fit();
  head_written_ = true;
}

void TextReportWriter::write_row(std::string& out, const TableRow& row) const {
  const auto& columns = table_.columns();
  out += row.model;
  if (!columns.empty()) {
    append_spaces(out, table_.model_width() - std::min(table_.model_width(), display_width(row.model)));
    out += kGap;
  }
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const bool last = c + 1 == columns.size();
    if (table_.has_obligations_column() && c == table_.obligations_column()) {
      const std::string text = Table::obligations_text(row);
      append_cell(out, text, columns[c].width, last, text == kNoObligations ? ansi::kDim : "", color_);
      continue;
    }
    const std::optional<TableCell>& v = c < row.cells.size() ? row.cells[c] : std::nullopt;
    if (!v) {
      append_cell(out, kMissingCell, columns[c].width, last, ansi::kDim, color_);
      continue;
    }
    std::string_view style;
    if (v->status == Status::Unknown) style = ansi::kDim;
    if (v->status == Status::Possible) style = ansi::kYellow;
    append_cell(out, cell_text(*v), columns[c].width, last, style, color_);
  }
  out += '\n';
}

void TextReportWriter::finish(std::string& out) {
  if (!head_written_) write_head(out);
  append_summary(out, table_);
}

}  // namespace report

namespace {

void write_report(report::Sink& sink, const Report& r, const ReportTextOptions& options) {
  report::Table table(r, {.exemptions = options.exemptions, .obligations = options.obligations});
  report::TableRow row;
  report::TextReportWriter writer(std::move(table), {r.policy, r.title, r.as_of}, options.color);
  std::string& out = sink.buffer();
  for (const ModelResult& result : r.results) {
    writer.table().row_of(result, row);
    writer.add(out, row);
    sink.drain_if_large();
  }
  writer.finish(out);
  sink.finish();
}

}  // namespace

std::string render_report_text(const Report& report, const ReportTextOptions& options) {
  report::Sink sink;
  write_report(sink, report, options);
  return std::move(sink.buffer());
}

void render_report_text(std::ostream& out, const Report& report, const ReportTextOptions& options) {
  report::Sink sink(&out);
  write_report(sink, report, options);
}

}  // namespace scalepol
