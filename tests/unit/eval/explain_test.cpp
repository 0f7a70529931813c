// Explanations of a hand-built policy over hand-built records: each kind of rule, the margins
// and flips of its tests, and where each value came from.
#include "test_support.hpp"

#include "scalepol/explain.hpp"

using namespace scalepol;

namespace {

const char* kPolicy = R"(
policy lab "A lab's policy" {}

field model: text key column "Model"
field released: date column "Released"
field training_compute: FLOP column "Compute"
field gpqa: pp column "GPQA"
field open: bool column "Open"
field base: text column "Base"

reference previous = base

define cumulative: FLOP = training_compute + 1e23 FLOP
  quote "pre-training and fine-tuning together"

assume {
  margin in [1.5x, 3x]
}

tiers concern by training_compute {
  tier low below 1e24 FLOP
  tier medium from 1e24 FLOP below 1e26 FLOP
    quote "between the two lines"
    require report "pre-training notification" within 30 days
  tier high from 1e26 FLOP
}

tiers gappy by training_compute {
  tier a below 1e24 FLOP
  tier b from 5e24 FLOP
}

trigger jump {
  quote "after every 4x jump"
  when training_compute >= 4x training_compute@previous or gpqa >= 60 pp
  require evaluate "capability evaluations"
}

trigger early {
  when released < 2024-04-09 and cumulative > 1e24 FLOP
}

trigger scaled {
  when training_compute * margin > 1e25 FLOP
}

exempt research when open and time_since(2023-01-01) > 6 months
)";

const char* kRecords = R"([
  {"Model": "old", "Released": "2023-01-01", "Compute": 1e24, "GPQA": 40, "Open": false},
  {"Model": "new", "Released": "2024-01-01", "Compute": 6e24, "GPQA": 55, "Open": true, "Base": "old"},
  {"Model": "blank", "Released": "2024-02-01"}
])";

struct Fixture {
  Policy policy = scalepol::testing::compile_ok(kPolicy, "lab.policy");
  Records records = [this] {
    auto r = load_records_from_string(kRecords, "lab.json", policy, DataFormat::Json);
    REQUIRE(r.has_value());
    return *r;
  }();

  Explanation explain_model(const std::string& model) {
    auto e = scalepol::explain(policy, records, model, {.as_of = "2025-01-01"});
    if (!e) FAIL(render_text(e.error()));
    return *e;
  }
};

const VerdictTrace& trace(const Explanation& e, const std::string& rule) {
  for (const auto& t : e.verdicts)
    if (t.verdict.rule == rule) return t;
  FAIL("no verdict " << rule);
  throw;
}

const TracedValue& value(const VerdictTrace& t, const std::string& name) {
  for (const auto& v : t.values)
    if (v.name == name) return v;
  FAIL("no value " << name << " in " << t.verdict.rule);
  throw;
}

}  // namespace

TEST_CASE_FIXTURE(Fixture, "explain: the heading and the reading the values are shown under") {
  const Explanation e = explain_model("new");
  CHECK(e.policy == "lab");
  CHECK(e.title == "A lab's policy");
  CHECK(e.model == "new");
  CHECK(e.data == "lab.json");
  CHECK(e.line == 3);
  CHECK(e.as_of == "2025-01-01");
  CHECK(e.reading == "margin = 1.5x");
  CHECK(e.readings == 2);
  // One trace per verdict of the report, in its order.
  auto report = policy.evaluate(records, {.as_of = "2025-01-01"});
  REQUIRE(report.has_value());
  const auto& verdicts = report->results[1].verdicts;
  REQUIRE(e.verdicts.size() == verdicts.size());
  for (std::size_t i = 0; i < verdicts.size(); ++i) {
    CHECK(e.verdicts[i].verdict.rule == verdicts[i].rule);
    CHECK(e.verdicts[i].verdict.value == verdicts[i].value);
    CHECK(e.verdicts[i].verdict.status == verdicts[i].status);
  }
}

