// Diagnostics as SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), shaped for
// GitHub code scanning: every result has a ruleId that names a rule of the run, and (unless the
// finding concerns a whole file) a region with its start line.
//
// Layout: the log is indented, with each rule and each location on one line of its own, so the
// output can be read and diffed line by line (the golden tests compare it whole).
#include "report/sarif.hpp"

#include <cctype>
#include <filesystem>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "report/json_writer.hpp"
#include "scalepol/lint.hpp"
#include "scalepol/version.hpp"

namespace scalepol {

namespace report {

namespace {

// RFC 3986's unreserved characters: the only ones that never need encoding anywhere in a path.
bool unreserved(unsigned char c) {
  return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~';
}

// Appends `path` percent-encoded, keeping `/` and the characters in `keep` as they are.
void append_encoded_path(std::string& out, std::string_view path, std::string_view keep) {
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (unreserved(c) || c == '/' || keep.find(ch) != std::string_view::npos) {
      out.push_back(ch);
    } else {
      fmt::format_to(std::back_inserter(out), "%{:02X}", c);
    }
  }
}

}  // namespace

std::string sarif_rule_name(std::string_view code) {
  std::string name;
  bool start_of_word = true;
  for (const char ch : code) {
    if (ch == '-' || ch == '_') {
      start_of_word = true;
      continue;
    }
    const auto c = static_cast<unsigned char>(ch);
    name.push_back(start_of_word ? static_cast<char>(std::toupper(c)) : ch);
    start_of_word = false;
  }
  return name;
}

ArtifactUri sarif_artifact_uri(std::string_view path) {
  // The generic form has forward slashes on every system (a backslash is a file-name character
  // on POSIX, a separator only on Windows: the library knows which).
  const std::filesystem::path p{std::string(path)};
  const std::string generic = p.generic_string();
  if (!p.is_absolute()) {
    std::string uri;
    append_encoded_path(uri, generic, "");  // `:` encoded: `a:b.policy` must not read as a scheme
    return {uri, true};
  }
  std::string uri = "file://";
  if (!generic.starts_with('/')) uri.push_back('/');  // C:/x → file:///C:/x
  append_encoded_path(uri, generic, ":");
  return {uri, false};
}

std::string sarif_message_text(const Diagnostic& diagnostic) {
  std::string text = diagnostic.message;
  for (const std::string& note : diagnostic.notes) text += "\nnote: " + note;
  if (!diagnostic.help.empty()) text += "\nhelp: " + diagnostic.help;
  return text;
}

}  // namespace report

namespace {

constexpr std::string_view kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
// The project's home, a placeholder like kDefaultSarifHelpBase (see docs/lint/README.md).
constexpr std::string_view kInformationUri = "https://github.com/scalepol/scalepol";
constexpr std::string_view kSourceRoot = "%SRCROOT%";
// Where codes outside the catalogue (syntax errors, unreadable files, …) are explained.
constexpr std::string_view kOtherCodesPage = "README.md#codes-outside-the-catalogue";
// Containers at this depth are written on one line: each rule, and each result's location.
constexpr std::size_t kFlatDepth = 6;

// One rule of the run: a catalogue entry, or a code the diagnostics use that is not in it (its
// severity then is that of its first diagnostic).
struct RuleEntry {
  std::string code;
  const LintRuleInfo* info = nullptr;
  Severity severity = Severity::Error;
};

struct RuleTable {
  std::vector<RuleEntry> rules;
  std::map<std::string, std::size_t, std::less<>> index;  // code → position in `rules`

