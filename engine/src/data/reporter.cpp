#include "data/reporter.hpp"

#include "syntax/utf8.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace scalepol::data {

bool Reporter::admit() {
  if (kept_.items.size() < kMaxDiagnostics) return true;
  ++dropped_;
  return false;
}

Diagnostics Reporter::finish() {
  Diagnostics out = std::move(kept_);
  kept_ = {};
  std::stable_sort(out.items.begin(), out.items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.location.line != b.location.line) return a.location.line < b.location.line;
    return a.location.column < b.location.column;
  });
  if (dropped_ > 0) {
    Location loc;
    loc.file = file_;
    out.add(make_diagnostic(Code::TooManyProblems,
                            fmt::format("{} more problem{} not shown", dropped_, dropped_ == 1 ? "" : "s"),
                            std::move(loc)));
    dropped_ = 0;
  }
  return out;
}

Diagnostic make_diagnostic(Code code, std::string message, Location location) {
  return Diagnostic::of(code, std::move(message), std::move(location));
}

Diagnostic make_diagnostic(Severity severity, Code code, std::string message, Location location) {
  Diagnostic d = Diagnostic::of(code, std::move(message), std::move(location));
  d.severity = severity;
  return d;
}

std::string excerpt(std::string_view text, std::size_t max) {
  std::string out;
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool starts_point = !syntax::is_continuation(c);
    if (starts_point && points == max) {
      out += "…";
      break;
    }
    if (starts_point) ++points;
    // Keep the message on one line: control characters are shown escaped.
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20) out += fmt::format("\\x{:02x}", c);
    else out += static_cast<char>(c);
  }
  return out;
}

}  // namespace scalepol::data
