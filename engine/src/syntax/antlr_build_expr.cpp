// Expressions: one function per kind of node. Levels of the grammar that only pass an operand
// on are skipped in a loop (skip_passes); a chain becomes one n-ary node, built in a loop.
#include "syntax/antlr_build.hpp"

namespace scalepol::syntax {
namespace {

template <class T, class C>
T* as(C* c) {
  return dynamic_cast<T*>(c);
}

ast::Op op_of(antlr4::Token* t) {
  switch (t ? t->getType() : 0) {
    case scalepol_gen::ScalepolParser::PLUS: return ast::Op::Add;
    case scalepol_gen::ScalepolParser::MINUS: return ast::Op::Sub;
    case scalepol_gen::ScalepolParser::STAR: return ast::Op::Mul;
    case scalepol_gen::ScalepolParser::SLASH: return ast::Op::Div;
    case scalepol_gen::ScalepolParser::LT: return ast::Op::Lt;
    case scalepol_gen::ScalepolParser::LE: return ast::Op::Le;
    case scalepol_gen::ScalepolParser::GT: return ast::Op::Gt;
    case scalepol_gen::ScalepolParser::GE: return ast::Op::Ge;
    case scalepol_gen::ScalepolParser::EQ: return ast::Op::Eq;
    default: return ast::Op::Ne;
  }
}

}  // namespace

antlr4::ParserRuleContext* AstBuilder::skip_passes(antlr4::ParserRuleContext* c) {
  while (c) {
    if (auto* x = as<P::ExprContext>(c)) {
      c = x->orExpr();
    } else if (auto* x = as<P::OrExprContext>(c)) {
      auto operands = x->andExpr();
      if (operands.size() != 1) return c;
      c = operands[0];
    } else if (auto* x = as<P::AndExprContext>(c)) {
      auto operands = x->notExpr();
      if (operands.size() != 1) return c;
      c = operands[0];
    } else if (auto* x = as<P::NotPassContext>(c)) {
      c = x->compareExpr();
    } else if (auto* x = as<P::CompareExprContext>(c)) {
      auto operands = x->addExpr();
      if (operands.size() != 1 || x->IS() || x->CONTAINS() || x->STARTS_WITH() || x->compareOp()) return c;
      c = operands[0];
    } else if (auto* x = as<P::AddExprContext>(c)) {
      auto operands = x->mulExpr();
      if (operands.size() != 1 || !x->addOp().empty()) return c;
      c = operands[0];
    } else if (auto* x = as<P::MulExprContext>(c)) {
      auto operands = x->unaryExpr();
      if (operands.size() != 1 || !x->mulOp().empty()) return c;
      c = operands[0];
    } else if (auto* x = as<P::UnaryPassContext>(c)) {
      c = x->postfixExpr();
    } else if (auto* x = as<P::PostfixExprContext>(c)) {
      if (!x->name().empty()) return c;
      c = x->primary();
    } else if (auto* x = as<P::ParenPrimaryContext>(c)) {
      c = x->expr();  // the node is the inner expression's; its span stays the inner's
    } else {
      return c;
    }
  }
  return nullptr;
}

ast::ExprPtr AstBuilder::expression(antlr4::ParserRuleContext* c) {
  c = skip_passes(c);
  if (!c) return nullptr;
  if (auto* x = as<P::OrExprContext>(c)) return or_expr(x);
  if (auto* x = as<P::AndExprContext>(c)) return and_expr(x);
  if (auto* x = as<P::NotOpContext>(c)) return not_expr(x);
  if (auto* x = as<P::CompareExprContext>(c)) return compare_expr(x);
  if (auto* x = as<P::AddExprContext>(c)) return add_chain(x);
  if (auto* x = as<P::MulExprContext>(c)) return mul_chain(x);
  if (auto* x = as<P::NegateContext>(c)) return unary_expr(x);
  if (auto* x = as<P::PostfixExprContext>(c)) return postfix_expr(x);
  if (auto* x = as<P::PrimaryContext>(c)) return primary(x);
  return nullptr;
}

ast::ExprPtr AstBuilder::or_expr(P::OrExprContext* c) {
  auto e = node(ast::ExprKind::Or, span(c));
  for (auto* operand : c->andExpr()) {
    auto arg = expression(operand);
    if (!arg) return nullptr;
    e->args.push_back(std::move(arg));
  }
  return e->args.size() < 2 ? nullptr : std::move(e);
}

ast::ExprPtr AstBuilder::and_expr(P::AndExprContext* c) {
  auto e = node(ast::ExprKind::And, span(c));
  for (auto* operand : c->notExpr()) {
    auto arg = expression(operand);
    if (!arg) return nullptr;
    e->args.push_back(std::move(arg));
  }
  return e->args.size() < 2 ? nullptr : std::move(e);
}

ast::ExprPtr AstBuilder::not_expr(P::NotExprContext* c) {
  // `not not x`: walk down the chain, build the operand, then wrap it from the inside out.
  std::vector<P::NotOpContext*> nots;
  while (auto* op = as<P::NotOpContext>(c)) {
    nots.push_back(op);
    c = op->notExpr();
  }
  ast::ExprPtr e = expression(c);
  if (!e) return nullptr;
  for (auto it = nots.rbegin(); it != nots.rend(); ++it) {
    auto n = node(ast::ExprKind::Not, span(*it));
    n->args.push_back(std::move(e));
    e = std::move(n);
  }
  return e;
}

ast::ExprPtr AstBuilder::compare_expr(P::CompareExprContext* c) {
  auto sides = c->addExpr();
  if (sides.empty()) return nullptr;
  ast::ExprPtr e;
  if (auto* op = c->compareOp()) {
    e = node(ast::ExprKind::Compare, span(c));
    e->ops.push_back(op_of(op->getStart()));
  } else if (c->IS()) {
    e = node(ast::ExprKind::IsStatus, span(c));
    const bool negated = c->NOT() != nullptr;
    if (c->KNOWN() || c->UNKNOWN()) {
      // `is known` and `is not unknown` both ask whether the value is known.
      e->status_test = ast::StatusTest::Known;
      e->boolean = (c->KNOWN() != nullptr) != negated;
    } else if (c->POSSIBLE() || c->DEFINITE()) {
      e->status_test = c->POSSIBLE() ? ast::StatusTest::Possible : ast::StatusTest::Definite;
      e->boolean = !negated;
    } else {
      return nullptr;
    }
  } else if (c->CONTAINS()) {
    e = node(ast::ExprKind::Contains, span(c));
  } else if (c->STARTS_WITH()) {
    e = node(ast::ExprKind::StartsWith, span(c));
  } else {
    return expression(sides[0]);
  }
  const std::size_t operands = e->kind == ast::ExprKind::IsStatus ? 1 : 2;
  if (sides.size() != operands) return nullptr;
  for (auto* side : sides) {
    auto arg = expression(side);
    if (!arg) return nullptr;
    e->args.push_back(std::move(arg));
  }
  return e;
}

// `a + b - c` and `a * b / c`: one Arith node, operands and operators in source order.
template <class Operand, class Operator>
ast::ExprPtr AstBuilder::chain(antlr4::ParserRuleContext* c, const std::vector<Operand*>& operands,
                               const std::vector<Operator*>& ops) {
  if (operands.empty() || ops.size() + 1 != operands.size()) return nullptr;
  auto e = node(ast::ExprKind::Arith, span(c));
  e->args.reserve(operands.size());
  e->ops.reserve(ops.size());
  for (std::size_t i = 0; i < operands.size(); ++i) {
    auto arg = expression(operands[i]);
    if (!arg) return nullptr;
    e->args.push_back(std::move(arg));
    if (i < ops.size()) e->ops.push_back(op_of(ops[i]->getStart()));
  }
  return e;
}

ast::ExprPtr AstBuilder::add_chain(P::AddExprContext* c) { return chain(c, c->mulExpr(), c->addOp()); }
ast::ExprPtr AstBuilder::mul_chain(P::MulExprContext* c) { return chain(c, c->unaryExpr(), c->mulOp()); }

ast::ExprPtr AstBuilder::unary_expr(P::UnaryExprContext* c) {
  std::vector<P::NegateContext*> signs;
  while (auto* neg = as<P::NegateContext>(c)) {
    signs.push_back(neg);
    c = neg->unaryExpr();
  }
  ast::ExprPtr e = expression(c);
  if (!e) return nullptr;
  for (auto it = signs.rbegin(); it != signs.rend(); ++it) {
    auto n = node(ast::ExprKind::Neg, span(*it));
    n->args.push_back(std::move(e));
    e = std::move(n);
  }
  return e;
}

ast::ExprPtr AstBuilder::postfix_expr(P::PostfixExprContext* c) {
  auto e = expression(c->primary());
  if (!e) return nullptr;
  // `x@a@b` is (x@a)@b: each `@` wraps what came before it.
  for (auto* ref : c->name()) {
    auto at = node(ast::ExprKind::At, span(c->getStart(), ref->getStop()));
    at->ref = ident(ref);
    at->args.push_back(std::move(e));
    e = std::move(at);
  }
  return e;
}

ast::ExprPtr AstBuilder::ratio(antlr4::Token* token) {
  // `4x`: the number 4 with the unit x; the unit's span is the `x`.
  token = real(token);
  if (!token) return nullptr;
  auto e = node(ast::ExprKind::Number, span(token));
  const std::string written = token->getText();
  e->text = written.substr(0, written.size() - 1);
  e->number = number_value(token, e->text);
  e->unit.assign(1, 'x');  // not `= "x"`: GCC 12 gives a false -Wrestrict warning on that (PR 105329)
  e->unit_span = positions_.chars(token->getStopIndex(), token->getStopIndex() + 1);
  return e;
}

ast::ExprPtr AstBuilder::primary(P::PrimaryContext* c) {
  if (!c) return nullptr;
  if (auto* p = as<P::ParenPrimaryContext>(c)) return expression(p->expr());
  if (auto* p = as<P::NamePrimaryContext>(c)) {
    auto e = node(ast::ExprKind::Name, span(p));
    e->path = path(p->qualifiedName());
    if (e->path.empty()) return nullptr;
    return e;
  }
  if (auto* p = as<P::LiteralPrimaryContext>(c)) {
    auto value = literal(p->literal());
    if (!value || !p->WITHIN()) return value;
    // `8 months within 5..14 months`: a value with the range it plausibly lies in.
    auto e = node(ast::ExprKind::Within, span(p));
    e->args.push_back(std::move(value));
    e->range = range(p->range());
    return e;
  }
  if (auto* p = as<P::ScaledPrimaryContext>(c)) {
    // `4x ec@ref`: four times the operand, a multiplication like any other.
    auto factor = ratio(real(p->RATIO()));
    auto operand = expression(p->postfixExpr());
    if (!factor || !operand) return nullptr;
    auto e = node(ast::ExprKind::Arith, span(p));
    e->ops.push_back(ast::Op::Mul);
    e->args.push_back(std::move(factor));
    e->args.push_back(std::move(operand));
    return e;
  }
  if (auto* p = as<P::CallPrimaryContext>(c)) {
    auto e = node(ast::ExprKind::Call, span(p));
    auto callee = path(p->qualifiedName());
    if (callee.empty()) return nullptr;
    e->callee = {dotted(callee), span(p->qualifiedName())};
    for (auto* a : p->argument()) {
      auto value = expr(a->expr());
      if (!value) return nullptr;
      e->arg_names.push_back(a->name() ? ident(a->name()).text : std::string());
      e->args.push_back(std::move(value));
    }
    return e;
  }
  if (auto* p = as<P::FreeTextPrimaryContext>(c)) {
    auto e = node(ast::ExprKind::FreeText, span(p));
    e->text = string_value(p->STRING());
    return e;
  }
  return nullptr;
}

ast::ExprPtr AstBuilder::literal(P::LiteralContext* c) {
  if (!c) return nullptr;
  if (auto* q = as<P::QuantityLiteralContext>(c)) {
    antlr4::Token* number = real(q->NUMBER());
    if (!number) return nullptr;
    auto e = node(ast::ExprKind::Number, span(q));
    e->text = number->getText();
    e->number = number_value(number, e->text);
    if (antlr4::Token* unit = unit_word(q->unitWord())) {
      e->unit = unit->getText();
      e->unit_span = span(unit);
    }
    return e;
  }
  if (auto* r = as<P::RatioLiteralContext>(c)) return ratio(real(r->RATIO()));
  if (auto* d = as<P::DateLiteralContext>(c)) {
    antlr4::Token* date = real(d->DATE());
    if (!date) return nullptr;
    auto e = node(ast::ExprKind::Date, span(d));
    e->text = date->getText();
    e->date = date_value(date).value_or(0);
    return e;
  }
  if (auto* s = as<P::StringLiteralContext>(c)) {
    if (!real(s->STRING())) return nullptr;
    auto e = node(ast::ExprKind::String, span(s));
    e->text = string_value(s->STRING());
    return e;
  }
  if (auto* b = as<P::BoolLiteralContext>(c)) {
    auto e = node(ast::ExprKind::Bool, span(b));
    e->boolean = b->TRUE() != nullptr;
    return e;
  }
  return nullptr;
}

antlr4::Token* AstBuilder::unit_word(P::UnitWordContext* c) const {
  if (!c) return nullptr;
  if (antlr4::Token* builtin = real(c->UNIT())) return builtin;
  return real(c->UNIT_NAME());
}

ast::Range AstBuilder::range(P::RangeContext* c) {
  ast::Range r;
  if (!c) return r;
  r.span = span(c);
  // MINUS? NUMBER UNIT? `..` MINUS? NUMBER UNIT?: the children in order say which end a token
  // belongs to. The unit after the high end is the range's unit; one after the low end is
  // kept apart, so that the checker can tell `5..14 months` from `5 days..14 months`.
  bool high = false, negative = false;
  for (auto* child : c->children) {
    if (auto* word = as<P::UnitWordContext>(child)) {
      if (antlr4::Token* unit = unit_word(word)) (high ? r.unit : r.lo_unit) = unit->getText();
      continue;
    }
    antlr4::Token* t = real(dynamic_cast<antlr4::tree::TerminalNode*>(child));
    if (!t) continue;
    switch (t->getType()) {
      case P::MINUS: negative = true; break;
      case P::DOTDOT: high = true; break;
      case P::NUMBER: {
        double value = number_value(t, t->getText());
        (high ? r.hi : r.lo) = negative ? -value : value;
        negative = false;
        break;
      }
      default: break;
    }
  }
  return r;
}

}  // namespace scalepol::syntax
