// A `.json` file whose first block is blank. The whole-file loader tells a JSON array from JSON
// Lines by the first character that is not blank, which may lie past the first block: a file of
// 29 spaces, then `[`, spaces and `]` (an empty array), streamed with a block of 27 bytes, must
// not be read as JSON Lines (that gives `malformed-json` at 1:30, which the loader does not). A
// `.json` file whose first block is blank is read whole, as a JSON array is.
#include "test_support.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace scalepol;
using namespace scalepol::testing;

namespace {

const char* kPolicy = "import std.model\ntrigger big { when training_compute > 1e25 FLOP }\n";

std::string temp_file(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("scalepol_stream_json_blank_test_" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

// run_jsonl with every block from 16 bytes to past the file's size must write what the Report
// says, with the loader's diagnostics.
void streams_as_loaded(const std::string& name, const std::string& json) {
  auto policy = compile_ok(kPolicy);
  const std::string path = temp_file(name, json);
  auto records = load_records(path, policy);
  REQUIRE(records.has_value());
  auto report = policy.evaluate(*records);
  REQUIRE(report.has_value());
  std::string expected;
  for (const auto& m : report->results)
    expected += "{\"model\":\"" + m.model + "\",\"verdicts\":{\"big\":{\"value\":\"" + m.verdicts.at(0).value +
                "\",\"status\":\"definite\"}}}\n";
  std::vector<std::string> loader_codes;
  for (const auto& d : records->diagnostics().items) loader_codes.push_back(d.code);
  for (std::size_t block = 16; block <= json.size() + 1; ++block) {
    INFO("block " << block);
    std::ostringstream out;
    auto r = run_jsonl(policy, path, out, {.block_bytes = block});
    REQUIRE(r.has_value());
    CHECK(out.str() == expected);
    std::vector<std::string> codes;
    for (const auto& d : r->diagnostics.items) codes.push_back(d.code);
    CHECK(codes == loader_codes);
  }
}

}  // namespace

TEST_CASE("streamed JSON: an empty array after more blank space than a block holds") {
  // The fuzzer's input (its last byte, the fuzz target's choice, left out).
  streams_as_loaded("empty_array.json", std::string(29, ' ') + "[" + std::string(23, ' ') + "]");
}

TEST_CASE("streamed JSON: an array of records after blank lines longer than a block") {
  streams_as_loaded("array.json", std::string(40, ' ') + "\n\n" + std::string(20, '\t') +
                                      "[{\"model\": \"Alpha\", \"training_compute\": 2e25},\n"
                                      " {\"model\": \"Beta\", \"training_compute\": 1e24}]\n");
}

TEST_CASE("streamed JSON: JSON Lines in a .json file after blank lines longer than a block") {
  streams_as_loaded("lines.json", std::string(40, ' ') + "\r\n\n" +
                                      "{\"model\": \"Alpha\", \"training_compute\": 2e25}\n"
                                      "{\"model\": \"Beta\", \"training_compute\": 1e24}\n");
}

TEST_CASE("run_jsonl says whether it streamed, and why not") {
  auto policy = compile_ok(kPolicy);
  const std::string records = "{\"model\": \"Alpha\", \"training_compute\": 2e25}\n";
  auto run = [&](const Policy& p, const std::string& name, const std::string& text) {
    std::ostringstream out;
    auto r = run_jsonl(p, temp_file(name, text), out);
    REQUIRE(r.has_value());
    CHECK(r->records == 1);
    return *r;
  };
  const StreamSummary lines = run(policy, "reasons.jsonl", records);
  CHECK(lines.streamed);
  CHECK(lines.read_whole_because.empty());

  const StreamSummary array = run(policy, "reasons.json", "[" + records + "]");
  CHECK_FALSE(array.streamed);
  CHECK(array.read_whole_because.find("is a JSON array, one document") != std::string::npos);

  auto referencing = compile_ok("import std.model\nreference original = base_model\n"
                                "trigger big { when training_compute > 1e25 FLOP or training_compute@original > 1e25 FLOP }\n");
  const StreamSummary refs = run(referencing, "reasons_refs.jsonl", records);
  CHECK_FALSE(refs.streamed);
  CHECK(refs.read_whole_because == "the policy's `@` references need every record at hand");
}
