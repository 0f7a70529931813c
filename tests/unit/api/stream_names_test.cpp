// Records without a model name (`missing-model-name`) are reported the same whether the file is
// loaded whole (load_records) or streamed (run_jsonl), however the blocks cut it: a blank cell or
// value, a JSON record without the key (one warning each), and a file in which no record has the
// key or no CSV column gives it (one warning for the file).
#include "test_support.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace scalepol;
using namespace scalepol::testing;

namespace {

std::string temp_file(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("scalepol_stream_names_test_" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

// "code line:column message" per diagnostic, in order.
std::string summary(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d.items)
    out += x.code + " " + std::to_string(x.location.line) + ":" + std::to_string(x.location.column) + " " +
           x.message + "\n";
  return out;
}

// The whole-file loader's diagnostics, which every block size must give too.
std::string same_for_every_block(const std::string& name, const std::string& text) {
  auto policy = compile_ok("import std.model\ntrigger big { when training_compute > 1e25 FLOP }\n");
  const std::string path = temp_file(name, text);
  auto records = load_records(path, policy);
  REQUIRE(records.has_value());
  const std::string loaded = summary(records->diagnostics());
  std::string first;
  for (std::size_t block = 16; block <= text.size() + 1; ++block) {
    INFO("block " << block);
    std::ostringstream out;
    auto r = run_jsonl(policy, path, out, {.block_bytes = block});
    REQUIRE(r.has_value());
    CHECK(summary(r->diagnostics) == loaded);
    if (first.empty()) first = out.str();
    CHECK(out.str() == first);
  }
  return loaded;
}

}  // namespace

TEST_CASE("CSV: a blank name cell is a warning at the cell, whole and streamed") {
  const std::string d = same_for_every_block("blank.csv", "Model,Training compute (FLOP)\nAlpha,2e25\n,1e24\n\"  \",3e25\n");
  CHECK(d ==
        "missing-model-name 3:1 the record has no model name: its cell in column `Model` is blank\n"
        "missing-model-name 4:1 the record has no model name: its cell in column `Model` is blank\n");
}

TEST_CASE("CSV: no column of model names is one warning at the header") {
  const std::string d = same_for_every_block("nocolumn.csv", "Name,Training compute (FLOP)\nAlpha,2e25\nBeta,1e24\n");
  CHECK(d == "missing-model-name 1:1 no column of the header gives the model's name (field `model`)\n");
}

TEST_CASE("CSV: a file of no columns that map says so once, not twice") {
  const std::string d = same_for_every_block("nomatch.csv", "Name,Compute\nAlpha,2e25\n");
  CHECK(d == "no-matching-columns 1:1 no column of the header is a field of the schema\n");
}

TEST_CASE("JSON Lines: a missing key, a blank value and null, whole and streamed") {
  const std::string d = same_for_every_block(
      "missing.jsonl",
      "{\"Model\": \"Alpha\", \"Training compute (FLOP)\": 2e25}\n{\"Training compute (FLOP)\": 1e24}\n"
      "{\"Model\": \"\"}\n{\"model\": null}\n{\"Model\": 7}\n");
  CHECK(d ==
        "missing-model-name 2:1 the record has no model name: it has no key `Model` or `model`\n"
        "missing-model-name 3:11 the record has no model name: key `Model` is blank\n"
        "missing-model-name 4:11 the record has no model name: key `model` is null\n");
}

TEST_CASE("JSON Lines: no record with the key is one warning for the file") {
  const std::string d = same_for_every_block(
      "nokey.jsonl", "{\"name\": \"Alpha\", \"Training compute (FLOP)\": 2e25}\n\n{\"name\": \"Beta\"}\n");
  CHECK(d == "missing-model-name 1:1 no record has a key that gives the model's name (field `model`)\n");
}

TEST_CASE("JSON Lines: a line that is not JSON says nothing about names") {
  const std::string d = same_for_every_block("badline.jsonl", "{\"Model\": \"Alpha\"}\n{\"Training compute (FLOP)\": 1e24,\n");
  CHECK(d.find("missing-model-name") == std::string::npos);
  CHECK(d.find("malformed-json 2:") != std::string::npos);
}

TEST_CASE("many records without the key: capped as every problem is, with the count of the rest") {
  std::string text = "{\"Model\": \"Alpha\"}\n";
  for (int i = 0; i < 150; ++i) text += "{\"Training compute (FLOP)\": 1e24}\n";
  auto policy = compile_ok("import std.model\ntrigger big { when training_compute > 1e25 FLOP }\n");
  const std::string path = temp_file("many.jsonl", text);
  auto records = load_records(path, policy);
  REQUIRE(records.has_value());
  const auto& items = records->diagnostics().items;
  REQUIRE(items.size() == 101);
  CHECK(count_code(records->diagnostics(), "missing-model-name") == 100);
  CHECK(items.back().code == "too-many-problems");
  CHECK(items.back().message == "50 more problems not shown");
  std::ostringstream out;
  auto r = run_jsonl(policy, path, out, {.block_bytes = 64});
  REQUIRE(r.has_value());
  CHECK(summary(r->diagnostics) == summary(records->diagnostics()));
}
