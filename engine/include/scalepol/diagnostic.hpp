// Diagnostics: what the engine says about a policy or a data file. Every diagnostic has a stable
// code, a severity, a one-line message and, whenever there is one, a source location; notes and
// a help line are separate from the message (the Cedar / rustc style: lowercase, no trailing
// period, user input in backticks).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "scalepol/export.hpp"

namespace scalepol {

enum class Severity { Error, Warning, Note };

SCALEPOL_API const char* severity_name(Severity s);  // "error", "warning", "note"

// A place in a file. Lines and columns are 1-based; columns count Unicode code points.
// `line == 0` means the diagnostic concerns the whole file (or no file at all).
struct Location {
  std::string file;
  uint32_t line = 0, column = 0;
  uint32_t end_line = 0, end_column = 0;
  std::string line_text;  // the text of `line`, for the caret rendering (no newline)
};

// Every code scalepol reports, from the one table of them (scalepol/codes.def).
enum class Code : uint16_t {
#define SCALEPOL_RULE(id, code, severity, reporter, family, summary) id,
#define SCALEPOL_CODE(id, code, severity, reporter, category, summary) id,
#include "scalepol/codes.def"
};

// Which part of scalepol reports a code.
enum class Reporter : uint8_t { Reader, Parser, Importer, Checker, Linter, Loader, Api, Engine };

SCALEPOL_API const char* reporter_name(Reporter r);  // "reader", "parser", …, "engine"

// One row of the table.
struct CodeInfo {
  Code id;
  std::string_view code;      // "unit-mismatch"
  Severity severity;          // the default (see codes.def for the codes also reported at another)
  Reporter reporter;
  std::string_view category;  // a lint family ("units") or a stage ("syntax", "data", …)
  std::string_view summary;   // one line: what it finds
  bool catalogued;            // a rule of the lint catalogue, with its page docs/lint/<code>.md
};

// Every code, in the table's order: the lint catalogue's, then the others by stage.
SCALEPOL_API const std::vector<CodeInfo>& diagnostic_codes();
SCALEPOL_API const CodeInfo& code_info(Code c);
SCALEPOL_API std::string_view code_name(Code c);
// The row of a code's name; null for a name that is no code.
SCALEPOL_API const CodeInfo* find_code(std::string_view name);
// Where a code is documented, relative to the repository: docs/lint/<code>.md for the
// catalogue's, docs/diagnostics.md#<code> for the others.
SCALEPOL_API std::string code_doc_path(Code c);

struct Diagnostic {
  std::string code;       // stable, a name of the table: "syntax-error", "undefined-name", …
  Severity severity = Severity::Error;
  std::string message;    // one line, lowercase, no trailing period
  Location location;
  std::vector<std::string> notes;  // why it matters, context
  std::string help;       // a suggested fix; empty when there is none

  // A diagnostic of code `c` at its default severity.
  static Diagnostic of(Code c, std::string message, Location location = {}) {
    Diagnostic d;
    d.code = code_name(c);
    d.severity = code_info(c).severity;
    d.message = std::move(message);
    d.location = std::move(location);
    return d;
  }
  bool is(Code c) const { return code == code_name(c); }
};

struct SCALEPOL_API Diagnostics {
  std::vector<Diagnostic> items;

  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool empty() const { return items.empty(); }
  void add(Diagnostic d) { items.push_back(std::move(d)); }
  void append(const Diagnostics& other) { items.insert(items.end(), other.items.begin(), other.items.end()); }
};

struct RenderOptions {
  bool color = false;
};

// `file:line:col: error[code]: message`, the source line, a caret under the span, then notes
// and help. One diagnostic after another, each ending with a newline.
SCALEPOL_API std::string render_text(const Diagnostics& diagnostics, const RenderOptions& options = {});
SCALEPOL_API std::string render_text(const Diagnostic& diagnostic, const RenderOptions& options = {});

// {"diagnostics": [{"code", "severity", "message", "file", "line", "column", "end_line",
// "end_column", "notes", "help"}]}, as documented in docs/json-output.md.
SCALEPOL_API std::string render_json(const Diagnostics& diagnostics);

// Where the lint catalogue's pages are published by default: a rule's help link is this base
// followed by `<code>.md`. It names the project's repository on GitHub as a placeholder until
// the project has a public home; a host that publishes the pages elsewhere passes its own base.
inline constexpr std::string_view kDefaultSarifHelpBase = "https://github.com/scalepol/scalepol/blob/main/docs/lint/";

struct SarifOptions {
  // The absolute URI under which docs/lint/<code>.md is found (`/` is added when missing).
  std::string help_base = std::string(kDefaultSarifHelpBase);
  // The directory relative file paths start from, written as the value of %SRCROOT% (a relative
  // one is made absolute against the working directory). Empty leaves it unstated: the log stays
  // the same on every machine, and code-scanning services resolve relative paths against the
  // repository root anyway.
  std::string source_root;
};

// SARIF 2.1.0 (OASIS), the format code-scanning services read (GitHub code scanning among them):
// one run of the tool `scalepol` whose rules are every code of lint_catalogue() (then any other
// code the diagnostics use), and one result per diagnostic, as documented in docs/lint/README.md.
SCALEPOL_API std::string render_sarif(const Diagnostics& diagnostics, const SarifOptions& options = {});

}  // namespace scalepol
