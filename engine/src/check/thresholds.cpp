#include "check/thresholds.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "check/constant.hpp"

namespace scalepol::check {

namespace {

bool is_field(const ast::Expr& e, int32_t slot) {
  return e.kind == ast::ExprKind::Name && e.res.kind == RefKind::Field && e.res.index == slot;
}

class Collector {
 public:
  Collector(int32_t slot, std::vector<Threshold>& out) : slot_(slot), out_(out) {}

  // Each (rule, value) once, by a set rather than a scan of the lines so far (a ladder of n tiers
  // would cost n^2). Values compare with ==, so 0 and -0 are one value; NaN equals nothing, so a
  // NaN line is always kept.
  void add(Threshold t) {
    if (!std::isnan(t.value) && !seen_.emplace(t.rule, t.value == 0 ? 0.0 : t.value).second) return;
    out_.push_back(std::move(t));
  }

  // Every comparison of the field with a constant inside `e`, for `rule`.
  void walk(const ast::Expr* e, const std::string& rule, const std::vector<ast::Quote>& quotes) {
    if (e == nullptr) return;
    if (e->kind == ast::ExprKind::Compare && e->args.size() == 2 && !e->ops.empty()) {
      const ast::Expr& a = *e->args[0];
      const ast::Expr& b = *e->args[1];
      ast::Op op = e->ops[0];
      std::optional<double> constant;
      if (is_field(a, slot_)) {
        constant = constant_value(b);
      } else if (is_field(b, slot_)) {
        constant = constant_value(a);
        op = ast::mirrored(op);
      }
      if (constant) {
        Threshold t{.rule = rule, .op = ast::op_text(op), .value = *constant};
        if (!quotes.empty()) {
          t.quote = quotes.front().text;
          t.source = quotes.front().source;
        }
        add(std::move(t));
        return;
      }
    }
    // `x @ ref` reads another model's value: nothing under it is a line on this record's field.
    if (e->kind == ast::ExprKind::At) return;
    for (const auto& arg : e->args) walk(arg.get(), rule, quotes);
  }

 private:
  int32_t slot_;
  std::vector<Threshold>& out_;
  std::set<std::pair<std::string, double>> seen_;
};

}  // namespace

std::vector<Threshold> thresholds_on(const Program& program, int32_t slot) {
  std::vector<Threshold> out;
  if (slot < 0) return out;
  Collector collect(slot, out);
  for (const Ladder& ladder : program.ladders) {
    if (ladder.decl == nullptr || !ladder.decl->by || !is_field(*ladder.decl->by, slot)) continue;
    const auto& tiers = ladder.decl->tiers;
    for (std::size_t t = 0; t < tiers.size() && t < ladder.ranges.size(); ++t) {
      const TierRange& r = ladder.ranges[t];
      if (!r.has_lo) continue;
      Threshold th{.rule = ladder.decl->name.text, .label = tiers[t].name.text, .op = r.lo_inclusive ? ">=" : ">",
                   .value = r.lo};
      if (!tiers[t].quotes.empty()) {
        th.quote = tiers[t].quotes.front().text;
        th.source = tiers[t].quotes.front().source;
      }
      collect.add(std::move(th));
    }
  }
  for (const ast::TriggerDecl* t : program.triggers) collect.walk(t->when.get(), t->name.text, t->quotes);
  for (const Escalation& e : program.escalations)
    if (e.decl != nullptr)
      collect.walk(e.decl->when.get(), e.decl->ladder.text + "." + e.decl->tier.text, e.decl->quotes);
  for (const Exemption& e : program.exemptions)
    if (e.decl != nullptr) collect.walk(e.decl->when.get(), e.decl->name.text, e.decl->quotes);
  for (const ast::DefineDecl* d : program.defines) collect.walk(d->value.get(), d->name.text, d->quotes);
  return out;
}

}  // namespace scalepol::check
