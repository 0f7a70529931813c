// scalepol::diff: two versions of a policy over the same records, and exactly the verdicts that
// differ between them.
#include "test_support.hpp"

#include <set>

#include "scalepol/diff.hpp"

using namespace scalepol;

namespace {

// Version 1: the systemic-risk line at 1e25 FLOP, a review every 3 months.
constexpr const char* kOld = R"(
import std.model
field last_review: date

tiers gpai_tier by training_compute {
  tier none up_to 1e23 FLOP
  tier gpai above 1e23 FLOP
  tier systemic_risk above 1e25 FLOP
}

trigger review {
  when time_since(last_review) >= 3 months
  require evaluate "capability review"
}
)";

// Version 2: the line moved to 1e26 FLOP, the cadence to 6 months.
constexpr const char* kNew = R"(
import std.model
field last_review: date

tiers gpai_tier by training_compute {
  tier none up_to 1e23 FLOP
  tier gpai above 1e23 FLOP
  tier systemic_risk above 1e26 FLOP
}

trigger review {
  when time_since(last_review) >= 6 months
  require evaluate "capability review"
}
)";

Records records_for(const Policy& policy) {
  RecordsBuilder b(policy);
  b.add("A").set("training_compute", 5e25).set("last_review", "2024-09-01");  // both move
  b.add("B").set("training_compute", 2e26).set("last_review", "2024-12-01");  // neither
  b.add("C").set("training_compute", 5e24).set("last_review", "2024-05-01");  // neither: 8 months
  b.add("D").set("training_compute", 2e25).set("last_review", "2024-12-15");  // the tier only
  b.add("E").set("training_compute", 1e24).set("last_review", "2024-08-15");  // the cadence only
  auto records = b.build();
  if (!records) FAIL_CHECK(render_text(records.error()));
  REQUIRE(records.has_value());
  return *records;
}

std::set<std::string> changed_rules(const ModelDiff& m) {
  std::set<std::string> rules;
  for (const VerdictChange& c : m.changes) rules.insert(c.rule);
  return rules;
}

const VerdictChange* change(const ModelDiff& m, const std::string& rule) {
  for (const VerdictChange& c : m.changes)
    if (c.rule == rule) return &c;
  return nullptr;
}

}  // namespace

TEST_CASE("diff: a threshold moved from 1e25 to 1e26 FLOP and a cadence from 3 to 6 months") {
  const Policy old_policy = scalepol::testing::compile_ok(kOld, "v1.policy");
  const Policy new_policy = scalepol::testing::compile_ok(kNew, "v2.policy");
  const Records old_records = records_for(old_policy);
  const Records new_records = records_for(new_policy);

  auto d = diff(old_policy, new_policy, old_records, new_records, {.as_of = "2025-01-01"});
  REQUIRE(d.has_value());
  CHECK(d->as_of == "2025-01-01");
  CHECK(d->compared_models == 5);
  CHECK(d->added.empty());
  CHECK(d->removed.empty());
  CHECK_FALSE(d->empty());

  REQUIRE(d->models.size() == 3);
  CHECK(d->models[0].model == "A");
  CHECK(d->models[1].model == "D");
  CHECK(d->models[2].model == "E");

  // A: above 1e25 but not 1e26, reviewed 4 months ago.
  const ModelDiff& a = d->models[0];
  CHECK(changed_rules(a) == std::set<std::string>{"gpai_tier", "review", "review.evaluate"});
  const VerdictChange* tier = change(a, "gpai_tier");
  REQUIRE(tier != nullptr);
  CHECK(tier->kind == VerdictKind::Tier);
  CHECK(tier->old_verdict.value == "systemic_risk");
  CHECK(tier->new_verdict.value == "gpai");
  CHECK(tier->old_verdict.status == Status::Definite);
  CHECK(tier->new_verdict.status == Status::Definite);
  // The clause of each version: the tier's bounds, the trigger's condition.
  CHECK(tier->old_condition == "systemic_risk if training_compute > 1e25 FLOP");
  CHECK(tier->new_condition == "gpai if training_compute > 1e23 FLOP and training_compute <= 1e26 FLOP");
  CHECK(tier->old_verdict.because.find("above 1e25 FLOP") != std::string::npos);
  CHECK(tier->new_verdict.because.find("up to 1e26 FLOP") != std::string::npos);
  const VerdictChange* review = change(a, "review");
  REQUIRE(review != nullptr);
  CHECK(review->kind == VerdictKind::Trigger);
  CHECK(review->old_verdict.value == "true");
  CHECK(review->new_verdict.value == "false");
  CHECK(review->old_condition == "time_since(last_review) >= 3 months");
  CHECK(review->new_condition == "time_since(last_review) >= 6 months");

  // The obligation the trigger imposed is gone with it: no verdict in the new version.
  const VerdictChange* duty = change(a, "review.evaluate");
  REQUIRE(duty != nullptr);
  CHECK(duty->kind == VerdictKind::Obligation);
  CHECK(duty->in_old);
  CHECK(duty->old_verdict.value == "true");
  CHECK_FALSE(duty->in_new);
  CHECK(duty->old_condition == "trigger review fires");
  CHECK(duty->new_condition.empty());

  // D: the tier only; E: the cadence only (with its obligation).
  CHECK(changed_rules(d->models[1]) == std::set<std::string>{"gpai_tier"});
  CHECK(changed_rules(d->models[2]) == std::set<std::string>{"review", "review.evaluate"});
  CHECK(d->changed_verdicts() == 6);
  REQUIRE(change(d->models[2], "review") != nullptr);
  CHECK(change(d->models[2], "review")->old_verdict.value == "true");
  CHECK(change(d->models[2], "review")->new_verdict.value == "false");

  CHECK(render_diff_text(*d).ends_with("\n3 models differ in 6 verdicts\n"));
}

