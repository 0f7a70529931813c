// An explanation for a person:
//
//   GPT-4 under eu_ai_act "EU AI Act: general-purpose AI models with systemic risk"
//   record: models.csv, line 58
//
//   gpai_tier (tier): systemic_risk, definite
//     because    training_compute is 2.1e25 FLOP; systemic_risk is above 1e25 FLOP; 2.1x its lower bound
//     condition  systemic_risk if training_compute > 1e25 FLOP
//     test       training_compute > 1e25 FLOP (the lower bound of systemic_risk): true
//                  2.1e25 FLOP is 2.1x over 1e25 FLOP
//                  would fall to `gpai` at 1e25 FLOP or less: 2.1x less training_compute
//     value      training_compute = 2.1e25 FLOP
//                  record: column `Training compute (FLOP)` (models.csv:58)
//     quote      "A general-purpose AI model shall be presumed …"
//                  Regulation (EU) 2024/1689, Article 51(2)
//
// Everything that comes from a policy or a data file goes through append_printable, so that no
// control character reaches the terminal.
#include <fmt/format.h>

#include "report/ansi.hpp"
#include "report/text_util.hpp"
#include "scalepol/explain.hpp"

namespace scalepol {

namespace {

using report::ansi::paint;

constexpr std::size_t kLabelWidth = 11;  // "condition" and two blanks

class Writer {
 public:
  Writer(std::string& out, bool color) : out_(out), color_(color) {}

  // `  label      text`: the first line of an entry.
  void entry(std::string_view label, std::string_view text, std::string_view style = {}) {
    out_ += "  ";
    paint(out_, color_, report::ansi::kBold, label);
    report::append_spaces(out_, kLabelWidth - std::min(kLabelWidth, label.size()));
    printable(text, style);
    out_ += '\n';
  }
  // A further line of an entry, indented under its text.
  void more(std::string_view text, std::string_view style = {}) {
    report::append_spaces(out_, 2 + kLabelWidth + 2);
    printable(text, style);
    out_ += '\n';
  }
  void heading(std::string_view text) {
    std::string line;
    report::append_printable(line, text);
    paint(out_, color_, report::ansi::kBold, line);
    out_ += '\n';
  }
  void plain(std::string_view text) {
    printable(text, {});
    out_ += '\n';
  }
  void blank() { out_ += '\n'; }
  void printable(std::string_view text, std::string_view style) {
    std::string line;
    report::append_printable(line, text);
    paint(out_, color_ && !style.empty(), style, line);
  }
 private:
  std::string& out_;
  bool color_;
};

std::string_view status_style(Status s) {
  if (s == Status::Possible) return report::ansi::kYellow;
  if (s == Status::Unknown) return report::ansi::kDim;
  return {};
}

std::string_view result_style(const std::string& result) {
  if (result == "possible") return report::ansi::kYellow;
  if (result == "unknown") return report::ansi::kDim;
  return {};
}

void write_verdict(Writer& w, const VerdictTrace& t) {
  const Verdict& v = t.verdict;
  w.heading(fmt::format("{} ({})", v.rule, verdict_kind_name(v.kind)));
  w.entry("verdict", fmt::format("{}, {}{}", v.value, status_name(v.status), v.robust ? "" : ", depends on assumptions"),
          status_style(v.status));
  if (!v.because.empty()) w.entry("because", v.because);
  // A verdict the step limit stopped says so in `because`; its only "unknown field" is that reason.
  if (!v.unknown_fields.empty() && v.step_limit_reached == 0)
    w.entry("unknown", fmt::format("{}", fmt::join(v.unknown_fields, ", ")));
  if (!v.robust) {
    w.entry("depends on", fmt::format("{}", fmt::join(v.depends_on, ", ")));
    for (const Reading& r : v.readings) {
      std::string assumptions;
      for (const auto& [name, value] : r.assumptions)
        assumptions += fmt::format("{}{} = {}", assumptions.empty() ? "" : ", ", name, value);
      w.more(fmt::format("{}: {}, {}", assumptions, r.value, status_name(r.status)), status_style(r.status));
    }
  }
  if (!t.condition.empty()) w.entry("condition", t.condition);
  for (const TraceStep& s : t.steps) {
    w.entry("test", fmt::format("{}: {}", s.test, s.result), result_style(s.result));
    if (!s.margin.empty()) w.more(s.margin);
    if (!s.flip.empty()) w.more(s.flip);
  }
  for (const TracedValue& x : t.values) {
    w.entry("value", fmt::format("{} = {}", x.name, x.value));
    std::string from = value_origin_name(x.origin);
    if (!x.source.empty()) from += ": " + x.source;
    if (!x.location.empty()) from += " (" + x.location + ")";
    w.more(from);
    if (!x.note.empty()) w.more(x.note);
  }
  if (!v.quote.empty()) {
    w.entry("quote", "\"" + v.quote + "\"");
    if (!v.source.empty()) w.more(v.source);
  } else if (!v.source.empty()) {
    w.entry("source", v.source);
  }
}

}  // namespace

std::string render_explanation_text(const Explanation& e, const ExplainTextOptions& options) {
  std::string out;
  Writer w(out, options.color);
  w.heading(e.title.empty() ? fmt::format("{} under {}", e.model, e.policy)
                            : fmt::format("{} under {} \"{}\"", e.model, e.policy, e.title));
  if (e.rows.size() > 1) {
    std::string lines;
    for (std::size_t i = 0; i < e.rows.size(); ++i)
      lines += fmt::format("{}{}", i == 0 ? "" : i + 1 == e.rows.size() ? " and " : ", ", e.rows[i]);
    w.plain(fmt::format("record: {}, the rows on lines {} (one model's rows of a long table)", e.data, lines));
  } else {
    w.plain(e.line > 0 ? fmt::format("record: {}, line {}", e.data, e.line) : fmt::format("record: {}", e.data));
  }
  if (!e.as_of.empty()) w.plain(fmt::format("as of: {}", e.as_of));
  if (!e.reading.empty())
    w.plain(e.readings > 1 ? fmt::format("values under the first of {} readings: {}", e.readings, e.reading)
                           : fmt::format("values under the reading: {}", e.reading));
  for (const VerdictTrace& t : e.verdicts) {
    w.blank();
    write_verdict(w, t);
  }
  return out;
}

}  // namespace scalepol
