#include "syntax/antlr_errors.hpp"

#include <fmt/format.h>

#include "ScalepolLexer.h"
#include "ScalepolParser.h"
#include "syntax/antlr_words.hpp"
#include "syntax/suggest.hpp"
#include "syntax/utf8.hpp"

namespace scalepol::syntax {
namespace {

using scalepol_gen::ScalepolLexer;
using Index = std::size_t;

constexpr std::size_t kMaxRecoveries = 10000;

// A character that would not show, or would break the backticks, is named by its code point.
bool printable(char32_t c) {
  return c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0xA0) && c != '`' && c != 0xFEFF && c != 0xAD &&
         !(c >= 0x200B && c <= 0x200F) && !(c >= 0x2028 && c <= 0x202E) && !(c >= 0x2060 && c <= 0x2069) &&
         c != 0x061C;
}

// A hint for characters that come from other languages or from word processors.
std::string stray_character_help(char32_t c) {
  switch (c) {
    case '\'': return "text is written in double quotes: `\"…\"`";
    case 0x201C: case 0x201D: case 0x201E: return "use straight double quotes `\"` around text";
    case ';': return "remove it: items need no separator";
    case '#': return "comments start with `//`";
    case '&': return "write `and`";
    case '|': return "write `or`";
    case '!': return "write `not`, or `!=` for \"not equal\"";
    default: return "";
  }
}

void set_channel(antlr4::Token* token, std::size_t channel) {
  if (auto* writable = dynamic_cast<antlr4::WritableToken*>(token)) writable->setChannel(channel);
}

char32_t first_code_point(const std::string& text) {
  char32_t cp = 0;
  if (!text.empty()) utf8_sequence(text, 0, cp);
  return cp;
}

std::vector<std::string_view> unit_candidates() {
  std::vector<std::string_view> out;
  for (const auto& w : unit_words()) out.push_back(w);
  return out;
}

}  // namespace

SyntaxErrorReporter::SyntaxErrorReporter(DiagnosticSink& sink, const PositionMap& positions,
                                         antlr4::CommonTokenStream& tokens, std::size_t max_syntax_errors)
    : sink_(sink), positions_(positions), tokens_(tokens), max_syntax_errors_(max_syntax_errors) {}

ast::Span SyntaxErrorReporter::span(const antlr4::Token& token) const {
  // EOF has stop = start - 1: an empty span at the end of the text.
  return positions_.chars(token.getStartIndex(), token.getStopIndex() + 1);
}

