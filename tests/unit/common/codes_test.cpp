// The table of diagnostic codes (scalepol/codes.def): its rows, the lookups over it, the lint
// catalogue made from it, and docs/diagnostics.md, which must list every row as the table has it.
#include "test_support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "lint/rule.hpp"

using namespace scalepol;

namespace {

const std::filesystem::path kRoot = SCALEPOL_SOURCE_DIR;

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool is_kebab(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-' || s.find("--") != std::string_view::npos) return false;
  return std::ranges::all_of(s, [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// The row docs/diagnostics.md must have for a code.
std::string doc_row(const CodeInfo& c) {
  const std::string name = c.catalogued ? fmt::format("[`{0}`](lint/{0}.md)", c.code)
                                        : fmt::format("<a id=\"{0}\"></a>`{0}`", c.code);
  return fmt::format("| {} | {} | {} | {} | {} |", name, severity_name(c.severity), reporter_name(c.reporter),
                     c.category, c.summary);
}

}  // namespace

TEST_CASE("each code is its own row, with a unique kebab-case name") {
  const auto& all = diagnostic_codes();
  REQUIRE(!all.empty());
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const CodeInfo& c = all[i];
    CHECK(static_cast<std::size_t>(c.id) == i);
    CHECK(&code_info(c.id) == &c);
    CHECK_MESSAGE(is_kebab(c.code), "`" << c.code << "` is not kebab-case");
    CHECK_MESSAGE(names.insert(c.code).second, "`" << c.code << "` is in the table twice");
    CHECK(find_code(c.code) == &c);
    CHECK(!c.category.empty());
    CHECK(!c.summary.empty());
  }
  CHECK(find_code("no-such-code") == nullptr);
  CHECK(find_code("") == nullptr);
}

TEST_CASE("a diagnostic made from a code has the code's name and default severity") {
  const Diagnostic d = Diagnostic::of(Code::UnitMismatch, "cannot compare FLOP with USD", {.file = "p.policy"});
  CHECK(d.code == "unit-mismatch");
  CHECK(d.severity == Severity::Error);
  CHECK(d.location.file == "p.policy");
  CHECK(d.is(Code::UnitMismatch));
  CHECK(!d.is(Code::TypeMismatch));
  CHECK(Diagnostic::of(Code::TierGap, "").severity == Severity::Warning);
  CHECK(Diagnostic::of(Code::TooManyDiagnostics, "").severity == Severity::Note);
}

TEST_CASE("the lint catalogue is the table's catalogued rows, each run by one rule of the registry") {
  std::set<std::string_view> catalogued;
  for (const CodeInfo& c : diagnostic_codes())
    if (c.catalogued) catalogued.insert(c.code);
  std::set<std::string_view> in_catalogue;
  for (const LintRuleInfo& info : lint_catalogue()) {
    CHECK_MESSAGE(in_catalogue.insert(info.code).second, "`" << info.code << "` is in the catalogue twice");
    const CodeInfo* row = find_code(info.code);
    REQUIRE(row != nullptr);
    CHECK(info.severity == row->severity);
    CHECK(info.family == row->category);
    CHECK(info.summary == row->summary);
    CHECK(info.found_by_checker == (row->reporter != Reporter::Linter));
  }
  CHECK(in_catalogue == catalogued);
  CHECK(linter::registry().size() == catalogued.size());
}

TEST_CASE("a code's documentation: its lint page, or its row of docs/diagnostics.md") {
  CHECK(code_doc_path(Code::TierGap) == "docs/lint/tier-gap.md");
  CHECK(code_doc_path(Code::SyntaxError) == "docs/diagnostics.md#syntax-error");
  CHECK(lint_doc_path("tier-gap") == "docs/lint/tier-gap.md");
  for (const CodeInfo& c : diagnostic_codes())
    if (c.catalogued) {
      CHECK_MESSAGE(std::filesystem::is_regular_file(kRoot / code_doc_path(c.id)), "no page for `" << c.code << "`");
    }
}

TEST_CASE("docs/diagnostics.md lists every code as the table has it, in the table's order") {
  const std::string text = read_text(kRoot / "docs/diagnostics.md");
  REQUIRE(!text.empty());
  std::vector<std::string> rows;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    if (line.starts_with("| [`") || line.starts_with("| <a id=")) rows.push_back(line);
  const auto& all = diagnostic_codes();
  CHECK(rows.size() == all.size());
  for (std::size_t i = 0; i < std::min(rows.size(), all.size()); ++i) CHECK(rows[i] == doc_row(all[i]));
}
