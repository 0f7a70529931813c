// The embedding API: records built in code, import roots and a host resolver, and the limits
// that protect a host from a policy written by a stranger.
#include "test_support.hpp"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>
#include <unistd.h>

using namespace scalepol;
using namespace scalepol::testing;
namespace fs = std::filesystem;

namespace {

const char* kEu = R"j(
import std.model
tiers gpai_tier by training_compute {
  tier none up_to 1e23 FLOP
  tier gpai above 1e23 FLOP
  tier systemic_risk above 1e25 FLOP
}
trigger recent { when released >= 2024-01-01 }
)j";

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / fs::path("scalepol-embed-" + std::to_string(::getpid()) + "-" +
                                                 std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(path);
  }
  ~TempDir() { std::error_code ec; fs::remove_all(path, ec); }
  fs::path write(const std::string& name, const std::string& text) const {
    auto p = path / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
    return p;
  }
};

}  // namespace

TEST_CASE("records built in code evaluate like records loaded from a file") {
  auto p = compile_ok(kEu);
  RecordsBuilder b(p);
  b.add("GPT-4").set("training_compute", 2.1e25, 8.2e24, 4.4e25).set("released", "2023-03-15");
  b.add("Inflection-2").set("training_compute", 1.001e25).set("released", "2023-11-22");
  b.add("o3").set("released", "2025-04-16");
  auto records = b.build();
  REQUIRE(records.has_value());
  CHECK(records->size() == 3);
  auto r = p.evaluate(*records);
  REQUIRE(r.has_value());
  CHECK(verdict(*r, "GPT-4", "gpai_tier")->status == Status::Possible);
  CHECK(verdict(*r, "Inflection-2", "gpai_tier")->value == "systemic_risk");
  CHECK(verdict(*r, "Inflection-2", "gpai_tier")->status == Status::Definite);
  CHECK(verdict(*r, "o3", "gpai_tier")->value == "unknown");
  CHECK(verdict(*r, "o3", "recent")->value == "true");
  CHECK(verdict(*r, "GPT-4", "recent")->value == "false");
}

