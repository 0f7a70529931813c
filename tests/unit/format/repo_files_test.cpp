// fmt's guarantee on every policy of the repository (found at test time, relative to the
// source directory): the formatted text parses, says the same thing (equal ASTs), keeps every
// comment in order, and formatting it again changes nothing. A file that does not parse is
// refused with its syntax errors.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "format_support.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> repo_policies() {
  std::vector<fs::path> out;
  const fs::path root(SCALEPOL_SOURCE_DIR);
  for (const char* dir : {"stdlib", "examples", "tests", "bench"}) {
    if (!fs::exists(root / dir)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root / dir))
      if (e.is_regular_file() && e.path().extension() == ".policy") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("fmt keeps the meaning and the comments of every policy in the repository, and is idempotent") {
  const auto files = repo_policies();
  CHECK(files.size() > 50);
  std::size_t formatted = 0;
  for (const auto& path : files) {
    CAPTURE(path.string());
    const std::string text = read(path);
    const auto before = fmt_test::parse(text);
    auto result = scalepol::format_source(text, path.string());
    if (!before.ok) {
      CHECK_FALSE(result.has_value());
      continue;
    }
    REQUIRE(result.has_value());
    // At the default width, and at a narrow one where most expressions wrap.
    for (const std::size_t width : {std::size_t{100}, std::size_t{40}}) {
      CAPTURE(width);
      auto once = scalepol::format_source(text, path.string(), {width});
      REQUIRE(once.has_value());
      const auto after = fmt_test::parse(*once);
      CHECK(after.ok);
      CHECK(after.dump == before.dump);
      CHECK(fmt_test::comments(*once) == fmt_test::comments(text));
      CHECK(fmt_test::format(*once, width) == *once);
    }
    ++formatted;
  }
  CHECK(formatted > 30);
}
