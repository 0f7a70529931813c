// Diagnostics rendered as SARIF 2.1.0: the run's tool and rules (the whole catalogue, then any
// other code used), each result's rule, level, message and location, URIs, escaping, layout.
// (tests/sarif/validate.py checks real output against the SARIF schema; these check the content.)
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

#include "report/sarif.hpp"
#include "scalepol/scalepol.hpp"

using namespace scalepol;
using nlohmann::json;

namespace {

Diagnostic diagnostic(std::string code, Severity severity, Location at, std::string message = "a message") {
  Diagnostic d;
  d.code = std::move(code);
  d.severity = severity;
  d.location = std::move(at);
  d.message = std::move(message);
  return d;
}

json sarif_of(const Diagnostics& diagnostics, const SarifOptions& options = {}) {
  return json::parse(render_sarif(diagnostics, options));
}

const json& run_of(const json& log) { return log.at("runs").at(0); }
const json& rules_of(const json& log) { return run_of(log).at("tool").at("driver").at("rules"); }
const json& result(const json& log, std::size_t i) { return run_of(log).at("results").at(i); }

std::size_t catalogue_index(std::string_view code) {
  const auto& all = lint_catalogue();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i].code == code) return i;
  FAIL("no code " << code << " in the catalogue");
  return 0;
}

}  // namespace

TEST_CASE("sarif: one SARIF 2.1.0 run by the tool scalepol, columns in code points") {
  const json log = sarif_of(Diagnostics{});
  CHECK(log.at("$schema") == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(log.at("version") == "2.1.0");
  REQUIRE(log.at("runs").size() == 1);
  const json& driver = run_of(log).at("tool").at("driver");
  CHECK(driver.at("name") == "scalepol");
  CHECK(driver.at("version") == version());
  CHECK(driver.at("informationUri") == "https://github.com/scalepol/scalepol");
  CHECK(run_of(log).at("columnKind") == "unicodeCodePoints");
  CHECK(run_of(log).at("results") == json::array());
  // With no source root given, %SRCROOT% is described, not located (the log is the same anywhere).
  const json& root = run_of(log).at("originalUriBaseIds").at("%SRCROOT%");
  CHECK_FALSE(root.contains("uri"));
  CHECK(root.at("description").at("text") == "the directory scalepol ran from; in CI, the root of the repository");
}

TEST_CASE("sarif: every catalogue entry is a rule, in catalogue order, described and linked to its page") {
  const json log = sarif_of(Diagnostics{});
  const json& rules = rules_of(log);
  const auto& catalogue = lint_catalogue();
  REQUIRE(rules.size() == catalogue.size());
  std::set<std::string> ids;
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    const LintRuleInfo& info = catalogue[i];
    const json& rule = rules.at(i);
    const std::string code(info.code);
    const std::string page = std::string(kDefaultSarifHelpBase) + code + ".md";
    CAPTURE(code);
    CHECK(ids.insert(rule.at("id").get<std::string>()).second);
    CHECK(rule.at("id") == code);
    CHECK(rule.at("name") == report::sarif_rule_name(code));
    CHECK(rule.at("shortDescription").at("text") == std::string(info.summary));
    CHECK(rule.at("fullDescription").at("text").get<std::string>().starts_with(std::string(info.summary)));
    CHECK(rule.at("helpUri") == page);
    CHECK(rule.at("help").at("text").get<std::string>().find(page) != std::string::npos);
    CHECK(rule.at("help").at("markdown").get<std::string>().find("](" + page + ")") != std::string::npos);
    CHECK(rule.at("defaultConfiguration").at("level") == severity_name(info.severity));
    CHECK(rule.at("properties").at("tags") == json::array({std::string(info.family)}));
  }
}

TEST_CASE("sarif: a rule's descriptions say how it is found and how a finding is silenced") {
  const json log = sarif_of(Diagnostics{});
  const json& rules = rules_of(log);
  const json& term = rules.at(catalogue_index("undefined-term"));
  CHECK(term.at("fullDescription").at("text") ==
        "a term of art (effective compute) used with no definition. Default severity: warning. "
        "Family: effective compute. Found by the checker, as it compiles the policy.");
  CHECK(term.at("help").at("text") ==
        "a term of art (effective compute) used with no definition.\n\n"
        "A policy that triggers it, one that does not, and why it matters: "
        "https://github.com/scalepol/scalepol/blob/main/docs/lint/undefined-term.md\n\n"
        "To silence one finding, write `// scalepol-allow undefined-term: the reason` on the line before it; "
        "to turn the rule off, run `scalepol check --disable undefined-term`.");
  // An error that stops compilation can be neither silenced nor disabled.
  const std::string mismatch = rules.at(catalogue_index("unit-mismatch")).at("help").at("text");
  CHECK(mismatch.ends_with("This error stops compilation: the policy must be fixed; it cannot be silenced or disabled."));
  // A summary ending in a question mark gets no full stop after it.
  const std::string percent = rules.at(catalogue_index("percent-ambiguous")).at("fullDescription").at("text");
  CHECK(percent.starts_with("a percent change on a percentage-valued benchmark: relative, or percentage points? Default"));
}

