// Collects a data file's diagnostics, at most kMaxDiagnostics of them: a file where every row is
// wrong would otherwise bury the first, useful messages under a million copies. Beyond the cap
// problems are only counted, and one note says how many were not shown.
#pragma once

#include <cstddef>
#include <string>

#include "scalepol/diagnostic.hpp"

namespace scalepol::data {

class Reporter {
 public:
  static constexpr std::size_t kMaxDiagnostics = 100;

  explicit Reporter(std::string file) : file_(std::move(file)) {}

  // Call before building a diagnostic, which costs a location and a formatted message: false
  // once the cap is reached (the problem is then counted as not shown).
  bool admit();
  // Keep a diagnostic that admit() let through.
  void add(Diagnostic d) { kept_.add(std::move(d)); }
  // admit() and add() in one, for a diagnostic already built.
  void offer(Diagnostic d) {
    if (admit()) add(std::move(d));
  }

  bool has_errors() const { return kept_.has_errors(); }

  // Undo everything reported since mark(): for a JSON line that turns out not to be JSON, whose
  // value diagnostics would only distract from the one that matters.
  struct Mark {
    std::size_t kept = 0, dropped = 0;
  };
  Mark mark() const { return {kept_.items.size(), dropped_}; }
  void rollback(Mark m) {
    kept_.items.resize(m.kept);
    dropped_ = m.dropped;
  }

  // The diagnostics in file order (a stable sort by line and column: whole-file ones first),
  // then the note about those not shown, if any. Leaves the reporter empty.
  Diagnostics finish();

 private:
  std::string file_;
  Diagnostics kept_;
  std::size_t dropped_ = 0;
};

// A diagnostic of the data layer: at the code's default severity, or at `severity` (a problem
// the loader recovers from, reported as a warning under a code that is otherwise an error).
Diagnostic make_diagnostic(Code code, std::string message, Location location);
Diagnostic make_diagnostic(Severity severity, Code code, std::string message, Location location);

// User input for a message: in one line, at most `max` code points (then "…"), so that a
// malformed 2 KB abstract does not make a 2 KB message.
std::string excerpt(std::string_view text, std::size_t max = 40);

}  // namespace scalepol::data
