// From the ANTLR parse tree to the engine's AST. A direct walk over the generated contexts:
// items in antlr_build_items.cpp, expressions in antlr_build_expr.cpp, shared pieces (spans,
// literal values) in antlr_build.cpp.
//
// After a syntax error the tree may lack any child, so every access is checked: a missing part
// of an item is left empty, and an expression with a missing operand becomes null (the module is
// then partial, as ParseResult says). Recursion follows bracket nesting only, which the pre-scan
// has bounded; chains (`a + b + c`, `not not x`, `x@a@b`) are built in loops.
// Include only from syntax/antlr_*.cpp (ANTLR headers).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ScalepolParser.h"
#include "ast/ast.hpp"
#include "syntax/positions.hpp"
#include "syntax/sink.hpp"

namespace scalepol::syntax {

class AstBuilder {
 public:
  using P = scalepol_gen::ScalepolParser;
  // Parts that may be written once per construct (`when`, `base`, `as_of`, …), by keyword.
  using Seen = std::map<std::string, ast::Span>;

  AstBuilder(const PositionMap& positions, DiagnosticSink& sink) : positions_(positions), sink_(sink) {}

  void build(P::FileContext* file, ast::Module& module);

 private:
  // --- items (antlr_build_items.cpp)
  void item(P::ItemContext* c, ast::Module& m);
  ast::PolicyHeader policy_header(P::PolicyHeaderContext* c);
  ast::Import import_decl(P::ImportDeclContext* c);
  ast::FieldDecl field_decl(P::FieldDeclContext* c);
  void date_format(P::FormatOptionContext* c, ast::FieldDecl& f);
  void row_filter(P::RowFilterContext* c, std::vector<ast::RowFilter>& out);
  ast::BenchmarkDecl benchmark_decl(P::BenchmarkDeclContext* c);
  ast::EffectiveComputeDecl effective_compute_decl(P::EffectiveComputeDeclContext* c);
  void ec_part(P::EcPartContext* c, ast::EffectiveComputeDecl& ec, Seen& seen);
  ast::ReferenceDecl reference_decl(P::ReferenceDeclContext* c);
  ast::DefineDecl define_decl(P::DefineDeclContext* c);
  ast::TriggerDecl trigger_decl(P::TriggerDeclContext* c);
  ast::TiersDecl tiers_decl(P::TiersDeclContext* c);
  ast::TierDecl tier_decl(P::TierDeclContext* c);
  ast::EscalateDecl escalate_decl(P::EscalateDeclContext* c);
  ast::ExemptionDecl exemption_decl(P::ExemptionDeclContext* c);
  ast::AssumeDecl assume_decl(P::AssumeDeclContext* c);
  ast::TestDecl test_decl(P::TestDeclContext* c);
  ast::UnitDecl unit_decl(P::UnitDeclContext* c);
  ast::NotEncoded not_encoded_decl(P::NotEncodedDeclContext* c);
  ast::Obligation obligation(P::ObligationContext* c);
  ast::Quote quote(P::QuoteClauseContext* c);
  std::optional<ast::TypeRef> type_ref(P::TypeRefContext* c);
  // True the first time `part`'s keyword is met in `seen`; afterwards a `duplicate-part` error
  // (the AST holds one of each, so a second one cannot be left for the checker to find).
  bool first_time(Seen& seen, antlr4::ParserRuleContext* part, const std::string& owner);

  // --- expressions (antlr_build_expr.cpp)
  ast::ExprPtr expr(P::ExprContext* c) { return expression(c); }
  ast::ExprPtr add_expr(P::AddExprContext* c) { return expression(c); }
  ast::ExprPtr literal(P::LiteralContext* c);
  ast::Range range(P::RangeContext* c);
  // The unit word after a number (a built-in unit, or a name for a declared one), or null.
  antlr4::Token* unit_word(P::UnitWordContext* c) const;

  // Any expression-level context. The grammar has ten levels of precedence, and in `((x))`
  // each of them wraps the next with one operand; walking down such levels in a loop means
  // the builder recurses once per node it builds, not ten times per bracket.
  ast::ExprPtr expression(antlr4::ParserRuleContext* c);
  static antlr4::ParserRuleContext* skip_passes(antlr4::ParserRuleContext* c);
  ast::ExprPtr or_expr(P::OrExprContext* c);
  ast::ExprPtr and_expr(P::AndExprContext* c);
  ast::ExprPtr not_expr(P::NotExprContext* c);
  ast::ExprPtr compare_expr(P::CompareExprContext* c);
  ast::ExprPtr add_chain(P::AddExprContext* c);
  ast::ExprPtr mul_chain(P::MulExprContext* c);
  template <class Operand, class Operator>
  ast::ExprPtr chain(antlr4::ParserRuleContext* c, const std::vector<Operand*>& operands,
                     const std::vector<Operator*>& ops);
  ast::ExprPtr unary_expr(P::UnaryExprContext* c);
  ast::ExprPtr postfix_expr(P::PostfixExprContext* c);
  ast::ExprPtr primary(P::PrimaryContext* c);
  ast::ExprPtr ratio(antlr4::Token* token);

  // --- shared (antlr_build.cpp)
  // A token the parser really read, or null: a missing child, or a token conjured up by error
  // recovery (which has no place in the text).
  static antlr4::Token* real(antlr4::tree::TerminalNode* node);
  static antlr4::Token* real(antlr4::Token* token);
  ast::Span span(antlr4::Token* token) const;
  ast::Span span(antlr4::ParserRuleContext* c) const;
  ast::Span span(antlr4::Token* first, antlr4::Token* last) const;
  ast::Ident ident(P::NameContext* c) const;
  std::vector<ast::Ident> path(P::QualifiedNameContext* c) const;
  static std::string dotted(const std::vector<ast::Ident>& parts);
  std::string text(antlr4::tree::TerminalNode* node) const;   // as written
  std::string string_value(antlr4::tree::TerminalNode* node);  // a STRING, unescaped
  std::optional<int32_t> date_value(antlr4::Token* token);    // a DATE, checked
  double number_value(antlr4::Token* token, std::string_view digits);  // NUMBER or RATIO digits
  ast::ExprPtr node(ast::ExprKind kind, const ast::Span& span) const;

  const PositionMap& positions_;
  DiagnosticSink& sink_;
};

}  // namespace scalepol::syntax
