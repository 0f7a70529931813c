// Differential tests: the batch evaluator (eval/batch.cpp) must give exactly the cells of the
// scalar compiled evaluator (CompiledRun, itself held to the interpreter by compiled_test.cpp) —
// value, status and robustness — on every policy of the repository it accepts, over Epoch AI's
// data, and on random records that reach every kind of node it has; and it must refuse what it
// cannot do the same way (`@` references, a work limit it could reach).
#include "test_support.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <random>

#include "api/eval_setup.hpp"
#include "api/impl.hpp"
#include "random_records.hpp"
#include "eval/batch.hpp"
#include "eval/evaluator.hpp"
#include "scalepol/stream.hpp"

using namespace scalepol;
using namespace scalepol::testing;

namespace {

const std::string kRoot = SCALEPOL_SOURCE_DIR;

// Compares the two evaluators cell by cell; returns the cells compared, or 0 when the batch
// evaluator does not take this policy.
std::size_t compare(const Policy& policy, const Records& records, const std::string& as_of = "",
                    std::size_t max_records = eval::BatchRun::kLanes) {
  const auto& impl = internals(policy);
  const eval::CompiledPolicy& cp = *impl.compiled;
  const auto& set = internals(records).set;
  const eval::Columns& columns = internals(records).columns;
  if (!eval::batch_supported(cp, columns, impl.limits.max_eval_steps_per_record)) return 0;
  const int32_t date = *api::parse_as_of(as_of);
  const std::size_t cols = cp.columns().size();
  const std::size_t n = set.records.size();

  std::vector<VerdictCell> batch(n * cols);
  eval::BatchRun run(cp, columns, date, max_records);
  REQUIRE(run.lanes() == std::min(max_records, eval::BatchRun::max_lanes(cp)));
  // Batches of every size up to full, so that short last batches and offsets are exercised.
  std::size_t first = 0, size = 1;
  while (first < n) {
    const std::size_t count = std::min({size, n - first, run.lanes()});
    run.evaluate(first, count, batch.data() + first * cols);
    first += count;
    size = size * 3 + 1;
  }

  eval::CompiledRun scalar(cp, set, date, impl.limits.max_eval_steps_per_record);
  std::vector<eval::Cell> cells(cols);
  std::size_t compared = 0;
  for (std::size_t r = 0; r < n; ++r) {
    scalar.evaluate(set.records[r], cells.data());
    for (std::size_t k = 0; k < cols; ++k) {
      const VerdictCell& b = batch[r * cols + k];
      INFO(policy.name() << ": record " << r << " (" << set.model_name(set.records[r]) << "), rule " << cp.columns()[k].name);
      CHECK(b.value == cells[k].value);
      CHECK(status_name(b.status) == std::string(status_name(cells[k].status)));
      CHECK(b.robust == cells[k].robust);
      ++compared;
    }
  }
  return compared;
}

}  // namespace

TEST_CASE("batch cells equal the scalar evaluator's on every policy of the repository it takes") {
  std::vector<std::string> policies;
  for (const char* dir : {"/examples/policies", "/stdlib/regulations", "/bench/policies"})
    for (const auto& e : std::filesystem::directory_iterator(kRoot + dir))
      if (e.path().extension() == ".policy") policies.push_back(e.path().string());
  std::sort(policies.begin(), policies.end());

  std::size_t compared = 0, taken = 0;
  for (const auto& path : policies) {
    auto policy = compile_file(path);
    REQUIRE_MESSAGE(policy.has_value(), path);
    bool policy_taken = false;
    for (bool ranges : {false, true}) {
      auto records = load_records(kRoot + "/examples/data/epoch_notable_ai_models_2025-05.csv", *policy,
                                  {.confidence_ranges = ranges});
      if (!records) continue;  // a schema without the `confidence` field cannot take ranges
      for (const char* as_of : {"", "2025-06-01"}) {
        const std::size_t c = compare(*policy, *records, as_of);
        compared += c;
        policy_taken |= c > 0;
      }
    }
    taken += policy_taken;
    if (!policy_taken) MESSAGE("not taken (it has `@` references): " << path);
  }
  MESSAGE("policies taken: " << taken << " of " << policies.size() << "; cells compared: " << compared);
  CHECK(taken >= 7);  // the regulations and the benchmark's policies have no `@` references
  CHECK(compared > 50000);
}

TEST_CASE("batch cells equal the scalar evaluator's on random records with ranges and gaps") {
  auto policy = compile_ok(kEveryNodePolicy);
  const std::string json = random_records_json(11, 1500, /*more=*/true);
  auto records = load_records_from_string(json, "random.json", policy, DataFormat::Json);
  REQUIRE(records.has_value());
  std::size_t compared = compare(policy, *records, "2025-06-01") + compare(policy, *records);
  MESSAGE("cells compared: " << compared);
  CHECK(compared == 2 * 1500 * internals(policy).compiled->columns().size());
}

