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
// Columns are padded by display width (report::display_width: a CJK character takes two).
// Model names and values come from data files: they are printed through append_printable so that
// no control character reaches the terminal.
#include <algorithm>

#include <fmt/format.h>

#include "eval/limit_reason.hpp"

#include "report/ansi.hpp"
#include "report/sink.hpp"
#include "report/table.hpp"
#include "report/text_util.hpp"
#include "scalepol/report.hpp"

namespace scalepol {

namespace {

using report::ansi::paint;
constexpr std::string_view kGap = "  ";

void append_title(std::string& out, const Report& r, bool color) {
  std::string line = "policy ";
  report::append_printable(line, r.policy);
  if (!r.title.empty()) {
    line += " \"";
    report::append_printable(line, r.title);
    line += '"';
  }
  if (!r.as_of.empty()) {
    line += " (as of ";
    report::append_printable(line, r.as_of);
    line += ')';
  }
  paint(out, color, report::ansi::kBold, line);
  out += "\n\n";
}

// One padded cell; the last cell of a row gets no padding, so no line ends in blanks.
void append_cell(std::string& out, std::string_view text, std::size_t width, bool last,
                 std::string_view style, bool color) {
  std::string printable;
  report::append_printable(printable, text);
  paint(out, color && !style.empty(), style, printable);
  if (last) return;
  report::append_spaces(out, width - std::min(width, report::display_width(text)));
  out += kGap;
}

void append_header_rows(std::string& out, const report::Table& table, bool color) {
  const auto& columns = table.columns();
  std::string header = "model";
  std::string rule = std::string(table.model_width(), '-');
  if (!columns.empty()) {
    report::append_spaces(header, table.model_width() - header.size());
    header += kGap;
    rule += kGap;
  }
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const bool last = c + 1 == columns.size();
    append_cell(header, columns[c].rule, columns[c].width, last, {}, false);
    rule.append(columns[c].width, '-');
    if (!last) rule += kGap;
  }
  paint(out, color, report::ansi::kBold, header);
  out += '\n';
  out += rule;
  out += '\n';
}

void append_row(std::string& out, const report::Table& table, const ModelResult& result,
                const std::vector<const Verdict*>& cells, bool color) {
  const auto& columns = table.columns();
  std::string model;
  report::append_truncated(model, result.model, report::kModelColumnMax);
  out += model;
  if (!columns.empty()) {
    report::append_spaces(out, table.model_width() - std::min(table.model_width(), report::display_width(model)));
    out += kGap;
  }
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const bool last = c + 1 == columns.size();
    if (table.has_obligations_column() && c == table.obligations_column()) {
      const std::string text = table.obligations_text(result);
      append_cell(out, text, columns[c].width, last, text == report::kNoObligations ? report::ansi::kDim : "", color);
      continue;
    }
    const Verdict* v = cells[c];
    if (v == nullptr) {
      append_cell(out, report::kMissingCell, columns[c].width, last, report::ansi::kDim, color);
      continue;
    }
    std::string_view style;
    if (v->status == Status::Unknown) style = report::ansi::kDim;
    if (v->status == Status::Possible) style = report::ansi::kYellow;
    append_cell(out, report::cell_text(*v), columns[c].width, last, style, color);
  }
  out += '\n';
}

// The table shows `unknown` both for a value the data lacks and for a record whose evaluation was
// stopped by the step limit; the second is said here (JSON gives it per verdict).
void append_limit_note(std::string& out, const Report& r, const report::Table& table) {
  std::size_t stopped = 0;
  uint64_t limit = 0;
  std::vector<const Verdict*> cells;
  for (const ModelResult& result : r.results) {
    table.cells(result, cells);
    for (const Verdict* v : cells) {
      if (v == nullptr || v->status != Status::Unknown) continue;
      if (v->step_limit_reached != 0) {
        ++stopped;
        limit = v->step_limit_reached;
      }
    }
  }
  if (stopped == 0) return;
  fmt::format_to(std::back_inserter(out), "{} verdict{} unknown because evaluation stopped at the limit of {} steps per record\n",
                 stopped, stopped == 1 ? " is" : "s are", eval::with_thousands(limit));
}

// One count of a summary line: `gpai 90`, `gpai 90 (8 possible)`, and for an obligation the
// models for which the data does not say: `notify 21 (2 possible) + 471 unknown`.
void append_count(std::string& out, std::string_view value, std::size_t models, std::size_t possible,
                  std::size_t unknown) {
  report::append_printable(out, value);
  fmt::format_to(std::back_inserter(out), " {}", models);
  if (possible > 0) fmt::format_to(std::back_inserter(out), " ({} possible)", possible);
  if (unknown > 0) fmt::format_to(std::back_inserter(out), " + {} unknown", unknown);
}

// `N models`, then one line per column: how many models have each value, and of those how many
// only possibly. A tier ladder counts per tier, a trigger or an exemption per `true`, `false`,
// `possible` and `unknown`, the obligations column per kind of obligation incurred.
void append_summary(std::string& out, const Report& r, const report::Table& table) {
  fmt::format_to(std::back_inserter(out), "\n{} model{}\n", r.results.size(), r.results.size() == 1 ? "" : "s");
  const auto& columns = table.columns();
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const report::Tally& tally = table.tallies()[c];
    report::append_printable(out, columns[c].rule);
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
  append_limit_note(out, r, table);
  if (table.has_dependent())
    out += "* depends on the policy's assumptions: the verdict differs between readings (see `--format json` or `explain`)\n";
}

void write_report(report::Sink& sink, const Report& r, const ReportTextOptions& options) {
  const report::Table table(r, {.exemptions = options.exemptions, .obligations = options.obligations});
  std::string& out = sink.buffer();
  append_title(out, r, options.color);
  append_header_rows(out, table, options.color);
  std::vector<const Verdict*> cells;
  for (const ModelResult& result : r.results) {
    table.cells(result, cells);
    append_row(out, table, result, cells, options.color);
    sink.drain_if_large();
  }
  append_summary(out, r, table);
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
