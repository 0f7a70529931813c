// Evaluation reports rendered as a table.
#include <doctest/doctest.h>

#include <sstream>

#include "scalepol/report.hpp"

using namespace scalepol;

namespace {
Verdict tier(std::string value, Status status = Status::Definite) {
  return {.rule = "gpai_tier", .kind = VerdictKind::Tier, .value = std::move(value), .status = status};
}
Verdict trigger(std::string rule, std::string value, Status status = Status::Definite) {
  return {.rule = std::move(rule), .kind = VerdictKind::Trigger, .value = std::move(value), .status = status};
}
Verdict obligation(std::string value) {
  return {.rule = "gpai_tier.systemic_risk.notify", .kind = VerdictKind::Obligation, .value = std::move(value)};
}

Report small_report() {
  Report r;
  r.policy = "eu_ai_act";
  r.title = "EU AI Act";
  r.as_of = "2025-06-01";
  r.results = {
      {"GPT-4", {tier("systemic_risk"), obligation("true"), trigger("notify", "true")}},
      {"Llama 2 70B", {tier("gpai", Status::Possible), trigger("notify", "false")}},
      {"o3", {tier("unknown", Status::Unknown), trigger("notify", "unknown", Status::Unknown)}},
      {"Inflection-2", {tier("systemic_risk")}},
  };
  return r;
}
}  // namespace

TEST_CASE("report table: columns for tiers and triggers, markers, tier summary") {
  CHECK(render_report_text(small_report()) ==
        "policy eu_ai_act \"EU AI Act\" (as of 2025-06-01)\n"
        "\n"
        "model         gpai_tier      notify\n"
        "------------  -------------  -------\n"
        "GPT-4         systemic_risk  true\n"
        "Llama 2 70B   gpai~          false\n"
        "o3            unknown        unknown\n"
        "Inflection-2  systemic_risk  -\n"
        "\n"
        "4 models\n"
        "gpai_tier: systemic_risk 2, gpai 1 (1 possible), unknown 1\n"
        "notify: true 1, false 1, unknown 1\n"
        "~ possible: a value's range reaches across a line\n");
}

TEST_CASE("report table: exemptions and the obligations incurred, when asked for") {
  const auto exemption = [](std::string value, Status status = Status::Definite) {
    return Verdict{.rule = "research", .kind = VerdictKind::Exemption, .value = std::move(value), .status = status};
  };
  const auto owed = [](std::string rule, std::string value, Status status = Status::Definite) {
    return Verdict{.rule = std::move(rule), .kind = VerdictKind::Obligation, .value = std::move(value), .status = status};
  };
  Report r;
  r.policy = "p";
  r.results = {
      // The same kind from a tier (possibly) and a trigger (definitely): incurred, once.
      {"A", {tier("systemic_risk", Status::Possible), exemption("false"),
             owed("gpai_tier.systemic_risk.report", "unknown", Status::Possible), owed("eval.report", "true"),
             owed("gpai_tier.systemic_risk.license", "unknown", Status::Possible)}},
      // Exempt: shown false, not incurred.
      {"B", {tier("gpai"), exemption("true"), owed("gpai_tier.gpai.report", "false")}},
      {"C", {tier("unknown", Status::Unknown), exemption("unknown", Status::Unknown),
             owed("gpai_tier.systemic_risk.report", "unknown", Status::Unknown)}},
  };
  CHECK(render_report_text(r, {.exemptions = true, .obligations = true}) ==
        "policy p\n"
        "\n"
        "model  gpai_tier       research  obligations\n"
        "-----  --------------  --------  ----------------\n"
        "A      systemic_risk~  false     report, license~\n"
        "B      gpai            true      none\n"
        "C      unknown         unknown   report?\n"
        "\n"
        "3 models\n"
        "gpai_tier: systemic_risk 1 (1 possible), gpai 1, unknown 1\n"
        "research: true 1, false 1, unknown 1\n"
        "obligations: report 1 + 1 unknown, license 1 (1 possible)\n"
        "~ possible: a value's range reaches across a line\n"
        "? unknown: the data does not say whether the obligation is incurred\n");
  // Without the options, neither column.
  CHECK(render_report_text(r).find("research") == std::string::npos);
}

TEST_CASE("report table: no title, no date, no columns, one model") {
  Report r;
  r.policy = "p";
  r.results = {{"m", {obligation("true")}}};
  CHECK(render_report_text(r) ==
        "policy p\n"
        "\n"
        "model\n"
        "-----\n"
        "m\n"
        "\n"
        "1 model\n");
}

TEST_CASE("report table: an empty report") {
  Report r;
  r.policy = "p";
  r.as_of = "2025-01-01";
  CHECK(render_report_text(r) == "policy p (as of 2025-01-01)\n\nmodel\n-----\n\n0 models\n");
}

TEST_CASE("report table: long names are cut at 40 columns, widths count display columns (CJK: two)") {
  Report r;
  r.policy = "p";
  r.results = {
      {"An extremely long model name that goes on and on", {tier("none")}},
      {"模型-7B", {tier("système")}},
  };
  CHECK(render_report_text(r) ==
        "policy p\n"
        "\n"
        "model                                     gpai_tier\n"
        "----------------------------------------  ---------\n"
        "An extremely long model name that goes …  none\n"
        "模型-7B                                   système\n"
        "\n"
        "2 models\n"
        "gpai_tier: none 1, système 1\n");
}

TEST_CASE("report table: control characters in data do not reach the terminal") {
  Report r;
  r.policy = "p";
  r.results = {{"evil\x1b[2Jmodel", {tier("a\tb")}}};
  const std::string text = render_report_text(r);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find('\t') == std::string::npos);
}

TEST_CASE("report table: colour only when asked") {
  CHECK(render_report_text(small_report()).find('\x1b') == std::string::npos);
  const std::string colored = render_report_text(small_report(), {.color = true});
  // The padding (8 to the column width, 2 between columns) stays outside the colour.
  CHECK(colored.find("\x1b[33mgpai~\x1b[0m" + std::string(10, ' ') + "false") != std::string::npos);
  CHECK(colored.find("\x1b[2munknown\x1b[0m") != std::string::npos);
}

TEST_CASE("report table: the stream form writes the same text") {
  std::ostringstream out;
  render_report_text(out, small_report());
  CHECK(out.str() == render_report_text(small_report()));
}
