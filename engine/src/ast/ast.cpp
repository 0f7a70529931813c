#include "ast/ast.hpp"

namespace scalepol::ast {

Op mirrored(Op op) {
  switch (op) {
    case Op::Lt: return Op::Gt;
    case Op::Le: return Op::Ge;
    case Op::Gt: return Op::Lt;
    case Op::Ge: return Op::Le;
    default: return op;
  }
}

const char* status_test_text(const Expr& e) {
  switch (e.status_test) {
    case StatusTest::Known: return e.boolean ? "is known" : "is unknown";
    case StatusTest::Possible: return e.boolean ? "is possible" : "is not possible";
    case StatusTest::Definite: return e.boolean ? "is definite" : "is not definite";
  }
  return "is known";
}

const char* op_text(Op op) {
  switch (op) {
    case Op::Add: return "+";
    case Op::Sub: return "-";
    case Op::Mul: return "*";
    case Op::Div: return "/";
    case Op::Lt: return "<";
    case Op::Le: return "<=";
    case Op::Gt: return ">";
    case Op::Ge: return ">=";
    case Op::Eq: return "==";
    case Op::Ne: return "!=";
  }
  return "?";
}

std::vector<const Quote*> all_quotes(const Module& m) {
  std::vector<const Quote*> out;
  const auto add = [&](const std::vector<Quote>& quotes) {
    for (const Quote& q : quotes) out.push_back(&q);
  };
  const auto add_obligations = [&](const std::vector<Obligation>& obligations) {
    for (const Obligation& o : obligations) add(o.quotes);
  };
  for (const auto& x : m.fields) add(x.quotes);
  for (const auto& x : m.benchmarks) add(x.quotes);
  for (const auto& x : m.effective_computes) add(x.quotes);
  for (const auto& x : m.references) add(x.quotes);
  for (const auto& x : m.defines) add(x.quotes);
  for (const auto& x : m.triggers) {
    add(x.quotes);
    add_obligations(x.obligations);
  }
  for (const auto& ladder : m.tiers)
    for (const auto& tier : ladder.tiers) {
      add(tier.quotes);
      add_obligations(tier.obligations);
    }
  for (const auto& x : m.escalations) add(x.quotes);
  for (const auto& x : m.exemptions) add(x.quotes);
  for (const auto& x : m.units) add(x.quotes);
  return out;
}

}  // namespace scalepol::ast
