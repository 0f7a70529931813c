#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "data/load.hpp"
#include "data_fixture.hpp"

using namespace scalepol;
using namespace scalepol::test_data;

namespace {

// A file in a fresh temporary directory, removed with it.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& text) {
    dir_ = std::filesystem::temp_directory_path() /
           ("scalepol_data_test_" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / name).string();
    std::ofstream(path_, std::ios::binary) << text;
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::filesystem::path dir_;
  std::string path_;
};

}  // namespace

TEST_CASE("load_file: the format comes from the extension") {
  {
    TempFile f("models.csv", "Model,Parameters\nA,1\n");
    auto set = data::load_file(f.path(), DataFormat::Auto, model_schema());
    REQUIRE(set.has_value());
    CHECK(set->records.size() == 1);
    CHECK(set->source == f.path());
  }
  {
    TempFile f("models.JSON", "[{\"model\": \"A\"}, {\"model\": \"B\"}]");
    auto set = data::load_file(f.path(), DataFormat::Auto, model_schema());
    REQUIRE(set.has_value());
    CHECK(set->records.size() == 2);
  }
  for (const char* name : {"models.jsonl", "models.ndjson"}) {
    TempFile f(name, "{\"model\": \"A\"}\n{\"model\": \"B\"}\n{\"model\": \"C\"}\n");
    auto set = data::load_file(f.path(), DataFormat::Auto, model_schema());
    REQUIRE(set.has_value());
    CHECK(set->records.size() == 3);
  }
}

TEST_CASE("load_file: a named format wins over the extension") {
  TempFile f("models.txt", "Model\nA\nB\n");
  auto set = data::load_file(f.path(), DataFormat::Csv, model_schema());
  REQUIRE(set.has_value());
  CHECK(set->records.size() == 2);
}

TEST_CASE("load_file: an unknown extension asks for --data-format") {
  TempFile f("models.txt", "Model\nA\n");
  auto set = data::load_file(f.path(), DataFormat::Auto, model_schema());
  REQUIRE_FALSE(set.has_value());
  REQUIRE(set.error().items.size() == 1);
  const Diagnostic& d = set.error().items[0];
  CHECK(d.code == "unknown-data-format");
  CHECK(d.location.file == f.path());
  CHECK(d.help.find("--data-format csv") != std::string::npos);
}

TEST_CASE("load_file: a file that cannot be read") {
  const std::string path = data_path("no_such_file.csv");
  auto set = data::load_file(path, DataFormat::Auto, model_schema());
  REQUIRE_FALSE(set.has_value());
  REQUIRE(set.error().items.size() == 1);
  const Diagnostic& d = set.error().items[0];
  CHECK(d.code == "io-error");
  CHECK(d.message == "cannot read `" + path + "`: no such file or directory");
}

TEST_CASE("load_file: a directory cannot be read") {
  TempFile f("placeholder", "");
  const auto dir = std::filesystem::path(f.path()).parent_path() / "records.csv";
  std::filesystem::create_directory(dir);
  auto set = data::load_file(dir.string(), DataFormat::Auto, model_schema());
  REQUIRE_FALSE(set.has_value());
  CHECK(set.error().items[0].code == "io-error");
  CHECK(set.error().items[0].message == "cannot read `" + dir.string() + "`: is a directory");
}

TEST_CASE("load_file: JSON Lines named explicitly is read as lines") {
  TempFile f("models.data", "[1]\n{\"model\": \"A\"}\n");
  auto set = data::load_file(f.path(), DataFormat::JsonLines, model_schema());
  REQUIRE(set.has_value());
  CHECK(set->records.size() == 1);
  REQUIRE(set->diagnostics.items.size() == 1);
  CHECK(set->diagnostics.items[0].code == "malformed-json");
  CHECK(set->diagnostics.items[0].location.line == 1);
}

TEST_CASE("load_file: a JSON file is parsed where it was read, and still located right") {
  TempFile f("models.json", "\xEF\xBB\xBF[\n{\"model\": \"A\", \"Parameters\": \"x\"}]");
  auto set = data::load_file(f.path(), DataFormat::Auto, model_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->diagnostics.items.size() == 1);
  CHECK(set->diagnostics.items[0].location.line == 2);
  CHECK(set->diagnostics.items[0].location.column == 30);
}
