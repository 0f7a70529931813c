#include "syntax/antlr_words.hpp"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

#include "ScalepolLexer.h"
#include "ScalepolParser.h"
#include "syntax/utf8.hpp"

namespace scalepol::syntax {
namespace {

using scalepol_gen::ScalepolParser;
using antlr4::misc::IntervalSet;

// `text` cut to its first line and `max` code points, with "…" when cut.
std::string shorten(const std::string& text, std::size_t max) {
  std::size_t i = 0, chars = 0;
  while (i < text.size() && text[i] != '\n' && text[i] != '\r' && chars < max) {
    char32_t cp;
    i += std::max<std::size_t>(1, utf8_sequence(text, i, cp));
    ++chars;
  }
  return i < text.size() ? text.substr(0, i) + "…" : text;
}

std::string join_alternatives(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " or " : ", ";
    out += parts[i];
  }
  return out;
}

// A set of token types, and its members listed once (count_in runs on every syntax error; a
// fuzzed file makes thousands, and IntervalSet::toList allocates each time).
struct Group {
  IntervalSet set;
  std::vector<ssize_t> members;

  Group& operator=(IntervalSet s) {
    set = std::move(s);
    members = set.toList();
    return *this;
  }
  bool contains(std::size_t t) const { return set.contains(t); }
  std::size_t size() const { return members.size(); }
};

// The token groups a long expected set is summarised by, read once from the parser's ATN.
struct Groups {
  Group items, expression, name, operators;
};

const Groups& groups(const antlr4::Parser& parser) {
  static const Groups g = [&] {
    const auto& atn = parser.getATN();
    const auto first = [&](std::size_t rule) { return atn.nextTokens(atn.ruleToStartState[rule]); };
    Groups out;
    out.items = first(ScalepolParser::RuleItem);
    out.expression = first(ScalepolParser::RuleExpr);
    out.name = first(ScalepolParser::RuleName);
    // What can follow an operand: the binary operators of every precedence level, and `@`.
    IntervalSet operators = first(ScalepolParser::RuleCompareOp);
    operators.addAll(first(ScalepolParser::RuleAddOp));
    operators.addAll(first(ScalepolParser::RuleMulOp));
    for (std::size_t t : {ScalepolParser::AND, ScalepolParser::OR, ScalepolParser::IS, ScalepolParser::CONTAINS,
                          ScalepolParser::STARTS_WITH, ScalepolParser::AT_SIGN})
      operators.add(static_cast<ssize_t>(t));
    out.operators = std::move(operators);
    return out;
  }();
  return g;
}

std::size_t count_in(const Group& group, const IntervalSet& set) {
  std::size_t n = 0;
  for (auto t : group.members) n += set.contains(t);
  return n;
}

}  // namespace

std::string describe_type(const antlr4::dfa::Vocabulary& vocabulary, std::size_t type) {
  switch (type) {
    case antlr4::Token::EOF: return "end of file";
    case ScalepolParser::STRING:
    case ScalepolParser::UNTERMINATED_STRING: return "a string";
    case ScalepolParser::NUMBER: return "a number";
    case ScalepolParser::RATIO: return "a ratio such as `4x`";
    case ScalepolParser::DATE: return "a date";
    case ScalepolParser::UNIT: return "a unit";
    case ScalepolParser::IDENT:
    case ScalepolParser::UNIT_NAME: return "a name";
    default: break;
  }
  // Keywords and punctuation have one spelling: the vocabulary's literal name, `'when'`.
  std::string literal = vocabulary.getLiteralName(type);
  if (literal.size() >= 2 && literal.front() == '\'') return "`" + literal.substr(1, literal.size() - 2) + "`";
  return "a token";
}

std::string describe_token(const antlr4::Token& token) {
  if (token.getType() == antlr4::Token::EOF) return "end of file";
  const std::string text = shorten(token.getText(), 30);
  if (token.getType() == ScalepolParser::STRING) return "string `" + text + "`";
  return "`" + text + "`";
}

