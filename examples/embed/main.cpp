// A host program that embeds scalepol: it compiles a policy from a string, builds model records
// from its own data, evaluates the policy over them, prints the verdicts and lints the policy.
//
// Output (one line per verdict: model, rule, value, status):
//
//   GPT-4: gpai_tier = systemic_risk (possible)
//   ...
//   o3: gpai_tier = unknown (unknown)
#include <scalepol/scalepol.hpp>

#include <iostream>
#include <string_view>

namespace {

// The EU AI Act's tiers of general-purpose AI models (stdlib/regulations/eu_ai_act.policy has
// them with the law's text), and a trigger of the host's own.
constexpr std::string_view kPolicy = R"(policy embed_example "Tiers and a trigger, compiled by a host program" {
  issuer    "scalepol examples"
  published 2025-01-01
}

import std.model

tiers gpai_tier by training_compute {
  tier none          up_to 1e23 FLOP
  tier gpai          above 1e23 FLOP
  tier systemic_risk above 1e25 FLOP
    require notify "European Commission" within 2 weeks
}

trigger frontier_evaluation {
  when training_compute > 1e26 FLOP
  require evaluate "dangerous-capability evaluations before release"
}
)";

}  // namespace

int main() {
  std::cout << "scalepol " << scalepol::version() << "\n";

  // Compile once. The name is what diagnostics call the source; `import std.model` is served by
  // the standard library embedded in the engine, so nothing is read from disk.
  auto policy = scalepol::compile_source(kPolicy, "embed_example.policy");
  if (!policy) {
    std::cerr << scalepol::render_text(policy.error());
    return 1;
  }

  // Records from the host's own data, in the fields' declared units (training_compute: FLOP).
  // A field never set is unknown: o3's verdicts are unknown, never "below the line".
  scalepol::RecordsBuilder builder(*policy);
  builder.add("GPT-4").set("training_compute", 2.1e25, 8.2e24, 4.4e25).set("released", "2023-03-15");
  builder.add("Grok-3").set("training_compute", 4.6e26).set("released", "2025-02-17");
  builder.add("GPT-3").set("training_compute", 3.14e23).set("released", "2020-05-28");
  builder.add("o3");
  auto records = builder.build();
  if (!records) {
    std::cerr << scalepol::render_text(records.error());
    return 1;
  }

  // Evaluate many: one result per record, one verdict per rule (tiers, triggers, obligations).
  auto report = policy->evaluate(*records);
  if (!report) {
    std::cerr << scalepol::render_text(report.error());
    return 1;
  }
  for (const scalepol::ModelResult& result : report->results) {
    for (const scalepol::Verdict& verdict : result.verdicts) {
      std::cout << result.model << ": " << verdict.rule << " = " << verdict.value << " ("
                << scalepol::status_name(verdict.status) << ")\n";
    }
  }

  // The linter: what the policy leaves undefined or underspecified.
  scalepol::Diagnostics findings = scalepol::lint(*policy);
  std::cout << "lint: " << findings.items.size() << " findings\n";
  std::cout << scalepol::render_text(findings);
  return 0;
}
