// Tiers, escalations, exemptions, obligations, references and time, evaluated.
#include "test_support.hpp"

#include <algorithm>

using namespace scalepol;
using namespace scalepol::testing;

namespace {

const char* kBill = R"j(
policy bill "Tiered bill" { status "illustrative" }
import std.model
benchmark gpqa_diamond { version "2023-11" scale 0..100 pp shots 0 chain_of_thought allowed column "gpqa" }

tiers concern by training_compute {
  tier low      below 1e24 FLOP
  tier medium   from 1e24 FLOP below 1e26 FLOP   require report "pre-training notification" within 30 days
  tier high     from 1e26 FLOP below 1e28 FLOP   require license "frontier AI permit"
  tier extreme  from 1e28 FLOP                   require prohibition
}

escalate concern to high when gpqa_diamond >= 60 pp

exemption existing_open_weights {
  quote "We're going to make sure to exempt existing open source models."
  applies_to all
  when open_weights and released < 2024-04-09
}
)j";

}  // namespace

TEST_CASE("tiers follow their bounds exactly") {
  auto p = compile_ok(kBill);
  auto r = run_json(p, R"j([
    {"model": "a", "training_compute": 9.99e23, "gpqa": 10},
    {"model": "b", "training_compute": 1e24, "gpqa": 10},
    {"model": "c", "training_compute": 1e26},
    {"model": "d", "training_compute": 1e28},
    {"model": "e"}])j");
  CHECK(verdict(r, "a", "concern")->value == "low");
  CHECK(verdict(r, "b", "concern")->value == "medium");
  CHECK(verdict(r, "c", "concern")->value == "high");
  CHECK(verdict(r, "d", "concern")->value == "extreme");
  CHECK(verdict(r, "e", "concern")->value == "unknown");
  CHECK(verdict(r, "e", "concern")->status == Status::Unknown);
  CHECK(verdict(r, "b", "concern")->because == "training_compute is 1e24 FLOP; medium is from 1e24 FLOP below 1e26 FLOP; 1x its lower bound; 100x below its upper bound");
}

TEST_CASE("an escalation raises the tier when its condition holds") {
  auto p = compile_ok(kBill);
  auto r = run_json(p, R"j([
    {"model": "smart", "training_compute": 1e24, "gpqa": 65},
    {"model": "plain", "training_compute": 1e24, "gpqa": 40},
    {"model": "untested", "training_compute": 1e24}])j");
  CHECK(verdict(r, "smart", "concern")->value == "high");
  CHECK(verdict(r, "smart", "concern.high.license") != nullptr);
  CHECK(verdict(r, "plain", "concern")->value == "medium");
  // Not tested on the benchmark: it may be escalated, so its tier is not decided.
  CHECK(verdict(r, "untested", "concern")->status == Status::Unknown);
  auto fields = verdict(r, "untested", "concern")->unknown_fields;
  CHECK(std::find(fields.begin(), fields.end(), "gpqa_diamond") != fields.end());
}

TEST_CASE("obligations follow the tier and are lifted by exemptions") {
  auto p = compile_ok(kBill);
  auto r = run_json(p, R"j([
    {"model": "old-open", "training_compute": 2e26, "Model accessibility": "Open weights (unrestricted)", "released": "2024-01-01"},
    {"model": "new-open", "training_compute": 2e26, "Model accessibility": "Open weights (unrestricted)", "released": "2025-01-01"},
    {"model": "closed", "training_compute": 2e26, "Model accessibility": "API access", "released": "2023-01-01"}])j");
  auto* old_open = verdict(r, "old-open", "concern.high.license");
  REQUIRE(old_open != nullptr);
  CHECK(old_open->value == "false");
  CHECK(old_open->because.find("lifted by exemption existing_open_weights") != std::string::npos);
  CHECK(verdict(r, "new-open", "concern.high.license")->value == "true");
  CHECK(verdict(r, "closed", "concern.high.license")->value == "true");
  CHECK(verdict(r, "closed", "existing_open_weights")->value == "false");
  CHECK(verdict(r, "old-open", "existing_open_weights")->value == "true");
  // A tier the record is definitely not in imposes nothing: no verdict for it.
  CHECK(verdict(r, "closed", "concern.medium.report") == nullptr);
}

