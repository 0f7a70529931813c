// syntax::lex_tokens: the ANTLR lexer's tokens as byte offsets, comments kept (they are on the
// HIDDEN channel, which the parser never reads).
#include "ScalepolLexer.h"
#include "syntax/antlr_lock.hpp"
#include "syntax/positions.hpp"
#include "syntax/tokens.hpp"

namespace scalepol::syntax {

std::vector<Token> lex_tokens(const SourceFile& file) {
  std::vector<Token> out;
  std::lock_guard<std::mutex> lock(antlr_mutex());
  antlr4::ANTLRInputStream input(file.text());
  scalepol_gen::ScalepolLexer lexer(&input);
  lexer.removeErrorListeners();
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  const PositionMap positions(file.text());
  for (antlr4::Token* t : tokens.getTokens()) {
    const auto type = t->getType();
    if (type == antlr4::Token::EOF || type == scalepol_gen::ScalepolLexer::WS) continue;
    const ast::Span span = positions.chars(t->getStartIndex(), t->getStopIndex() + 1);
    Token token;
    token.begin = span.begin;
    token.end = span.end;
    if (type == scalepol_gen::ScalepolLexer::LINE_COMMENT) token.kind = Token::Kind::LineComment;
    if (type == scalepol_gen::ScalepolLexer::BLOCK_COMMENT) token.kind = Token::Kind::BlockComment;
    out.push_back(token);
  }
  return out;
}

}  // namespace scalepol::syntax
