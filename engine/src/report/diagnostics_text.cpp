// Diagnostics as text for a person at a terminal:
//
//   policies/rsp.policy:12:5: error[unit-mismatch]: cannot compare `FLOP` with `FLOP/s`
//     12 |   when training_compute >= 1e20 FLOP/s
//        |        ^^^^^^^^^^^^^^^^
//     = note: …
//     = help: …
//
// The caret sits under the span's columns, which count code points; every character of the
// shown line is printed as exactly one code point (tabs become a space, control characters
// U+FFFD), so padding by code points keeps the caret aligned whatever the line holds.
#include <algorithm>

#include <fmt/format.h>

#include "report/ansi.hpp"
#include "report/text_util.hpp"
#include "scalepol/diagnostic.hpp"

namespace scalepol {

namespace {

using report::ansi::paint;

std::string_view severity_style(Severity severity) {
  switch (severity) {
    case Severity::Error: return report::ansi::kBoldRed;
    case Severity::Warning: return report::ansi::kBoldYellow;
    case Severity::Note: return report::ansi::kBoldCyan;
  }
  return report::ansi::kBold;
}

// `file:line:col: error[code]: message`, leaving out the parts the location does not have.
void append_header(std::string& out, const Diagnostic& d, bool color) {
  const Location& loc = d.location;
  std::string where;
  report::append_printable(where, loc.file);
  if (loc.line > 0) {
    if (!where.empty()) where += ':';
    where += std::to_string(loc.line);
    if (loc.column > 0) fmt::format_to(std::back_inserter(where), ":{}", loc.column);
  }
  if (!where.empty()) {
    out += where;
    out += ": ";
  }
  std::string label = severity_name(d.severity);
  if (!d.code.empty()) {
    label += '[';
    report::append_printable(label, d.code);
    label += ']';
  }
  paint(out, color, severity_style(d.severity), label);
  out += ": ";
  report::append_printable(out, d.message);
  out += '\n';
}

// How many carets go under the span: its width on a one-line span, the rest of the line when
// the span runs onto later lines, and never fewer than one (an empty span or a point).
std::size_t caret_width(const Location& loc, std::size_t line_length) {
  if (loc.end_line == loc.line && loc.end_column > loc.column) return loc.end_column - loc.column;
  if (loc.end_line > loc.line && line_length >= loc.column) return line_length - loc.column + 1;
  return 1;
}

// A line longer than this many columns (a minified JSON file, a 10 MB CSV cell) is shown as a
// window of kWindowColumns around the caret, with `…` where it is cut; so are the carets.
constexpr std::size_t kLongLineColumns = 512;
constexpr std::size_t kWindowColumns = 240;
constexpr std::size_t kWindowLead = 80;  // columns shown before the caret
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

// Terminal columns taken by code points [from, from + count) of `text` (columns in locations
// count code points; a CJK character is two columns wide on the screen): so the caret stands
// under its character. Code points past the end of the text count one each.
std::size_t screen_columns(std::string_view text, std::size_t from, std::size_t count) {
  const std::string_view rest = text.substr(report::take_code_points(text, from).size());
  const std::string_view part = report::take_code_points(rest, count);
  return report::display_width(part) + (count - std::min(count, report::code_points(part)));
}

void append_snippet(std::string& out, const Location& loc, bool color) {
  std::string_view text = loc.line_text;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  const std::size_t length = report::code_points(text);
  // The text may have been cut before the column (data files keep at most 16 KiB of a line): then
  // there is nothing to point into, and a caret millions of columns out would only flood the
  // terminal. The location in the header is exact either way.
  const bool text_missing = loc.column > 0 && loc.column - 1 > length;

  // The window: columns [first, first + shown) of the line.
  std::size_t first = 0, shown = length;
  if (length > kLongLineColumns && !text_missing) {
    const std::size_t caret = loc.column > 0 ? loc.column - 1 : 0;
    first = caret > kWindowLead ? caret - kWindowLead : 0;
    shown = std::min(kWindowColumns, length - first);
  }
  const bool cut_before = first > 0, cut_after = first + shown < length;

  const std::string number = std::to_string(loc.line);
  out += "  ";
  paint(out, color, report::ansi::kBoldBlue, number + " |");
  if (text_missing) {
    out += ' ';
    out += kEllipsis;
  } else if (!text.empty()) {  // no trailing blank after the bar on an empty line
    out += ' ';
    if (cut_before) out += kEllipsis;
    const std::string_view from = text.substr(report::take_code_points(text, first).size());
    report::append_printable(out, report::take_code_points(from, shown));
    if (cut_after) out += kEllipsis;
  }
  out += '\n';

  if (loc.column == 0 || text_missing) return;  // nothing to point at
  out += "  ";
  paint(out, color, report::ansi::kBoldBlue, std::string(number.size(), ' ') + " |");
  out += ' ';
  const std::size_t lead = loc.column - 1;
  report::append_spaces(out, screen_columns(text, first, lead - first) + (cut_before ? 1 : 0));
  std::size_t width = caret_width(loc, length);
  // Carets stop at the window's end (and the `…` after it).
  const std::size_t room = first + shown + (cut_after ? 1 : 0) - lead;
  if (length > kLongLineColumns) width = std::max<std::size_t>(1, std::min(width, room));
  width = std::max<std::size_t>(1, screen_columns(text, lead, width));
  paint(out, color, report::ansi::kBoldBlue, std::string(width, '^'));
  out += '\n';
}

void append_annotation(std::string& out, std::string_view label, std::string_view text, bool color) {
  out += "  ";
  paint(out, color, report::ansi::kBoldBlue, "=");
  out += ' ';
  paint(out, color, report::ansi::kBoldCyan, label);
  out += ": ";
  report::append_printable(out, text);
  out += '\n';
}

}  // namespace

std::string render_text(const Diagnostic& diagnostic, const RenderOptions& options) {
  std::string out;
  append_header(out, diagnostic, options.color);
  if (diagnostic.location.line > 0) append_snippet(out, diagnostic.location, options.color);
  for (const std::string& note : diagnostic.notes) append_annotation(out, "note", note, options.color);
  if (!diagnostic.help.empty()) append_annotation(out, "help", diagnostic.help, options.color);
  return out;
}

std::string render_text(const Diagnostics& diagnostics, const RenderOptions& options) {
  std::string out;
  for (const Diagnostic& d : diagnostics.items) out += render_text(d, options);
  return out;
}

}  // namespace scalepol