TEST_CASE("a run sized for a few records has as many lanes, with the same cells") {
  // evaluate_table and run_jsonl size the run by the records they have: one record, one lane.
  auto policy = compile_ok(kEveryNodePolicy);
  auto records = load_records_from_string(random_records_json(5, 40, /*more=*/true), "random.json", policy, DataFormat::Json);
  REQUIRE(records.has_value());
  const std::size_t cols = internals(policy).compiled->columns().size();
  for (std::size_t max_records : {1, 2, 7, 40})
    CHECK(compare(policy, *records, "2025-06-01", max_records) == 40 * cols);
  eval::BatchRun zero(*internals(policy).compiled, internals(*records).columns, eval::kNoDate, 0);
  CHECK(zero.lanes() == 1);  // an empty file still gets a run that works
}

TEST_CASE("a large policy with many readings gets smaller batches, with the same cells") {
  // 64 readings (the most a policy may have) and 400 triggers: full batches would keep
  // 256 × 64 × 400 cells of scratch (100 MB); the batch shrinks to stay within a few MB.
  std::string text = "import std.model\nassume {\n";
  for (int a = 0; a < 6; ++a) text += fmt::format("  f{} in [1, {}]\n", a, a + 2);
  text += "}\n";
  for (int t = 0; t < 400; ++t)
    text += fmt::format("trigger t{} {{ when training_compute * f{} > {}e23 FLOP or released > 20{}-01-01 }}\n", t, t % 6,
                        1 + t % 50, 12 + t % 14);
  auto policy = compile_ok(text);
  REQUIRE(internals(policy).compiled->readings().size() == 64);
  auto records = load_records_from_string(random_records_json(3, 300), "random.json", policy, DataFormat::Json);
  REQUIRE(records.has_value());
  eval::BatchRun run(*internals(policy).compiled, internals(*records).columns, eval::kNoDate);
  CHECK(run.lanes() < eval::BatchRun::kLanes);
  CHECK(run.lanes() >= 1);
  CHECK(compare(policy, *records) == 300 * 400);
}

TEST_CASE("evaluate_table gives the batch evaluator's cells, and the scalar ones where it cannot be used") {
  auto policy = compile_ok(R"(import std.model
tiers t by training_compute { tier a below 1e24 FLOP  tier b from 1e24 FLOP }
trigger open { when open_weights }
)");
  RecordsBuilder b(policy);
  b.add("x").set("training_compute", 5e23, 1e23, 2e24).set("accessibility", "Open weights");
  b.add("y").set("training_compute", 3e24);
  b.add("z");
  auto records = b.build();
  REQUIRE(records.has_value());
  CHECK(internals(*records).columns.records == 3);
  CHECK(eval::batch_supported(*internals(policy).compiled, internals(*records).columns, 1000));
  // A work limit below the number of rules could be reached: the scalar evaluator decides.
  CHECK_FALSE(eval::batch_supported(*internals(policy).compiled, internals(*records).columns, 1));
  auto table = evaluate_table(policy, *records);
  REQUIRE(table.has_value());
  CHECK(table->value_name(0, table->at(0, 0)) == "a");
  CHECK(table->at(0, 0).status == Status::Possible);
  CHECK(table->value_name(0, table->at(1, 0)) == "b");
  CHECK(table->at(1, 0).status == Status::Definite);
  CHECK(table->at(2, 0).status == Status::Unknown);
  CHECK(table->value_name(1, table->at(0, 1)) == "true");
  CHECK(table->at(1, 1).status == Status::Unknown);

  // `@` references read other records: not the batch evaluator's.
  auto refs = compile_ok(R"(import std.model
field predecessor_name: text column "predecessor"
reference predecessor = predecessor_name
trigger jump { when training_compute >= 4x training_compute@predecessor }
)");
  auto ref_records = load_records_from_string(R"([{"model": "a", "training_compute": 1e22},
    {"model": "b", "training_compute": 5e22, "predecessor": "a"}])", "refs.json", refs, DataFormat::Json);
  REQUIRE(ref_records.has_value());
  CHECK_FALSE(eval::batch_supported(*internals(refs).compiled, internals(*ref_records).columns, 1000000));
  auto ref_table = evaluate_table(refs, *ref_records);
  REQUIRE(ref_table.has_value());
  CHECK(ref_table->value_name(0, ref_table->at(1, 0)) == "true");
}
