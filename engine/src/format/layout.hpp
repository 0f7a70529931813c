// The canonical layout of a parsed file: which token starts a line, at which indent, how keys
// line up, and where a long expression breaks. docs/fmt.md states the rules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.hpp"
#include "syntax/tokens.hpp"

namespace scalepol::format {

// `module` must be the AST of `text` (which parsed without errors), `tokens` its tokens.
std::string print(std::string_view text, const ast::Module& module, const std::vector<syntax::Token>& tokens,
                  std::size_t width);

}  // namespace scalepol::format
