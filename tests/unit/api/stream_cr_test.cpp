// Streamed CSV read as the whole-file loader reads it, however the blocks cut it: a CR at the
// very end of a block is no line end when the text after it (not a LF) makes it part of a cell.
// Taken for one, the header "Model,Training compute (FLOP)\rel" loses its compute column in one
// reading and not the other, and a row "el" appears. And (at the end) a second BOM, which must not
// be dropped again when the header row goes on past a block.
#include "test_support.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace scalepol;
using namespace scalepol::testing;

namespace {

std::string temp_csv(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("scalepol_stream_cr_test_" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

std::string stream(const Policy& p, const std::string& path, std::size_t block) {
  std::ostringstream out;
  auto r = run_jsonl(p, path, out, {.block_bytes = block});
  REQUIRE(r.has_value());
  return out.str();
}

void same_for_every_block(const std::string& name, const std::string& csv) {
  auto policy = compile_ok("import std.model\ntrigger big { when training_compute > 1e25 FLOP }\n");
  const std::string path = temp_csv(name, csv);
  const std::string whole = stream(policy, path, 1 << 20);
  auto records = load_records(path, policy);
  REQUIRE(records.has_value());
  CHECK(whole.size() > 0);
  for (std::size_t block = 16; block <= csv.size() + 1; ++block) {
    INFO("block " << block);
    CHECK(stream(policy, path, block) == whole);
  }
}

}  // namespace

TEST_CASE("streamed CSV: a CR inside the header row, at the end of a block") {
  // Block 30 ends right after the CR.
  same_for_every_block("header.csv", "Model,Training compute (FLOP)\rel\nAlpha,4e25\n");
}

TEST_CASE("streamed CSV: a CR inside a data row, at the end of a block") {
  same_for_every_block("row.csv", "Model,Training compute (FLOP)\nAlpha,4e25\rx\nBeta,1e26\nGamma\r,2e25\n");
}

TEST_CASE("streamed CSV: a CR after a line end, at the end of a block") {
  same_for_every_block("blank.csv", "Model,Training compute (FLOP)\nAlpha,4e25\n\rBeta,1e26\n\r\nGamma,2e25\n");
}

// A file that starts with two BOMs. The first is the file's byte-order mark; the second is part
// of the first column's name, so `\uFEFFModel` is not the `Model` column and the records have no
// name from it. Streaming drops the BOM once: dropping it again each time it comes back for a
// header row longer than its block would read `Model` with a small block and name the records,
// unlike the whole-file loader and unlike streaming with a large block.
TEST_CASE("streamed CSV: only the file's first BOM is dropped, however the header is cut") {
  const std::string bom = "\xEF\xBB\xBF";
  const std::string csv = bom + bom + "Model,Training compute (FLOP)\nAlpha,2e25\n";
  same_for_every_block("double_bom.csv", csv);
  auto policy = compile_ok("import std.model\ntrigger big { when training_compute > 1e25 FLOP }\n");
  const std::string path = temp_csv("double_bom_loaded.csv", csv);
  auto records = load_records(path, policy);
  REQUIRE(records.has_value());
  auto report = policy.evaluate(*records);
  REQUIRE(report.has_value());
  REQUIRE(report->results.size() == 1);
  CHECK(report->results[0].model != "Alpha");  // the whole-file loader: no `Model` column
  CHECK(stream(policy, path, 16).find("\"Alpha\"") == std::string::npos);
}
