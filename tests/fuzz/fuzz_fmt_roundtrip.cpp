// libFuzzer target: `scalepol fmt`'s guarantee. For any input that parses, the formatted text
// must parse, have the same AST (ast::dump, no positions), keep every comment in order, and
// format to itself; an input that does not parse must be refused. Anything else aborts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ast/ast_dump.hpp"
#include "scalepol/format.hpp"
#include "scalepol/policy.hpp"
#include "syntax/parse.hpp"
#include "syntax/tokens.hpp"

namespace {

struct Parsed {
  bool ok = false;
  std::string dump;
  std::vector<std::string> comments;
};

Parsed parse(const std::string& text) {
  scalepol::syntax::SourceFile file("fuzz.policy", text);
  auto r = scalepol::syntax::parse(file, scalepol::Limits{});
  Parsed p;
  p.ok = !r.diagnostics.has_errors();
  if (!p.ok) return p;
  p.dump = scalepol::ast::dump(r.module);
  for (const auto& t : scalepol::syntax::lex_tokens(file)) {
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
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const Parsed before = parse(text);
  auto once = scalepol::format_source(text, "fuzz.policy");
  if (!before.ok) {
    if (once) std::abort();  // formatted a file that does not parse
    return 0;
  }
  if (!once) std::abort();
  const Parsed after = parse(*once);
  if (!after.ok || after.dump != before.dump || after.comments != before.comments) std::abort();
  auto twice = scalepol::format_source(*once, "fuzz.policy");
  if (!twice || *twice != *once) std::abort();
  return 0;
}
