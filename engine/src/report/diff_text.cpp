// A policy diff as text: the two versions, the rules only one has, then the models whose
// verdicts differ, each changed verdict with the clause of each version that decides it.
//
//   old: old.policy (eu_old)
//   new: new.policy (eu_new)
//   as of 2025-06-01; 900 models compared
//
//   Grok-2
//     gpai_tier: systemic_risk → gpai
//       old: systemic_risk if training_compute > 1e25 FLOP
//            training_compute is 2.96e25 FLOP; systemic_risk is above 1e25 FLOP; 2.96x its lower bound
//       new: gpai if training_compute > 1e23 FLOP and training_compute <= 1e26 FLOP
//            training_compute is 2.96e25 FLOP; gpai is above 1e23 FLOP up to 1e26 FLOP; …
//     gpai_tier.systemic_risk.notify: true → (no verdict)
//       old: gpai_tier == systemic_risk
//            notify "European Commission" within 2 weeks, imposed by tier systemic_risk
//
//   1 model differs in 2 verdicts
//
// `(no verdict)`: that version gives the model no verdict for the rule (an obligation of a tier
// the model is not in). A status other than definite or unknown is shown after the value.
//
// Names, paths, values and conditions come from policies and data files: they are printed through
// append_printable, so that a model name cannot move the cursor or reverse the text after it.
#include <ostream>

#include <fmt/format.h>

#include "report/sink.hpp"
#include "report/text_util.hpp"
#include "scalepol/diff.hpp"

namespace scalepol {

namespace {

// Text from a policy or a data file, safe for a terminal (report/text_util.hpp).
std::string p(std::string_view text) {
  std::string out;
  report::append_printable(out, text);
  return out;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// The value, with its status when it is not definite: `gpai`, `systemic_risk (possible)`.
std::string shown(const Verdict& v) {
  if (v.status == Status::Definite || v.status == Status::Unknown) return p(v.value);
  return fmt::format("{} ({})", p(v.value), status_name(v.status));
}

std::string version_line(std::string_view label, const std::string& path, const std::string& name) {
  if (path.empty()) return fmt::format("{}: {}\n", label, p(name));
  return fmt::format("{}: {} ({})\n", label, p(path), p(name));
}

// `    old: CONDITION`, then the values it saw (the verdict's `because`) under it.
void write_side(std::string& out, std::string_view label, const std::string& condition, const std::string& because) {
  if (condition.empty() && because.empty()) return;
  // A trigger's `because` is its condition with the result (`… >= 3 months is true`): once.
  if (condition.empty() || because.starts_with(condition)) {
    out += fmt::format("    {}: {}\n", label, p(because));
    return;
  }
  out += fmt::format("    {}: {}\n", label, p(condition));
  if (!because.empty()) out += fmt::format("         {}\n", p(because));
}

void write_diff(report::Sink& sink, const PolicyDiff& d) {
  std::string& out = sink.buffer();
  out += version_line("old", d.old_path, d.old_policy);
  out += version_line("new", d.new_path, d.new_policy);
  out += fmt::format("{}{} compared\n", d.as_of.empty() ? "" : fmt::format("as of {}; ", d.as_of),
                     plural(d.compared_models, "model", "models"));
  if (!d.added.empty() || !d.removed.empty()) out += '\n';
  for (const RuleOnlyIn& r : d.added) out += fmt::format("+ {} {} (new version only)\n", verdict_kind_name(r.kind), p(r.rule));
  for (const RuleOnlyIn& r : d.removed) out += fmt::format("- {} {} (old version only)\n", verdict_kind_name(r.kind), p(r.rule));
  for (const ModelDiff& m : d.models) {
    out += fmt::format("\n{}\n", p(m.model));
    for (const VerdictChange& c : m.changes) {
      out += fmt::format("  {}: {} → {}\n", p(c.rule), c.in_old ? shown(c.old_verdict) : "(no verdict)",
                         c.in_new ? shown(c.new_verdict) : "(no verdict)");
      write_side(out, "old", c.old_condition, c.old_verdict.because);
      write_side(out, "new", c.new_condition, c.new_verdict.because);
    }
    sink.drain_if_large();
  }
  out += fmt::format("\n{} {} in {}\n", plural(d.models.size(), "model", "models"),
                     d.models.size() == 1 ? "differs" : "differ", plural(d.changed_verdicts(), "verdict", "verdicts"));
  sink.finish();
}

}  // namespace

std::string render_diff_text(const PolicyDiff& diff) {
  report::Sink sink;
  write_diff(sink, diff);
  return std::move(sink.buffer());
}

void render_diff_text(std::ostream& out, const PolicyDiff& diff) {
  report::Sink sink(&out);
  write_diff(sink, diff);
}

}  // namespace scalepol