TEST_CASE_FIXTURE(Fixture, "explain: a tier's bounds, with the distance to each as a ratio") {
  const Explanation e = explain_model("new");
  const VerdictTrace& t = trace(e, "concern");
  CHECK(t.verdict.value == "medium");
  CHECK(t.verdict.quote == "between the two lines");
  CHECK(t.condition == "medium if training_compute >= 1e24 FLOP and training_compute < 1e26 FLOP");
  REQUIRE(t.steps.size() == 2);
  CHECK(t.steps[0].test == "training_compute >= 1e24 FLOP (the lower bound of medium)");
  CHECK(t.steps[0].result == "true");
  CHECK(t.steps[0].margin == "6e24 FLOP is 6x over 1e24 FLOP");
  CHECK(t.steps[0].flip == "would fall to `low` below 1e24 FLOP: 6x less training_compute");
  CHECK(t.steps[1].test == "training_compute < 1e26 FLOP (the upper bound of medium)");
  CHECK(t.steps[1].margin == "6e24 FLOP is 17x under 1e26 FLOP");
  CHECK(t.steps[1].flip == "would enter `high` at 1e26 FLOP or more: 17x more training_compute");
  REQUIRE(t.values.size() == 1);
  const TracedValue& v = t.values[0];
  CHECK(v.name == "training_compute");
  CHECK(v.value == "6e24 FLOP");
  CHECK(v.origin == ValueOrigin::Record);
  CHECK(v.source == "key `Compute`");
  CHECK(v.location == "lab.json:3");
  CHECK(v.numeric);
  CHECK(v.x == 6e24);
  CHECK(v.unit == "FLOP");
}

TEST_CASE_FIXTURE(Fixture, "explain: a value in no tier, with the nearest tier on each side") {
  const Explanation e = explain_model("old");
  const VerdictTrace& t = trace(e, "gappy");
  CHECK(t.verdict.value == "no_tier");
  CHECK(t.condition == "the tier of gappy by training_compute: the value falls in no tier");
  REQUIRE(t.steps.size() == 2);
  CHECK(t.steps[0].test == "training_compute < 5e24 FLOP (the next tier's lower bound)");
  CHECK(t.steps[0].flip == "would enter `b` at 5e24 FLOP or more: 5x more training_compute");
  CHECK(t.steps[1].test == "training_compute >= 1e24 FLOP (the previous tier's upper bound)");
  CHECK(t.steps[1].margin == "1e24 FLOP is exactly 1e24 FLOP");
  CHECK(t.steps[1].flip == "would fall to `a` below 1e24 FLOP: any decrease of training_compute");
}

TEST_CASE_FIXTURE(Fixture, "explain: a condition's tests, with ratios for amounts and differences for scores") {
  const Explanation e = explain_model("new");
  const VerdictTrace& t = trace(e, "jump");
  CHECK(t.verdict.value == "true");
  CHECK(t.verdict.quote == "after every 4x jump");
  CHECK(t.condition == "training_compute >= 4x training_compute@previous or gpqa >= 60 pp");
  REQUIRE(t.steps.size() == 2);
  CHECK(t.steps[0].test == "training_compute >= 4x training_compute@previous");
  CHECK(t.steps[0].result == "true");
  CHECK(t.steps[0].margin == "6e24 FLOP is 1.5x over 4e24 FLOP");
  CHECK(t.steps[0].flip == "false below 4e24 FLOP: 1.5x less training_compute");
  CHECK(t.steps[1].test == "gpqa >= 60 pp");
  CHECK(t.steps[1].result == "false");
  CHECK(t.steps[1].margin == "55 pp is 5 pp under 60 pp");
  CHECK(t.steps[1].flip == "true at 60 pp or more: 5 pp more gpqa");
  // The value of another model, through the reference.
  const TracedValue& previous = value(t, "training_compute@previous");
  CHECK(previous.value == "1e24 FLOP");
  CHECK(previous.origin == ValueOrigin::Record);
  CHECK(previous.source == "model `old`, named by reference `previous`");
  CHECK(previous.location == "lab.json:2");
  CHECK(value(t, "gpqa").value == "55 pp");
}

