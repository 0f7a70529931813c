// Three-valued logic and exact comparisons, through the evaluator.
#include "test_support.hpp"

#include "model/value.hpp"

using namespace scalepol;
using namespace scalepol::testing;
using model::Tri;

TEST_CASE("Kleene truth tables") {
  CHECK(model::tri_and(Tri::Unknown, Tri::False) == Tri::False);
  CHECK(model::tri_and(Tri::Unknown, Tri::True) == Tri::Unknown);
  CHECK(model::tri_or(Tri::Unknown, Tri::True) == Tri::True);
  CHECK(model::tri_or(Tri::Unknown, Tri::False) == Tri::Unknown);
  CHECK(model::tri_not(Tri::Unknown) == Tri::Unknown);
}

namespace {

const char* kPolicy = R"j(
import std.model
trigger big { when training_compute > 1e25 FLOP }
trigger big_and_open { when training_compute > 1e25 FLOP and open_weights }
trigger big_or_open { when training_compute > 1e25 FLOP or open_weights }
trigger at_least { when training_compute >= 1e25 FLOP }
)j";

}  // namespace

TEST_CASE("a missing field is unknown, and says which field") {
  auto p = compile_ok(kPolicy);
  auto r = run_json(p, R"j([{"model": "a"}])j");
  auto* v = verdict(r, "a", "big");
  REQUIRE(v != nullptr);
  CHECK(v->value == "unknown");
  CHECK(v->status == Status::Unknown);
  REQUIRE(v->unknown_fields.size() == 1);
  CHECK(v->unknown_fields[0] == "training_compute");
}

TEST_CASE("unknown and false is false; unknown or true is true") {
  auto p = compile_ok(kPolicy);
  // compute unknown, accessibility known
  auto r = run_json(p, R"j([{"model": "closed", "accessibility": "API access"},
                           {"model": "open", "accessibility": "Open weights (unrestricted)"}])j");
  CHECK(verdict(r, "closed", "big_and_open")->value == "false");
  CHECK(verdict(r, "closed", "big_and_open")->status == Status::Definite);
  CHECK(verdict(r, "closed", "big_or_open")->value == "unknown");
  CHECK(verdict(r, "open", "big_or_open")->value == "true");
  CHECK(verdict(r, "open", "big_or_open")->status == Status::Definite);
  CHECK(verdict(r, "open", "big_and_open")->value == "unknown");
}

TEST_CASE("comparisons are exact as written: > is strict") {
  auto p = compile_ok(kPolicy);
  auto r = run_json(p, R"j([{"model": "line", "training_compute": 1e25},
                           {"model": "above", "training_compute": 1.001e25}])j");
  CHECK(verdict(r, "line", "big")->value == "false");
  CHECK(verdict(r, "line", "at_least")->value == "true");
  CHECK(verdict(r, "above", "big")->value == "true");
}

TEST_CASE("a range that straddles the line is possible, not definite") {
  auto p = compile_ok(kPolicy);
  auto r = run_json(p, R"j([{"model": "GPT-4", "training_compute": {"value": 2.1e25, "low": 8.2e24, "high": 4.4e25}},
                           {"model": "sure", "training_compute": {"value": 5e25, "low": 3e25, "high": 8e25}}])j");
  auto* v = verdict(r, "GPT-4", "big");
  CHECK(v->value == "unknown");
  CHECK(v->status == Status::Possible);
  CHECK(verdict(r, "sure", "big")->value == "true");
  CHECK(verdict(r, "sure", "big")->status == Status::Definite);
}