TEST_CASE("sarif: a result names its rule by id and index, with its level, message and region") {
  Diagnostic d = diagnostic("undefined-term", Severity::Warning, {"policies/rsp.policy", 9, 8, 9, 25, ""},
                            "`effective_compute` is used but never defined");
  d.notes = {"its value is unknown for every model"};
  d.help = "define it";
  Diagnostics all;
  all.add(d);
  const json log = sarif_of(all);
  const json& r = result(log, 0);
  CHECK(r.at("ruleId") == "undefined-term");
  CHECK(r.at("ruleIndex") == catalogue_index("undefined-term"));
  CHECK(rules_of(log).at(r.at("ruleIndex").get<std::size_t>()).at("id") == "undefined-term");
  CHECK(r.at("level") == "warning");
  CHECK(r.at("message").at("text") ==
        "`effective_compute` is used but never defined\nnote: its value is unknown for every model\nhelp: define it");
  REQUIRE(r.at("locations").size() == 1);
  const json& physical = r.at("locations").at(0).at("physicalLocation");
  CHECK(physical.at("artifactLocation") == json({{"uri", "policies/rsp.policy"}, {"uriBaseId", "%SRCROOT%"}}));
  CHECK(physical.at("region") == json({{"startLine", 9}, {"startColumn", 8}, {"endLine", 9}, {"endColumn", 25}}));
}

TEST_CASE("sarif: levels are error, warning and note, as the diagnostic's severity (after --deny-warnings)") {
  Diagnostics all;
  all.add(diagnostic("unit-mismatch", Severity::Error, {"a.policy", 1, 1, 1, 2, ""}));
  all.add(diagnostic("tier-gap", Severity::Warning, {"a.policy", 2, 1, 2, 2, ""}));
  all.add(diagnostic("too-many-diagnostics", Severity::Note, {}));
  all.add(diagnostic("tier-gap", Severity::Error, {"a.policy", 3, 1, 3, 2, ""}));  // denied warning
  const json log = sarif_of(all);
  CHECK(result(log, 0).at("level") == "error");
  CHECK(result(log, 1).at("level") == "warning");
  CHECK(result(log, 2).at("level") == "note");
  CHECK(result(log, 3).at("level") == "error");
  // The rule keeps its default level: the result says how this run reported it.
  CHECK(rules_of(log).at(catalogue_index("tier-gap")).at("defaultConfiguration").at("level") == "warning");
}

TEST_CASE("sarif: unknown parts of a location are left out, not written as zero") {
  Diagnostics all;
  all.add(diagnostic("io-error", Severity::Error, {"missing.policy", 0, 0, 0, 0, ""}));  // the whole file
  all.add(diagnostic("syntax-error", Severity::Error, {"a.policy", 4, 7, 0, 0, ""}));    // no end
  all.add(diagnostic("internal-error", Severity::Error, {}));                          // no file at all
  const json log = sarif_of(all);
  const json& whole_file = result(log, 0).at("locations").at(0).at("physicalLocation");
  CHECK(whole_file.at("artifactLocation").at("uri") == "missing.policy");
  CHECK_FALSE(whole_file.contains("region"));
  CHECK(result(log, 1).at("locations").at(0).at("physicalLocation").at("region") ==
        json({{"startLine", 4}, {"startColumn", 7}}));
  CHECK_FALSE(result(log, 2).contains("locations"));
}

TEST_CASE("sarif: codes outside the catalogue become rules after it, once each, so every result has a rule") {
  Diagnostics all;
  all.add(diagnostic("syntax-error", Severity::Error, {"a.policy", 1, 1, 1, 2, ""}));
  all.add(diagnostic("undefined-term", Severity::Warning, {"a.policy", 2, 1, 2, 2, ""}));
  all.add(diagnostic("syntax-error", Severity::Error, {"b.policy", 1, 1, 1, 2, ""}));
  all.add(diagnostic("io-error", Severity::Error, {"c.policy", 0, 0, 0, 0, ""}));
  const json log = sarif_of(all);
  const json& rules = rules_of(log);
  const std::size_t n = lint_catalogue().size();
  REQUIRE(rules.size() == n + 2);
  CHECK(rules.at(n).at("id") == "syntax-error");
  CHECK(rules.at(n).at("name") == "SyntaxError");
  CHECK(rules.at(n).at("shortDescription").at("text") == "text that is not the policy language, with what was expected");
  CHECK(rules.at(n).at("fullDescription").at("text") ==
        "text that is not the policy language, with what was expected. Reported by scalepol's parser, not by a lint "
        "rule; it cannot be disabled or silenced.");
  CHECK(rules.at(n).at("helpUri") ==
        "https://github.com/scalepol/scalepol/blob/main/docs/lint/README.md#codes-outside-the-catalogue");
  CHECK(rules.at(n).at("defaultConfiguration").at("level") == "error");
  CHECK(rules.at(n + 1).at("id") == "io-error");
  CHECK(result(log, 0).at("ruleIndex") == n);
  CHECK(result(log, 1).at("ruleIndex") == catalogue_index("undefined-term"));
  CHECK(result(log, 2).at("ruleIndex") == n);
  CHECK(result(log, 3).at("ruleIndex") == n + 1);
}

