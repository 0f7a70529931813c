// `import-cycle`: a file that imports itself through its imports (an error, found while loading).
#include "test_support.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>

using namespace scalepol;
using namespace scalepol::testing;

namespace {

namespace fs = std::filesystem;

// A fresh directory of policy files, removed when the test ends.
struct TempDir {
  fs::path path;
  TempDir() {
    auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path = fs::temp_directory_path() / ("scalepol_import_cycle_" + std::to_string(stamp));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

}  // namespace

TEST_CASE("import-cycle: two files that import each other") {
  TempDir dir;
  auto a = dir.write("a.policy", "import std.model\nimport \"./b.policy\"\ntrigger t { when big }\n");
  dir.write("b.policy", "import \"./a.policy\"\ndefine big = training_compute > 1e26 FLOP\n");
  auto p = compile_file(a);
  REQUIRE_FALSE(p.has_value());
  REQUIRE(count_code(p.error(), "import-cycle") == 1);
  const auto* f = find_code(p.error(), "import-cycle");
  CHECK(f->severity == Severity::Error);
  CHECK(f->message == "importing `./a.policy` here makes a cycle");
  REQUIRE(f->notes.size() == 1);
  CHECK(f->notes[0] == "the cycle: a.policy → b.policy → a.policy");
  CHECK(fs::path(f->location.file).filename() == "b.policy");
  CHECK(f->location.line == 1);
  CHECK(f->location.column == 1);
}

TEST_CASE("import-cycle: imports that form a tree give no finding") {
  TempDir dir;
  auto a = dir.write("a.policy", "import std.model\nimport \"./b.policy\"\ntrigger t { when big }\n");
  dir.write("b.policy", "import std.model\ndefine big = training_compute > 1e26 FLOP\n");
  auto p = compile_file(a);
  if (!p) FAIL_CHECK(render_text(p.error()));
  REQUIRE(p.has_value());
  CHECK(count_code(lint(*p), "import-cycle") == 0);
}
