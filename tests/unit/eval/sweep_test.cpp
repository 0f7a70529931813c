// The interpretation sweep: verdicts robust to the assumptions, or depending on named ones.
#include "test_support.hpp"

#include <algorithm>

using namespace scalepol;
using namespace scalepol::testing;

namespace {

// Effective compute as physical compute times algorithmic progress since an unspecified
// baseline date, with an uncertain halving time (Ho et al. 2024: 5 to 14 months).
const char* kPolicy = R"j(
import std.model
field last_assessment: text
effective_compute ec { base training_compute  baseline_date unspecified  multiplier unspecified }
reference last_assessed = last_assessment
assume {
  baseline_date in [2019-01-01, 2023-09-19]
  halving in 5..14 months
  multiplier = progress(halving: halving, since: baseline_date)
}
trigger jump { when ec >= 4x ec@last_assessed }
trigger level { when ec > 1e26 FLOP }
trigger physical { when training_compute > 1e25 FLOP }
)j";

const char* kRecords = R"j([
  {"model": "A", "released": "2023-01-01", "training_compute": 1e24},
  {"model": "B", "released": "2023-07-01", "training_compute": 2.5e24, "last_assessment": "A"},
  {"model": "C", "released": "2024-01-01", "training_compute": 2e25, "last_assessment": "B"}
])j";

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

TEST_CASE("a ratio of two models' effective compute depends on the halving time, not the baseline date") {
  auto r = run_json(compile_ok(kPolicy), kRecords);
  auto* b = verdict(r, "B", "jump");
  REQUIRE(b != nullptr);
  CHECK_FALSE(b->robust);
  CHECK(b->depends_on == std::vector<std::string>{"halving"});
  CHECK(b->status == Status::Possible);
  REQUIRE(b->readings.size() == 4);
  // 2.5x more compute six months later: 2.5 × 2^(6/5) ≈ 5.7 ≥ 4, but 2.5 × 2^(6/14) ≈ 3.4 < 4.
  for (const auto& reading : b->readings) {
    REQUIRE(reading.assumptions.size() == 2);
    CHECK(reading.value == (reading.assumptions[1].second == "5 months" ? "true" : "false"));
  }
}

TEST_CASE("a level of effective compute depends on the baseline date") {
  auto r = run_json(compile_ok(kPolicy), kRecords);
  auto* c = verdict(r, "C", "level");
  REQUIRE(c != nullptr);
  CHECK_FALSE(c->robust);
  CHECK(c->depends_on == std::vector<std::string>{"baseline_date"});
}

TEST_CASE("a verdict that no reading changes is robust, with no readings listed") {
  auto r = run_json(compile_ok(kPolicy), kRecords);
  auto* c = verdict(r, "C", "jump");  // 8x more compute: every reading agrees
  REQUIRE(c != nullptr);
  CHECK(c->robust);
  CHECK(c->value == "true");
  CHECK(c->status == Status::Definite);
  CHECK(c->depends_on.empty());
  CHECK(c->readings.empty());
  CHECK(verdict(r, "C", "physical")->robust);
}

TEST_CASE("a robust verdict is the same under every enumerated reading") {
  // Property: for every rule and model, robust means every reading agrees, and a rule that
  // depends on an assumption really changes when only that assumption changes.
  auto r = run_json(compile_ok(kPolicy), kRecords);
  for (const auto& m : r.results)
    for (const auto& v : m.verdicts) {
      INFO(m.model << " " << v.rule);
      if (v.robust) {
        CHECK(v.readings.empty());
        continue;
      }
      bool all_same = std::all_of(v.readings.begin(), v.readings.end(), [&](const Reading& x) {
        return x.value == v.readings[0].value && x.status == v.readings[0].status;
      });
      CHECK_FALSE(all_same);
      for (const auto& name : v.depends_on) {
        bool changes = false;
        for (const auto& a : v.readings)
          for (const auto& b : v.readings) {
            bool differ_only_there = true;
            for (std::size_t k = 0; k < a.assumptions.size(); ++k)
              if (a.assumptions[k].first != name && a.assumptions[k].second != b.assumptions[k].second)
                differ_only_there = false;
            if (differ_only_there && (a.value != b.value || a.status != b.status)) changes = true;
          }
        CHECK_MESSAGE(changes, name);
      }
    }
}

TEST_CASE("without assumptions every verdict is robust") {
  auto r = run_json(compile_ok("import std.model\ntrigger t { when training_compute > 1e25 FLOP }\n"),
                    R"j([{"model": "m", "training_compute": 2e25}])j");
  CHECK(verdict(r, "m", "t")->robust);
}

TEST_CASE("too many readings are refused at compile time") {
  auto d = compile_err(R"j(
assume {
  a in [1, 2, 3, 4]
  b in [1, 2, 3, 4]
  c in [1, 2, 3, 4]
  d in [1, 2]
}
)j");
  auto* e = find_code(d, "too-many-readings");
  REQUIRE(e != nullptr);
  CHECK(e->message == "the assumptions make more than 64 readings to evaluate");
  CHECK(e->location.line == 6);
}

TEST_CASE("a policy test holds under every reading, or names the reading it fails under") {
  auto p = compile_ok(std::string(kPolicy) + R"j(
test "B jumps 4x" {
  record { model "B" released 2023-07-01 training_compute 2.5e24 FLOP last_assessment "A" }
  record { model "A" released 2023-01-01 training_compute 1e24 FLOP }
  expect jump
}
)j");
  auto res = p.run_tests();
  REQUIRE(res.cases.size() == 1);
  CHECK_FALSE(res.cases[0].passed);
  REQUIRE(res.cases[0].failures.size() == 2);
  CHECK(has(res.cases[0].failures, "line 18: expected `jump`, but it is false under baseline_date 2019-01-01, halving 14 months"));
}

TEST_CASE("every record's reason quotes the rule's condition, printed once and the same for each") {
  // The Evaluator prints a condition once (Evaluator::text_of) and quotes it for every record.
  auto r = run_json(compile_ok(kPolicy), kRecords);
  for (const char* model : {"A", "B", "C"}) {
    auto* v = verdict(r, model, "physical");
    REQUIRE(v != nullptr);
    CHECK(v->because == std::string("training_compute > 1e25 FLOP is ") + (std::string(model) == "C" ? "true" : "false"));
  }
}
