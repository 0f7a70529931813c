// The tokens of a file as written, comments included, for tools that reprint the text (fmt).
// Only offsets: the text of a token is the file's bytes [begin, end). No ANTLR type appears here.
#pragma once

#include <cstdint>
#include <vector>

#include "syntax/source.hpp"

namespace scalepol::syntax {

struct Token {
  enum class Kind { Code, LineComment, BlockComment };
  Kind kind = Kind::Code;
  uint32_t begin = 0, end = 0;  // bytes of the file
};

// Every token but whitespace and the end of file, in source order. Meant for a file that parsed
// without errors (syntax::parse): on other input the tokens are whatever the lexer made of it.
// A leading BOM is not a token.
std::vector<Token> lex_tokens(const SourceFile& file);

}  // namespace scalepol::syntax