TEST_CASE_FIXTURE(Fixture, "explain: dates and definitions") {
  const Explanation e = explain_model("new");
  const VerdictTrace& t = trace(e, "early");
  CHECK(t.verdict.value == "true");
  REQUIRE(t.steps.size() == 2);
  CHECK(t.steps[0].test == "released < 2024-04-09");
  CHECK(t.steps[0].margin == "2024-01-01 is 3.3 months before 2024-04-09");
  CHECK(t.steps[0].flip == "false at 2024-04-09 or later: released 3.3 months later");
  CHECK(t.steps[1].margin == "6.1e24 FLOP is 6.1x over 1e24 FLOP");
  const TracedValue& cumulative = value(t, "cumulative");
  CHECK(cumulative.origin == ValueOrigin::Definition);
  CHECK(cumulative.source == "define cumulative = training_compute + 1e23 FLOP");
  CHECK(cumulative.location == "lab.policy:13");
  CHECK(cumulative.note == "\"pre-training and fine-tuning together\"");
  // The definition's inputs follow it.
  CHECK(value(t, "training_compute").source == "key `Compute`");
  CHECK(value(t, "released").value == "2024-01-01");
}

TEST_CASE_FIXTURE(Fixture, "explain: an assumption, under the first reading; the verdict gives every reading") {
  const Explanation e = explain_model("new");
  const VerdictTrace& t = trace(e, "scaled");
  CHECK_FALSE(t.verdict.robust);
  CHECK(t.verdict.depends_on == std::vector<std::string>{"margin"});
  CHECK(t.verdict.readings.size() == 2);
  const TracedValue& margin = value(t, "margin");
  CHECK(margin.origin == ValueOrigin::Assumption);
  CHECK(margin.value == "1.5x");
  CHECK(margin.source == "assume margin in [1.5x, 3x]");
  REQUIRE(t.steps.size() == 1);
  CHECK(t.steps[0].result == "false");
  CHECK(t.steps[0].margin == "9e24 FLOP is 1.1x under 1e25 FLOP");
}

TEST_CASE_FIXTURE(Fixture, "explain: an exemption, the evaluation date, and an obligation it lifts") {
  const Explanation e = explain_model("new");
  const VerdictTrace& research = trace(e, "research");
  CHECK(research.verdict.value == "true");
  CHECK(research.steps.size() == 2);
  CHECK(research.steps[1].test == "time_since(2023-01-01) > 6 months");
  CHECK(research.steps[1].margin == "24 months is 18 months over 6 months");
  const TracedValue& as_of = value(research, "as_of");
  CHECK(as_of.origin == ValueOrigin::EvaluationDate);
  CHECK(as_of.value == "2025-01-01");
  CHECK(value(research, "time_since(2023-01-01)").origin == ValueOrigin::Computed);

  const VerdictTrace& report = trace(e, "concern.medium.report");
  CHECK(report.verdict.value == "false");
  CHECK(report.condition == "concern == medium and not (research)");
  REQUIRE(report.steps.size() == 2);
  CHECK(report.steps[0].result == "true");
  CHECK(report.steps[1].test == "an exemption lifts it: research");
  CHECK(report.steps[1].result == "true");
  CHECK(report.steps[1].margin == "lifted by research");
  CHECK(value(report, "concern").origin == ValueOrigin::Rule);
  CHECK(value(report, "concern").value == "medium");
}

TEST_CASE_FIXTURE(Fixture, "explain: a missing figure is a test that fails, with nothing to measure") {
  const Explanation e = explain_model("blank");
  const VerdictTrace& t = trace(e, "concern");
  CHECK(t.verdict.value == "unknown");
  REQUIRE(t.steps.size() == 1);
  CHECK(t.steps[0].test == "training_compute is known");
  CHECK(t.steps[0].result == "false");
  CHECK(t.steps[0].margin.empty());
  CHECK(t.values[0].value == "unknown");
  CHECK(t.values[0].source == "key `Compute`");
}

TEST_CASE_FIXTURE(Fixture, "explain: an unknown model, with the closest name") {
  auto e = scalepol::explain(policy, records, "NEW");
  REQUIRE_FALSE(e.has_value());
  REQUIRE(e.error().items.size() == 1);
  const Diagnostic& d = e.error().items[0];
  CHECK(d.code == "unknown-model");
  CHECK(d.message == "no model named `NEW` in `lab.json`");
  CHECK(d.help == "did you mean `new`?");
  auto far = scalepol::explain(policy, records, "GPT-4");
  REQUIRE_FALSE(far.has_value());
  CHECK(far.error().items[0].help.empty());
  auto bad_date = scalepol::explain(policy, records, "new", {.as_of = "2025-02-30"});
  REQUIRE_FALSE(bad_date.has_value());
  CHECK(bad_date.error().items[0].code == "invalid-date");
}