void SyntaxErrorReporter::check_tokens() {
  const auto all = tokens_.getTokens();  // one copy of the pointers, for the whole pass
  for (Index i = 0; i < all.size(); ++i) {
    antlr4::Token* t = all[i];
    switch (t->getType()) {
      case ScalepolLexer::UNTERMINATED_STRING: {
        first_unterminated_ = std::min(first_unterminated_, i);
        ast::Span quote = positions_.chars(t->getStartIndex(), t->getStartIndex() + 1);
        auto& d = sink_.error(quote, Code::UnterminatedString, "unterminated string");
        d.help = "add a closing `\"`";
        d.notes.push_back("the string runs to the end of the file");
        break;
      }
      case ScalepolLexer::UNTERMINATED_COMMENT: {
        first_unterminated_ = std::min(first_unterminated_, i);
        set_channel(t, antlr4::Token::HIDDEN_CHANNEL);
        ast::Span open = positions_.chars(t->getStartIndex(), t->getStartIndex() + 2);
        auto& d = sink_.error(open, Code::UnterminatedComment, "unterminated comment");
        d.help = "add a closing `*/`";
        d.notes.push_back("the comment runs to the end of the file");
        break;
      }
      case ScalepolLexer::ERROR_CHAR: {
        Index last = i;  // a run of stray characters is one problem
        while (last + 1 < all.size() && all[last + 1]->getType() == ScalepolLexer::ERROR_CHAR) ++last;
        for (Index k = i; k <= last; ++k) set_channel(all[k], antlr4::Token::HIDDEN_CHANNEL);
        report_stray_characters(i, last);
        // What the parser then finds wrong at the next token (`1 $ 2` reads as `1 2`) is a
        // consequence of the same mistake: one message is enough.
        for (Index k = last + 1; k < all.size(); ++k) {
          if (all[k]->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
          reported_tokens_.insert(k);
          break;
        }
        i = last;
        break;
      }
      case ScalepolLexer::NUMBER:
      case ScalepolLexer::RATIO: {
        // `0x10`, `0xff`: hexadecimal, which the lexer reads as the ratio `0x` (zero times)
        // followed by a number or a word: a silent zero unless it is reported here.
        const auto adjacent = [&](Index k) {
          return k < all.size() && all[k]->getStartIndex() == all[k - 1]->getStopIndex() + 1 &&
                 (all[k]->getType() == ScalepolLexer::NUMBER || is_word(*all[k]));
        };
        if (t->getType() == ScalepolLexer::RATIO && t->getText() == "0x" && adjacent(i + 1)) {
          Index last = i + 1;
          while (adjacent(last + 1)) ++last;
          std::string digits;
          for (Index k = i + 1; k <= last; ++k) {
            digits += all[k]->getText();
            reported_tokens_.insert(k);
          }
          // `0xff FLOP` parses as `0x ff` and a stray unit: the unit is part of this mistake.
          for (Index k = last + 1; k < all.size(); ++k) {
            if (all[k]->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
            reported_tokens_.insert(k);
            break;
          }
          auto& d = sink_.error(positions_.chars(t->getStartIndex(), all[last]->getStopIndex() + 1), Code::SyntaxError,
                                fmt::format("`0x{}` is not a number: numbers are written in decimal", digits));
          if (digits.size() <= 15 && digits.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos)
            d.help = fmt::format("write `{}`", std::stoull(digits, nullptr, 16));
          i = last;
          break;
        }
        // `5FLOPZ`, `4xec`: a word right against a number is a misspelt unit (the lexer would
        // otherwise read `4xec` as `4x ec`, a multiplication).
        if (i + 1 >= all.size() || !is_word(*all[i + 1])) break;
        antlr4::Token* word = all[i + 1];
        const bool ratio = t->getType() == ScalepolLexer::RATIO;
        // `2FLOP` is fine, and so is `2pfs_day`: a name after a number is a unit the checker
        // resolves (declared with `unit`, or reported as unknown there).
        if (!ratio && (word->getType() == ScalepolLexer::UNIT || word->getType() == scalepol_gen::ScalepolParser::UNIT_NAME)) break;
        reported_tokens_.insert(i + 1);
        if (!ratio) {
          report_unknown_unit(span(*word), word->getText(), "");
          break;
        }
        // The unit as written starts at the ratio's `x`: `4xec` reads as the unit `xec`.
        report_unknown_unit(positions_.chars(t->getStopIndex(), word->getStopIndex() + 1), "x" + word->getText(),
                            fmt::format("to scale `{}` by `{}`, put a space between them", word->getText(), t->getText()));
        break;
      }
      default: break;
    }
  }
}

void SyntaxErrorReporter::report_stray_characters(Index first, Index last) {
  constexpr Index kShown = 20;  // characters quoted in the message
  std::string text;
  bool all_printable = true;
  for (Index k = first; k <= last && k < first + kShown; ++k) {
    const std::string c = tokens_.get(k)->getText();
    text += c;
    all_printable = all_printable && printable(first_code_point(c));
  }
  if (last - first >= kShown) text += "…";
  const char32_t c = first_code_point(tokens_.get(first)->getText());
  std::string message;
  if (first == last) {
    message = printable(c) ? fmt::format("unexpected character `{}`", text) : fmt::format("unexpected character U+{:04X}", uint32_t(c));
  } else {
    message = all_printable ? fmt::format("unexpected characters `{}`", text)
                            : fmt::format("unexpected characters starting with U+{:04X}", uint32_t(c));
  }
  ast::Span where = positions_.chars(tokens_.get(first)->getStartIndex(), tokens_.get(last)->getStopIndex() + 1);
  auto& d = sink_.error(where, Code::UnexpectedCharacter, std::move(message));
  d.help = stray_character_help(c);
}

Diagnostic& SyntaxErrorReporter::report_unknown_unit(const ast::Span& where, const std::string& written,
                                                     const std::string& fallback_help) {
  auto& d = sink_.error(where, Code::UnknownUnit, fmt::format("unknown unit `{}`", written));
  std::string suggestion = closest_match(written, unit_candidates());
  if (!suggestion.empty()) {
    d.help = fmt::format("did you mean `{}`?", suggestion);
  } else if (!fallback_help.empty()) {
    d.help = fallback_help;
  } else {
    std::string list;
    for (std::size_t i = 0; i < unit_words().size() && i < 8; ++i) list += fmt::format("`{}`, ", unit_words()[i]);
    d.help = fmt::format("a unit is one of {}…", list);
  }
  return d;
}

antlr4::Token* SyntaxErrorReporter::previous_on_channel(Index index) const {
  while (index-- > 0) {
    antlr4::Token* t = tokens_.get(index);
    if (t->getChannel() == antlr4::Token::DEFAULT_CHANNEL) return t;
  }
  return nullptr;
}

bool SyntaxErrorReporter::same_line(const antlr4::Token& a, const antlr4::Token& b) const {
  return span(a).end_line == span(b).line;
}

// The word the parser tripped over is a misspelt unit when it follows a number on the same line
// (a UNIT_NAME). Such a word is usually taken as a unit the checker resolves (`1e25 FLOPZ`), but
// the parser may trip over the next token (`5 FLOPZ FLOP`): then the word before it is a unit if
// it is close enough to one.
antlr4::Token* SyntaxErrorReporter::misspelt_unit(antlr4::Token& offending) const {
  antlr4::Token* before = previous_on_channel(offending.getTokenIndex());
  if (!before) return nullptr;
  if (offending.getType() == scalepol_gen::ScalepolParser::UNIT_NAME && before->getType() == ScalepolLexer::NUMBER &&
      same_line(*before, offending))
    return &offending;
  if (before->getType() != scalepol_gen::ScalepolParser::UNIT_NAME) return nullptr;
  antlr4::Token* number = previous_on_channel(before->getTokenIndex());
  if (number && number->getType() == ScalepolLexer::NUMBER && same_line(*number, *before) &&
      !closest_match(before->getText(), unit_candidates()).empty())
    return before;
  return nullptr;
}

antlr4::Token* SyntaxErrorReporter::innermost_unclosed_bracket() const {
  std::vector<antlr4::Token*> open;
  for (Index i = 0; i < tokens_.size(); ++i) {
    antlr4::Token* t = tokens_.get(i);
    if (t->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    switch (t->getType()) {
      case ScalepolLexer::LBRACE: case ScalepolLexer::LPAREN: case ScalepolLexer::LBRACK: open.push_back(t); break;
      case ScalepolLexer::RBRACE: case ScalepolLexer::RPAREN: case ScalepolLexer::RBRACK:
        if (!open.empty() && open.back()->getType() + 1 == t->getType()) open.pop_back();
        break;
      default: break;
    }
  }
  return open.empty() ? nullptr : open.back();
}

void SyntaxErrorReporter::syntax_error(antlr4::Parser& parser, antlr4::Token* offending,
                                       const antlr4::misc::IntervalSet& expected) {
  if (!offending) offending = parser.getCurrentToken();
  const Index index = offending->getTokenIndex();
  if (index >= first_unterminated_ || reported_tokens_.count(index)) return;

  Diagnostic* reported;
  if (antlr4::Token* word = misspelt_unit(*offending)) {
    if (!reported_tokens_.insert(word->getTokenIndex()).second) return;
    reported = &report_unknown_unit(span(*word), word->getText(), "");
  } else {
    std::string message = "unexpected " + describe_token(*offending);
    std::string wanted = describe_expected(parser, expected);
    std::string note;
    if (offending->getType() == antlr4::Token::EOF) {
      // At the end of the file, what is missing is nearly always the closing bracket of a
      // block left open: say that, and where the block opened.
      if (antlr4::Token* open = innermost_unclosed_bracket()) {
        const std::size_t closer = open->getType() + 1;
        if (expected.contains(closer)) {
          wanted = describe_type(parser.getVocabulary(), closer);
          ast::Span at = span(*open);
          note = fmt::format("the `{}` at line {}, column {} is never closed", open->getText(), at.line, at.column);
        }
      }
    }
    // `training_compute -1e25 FLOP` in a test record (or a benchmark setting, an assumption):
    // there only a range may carry a sign, so the parser waits for `..` after a negative number.
    if (expected.size() == 1 && expected.contains(static_cast<std::size_t>(ScalepolLexer::DOTDOT))) {
      antlr4::Token* t = previous_on_channel(index);
      if (t && t->getType() != ScalepolLexer::NUMBER) t = previous_on_channel(t->getTokenIndex());  // a unit
      if (t && t->getType() == ScalepolLexer::NUMBER) t = previous_on_channel(t->getTokenIndex());
      if (t && t->getType() == ScalepolLexer::MINUS) {
        ast::Span at = span(*t);
        note = fmt::format("a single value here cannot be negative: the `-` at line {}, column {} can only start a range, such as `-1..1`",
                           at.line, at.column);
      }
    }
    // `> NaN FLOP`, `> inf FLOP`: a unit after a name, which the parser takes for a name.
    if (offending->getType() == ScalepolLexer::UNIT) {
      antlr4::Token* t = previous_on_channel(index);
      antlr4::Token* unit = t && t->getType() == ScalepolLexer::SLASH ? previous_on_channel(t->getTokenIndex()) : nullptr;
      if (unit && unit->getType() == ScalepolLexer::UNIT && same_line(*unit, *offending))  // `FLOP/day`
        note = fmt::format("`{}/{}` is not a unit: a unit is one word, such as `FLOP` or `FLOP/s`", unit->getText(),
                           offending->getText());
      if (t && t->getType() == ScalepolLexer::IDENT && same_line(*t, *offending)) {
        std::string word = t->getText();
        for (char& ch : word) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
        note = word == "nan" || word == "inf" || word == "infinity"
                   ? fmt::format("`{}` is not a number: numbers are finite, and there is no NaN or infinity to write",
                                 t->getText())
                   : fmt::format("`{}` is a name, not a number: a unit goes after a number, as in `1e25 {}`",
                                 t->getText(), offending->getText());
      }
    }
    if (!wanted.empty()) message += ", expected " + wanted;
    reported = &sink_.error(span(*offending), Code::SyntaxError, std::move(message));
    if (!note.empty()) reported->notes.push_back(std::move(note));
  }
  if (++syntax_errors_ >= max_syntax_errors_) {
    reported->notes.push_back("further syntax errors in this file are not reported");
    throw antlr4::ParseCancellationException();
  }
}

// ---------------------------------------------------------------------------------------------

void ReportingErrorStrategy::recover(antlr4::Parser* parser, std::exception_ptr e) {
  if (++recoveries_ > kMaxRecoveries) throw antlr4::ParseCancellationException();
  DefaultErrorStrategy::recover(parser, e);
}

void ReportingErrorStrategy::reportNoViableAlternative(antlr4::Parser* parser, const antlr4::NoViableAltException& e) {
  // The expected set at the failure point: what the configurations that died there could
  // still have matched. (The parser's current state is where the decision began, possibly
  // several tokens earlier.)
  antlr4::misc::IntervalSet expected;
  if (auto* configs = e.getDeadEndConfigs()) {
    const auto& atn = parser->getATN();
    for (const auto& config : configs->configs) expected.addAll(atn.nextTokens(config->state));
    expected.remove(static_cast<ssize_t>(antlr4::Token::EPSILON));
  }
  if (expected.isEmpty() && e.getOffendingToken() == e.getStartToken()) expected = parser->getExpectedTokens();
  reporter_.syntax_error(*parser, e.getOffendingToken(), expected);
}

void ReportingErrorStrategy::reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) {
  reporter_.syntax_error(*parser, e.getOffendingToken(), e.getExpectedTokens());
}

void ReportingErrorStrategy::reportFailedPredicate(antlr4::Parser* parser, const antlr4::FailedPredicateException& e) {
  reporter_.syntax_error(*parser, e.getOffendingToken(), {});
}

void ReportingErrorStrategy::reportUnwantedToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  reporter_.syntax_error(*parser, parser->getCurrentToken(), getExpectedTokens(parser));
}

antlr4::Token* ReportingErrorStrategy::singleTokenDeletion(antlr4::Parser* parser) {
  // Deleting a word that starts an item is never the right repair: in `define x =` followed by
  // `define y = 1`, it would make `y` the missing value and report the `=` after it as a second
  // error. Without the deletion the first item simply ends there, and the next one parses.
  if (starts_item(*parser, parser->getInputStream()->LA(1))) return nullptr;
  return DefaultErrorStrategy::singleTokenDeletion(parser);
}

void ReportingErrorStrategy::reportMissingToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  reporter_.syntax_error(*parser, parser->getCurrentToken(), getExpectedTokens(parser));
}

}  // namespace scalepol::syntax
