// Comments in every place a comment can go: between each pair of tokens of real policies, a
// `/* */` comment, a `//` comment (ending the line), and a comment on a line of its own. Each
// variant must keep its meaning and its comments and format idempotently.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "format_support.hpp"

namespace {

std::string read(const std::string& relative) {
  std::ifstream in(std::string(SCALEPOL_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void check_variant(const std::string& text) {
  const auto before = fmt_test::parse(text);
  if (!before.ok) return;  // a comment cannot break a parse, but stay on what the parser says
  auto once = scalepol::format_source(text, "input.policy");
  REQUIRE(once.has_value());
  const auto after = fmt_test::parse(*once);
  CHECK(after.ok);
  CHECK(after.dump == before.dump);
  CHECK(fmt_test::comments(*once) == fmt_test::comments(text));
  CHECK(fmt_test::format(*once) == *once);
}

}  // namespace

TEST_CASE("a comment between any two tokens is kept and changes nothing else") {
  for (const char* file : {"tests/golden/fmt_messy/input.policy", "stdlib/regulations/ny_raise.policy"}) {
    const std::string text = read(file);
    REQUIRE_FALSE(text.empty());
    scalepol::syntax::SourceFile source(file, text);
    const auto tokens = scalepol::syntax::lex_tokens(source);
    for (const auto& t : tokens) {
      if (t.kind != scalepol::syntax::Token::Kind::Code) continue;
      const std::string before = text.substr(0, t.end), rest = text.substr(t.end);
      CAPTURE(file);
      CAPTURE(t.end);
      check_variant(before + " /* c */ " + rest);
      check_variant(before + " // c\n" + rest);
      check_variant(before + "\n// own line\n" + rest);
    }
  }
}