  void add(RuleEntry entry) {
    if (index.contains(entry.code)) return;
    index.emplace(entry.code, rules.size());
    rules.push_back(std::move(entry));
  }
};

// The catalogue in its own order (so a rule keeps its index from run to run), then the others
// in the order the diagnostics first use them.
RuleTable rule_table(const Diagnostics& diagnostics) {
  RuleTable table;
  for (const LintRuleInfo& info : lint_catalogue()) table.add({std::string(info.code), &info, info.severity});
  for (const Diagnostic& d : diagnostics.items) table.add({d.code, nullptr, d.severity});
  return table;
}

// The summary as the first sentence of a description: with a full stop, unless it has its own
// ("… relative, or percentage points?").
std::string sentence(std::string_view summary) {
  std::string text(summary);
  if (!text.ends_with('.') && !text.ends_with('?') && !text.ends_with('!')) text.push_back('.');
  return text;
}

std::string with_trailing_slash(std::string uri) {
  if (!uri.empty() && !uri.ends_with('/')) uri.push_back('/');
  return uri;
}

// How a finding of this rule can be silenced (the lint driver's rules, docs/lint/README.md).
std::string silencing(const LintRuleInfo& info) {
  if (info.found_by_checker && info.severity == Severity::Error)
    return "This error stops compilation: the policy must be fixed; it cannot be silenced or disabled.";
  // Reported by the driver after the allow comments have been applied: a comment cannot hide it.
  if (info.code == code_name(Code::AllowWithoutReason))
    return "Give the `scalepol-allow` comment its reason after a colon, or run "
           "`scalepol check --disable allow-without-reason`.";
  return fmt::format(
      "To silence one finding, write `// scalepol-allow {0}: the reason` on the line before it; "
      "to turn the rule off, run `scalepol check --disable {0}`.",
      info.code);
}

void write_text(report::JsonWriter& json, std::string_view key, std::string_view text) {
  json.key(key);
  json.begin_object();
  json.member("text", text);
  json.end_object();
}

void write_catalogue_rule(report::JsonWriter& json, const LintRuleInfo& info, const std::string& help_base) {
  const std::string code(info.code);
  const std::string page = help_base + code + ".md";
  const char* found_by = info.found_by_checker ? "the checker, as it compiles the policy" : "the linter";
  json.member("id", code);
  json.member("name", report::sarif_rule_name(code));
  write_text(json, "shortDescription", info.summary);
  write_text(json, "fullDescription",
             fmt::format("{} Default severity: {}. Family: {}. Found by {}.", sentence(info.summary),
                         severity_name(info.severity), info.family, found_by));
  json.member("helpUri", page);
  json.key("help");
  json.begin_object();
  json.member("text", fmt::format("{}\n\nA policy that triggers it, one that does not, and why it matters: {}\n\n{}",
                                  sentence(info.summary), page, silencing(info)));
  json.member("markdown", fmt::format("{}\n\nSee [docs/lint/{}.md]({}) for a policy that triggers it, one that does "
                                      "not, and why it matters.\n\n{}",
                                      sentence(info.summary), code, page, silencing(info)));
  json.end_object();
  json.key("defaultConfiguration");
  json.begin_object();
  json.member("level", severity_name(info.severity));
  json.end_object();
  json.key("properties");
  json.begin_object();
  json.key("tags");
  json.begin_array();
  json.string(info.family);
  json.end_array();
  json.end_object();
}

void write_other_rule(report::JsonWriter& json, const RuleEntry& rule, const std::string& help_base) {
  const std::string page = help_base + std::string(kOtherCodesPage);
  json.member("id", rule.code);
  json.member("name", report::sarif_rule_name(rule.code));
  // A code of the table (every code scalepol reports) says what it finds; one a host made up
  // says only where it comes from.
  if (const CodeInfo* row = find_code(rule.code)) {
    write_text(json, "shortDescription", row->summary);
    write_text(json, "fullDescription",
               fmt::format("{} Reported by scalepol's {}, not by a lint rule; it cannot be disabled or silenced.",
                           sentence(row->summary), reporter_name(row->reporter)));
  } else {
    write_text(json, "shortDescription", fmt::format("`{}`, found reading or compiling the policy", rule.code));
    write_text(json, "fullDescription",
               fmt::format("`{}` is reported by scalepol's reader, parser or checker, not by a lint rule; "
                           "the message says what is wrong.",
                           rule.code));
  }
  json.member("helpUri", page);
  json.key("help");
  json.begin_object();
  json.member("text", fmt::format("`{}` is not in the lint catalogue: it comes from reading, parsing or checking "
                                  "the policy ({}). The message says what is wrong and, where it can, how to fix it.",
                                  rule.code, page));
  json.member("markdown", fmt::format("`{}` is not in the lint catalogue: it comes from reading, parsing or checking "
                                      "the policy ([codes outside the catalogue]({})). The message says what is "
                                      "wrong and, where it can, how to fix it.",
                                      rule.code, page));
  json.end_object();
  json.key("defaultConfiguration");
  json.begin_object();
  json.member("level", severity_name(rule.severity));
  json.end_object();
}

void write_driver(report::JsonWriter& json, const RuleTable& table, const std::string& help_base) {
  json.key("driver");
  json.begin_object();
  json.member("name", "scalepol");
  json.member("version", version());
  json.member("semanticVersion", version());
  json.member("informationUri", kInformationUri);
  json.key("rules");
  json.begin_array();
  for (const RuleEntry& rule : table.rules) {
    json.begin_object();
    if (rule.info != nullptr) {
      write_catalogue_rule(json, *rule.info, help_base);
    } else {
      write_other_rule(json, rule, help_base);
    }
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

// %SRCROOT%: the directory relative paths start from, when the host states it.
void write_uri_base_ids(report::JsonWriter& json, const std::string& source_root) {
  json.key("originalUriBaseIds");
  json.begin_object();
  json.key(kSourceRoot);
  json.begin_object();
  if (!source_root.empty()) {
    // The value of a base must be an absolute URI; a relative root is taken from the working directory.
    const std::string root = std::filesystem::absolute(source_root).string();
    json.member("uri", with_trailing_slash(report::sarif_artifact_uri(root).uri));
  } else {
    write_text(json, "description", "the directory scalepol ran from; in CI, the root of the repository");
  }
  json.end_object();
  json.end_object();
}

// The region, in SARIF's terms: 1-based lines and code-point columns, the end column one past the
// last character (as in scalepol's own locations). Unknown parts are left out, not written as 0.
void write_region(report::JsonWriter& json, const Location& at) {
  json.key("region");
  json.begin_object();
  json.member("startLine", at.line);
  if (at.column > 0) json.member("startColumn", at.column);
  if (at.end_line >= at.line) {
    json.member("endLine", at.end_line);
    if (at.end_column > 0) json.member("endColumn", at.end_column);
  }
  json.end_object();
}

void write_location(report::JsonWriter& json, const Location& at) {
  json.key("locations");
  json.begin_array();
  json.begin_object();
  json.key("physicalLocation");
  json.begin_object();
  json.key("artifactLocation");
  json.begin_object();
  const report::ArtifactUri uri = report::sarif_artifact_uri(at.file);
  json.member("uri", uri.uri);
  if (uri.relative) json.member("uriBaseId", kSourceRoot);
  json.end_object();
  if (at.line > 0) write_region(json, at);
  json.end_object();
  json.end_object();
  json.end_array();
}

void write_result(report::JsonWriter& json, const Diagnostic& d, const RuleTable& table) {
  json.begin_object();
  json.member("ruleId", d.code);
  json.member("ruleIndex", table.index.find(d.code)->second);
  json.member("level", severity_name(d.severity));  // SARIF's levels are spelt as scalepol's severities
  write_text(json, "message", report::sarif_message_text(d));
  // A diagnostic about no file at all (an internal error) has nowhere to point.
  if (!d.location.file.empty()) write_location(json, d.location);
  json.end_object();
}

}  // namespace

std::string render_sarif(const Diagnostics& diagnostics, const SarifOptions& options) {
  const RuleTable table = rule_table(diagnostics);
  const std::string help_base = with_trailing_slash(options.help_base);
  std::string out;
  report::JsonWriter json(out, 2, kFlatDepth);
  json.begin_object();
  json.member("$schema", kSchemaUri);
  json.member("version", "2.1.0");
  json.key("runs");
  json.begin_array();
  json.begin_object();
  json.key("tool");
  json.begin_object();
  write_driver(json, table, help_base);
  json.end_object();
  write_uri_base_ids(json, options.source_root);
  json.member("columnKind", "unicodeCodePoints");
  json.key("results");
  json.begin_array();
  for (const Diagnostic& d : diagnostics.items) write_result(json, d, table);
  json.end_array();
  json.end_object();
  json.end_array();
  json.end_object();
  out.push_back('\n');
  return out;
}

}  // namespace scalepol