TEST_CASE("diff: the same policy twice differs in nothing") {
  const Policy policy = scalepol::testing::compile_ok(kOld);
  const Records records = records_for(policy);
  auto d = diff(policy, policy, records, records, {.as_of = "2025-01-01"});
  REQUIRE(d.has_value());
  CHECK(d->empty());
  CHECK(d->compared_models == 5);
  CHECK(d->changed_verdicts() == 0);
  CHECK(render_diff_text(*d).ends_with("\n0 models differ in 0 verdicts\n"));
  const std::string json = render_diff_json(*d);
  CHECK(json.find("\"models_differ\": 0") != std::string::npos);
  CHECK(json.find("\"verdicts_differ\": 0") != std::string::npos);
}

TEST_CASE("diff: rules in one version only are listed once, as added or removed") {
  const Policy old_policy = scalepol::testing::compile_ok(kOld);
  const Policy new_policy = scalepol::testing::compile_ok(R"(
import std.model
field last_review: date

tiers gpai_tier by training_compute {
  tier none up_to 1e23 FLOP
  tier gpai above 1e23 FLOP
  tier systemic_risk above 1e25 FLOP
}

trigger assessment {
  when time_since(last_review) >= 6 months
}
)");
  auto d = diff(old_policy, new_policy, records_for(old_policy), records_for(new_policy), {.as_of = "2025-01-01"});
  REQUIRE(d.has_value());
  REQUIRE(d->added.size() == 1);
  CHECK(d->added[0].rule == "assessment");
  CHECK(d->added[0].kind == VerdictKind::Trigger);
  std::set<std::string> removed;
  for (const RuleOnlyIn& r : d->removed) removed.insert(r.rule);
  CHECK(removed.contains("review"));
  // The tiers are the same: no model differs, but the versions do.
  CHECK(d->models.empty());
  CHECK_FALSE(d->empty());
}

TEST_CASE("diff: models are matched by name, not by position") {
  const Policy policy = scalepol::testing::compile_ok(kOld);
  RecordsBuilder reversed(policy);
  reversed.add("E").set("training_compute", 1e24).set("last_review", "2024-08-15");
  reversed.add("A").set("training_compute", 5e25).set("last_review", "2024-09-01");
  reversed.add("F").set("training_compute", 1e24);  // in one set only: not compared
  auto other = reversed.build();
  REQUIRE(other.has_value());
  const Records records = records_for(policy);
  auto d = diff(policy, policy, records, *other, {.as_of = "2025-01-01"});
  REQUIRE(d.has_value());
  CHECK(d->compared_models == 2);
  CHECK(d->empty());
}
