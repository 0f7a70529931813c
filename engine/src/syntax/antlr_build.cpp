#include "syntax/antlr_build.hpp"

#include <chrono>

#include <fmt/format.h>

#include "syntax/literals.hpp"

namespace scalepol::syntax {

void AstBuilder::build(P::FileContext* file, ast::Module& module) {
  if (!file) return;
  for (auto* i : file->item()) item(i, module);
}

antlr4::Token* AstBuilder::real(antlr4::Token* token) {
  if (!token || token->getTokenIndex() == INVALID_INDEX || token->getStartIndex() == INVALID_INDEX) return nullptr;
  return token;
}

antlr4::Token* AstBuilder::real(antlr4::tree::TerminalNode* node) { return node ? real(node->getSymbol()) : nullptr; }

ast::Span AstBuilder::span(antlr4::Token* token) const {
  token = real(token);
  if (!token) return {};
  return positions_.chars(token->getStartIndex(), token->getStopIndex() + 1);
}

ast::Span AstBuilder::span(antlr4::Token* first, antlr4::Token* last) const {
  first = real(first);
  last = real(last);
  if (!first) return span(last);
  if (!last || last->getStopIndex() + 1 < first->getStartIndex()) return span(first);
  return positions_.chars(first->getStartIndex(), last->getStopIndex() + 1);
}

ast::Span AstBuilder::span(antlr4::ParserRuleContext* c) const {
  if (!c) return {};
  // A rule that matched nothing has its stop before its start: then only the start counts.
  return span(c->getStart(), c->getStop());
}

ast::Ident AstBuilder::ident(P::NameContext* c) const {
  if (!c || c->children.empty() || !real(c->getStart())) return {};
  return {c->getStart()->getText(), span(c->getStart())};
}

std::vector<ast::Ident> AstBuilder::path(P::QualifiedNameContext* c) const {
  std::vector<ast::Ident> parts;
  if (!c) return parts;
  for (auto* n : c->name())
    if (auto id = ident(n); !id.text.empty()) parts.push_back(std::move(id));
  return parts;
}

std::string AstBuilder::dotted(const std::vector<ast::Ident>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ".") + p.text;
  return out;
}

std::string AstBuilder::text(antlr4::tree::TerminalNode* node) const {
  antlr4::Token* t = real(node);
  return t ? t->getText() : std::string();
}

std::string AstBuilder::string_value(antlr4::tree::TerminalNode* node) {
  antlr4::Token* t = real(node);
  if (!t || t->getType() != P::STRING) return {};
  const std::string literal = t->getText();
  std::optional<EscapeError> error;
  std::string value = unescape_string(literal, error);
  if (error) {
    // Offsets in the error are bytes into the literal as written, which is the file's text.
    const uint32_t begin = positions_.byte_of_char(t->getStartIndex()) + uint32_t(error->offset);
    auto& d = sink_.error(positions_.bytes(begin, begin + uint32_t(error->length)), Code::InvalidEscape, error->message);
    d.help = error->help;
  }
  return value;
}

std::optional<int32_t> AstBuilder::date_value(antlr4::Token* token) {
  token = real(token);
  if (!token) return std::nullopt;
  const std::string written = token->getText();
  if (auto days = parse_date(written)) return *days;
  auto& d = sink_.error(span(token), Code::InvalidDate, fmt::format("`{}` is not a date", written));
  // Say what is wrong with it: the month, or the day for that month.
  unsigned month = std::stoul(written.substr(5, 2));
  if (month < 1 || month > 12) {
    d.help = "months go from 01 to 12";
  } else {
    using namespace std::chrono;
    const year_month_day_last last{year{std::stoi(written.substr(0, 4))} / std::chrono::month{month} / std::chrono::last};
    d.help = fmt::format("{}-{:02} has {} days", written.substr(0, 4), month, unsigned(last.day()));
  }
  return std::nullopt;
}

double AstBuilder::number_value(antlr4::Token* token, std::string_view digits) {
  double value = 0;
  switch (parse_number(digits, value)) {
    case NumberStatus::Ok: return value;
    case NumberStatus::TooLarge: {
      auto& d = sink_.error(span(token), Code::NumberOutOfRange, fmt::format("`{}` is too large for a number", digits));
      d.help = "numbers go up to about 1.8e308";
      return 0;
    }
    case NumberStatus::TooSmall: {
      auto& d = sink_.error(span(token), Code::NumberOutOfRange, fmt::format("`{}` is too small for a number", digits));
      d.help = "numbers other than 0 must be at least about 2.2e-308; write 0 if zero is meant";
      return 0;
    }
    case NumberStatus::Malformed: break;
  }
  sink_.error(span(token), Code::SyntaxError, fmt::format("`{}` is not a number", digits));
  return 0;
}

ast::ExprPtr AstBuilder::node(ast::ExprKind kind, const ast::Span& where) const {
  auto e = std::make_unique<ast::Expr>();
  e->kind = kind;
  e->span = where;
  return e;
}

}  // namespace scalepol::syntax
