// The lint catalogue and its documentation agree: every code has its page, docs/lint/<code>.md,
// and the index, docs/lint/README.md, links to every page (the SARIF log's help links point there).
#include "test_support.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace scalepol;

namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::filesystem::path kRoot = SCALEPOL_SOURCE_DIR;

}  // namespace

TEST_CASE("every code of the catalogue has its page in docs/lint/") {
  for (const LintRuleInfo& info : lint_catalogue()) {
    const std::filesystem::path page = kRoot / lint_doc_path(info.code);
    CHECK_MESSAGE(std::filesystem::is_regular_file(page), "no page " << page.string() << " for `" << info.code << "`");
  }
}

TEST_CASE("docs/lint/README.md links to the page of every code") {
  const std::filesystem::path index = kRoot / "docs/lint/README.md";
  REQUIRE_MESSAGE(std::filesystem::is_regular_file(index), "no " << index.string());
  const std::string text = read_text(index);
  for (const LintRuleInfo& info : lint_catalogue()) {
    const std::string link = fmt::format("[`{0}`]({0}.md)", info.code);
    CHECK_MESSAGE(text.find(link) != std::string::npos, "docs/lint/README.md has no " << link);
  }
}
