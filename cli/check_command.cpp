// `scalepol check FILE...`: compile each policy, lint it, and report what was found.
//
// Every file is checked even after one fails, so one run shows everything. Text goes to
// stderr (it is a diagnostic stream); with --format json or sarif one document for all files
// goes to stdout, for tools.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "commands.hpp"
#include "exit_code.hpp"
#include "print.hpp"
#include "scalepol/scalepol.hpp"

namespace scalepol::cli {

namespace {

// A file that cannot be used at all (missing, unreadable, too large) is an input error, exit 2,
// not a finding in a policy. The engine reports it with these codes, at the file itself rather
// than at a line (an import that cannot be read is a finding in the importing policy).
bool is_input_error(const Diagnostics& diagnostics) {
  return std::ranges::any_of(diagnostics.items, [](const Diagnostic& d) {
    return d.location.line == 0 && (d.is(Code::IoError) || d.is(Code::InputTooLarge));
  });
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

const LintRuleInfo* catalogue_entry(std::string_view code) {
  for (const LintRuleInfo& info : lint_catalogue())
    if (info.code == code) return &info;
  return nullptr;
}

// RFC 3986: an absolute URI starts with a scheme, a letter then letters, digits, `+`, `-` or `.`,
// and a colon. (A relative path is no help link: code-scanning services show it as is.)
bool is_absolute_uri(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) return false;
  if (std::isalpha(static_cast<unsigned char>(text[0])) == 0) return false;
  return std::ranges::all_of(text.substr(1, colon - 1), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '-' || c == '.';
  });
}

std::optional<std::string> disable_error(const std::string& code) {
  const LintRuleInfo* info = catalogue_entry(code);
  if (info == nullptr) return fmt::format("unknown code `{}` for --disable (see `scalepol check --list-codes`)", code);
  // Such an error stops compilation, so the linter never runs: disabling it would be a silent no-op.
  if (info->found_by_checker && info->severity == Severity::Error)
    return fmt::format("`{}` is an error that stops compilation; it cannot be disabled", code);
  return std::nullopt;
}

// The findings of a policy that did not compile get what --disable and --deny-warnings do to
// the linter's (lint() applies them to the findings of a policy that compiled).
Diagnostics as_options_say(const Diagnostics& found, const CheckOptions& options) {
  Diagnostics out;
  for (Diagnostic d : found.items) {
    if (std::ranges::find(options.disabled, d.code) != options.disabled.end()) continue;
    if (options.deny_warnings && d.severity == Severity::Warning) d.severity = Severity::Error;
    out.add(std::move(d));
  }
  return out;
}

// The findings of all files, each once: two policies that import the same file would otherwise
// report its findings twice (twice the same alert, in code scanning).
class Findings {
 public:
  void add(const Diagnostics& found) {
    for (const Diagnostic& d : found.items) {
      const auto& at = d.location;
      if (seen_.emplace(at.file, at.line, at.column, d.code, d.message).second) all_.add(d);
    }
  }
  const Diagnostics& all() const { return all_; }

 private:
  Diagnostics all_;
  std::set<std::tuple<std::string, uint32_t, uint32_t, std::string, std::string>> seen_;
};

// One line per code of the catalogue, in columns: code, default severity, family, summary.
void print_catalogue() {
  std::size_t code_width = 0, family_width = 0;
  for (const LintRuleInfo& info : lint_catalogue()) {
    code_width = std::max(code_width, info.code.size());
    family_width = std::max(family_width, info.family.size());
  }
  for (const LintRuleInfo& info : lint_catalogue()) {
    fmt::print("{:<{}}  {:<7}  {:<{}}  {}\n", info.code, code_width, severity_name(info.severity), info.family,
               family_width, info.summary);
  }
}

void print_text(const Diagnostics& all, ColorMode color) {
  if (all.empty()) return;
  print_diagnostics(all, color);
  fmt::print(stderr, "{}, {}\n", plural(all.error_count(), "error"), plural(all.warning_count(), "warning"));
}

void print_document(const std::string& document) { std::fwrite(document.data(), 1, document.size(), stdout); }

}  // namespace

std::optional<std::string> check_usage_error(const CheckOptions& options) {
  if (options.list_codes) {
    if (!options.files.empty()) return "--list-codes takes no FILE";
    return std::nullopt;
  }
  if (options.files.empty()) return "FILE is required (see `scalepol check --help`)";
  for (const std::string& code : options.disabled)
    if (auto error = disable_error(code)) return error;
  if (!options.sarif_help_base.empty()) {
    if (options.format != "sarif") return "--sarif-help-base applies only to --format sarif";
    if (!is_absolute_uri(options.sarif_help_base))
      return fmt::format("--sarif-help-base needs an absolute URL, such as https://example.org/docs/lint/, not `{}`",
                         options.sarif_help_base);
  }
  return std::nullopt;
}

int run_check(const CheckOptions& options) {
  if (options.list_codes) {
    print_catalogue();
    return kClean;
  }
  const LintOptions lint_options{.disabled = options.disabled, .deny_warnings = options.deny_warnings};
  Findings findings;
  bool unreadable = false;
  for (const std::string& file : options.files) {
    auto policy = compile_policy(file, options.compile);
    if (policy) {
      findings.add(lint(*policy, lint_options));  // the checker's warnings included
    } else {
      unreadable |= is_input_error(policy.error());
      findings.add(as_options_say(policy.error(), options));
    }
  }

  const Diagnostics& all = findings.all();
  if (options.format == "json") {
    print_document(render_json(all));
  } else if (options.format == "sarif") {
    SarifOptions sarif;
    if (!options.sarif_help_base.empty()) sarif.help_base = options.sarif_help_base;
    print_document(render_sarif(all, sarif));
  } else {
    print_text(all, options.color);
  }
  if (unreadable) return kFailure;
  return all.empty() ? kClean : kFindings;
}

}  // namespace scalepol::cli
