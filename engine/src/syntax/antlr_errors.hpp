// Syntax errors in the Cedar / rustc style ("unexpected `}`, expected an expression"), from
// two sources: a look over the token stream before parsing (unterminated strings and comments,
// stray characters, a number glued to a word) and the parser's error strategy.
// Include only from syntax/antlr_*.cpp (ANTLR headers).
#pragma once

#include <cstddef>
#include <limits>
#include <unordered_set>

#include "antlr4-runtime.h"
#include "syntax/positions.hpp"
#include "syntax/sink.hpp"

namespace scalepol::syntax {

class SyntaxErrorReporter {
 public:
  // At most `max_syntax_errors` parser errors are reported per file; the parse stops after the
  // last one (recovery rarely says anything useful by then).
  SyntaxErrorReporter(DiagnosticSink& sink, const PositionMap& positions, antlr4::CommonTokenStream& tokens,
                      std::size_t max_syntax_errors);

  // Looks over every token (the stream must be filled): reports unterminated strings and
  // comments, stray characters and numbers glued to words. Stray characters and unterminated
  // comments are moved off the parser's channel, so that it parses on as if they were absent
  // and each problem is reported once.
  void check_tokens();

  // The parser met `offending` where it expected one of `expected`. Throws
  // ParseCancellationException once the error cap is reached.
  void syntax_error(antlr4::Parser& parser, antlr4::Token* offending, const antlr4::misc::IntervalSet& expected);

  ast::Span span(const antlr4::Token& token) const;

 private:
  antlr4::Token* previous_on_channel(std::size_t index) const;
  bool same_line(const antlr4::Token& a, const antlr4::Token& b) const;
  antlr4::Token* misspelt_unit(antlr4::Token& offending) const;
  Diagnostic& report_unknown_unit(const ast::Span& where, const std::string& written,
                                  const std::string& fallback_help);
  void report_stray_characters(std::size_t first, std::size_t last);
  antlr4::Token* innermost_unclosed_bracket() const;

  DiagnosticSink& sink_;
  const PositionMap& positions_;
  antlr4::CommonTokenStream& tokens_;
  std::size_t max_syntax_errors_;
  std::size_t syntax_errors_ = 0;
  // Token index of the first unterminated string or comment: it runs to the end of the file,
  // so whatever the parser finds wrong after it is a consequence, not news.
  std::size_t first_unterminated_ = std::numeric_limits<std::size_t>::max();
  std::unordered_set<std::size_t> reported_tokens_;  // already explained by check_tokens
};

// DefaultErrorStrategy's recovery, with every report going to a SyntaxErrorReporter.
class ReportingErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  explicit ReportingErrorStrategy(SyntaxErrorReporter& reporter) : reporter_(reporter) {}

  // Recovery consumes at least one token per error, but a bound on the number of recoveries
  // keeps a pathological file from costing more than a few passes over its tokens.
  void recover(antlr4::Parser* parser, std::exception_ptr e) override;

 protected:
  void reportNoViableAlternative(antlr4::Parser* parser, const antlr4::NoViableAltException& e) override;
  void reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) override;
  void reportFailedPredicate(antlr4::Parser* parser, const antlr4::FailedPredicateException& e) override;
  void reportUnwantedToken(antlr4::Parser* parser) override;
  void reportMissingToken(antlr4::Parser* parser) override;
  antlr4::Token* singleTokenDeletion(antlr4::Parser* parser) override;

 private:
  SyntaxErrorReporter& reporter_;
  std::size_t recoveries_ = 0;
};

}  // namespace scalepol::syntax
