// Every file of the standard library and every example policy: it compiles, its own tests pass,
// its header has a date (or says why not), and docs/stdlib.md lists it. And std.model's lineage
// fields load from Epoch's columns.
#include "test_support.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "scalepol/coverage.hpp"

using namespace scalepol;
namespace fs = std::filesystem;

namespace {

const fs::path kRoot = SCALEPOL_SOURCE_DIR;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> policy_files() {
  std::vector<fs::path> out;
  for (const char* dir : {"stdlib/std", "stdlib/regulations", "examples/policies"})
    for (const auto& entry : fs::directory_iterator(kRoot / dir))
      if (entry.path().extension() == ".policy") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("every stdlib and example policy compiles and passes its own tests") {
  const auto files = policy_files();
  CHECK(files.size() >= 19);
  for (const auto& file : files) {
    CAPTURE(file.string());
    auto policy = compile_file(file.string());
    if (!policy) FAIL_CHECK(render_text(policy.error()));
    REQUIRE(policy.has_value());
    auto results = policy->run_tests();
    for (const auto& c : results.cases) {
      CAPTURE(c.name);
      for (const auto& f : c.failures) CAPTURE(f);
      CHECK(c.passed);
    }
  }
}

TEST_CASE("std.units has tests of its own, run on its file") {
  auto policy = compile_file((kRoot / "stdlib/std/units.policy").string());
  REQUIRE(policy.has_value());
  auto results = policy->run_tests();
  CHECK(results.cases.size() >= 4);
  CHECK(results.failed() == 0);
}

TEST_CASE("every regulation and example names the date of its text, or says why it has none") {
  for (const auto& file : policy_files()) {
    if (file.parent_path().filename() == "std") continue;
    CAPTURE(file.string());
    auto policy = compile_file(file.string());
    REQUIRE(policy.has_value());
    const std::string text = read_text(file);
    const bool dated = text.find("\n  published ") != std::string::npos;
    // The two without a date say so in their header: the readings file (it imports a dated
    // policy) and a forum comment whose date is not known.
    const bool says_why = text.find("no `published` date") != std::string::npos ||
                          text.find("import \"./") != std::string::npos;
    CHECK((dated || says_why));
  }
}

TEST_CASE("docs/stdlib.md lists every module and policy file") {
  const std::string doc = read_text(kRoot / "docs/stdlib.md");
  for (const auto& file : policy_files()) {
    CAPTURE(file.string());
    CHECK(doc.find(file.filename().string() + "`") != std::string::npos);
  }
  CHECK(doc.find("`std.units`") != std::string::npos);
}

TEST_CASE("regulations and frameworks list the sentences they leave out") {
  for (const char* name : {"stdlib/regulations/eu_ai_act.policy", "stdlib/regulations/eo_14110.policy",
                           "stdlib/regulations/sb_1047.policy", "stdlib/regulations/sb_53.policy",
                           "stdlib/regulations/ny_raise.policy", "stdlib/regulations/eu_gpai_modifiers.policy"}) {
    CAPTURE(name);
    auto policy = compile_file((kRoot / name).string());
    REQUIRE(policy.has_value());
    const QuoteCoverage c = quote_coverage(*policy);
    CHECK(c.encoded_sentences > 0);
    CHECK_FALSE(c.not_encoded.empty());
    for (const auto& n : c.not_encoded) {
      CAPTURE(n.text);
      CHECK_FALSE(n.because.empty());
      CHECK_FALSE(n.source.empty());
    }
  }
}

TEST_CASE("std.model's lineage fields: base model, fine-tune compute and predecessor") {
  auto policy = scalepol::testing::compile_ok(
      "import std.model\n"
      "reference original = base_model\n"
      "reference previous = predecessor_model\n"
      "define cumulative = training_compute@original + finetune_compute\n"
      "define jump = training_compute / training_compute@previous\n"
      "trigger big { when cumulative > 1e24 FLOP }\n"
      "trigger fourx { when jump >= 4x }\n");
  // Epoch's column names, as in its CSV export.
  auto records = load_records_from_string(
      "Model,Training compute (FLOP),Base model,Finetune compute (FLOP),Predecessor model\n"
      "base,9.5e23,,,\n"
      "tuned,,base,1e23,\n"
      "next,4e24,,,base\n",
      "lineage.csv", policy, DataFormat::Csv);
  if (!records) FAIL(render_text(records.error()));
  auto report = policy.evaluate(*records);
  REQUIRE(report.has_value());
  CHECK(scalepol::testing::verdict(*report, "tuned", "big")->value == "true");  // 9.5e23 + 1e23
  CHECK(scalepol::testing::verdict(*report, "next", "fourx")->value == "true");  // 4e24 / 9.5e23
  CHECK(scalepol::testing::verdict(*report, "base", "fourx")->value == "unknown");
  // JSON keys in snake case.
  auto json = scalepol::testing::run_json(
      policy, R"j([{"model": "a", "training_compute": 1e24}, {"model": "b", "training_compute": 5e24, "predecessor_model": "a"}])j");
  CHECK(scalepol::testing::verdict(json, "b", "fourx")->value == "true");
}

TEST_CASE("quote coverage counts the sentences encoded and those listed as not encoded") {
  auto policy = scalepol::testing::compile_ok(
      "import std.model\n"
      "trigger t {\n"
      "  quote \"greater than 10^26 operations\"\n"
      "  when training_compute > 1e26 FLOP\n"
      "  require report \"x\"\n"
      "    quote \"greater than 10^26 operations\"\n"  // the same sentence twice counts once
      "}\n"
      "field f: text  quote \"a field's sentence\"\n"
      "unit k = 1e3 FLOP  quote \"a unit's sentence\"\n"
      "not_encoded \"left out\" source \"s\" because \"b\"\n",
      "cov.policy");
  const QuoteCoverage c = quote_coverage(policy);
  CHECK(c.encoded_sentences == 3);
  REQUIRE(c.not_encoded.size() == 1);
  CHECK(c.not_encoded[0].text == "left out");
  CHECK(c.not_encoded[0].source == "s");
  CHECK(c.not_encoded[0].because == "b");
  CHECK(c.not_encoded[0].line == 10);
  // Units are constructs that can carry a quote.
  REQUIRE(c.constructs.size() == 3);
  CHECK(c.constructs[2].kind == "unit");
  CHECK(c.constructs[2].quoted);
  const std::string text = render_coverage_text({c});
  CHECK(text ==
        "cov.policy: 3 of 3 constructs carry a quote\n"
        "  sentences: 3 encoded, 1 listed as not encoded\n"
        "  line 10: not encoded: \"left out\"\n");
  const std::string json = render_coverage_json({c});
  CHECK(json.find("\"encoded_sentences\": 3") != std::string::npos);
  CHECK(json.find("{\"line\":10,\"text\":\"left out\",\"source\":\"s\",\"because\":\"b\"}") != std::string::npos);
}
