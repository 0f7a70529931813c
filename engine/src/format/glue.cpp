#include "format/glue.hpp"

#include <vector>

namespace scalepol::format {

// Spacing the token text cannot decide: signs (a `-` that starts a Neg node or a range's end)
// and a call's `(`. Iterative: an expression can be a long chain of `@`.
void mark_glue(Printer& p, const ast::Module& m) {
  using ast::Expr;
  using ast::ExprKind;
  std::vector<const Expr*> stack;
  const auto range = [&](const ast::Range& r) {
    for (std::size_t i = p.index_at(r.span.begin); i < p.count() && p.begin(i) < r.span.end; ++i)
      if (p.text(i) == "-") p.glue_after(p.begin(i));
  };
  const auto push = [&](const ast::ExprPtr& e) {
    if (e) stack.push_back(e.get());
  };
  for (const auto& b : m.benchmarks)
    for (const auto& s : b.settings) {
      push(s.literal);
      if (s.kind == ast::Setting::Kind::Range) range(s.range);
    }
  for (const auto& ec : m.effective_computes) {
    push(ec.base.value);
    push(ec.scale.value);
    push(ec.multiplier.value);
  }
  for (const auto& d : m.defines) push(d.value);
  const auto obligations = [&](const std::vector<ast::Obligation>& os) {
    for (const auto& o : os) push(o.within);
  };
  for (const auto& t : m.triggers) {
    push(t.when);
    obligations(t.obligations);
  }
  for (const auto& t : m.tiers) {
    push(t.by);
    for (const auto& tier : t.tiers) {
      for (const auto& b : tier.bounds) push(b.value);
      obligations(tier.obligations);
    }
  }
  for (const auto& e : m.escalations) push(e.when);
  for (const auto& e : m.exemptions) push(e.when);
  for (const auto& a : m.assumptions)
    for (const auto& x : a.items) {
      for (const auto& c : x.choices) push(c);
      push(x.value);
      if (x.kind == ast::Assumption::Kind::Range) range(x.range);
    }
  for (const auto& t : m.tests) {
    for (const auto& r : t.records)
      for (const auto& entry : r.entries) {
        push(entry.literal);
        if (entry.kind == ast::RecordEntry::Kind::Range) range(entry.range);
      }
    for (const auto& x : t.expects) push(x);
  }
  while (!stack.empty()) {
    const Expr* e = stack.back();
    stack.pop_back();
    if (e->kind == ExprKind::Neg) p.glue_after(e->span.begin);
    if (e->kind == ExprKind::Within) range(e->range);
    if (e->kind == ExprKind::Call) {
      const std::size_t paren = p.index_at(e->callee.span.end);
      if (paren < p.count()) p.glue_before(p.begin(paren));
    }
    for (const auto& a : e->args) push(a);
  }
}

}  // namespace scalepol::format