std::string describe_expected(const antlr4::Parser& parser, const IntervalSet& expected) {
  const Groups& g = groups(parser);
  const auto& vocabulary = parser.getVocabulary();
  IntervalSet rest = expected;
  // After a number, a name is a unit declared with `unit`: "a unit" says both.
  if (expected.contains(static_cast<ssize_t>(ScalepolParser::UNIT)) &&
      expected.contains(static_cast<ssize_t>(ScalepolParser::UNIT_NAME)) && count_in(g.name, expected) * 2 < g.name.size())
    rest.remove(static_cast<ssize_t>(ScalepolParser::UNIT_NAME));
  std::vector<std::string> parts;
  if (count_in(g.items, expected) >= 3) {
    std::string list;
    const auto& items = g.items.members;
    for (std::size_t i = 0; i < items.size() && i < 5; ++i)
      list += describe_type(vocabulary, static_cast<std::size_t>(items[i])) + ", ";
    parts.push_back("an item (" + list + "…)");
    rest = rest.subtract(g.items.set);
    rest.remove(static_cast<ssize_t>(antlr4::Token::EOF));  // at the top level, the end is fine too
  }
  // Where an expression may start, so may a name: one summary covers both.
  if (expected.contains(static_cast<ssize_t>(ScalepolParser::NUMBER)) &&
      expected.contains(static_cast<ssize_t>(ScalepolParser::LPAREN)) && count_in(g.expression, expected) * 2 >= g.expression.size()) {
    parts.push_back("an expression");
    rest = rest.subtract(g.expression.set);
  } else if (expected.contains(static_cast<ssize_t>(ScalepolParser::IDENT)) && count_in(g.name, expected) * 2 >= g.name.size()) {
    parts.push_back("a name");
    rest = rest.subtract(g.name.set);
  }
  // Counted among what is left: `contains` and `starts_with` are also names.
  if (count_in(g.operators, rest) >= 3) {
    parts.push_back("an operator");
    rest = rest.subtract(g.operators.set);
  }
  for (auto t : rest.toList()) {
    if (t == static_cast<ssize_t>(antlr4::Token::EPSILON)) continue;
    parts.push_back(describe_type(vocabulary, static_cast<std::size_t>(t)));
  }
  constexpr std::size_t kMaxParts = 7;
  if (parts.size() <= kMaxParts) return join_alternatives(parts);
  std::string out;  // too many to read as alternatives: the first few, then "…"
  for (std::size_t i = 0; i + 1 < kMaxParts; ++i) out += parts[i] + ", ";
  return out + "…";
}

bool starts_item(const antlr4::Parser& parser, std::size_t type) {
  return groups(parser).items.contains(type);
}

const std::vector<std::string>& unit_words() {
  // The UNIT rule is a closed list of literals; walking its ATN from the rule's start to its
  // stop state spells each of them. The walk is bounded (no literal is longer than kMaxLength),
  // so a future grammar with a loop in UNIT would give a partial list, never a hang.
  static const std::vector<std::string> words = [] {
    constexpr std::size_t kMaxLength = 16;
    antlr4::ANTLRInputStream empty("");
    scalepol_gen::ScalepolLexer lexer(&empty);
    const auto& atn = lexer.getATN();
    const auto& names = lexer.getRuleNames();
    std::vector<std::string> out;
    auto rule = std::find(names.begin(), names.end(), "UNIT");
    if (rule == names.end()) return out;
    struct Step {
      antlr4::atn::ATNState* state;
      std::string text;
    };
    std::vector<Step> stack{{atn.ruleToStartState[rule - names.begin()], ""}};
    std::size_t budget = 100000;
    while (!stack.empty() && budget-- > 0) {
      Step step = std::move(stack.back());
      stack.pop_back();
      if (step.state->getStateType() == antlr4::atn::ATNState::RULE_STOP) {
        if (std::find(out.begin(), out.end(), step.text) == out.end()) out.push_back(step.text);
        continue;
      }
      // Pushed in reverse so that alternatives are visited, and listed, in grammar order.
      for (std::size_t i = step.state->transitions.size(); i-- > 0;) {
        const auto* t = step.state->transitions[i];
        if (t->isEpsilon()) {
          stack.push_back({t->target, step.text});
          continue;
        }
        if (step.text.size() >= kMaxLength) continue;
        auto chars = t->label();
        for (auto c : chars.toList()) {
          std::string text = step.text;
          append_utf8(text, static_cast<char32_t>(c));
          stack.push_back({t->target, std::move(text)});
          if (chars.size() > 4) break;  // a character class, not a literal: one spelling is enough
        }
      }
    }
    return out;
  }();
  return words;
}

bool is_word(const antlr4::Token& token) {
  if (token.getType() == antlr4::Token::EOF) return false;
  const std::string text = token.getText();
  return !text.empty() && (std::isalpha(static_cast<unsigned char>(text[0])) || text[0] == '_');
}

}  // namespace scalepol::syntax