TEST_CASE("a builder takes an integer as a number, and a bool as a bool") {
  auto p = compile_ok("import std.model\ntrigger large { when parameters > 100e9 params }\n"
                      "trigger frontier { when frontier_model }\n");
  RecordsBuilder b(p);
  // Without the integer overload, 70 converts to double and to bool equally well: ambiguous.
  b.add("small").set("parameters", 70).set("frontier_model", false);
  b.add("GPT-3").set("parameters", 175'000'000'000LL).set("frontier_model", true);
  b.add("unsigned").set("parameters", 200'000'000'000u);
  auto records = b.build();
  REQUIRE(records.has_value());
  auto r = p.evaluate(*records);
  REQUIRE(r.has_value());
  CHECK(verdict(*r, "small", "large")->value == "false");
  CHECK(verdict(*r, "GPT-3", "large")->value == "true");
  CHECK(verdict(*r, "unsigned", "large")->value == "true");
  CHECK(verdict(*r, "small", "frontier")->value == "false");
  CHECK(verdict(*r, "GPT-3", "frontier")->value == "true");
}

TEST_CASE("a builder's mistakes are errors build() returns, naming record and field") {
  auto p = compile_ok(kEu);
  RecordsBuilder b(p);
  b.add("m").set("training_compte", 1e25).set("released", "2023-02-30").set("training_compute", "lots");
  auto records = b.build();
  REQUIRE_FALSE(records.has_value());
  const auto& d = records.error();
  REQUIRE(d.items.size() == 3);
  CHECK(d.items[0].code == "unknown-field");
  CHECK(d.items[0].message == "record `m`: the policy has no field `training_compte`");
  CHECK(d.items[0].help == "did you mean `training_compute`?");
  CHECK(d.items[1].code == "malformed-value");
  CHECK(d.items[1].message == "record `m`: `2023-02-30` is not a date (YYYY-MM-DD) for `released`");
  CHECK(d.items[2].code == "type-mismatch");
  CHECK(d.items[2].message == "record `m`: field `training_compute` is not text");
}

TEST_CASE("an import that leaves the policy's directory is refused") {
  TempDir dir;
  dir.write("secret.policy", "define secret = 1\n");
  auto main = dir.write("policies/main.policy", "import \"../secret.policy\"\n");
  auto p = compile_file(main.string());
  REQUIRE_FALSE(p.has_value());
  auto* e = find_code(p.error(), "import-outside-roots");
  REQUIRE(e != nullptr);
  CHECK(e->message == "`../secret.policy` is outside the directories imports may read");
  CHECK(e->location.line == 1);
  CHECK(e->location.column == 1);

  SUBCASE("unless the host allows that directory") {
    auto allowed = compile_file(main.string(), {.import_roots = {dir.path.string()}});
    CHECK(allowed.has_value());
  }
}

TEST_CASE("imports within the policy's directory resolve as before") {
  TempDir dir;
  dir.write("lib/common.policy", "define big = 1e26 FLOP\n");
  auto main = dir.write("main.policy", "import \"./lib/common.policy\"\ndefine x = big\n");
  CHECK(compile_file(main.string()).has_value());
}

TEST_CASE("a host resolver replaces the file system for imports") {
  std::map<std::string, std::string> store = {{"common.policy", "import std.model\ndefine big = training_compute > 1e26 FLOP\n"}};
  CompileOptions options;
  options.resolver = [&](const std::string&, const std::string& path) -> std::optional<ImportedFile> {
    auto name = fs::path(path).filename().string();
    auto it = store.find(name);
    if (it == store.end()) return std::nullopt;
    return ImportedFile{name, it->second};
  };
  auto p = compile_source("import \"./common.policy\"\ntrigger t { when big }\n", "main.policy", options);
  REQUIRE(p.has_value());
  auto missing = compile_source("import \"./absent.policy\"\n", "main.policy", options);
  REQUIRE_FALSE(missing.has_value());
  CHECK(find_code(missing.error(), "unknown-import") != nullptr);
}

TEST_CASE("a policy nested 100,000 deep and a 100 MB source are refused, not a crash") {
  std::string deep = "define x = " + std::string(100000, '(') + "1" + std::string(100000, ')') + "\n";
  auto d = compile_source(deep, "deep.policy");
  REQUIRE_FALSE(d.has_value());
  CHECK(find_code(d.error(), "nesting-too-deep") != nullptr);

  std::string big(100u << 20, ' ');
  auto b = compile_source(big, "big.policy");
  REQUIRE_FALSE(b.has_value());
  auto* e = find_code(b.error(), "input-too-large");
  REQUIRE(e != nullptr);
}

TEST_CASE("evaluation work per record is bounded: a doubling chain of references ends as unknown") {
  // Each level reads the one below it twice through `@`: 2^40 evaluations if nothing stopped it.
  std::string policy = "import std.model\nreference prev = base_model\ndefine d0 = training_compute\n";
  for (int i = 1; i <= 40; ++i) policy += "define d" + std::to_string(i) + " = d" + std::to_string(i - 1) + "@prev + d" +
                                          std::to_string(i - 1) + "@prev\n";
  policy += "trigger t { when d40 > 1e26 FLOP }\n";
  CompileOptions options;
  options.limits.max_eval_steps_per_record = 100000;
  auto p = compile_source(policy, "chain.policy", options);
  REQUIRE(p.has_value());
  RecordsBuilder b(*p);
  b.add("a").set("training_compute", 1e20).set("base_model", "a");  // a lineage that loops
  auto records = b.build();
  REQUIRE(records.has_value());
  auto start = std::chrono::steady_clock::now();
  auto r = p->evaluate(*records);
  auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE(r.has_value());
  auto* v = verdict(*r, "a", "t");
  CHECK(v->value == "unknown");
  REQUIRE_FALSE(v->unknown_fields.empty());
  CHECK(v->unknown_fields[0] == "evaluation limit (100000 steps per record) reached");
  CHECK(v->step_limit_reached == 100000);
  CHECK(v->because == "d40 > 1e26 FLOP was not computed: evaluation stopped at the limit of 100,000 steps per record");
  CHECK(elapsed < std::chrono::seconds(5));  // a guard against a hang, not a benchmark
  // The compiled evaluator (evaluate_table, run_jsonl) keeps the same limit.
  auto table = evaluate_table(*p, *records);
  REQUIRE(table.has_value());
  CHECK(table->rules[0].name == "t");
  CHECK(table->value_name(0, table->at(0, 0)) == "unknown");
}

TEST_CASE("one compiled policy evaluated from several threads gives the same results as one") {
  auto p = compile_ok(kEu);
  RecordsBuilder b(p);
  for (int i = 0; i < 200; ++i)
    b.add("m" + std::to_string(i)).set("training_compute", 1e22 * std::pow(1.1, i)).set("released", "2024-06-01");
  auto records = b.build();
  REQUIRE(records.has_value());
  auto expected = render_report_json(*p.evaluate(*records));
  std::vector<std::string> got(8);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int k = 0; k < 5; ++k) {
        auto r = p.evaluate(*records);
        got[t] = r ? render_report_json(*r) : "error";
        if (got[t] != expected) return;
      }
    });
  for (auto& th : threads) th.join();
  for (const auto& g : got) CHECK(g == expected);
}