TEST_CASE("a reference point reads another record: the predecessor's compute") {
  auto p = compile_ok(R"j(
import std.model
reference previous = base_model
trigger jump { when training_compute >= 4x training_compute@previous }
)j");
  auto r = run_json(p, R"j([
    {"model": "v1", "training_compute": 1e24},
    {"model": "v2", "training_compute": 5e24, "base_model": "v1"},
    {"model": "v3", "training_compute": 6e24, "base_model": "v2"},
    {"model": "orphan", "training_compute": 6e24, "base_model": "nowhere"}])j");
  CHECK(verdict(r, "v2", "jump")->value == "true");
  CHECK(verdict(r, "v3", "jump")->value == "false");
  CHECK(verdict(r, "v1", "jump")->value == "unknown");
  auto* o = verdict(r, "orphan", "jump");
  CHECK(o->value == "unknown");
  REQUIRE_FALSE(o->unknown_fields.empty());
  CHECK(o->unknown_fields[0] == "previous (no record named by `base_model`)");
}

TEST_CASE("time_since measures to the evaluation date, and is unknown without one") {
  auto p = compile_ok(R"j(
import std.model
reference last_assessed = base_model
trigger stale { when time_since(last_assessed) >= 3 months }
)j");
  const char* data = R"j([
    {"model": "old", "released": "2024-01-01"},
    {"model": "x", "base_model": "old"}])j";
  auto late = run_json(p, data, "2024-06-01");
  CHECK(verdict(late, "x", "stale")->value == "true");
  auto early = run_json(p, data, "2024-02-01");
  CHECK(verdict(early, "x", "stale")->value == "false");
  auto undated = run_json(p, data);
  CHECK(verdict(undated, "x", "stale")->value == "unknown");
}

TEST_CASE("effective compute with an unspecified multiplier is unknown; with one it is computed") {
  auto p = compile_ok(R"j(
import std.model
effective_compute ec { base training_compute  multiplier unspecified }
effective_compute ec2 { base training_compute  multiplier 3x }
trigger t { when ec > 1e25 FLOP }
trigger t2 { when ec2 > 1e25 FLOP }
)j");
  auto r = run_json(p, R"j([{"model": "m", "training_compute": 5e24}])j");
  auto* v = verdict(r, "m", "t");
  CHECK(v->value == "unknown");
  REQUIRE(v->unknown_fields.size() == 1);
  CHECK(v->unknown_fields[0] == "ec.multiplier (unspecified)");
  CHECK(verdict(r, "m", "t2")->value == "true");
}

TEST_CASE("a free-text condition is never decided") {
  auto p = compile_ok(R"j(
import std.model
exemption fast_track { when certified "clearly not dangerous" }
)j");
  auto r = run_json(p, R"j([{"model": "m"}])j");
  CHECK(verdict(r, "m", "fast_track")->value == "unknown");
}

TEST_CASE("an effective-compute multiplier can come from the record") {
  auto p = compile_ok(R"j(
import std.model
field reported_multiplier: x  column "Developer-reported multiplier"
effective_compute ec { base training_compute  multiplier reported_multiplier }
trigger t { when ec > 1e26 FLOP }
)j");
  auto r = run_json(p, R"j([{"model": "a", "training_compute": 5e25, "Developer-reported multiplier": 3},
                           {"model": "b", "training_compute": 5e25, "Developer-reported multiplier": 1.5},
                           {"model": "c", "training_compute": 5e25}])j");
  CHECK(verdict(r, "a", "t")->value == "true");
  CHECK(verdict(r, "b", "t")->value == "false");
  CHECK(verdict(r, "c", "t")->value == "unknown");
  CHECK(verdict(r, "c", "t")->unknown_fields == std::vector<std::string>{"reported_multiplier"});
}
