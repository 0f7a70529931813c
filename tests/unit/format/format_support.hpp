// Helpers of the formatter's tests: the canonical AST dump and the comments of a text.
#pragma once

#include <string>
#include <vector>

#include "ast/ast_dump.hpp"
#include "scalepol/format.hpp"
#include "scalepol/policy.hpp"
#include "syntax/parse.hpp"
#include "syntax/tokens.hpp"

namespace fmt_test {

struct Parsed {
  bool ok = false;
  std::string dump;
};

inline Parsed parse(const std::string& text) {
  scalepol::syntax::SourceFile file("input.policy", text);
  auto r = scalepol::syntax::parse(file, scalepol::Limits{});
  return {!r.diagnostics.has_errors(), scalepol::ast::dump(r.module)};
}

// Each comment's text as fmt writes it back: LF line ends, a `//` comment without trailing blanks.
inline std::vector<std::string> comments(const std::string& text) {
  scalepol::syntax::SourceFile file("input.policy", text);
  std::vector<std::string> out;
  for (const auto& t : scalepol::syntax::lex_tokens(file)) {
    if (t.kind == scalepol::syntax::Token::Kind::Code) continue;
    std::string c = text.substr(t.begin, t.end - t.begin), n;
    for (std::size_t i = 0; i < c.size(); ++i) {
      if (c[i] == '\r') {
        n += '\n';
        if (i + 1 < c.size() && c[i + 1] == '\n') ++i;
      } else {
        n += c[i];
      }
    }
    if (t.kind == scalepol::syntax::Token::Kind::LineComment)
      while (!n.empty() && (n.back() == ' ' || n.back() == '\t')) n.pop_back();
    out.push_back(n);
  }
  return out;
}

inline std::string format(const std::string& text, std::size_t width = 100) {
  auto r = scalepol::format_source(text, "input.policy", {width});
  return r ? *r : std::string("<error>");
}

}  // namespace fmt_test
