#include "lint/walk.hpp"

#include <vector>

namespace scalepol::linter {

void walk(const ast::Expr& e, const std::function<void(const ast::Expr&)>& fn) {
  // An explicit stack: expression depth is bounded by the parser's nesting limit, but a walk
  // that cannot overflow needs no such argument.
  std::vector<const ast::Expr*> stack{&e};
  while (!stack.empty()) {
    const ast::Expr* x = stack.back();
    stack.pop_back();
    fn(*x);
    for (auto it = x->args.rbegin(); it != x->args.rend(); ++it)
      if (*it) stack.push_back(it->get());
  }
}

void for_each_root(const ast::Module& m, const std::function<void(const ast::Expr&, const Site&)>& fn) {
  auto visit = [&](const ast::ExprPtr& e, std::string_view kind, const ast::Ident* owner) {
    if (e) fn(*e, Site{kind, owner});
  };
  auto obligations = [&](const std::vector<ast::Obligation>& list, const ast::Ident* owner) {
    for (const auto& o : list) visit(o.within, "obligation", owner);
  };
  for (const auto& b : m.benchmarks)
    for (const auto& s : b.settings) visit(s.literal, "benchmark", &b.name);
  for (const auto& ec : m.effective_computes) {
    visit(ec.base.value, "effective_compute", &ec.name);
    visit(ec.scale.value, "effective_compute", &ec.name);
    visit(ec.multiplier.value, "effective_compute", &ec.name);
  }
  for (const auto& d : m.defines) visit(d.value, "define", &d.name);
  for (const auto& t : m.tiers) {
    visit(t.by, "tiers", &t.name);
    for (const auto& tier : t.tiers) {
      for (const auto& b : tier.bounds) visit(b.value, "tier bound", &tier.name);
      obligations(tier.obligations, &tier.name);
    }
  }
  for (const auto& e : m.escalations) visit(e.when, "escalate", &e.ladder);
  for (const auto& t : m.triggers) {
    visit(t.when, "trigger", &t.name);
    obligations(t.obligations, &t.name);
  }
  for (const auto& e : m.exemptions) visit(e.when, "exemption", &e.name);
  for (const auto& a : m.assumptions)
    for (const auto& item : a.items) {
      for (const auto& c : item.choices) visit(c, "assume", &item.name);
      visit(item.value, "assume", &item.name);
    }
  for (const auto& t : m.tests)
    for (const auto& e : t.expects) visit(e, "test", nullptr);
}

}  // namespace scalepol::linter