TEST_CASE("sarif: the help base and the source root are options") {
  Diagnostics all;
  all.add(diagnostic("tier-gap", Severity::Warning, {"a.policy", 1, 1, 1, 2, ""}));
  all.add(diagnostic("syntax-error", Severity::Error, {"a.policy", 2, 1, 2, 2, ""}));
  const json log = sarif_of(all, {.help_base = "https://docs.example.org/scalepol/lint", .source_root = "/srv/repo"});
  CHECK(rules_of(log).at(catalogue_index("tier-gap")).at("helpUri") ==
        "https://docs.example.org/scalepol/lint/tier-gap.md");  // the missing `/` added
  CHECK(rules_of(log).back().at("helpUri") ==
        "https://docs.example.org/scalepol/lint/README.md#codes-outside-the-catalogue");
  CHECK(run_of(log).at("originalUriBaseIds").at("%SRCROOT%") == json({{"uri", "file:///srv/repo/"}}));
}

TEST_CASE("sarif: file paths become URI references") {
  using report::sarif_artifact_uri;
  CHECK(sarif_artifact_uri("policies/rsp.policy").uri == "policies/rsp.policy");
  CHECK(sarif_artifact_uri("policies/rsp.policy").relative);
  CHECK(sarif_artifact_uri("./rsp.policy").uri == "./rsp.policy");
  CHECK(sarif_artifact_uri("../other/rsp.policy").uri == "../other/rsp.policy");
  CHECK(sarif_artifact_uri("my policies/état.policy").uri == "my%20policies/%C3%A9tat.policy");
  CHECK(sarif_artifact_uri("100%#?.policy").uri == "100%25%23%3F.policy");
  // A colon in the first segment would make the path read as a URI scheme.
  CHECK(sarif_artifact_uri("eu:act.policy").uri == "eu%3Aact.policy");
  const auto absolute = sarif_artifact_uri("/tmp/a b/x.policy");
  CHECK(absolute.uri == "file:///tmp/a%20b/x.policy");
  CHECK_FALSE(absolute.relative);
}

TEST_CASE("sarif: an absolute path is a file URI with no base") {
  Diagnostics all;
  all.add(diagnostic("tier-gap", Severity::Warning, {"/tmp/x.policy", 1, 1, 1, 2, ""}));
  const json artifact = result(sarif_of(all), 0).at("locations").at(0).at("physicalLocation").at("artifactLocation");
  CHECK(artifact == json({{"uri", "file:///tmp/x.policy"}}));
}

TEST_CASE("sarif: rule names are the codes in CamelCase") {
  using report::sarif_rule_name;
  CHECK(sarif_rule_name("ec-no-baseline") == "EcNoBaseline");
  CHECK(sarif_rule_name("flops-rate-ambiguous") == "FlopsRateAmbiguous");
  CHECK(sarif_rule_name("io-error") == "IoError");
  CHECK(sarif_rule_name("x") == "X");
}

TEST_CASE("sarif: user text is escaped, and malformed UTF-8 becomes U+FFFD, so the log is valid JSON") {
  Diagnostics all;
  all.add(diagnostic("unknown-header-field", Severity::Warning, {"a \"q\".policy", 1, 1, 1, 2, ""},
                     "unknown header field `a\"b\\c`\tand\x01 \xff"));
  const std::string text = render_sarif(all);
  CHECK(text.find(R"(unknown header field `a\"b\\c`\tand\u0001 \ufffd)") != std::string::npos);
  const json log = json::parse(text);
  CHECK(result(log, 0).at("message").at("text") == "unknown header field `a\"b\\c`\tand\x01 \xEF\xBF\xBD");
  CHECK(result(log, 0).at("locations").at(0).at("physicalLocation").at("artifactLocation").at("uri") ==
        "a%20%22q%22.policy");
}

TEST_CASE("sarif: laid out on lines, one per rule and one per location, ending with a newline") {
  Diagnostics all;
  all.add(diagnostic("tier-gap", Severity::Warning, {"a.policy", 1, 1, 1, 2, ""}));
  all.add(diagnostic("tier-gap", Severity::Warning, {"a.policy", 2, 1, 2, 2, ""}));
  const std::string text = render_sarif(all);
  CHECK(text.ends_with("}\n"));
  std::istringstream lines(text);
  std::size_t rule_lines = 0, location_lines = 0;
  for (std::string line; std::getline(lines, line);) {
    rule_lines += line.starts_with(R"(            {"id":)");
    location_lines += line.starts_with(R"(            {"physicalLocation":)");
  }
  CHECK(rule_lines == lint_catalogue().size());
  CHECK(location_lines == 2);
}
