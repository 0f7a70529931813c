// Words for messages about tokens: what a token is called ("`}`", "a string", "end of file"),
// what a set of expected tokens amounts to ("an expression", "an item (`policy`, …)"), and the
// unit words. All are read from the generated lexer and parser, so they follow the grammar.
// Include only from syntax/antlr_*.cpp (ANTLR headers).
#pragma once

#include <string>
#include <vector>

#include "antlr4-runtime.h"

namespace scalepol::syntax {

// "`when`", "`}`", "a string", "a number", "a name", "end of file" …: a token type in general.
std::string describe_type(const antlr4::dfa::Vocabulary& vocabulary, std::size_t type);

// The token as met in the text: "`}`", "`foo`", "string `\"abc…\"`", "end of file".
std::string describe_token(const antlr4::Token& token);

// "an expression", "`}`", "a name or `}`", "an item (`policy`, `import`, …)".
// Empty when `expected` is empty.
std::string describe_expected(const antlr4::Parser& parser, const antlr4::misc::IntervalSet& expected);

// True for the keywords that start an item (`policy`, `define`, `trigger`, …).
bool starts_item(const antlr4::Parser& parser, std::size_t type);

// The words of the lexer's UNIT rule, in the order the grammar lists them.
const std::vector<std::string>& unit_words();

// True for tokens written as a word: names, keywords and alphabetic units.
bool is_word(const antlr4::Token& token);

}  // namespace scalepol::syntax
