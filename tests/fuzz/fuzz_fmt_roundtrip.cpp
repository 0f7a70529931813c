// libFuzzer target: `scalepol fmt`'s guarantee. For any input that parses, the formatted text
// must parse, have the same AST (ast::dump, no positions), keep every comment in order, and
// format to itself. Anything else aborts.
//
// Each text is parsed and lexed once, for speed: its AST dump and comments are taken from the
// same parse that format::format_parsed (format_source less its parse) lays out. That
// format_source refuses a file that does not parse is a unit test
// (tests/unit/format/layout_test.cpp), not checked here.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "ast/ast_dump.hpp"
#include "format/format_parsed.hpp"
#include "scalepol/policy.hpp"
#include "syntax/parse.hpp"
#include "syntax/tokens.hpp"

namespace {

struct Parsed {
  bool ok = false;
  std::string dump;
  std::vector<std::string> comments;
  std::optional<std::string> formatted;  // nullopt: format_parsed failed
};

Parsed parse_and_format(const std::string& text) {
  scalepol::syntax::SourceFile file("fuzz.policy", text);
  auto r = scalepol::syntax::parse(file, scalepol::Limits{});
  Parsed p;
  p.ok = !r.diagnostics.has_errors();
  if (!p.ok) return p;
  p.dump = scalepol::ast::dump(r.module);
  const auto tokens = scalepol::syntax::lex_tokens(file);
  for (const auto& t : tokens) {
    if (t.kind == scalepol::syntax::Token::Kind::Code) continue;
    // fmt writes comments with LF line ends and a `//` comment without trailing blanks.
    std::string c, raw = text.substr(t.begin, t.end - t.begin);
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '\r') {
        c += '\n';
        if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
      } else {
        c += raw[i];
      }
    }
    if (t.kind == scalepol::syntax::Token::Kind::LineComment)
      while (!c.empty() && (c.back() == ' ' || c.back() == '\t')) c.pop_back();
    p.comments.push_back(c);
  }
  auto formatted = scalepol::format::format_parsed(file, r.module, tokens, {});
  if (formatted) p.formatted = std::move(*formatted);
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const Parsed before = parse_and_format(text);
  if (!before.ok) return 0;
  if (!before.formatted) std::abort();  // a file that parses must format
  const Parsed after = parse_and_format(*before.formatted);
  if (!after.ok || after.dump != before.dump || after.comments != before.comments) std::abort();
  if (!after.formatted || *after.formatted != *before.formatted) std::abort();  // fmt is idempotent
  return 0;
}
