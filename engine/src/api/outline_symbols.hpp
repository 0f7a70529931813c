// The symbols of one parsed module, for outline(): each declaration with its span, the text of its
// value as written, and its quotes.
#pragma once

#include <vector>

#include "ast/ast.hpp"
#include "scalepol/outline.hpp"
#include "syntax/source.hpp"

namespace scalepol::outline_detail {

// The module's items in source order, hierarchical (a ladder holds its tiers, a tier its
// obligations, the policy header its fields).
std::vector<OutlineSymbol> module_symbols(const ast::Module& module, const syntax::SourceFile& file, bool in_stdlib);

// A span of `file` as a SourceSpan.
SourceSpan to_span(const syntax::SourceFile& file, const ast::Span& span);

}  // namespace scalepol::outline_detail
