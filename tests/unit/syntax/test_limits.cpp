// The pre-scan: size, encoding and nesting are refused before the parser runs, with a diagnostic
// at the exact place, and never a crash however deep the input nests.
#include <doctest/doctest.h>

#include "syntax_helpers.hpp"

using namespace scalepol;
using namespace scalepol::syntax::test;

namespace {

Diagnostic single(const std::string& text, const Limits& limits = {}) {
  auto r = parse_text(text, limits);
  INFO(dump(r));
  REQUIRE(r.diagnostics.items.size() == 1);
  return r.diagnostics.items[0];
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("input-too-large: over the byte limit, about the whole file") {
  Limits limits;
  limits.max_source_bytes = 12;
  auto d = single("define x = 12", limits);
  CHECK(d.code == "input-too-large");
  CHECK(d.location.line == 0);
  CHECK(d.message == "the file is 13 bytes, more than the limit of 12");
  CHECK(parse_text("define x = 1", limits).diagnostics.empty());
}

TEST_CASE("nul-byte: at its line and column") {
  auto d = single(std::string("define x = 1\n  \0 ", 17));
  CHECK(d.code == "nul-byte");
  CHECK(d.location.line == 2);
  CHECK(d.location.column == 3);
  CHECK(d.message == "the file contains a nul byte");
}

TEST_CASE("invalid-utf8: at the first bad byte, columns counting characters before it") {
  auto d = single("define s = \"\xC3\xA9\xFF\"");
  CHECK(d.code == "invalid-utf8");
  CHECK(d.location.line == 1);
  CHECK(d.location.column == 14);
  CHECK(d.message == "invalid UTF-8: byte 0xff does not start a character here");
  CHECK(d.help == "save the file as UTF-8");

  const std::pair<const char*, uint32_t> cases[] = {
      {"x\n\x80", 1},                 // a continuation byte with nothing before it
      {"x\n\xC0\x80", 1},             // an overlong encoding of NUL
      {"x\n\xED\xA0\x80", 1},         // a UTF-16 surrogate
      {"x\n\xF4\x90\x80\x80", 1},     // beyond U+10FFFF
      {"x\n\xF5\x80\x80\x80", 1},     // a lead byte that never occurs
      {"x\nab\xE2\x82", 3},           // a sequence cut short by the end of the file
      {"x\nab\xE2\x82z", 3},          // ... or by an ASCII byte
  };
  for (auto [text, column] : cases) {
    CAPTURE(text);
    auto e = single(text);
    CHECK(e.code == "invalid-utf8");
    CHECK(e.location.line == 2);
    CHECK(e.location.column == column);
  }
  // Every length of well-formed sequence is fine.
  CHECK(parse_text("define s = \"\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"").diagnostics.empty());
}

TEST_CASE("a UTF-8 byte-order mark is skipped, and not counted as a column") {
  auto r = parse_text("\xEF\xBB\xBF" "define x = 1");
  INFO(dump(r));
  REQUIRE(r.diagnostics.empty());
  const auto& d = r.module.defines.at(0);
  CHECK(d.span.column == 1);
  CHECK(d.span.begin == 3);
  CHECK(d.value->span.column == 12);

  auto e = single("\xEF\xBB\xBF" "define x = $");
  CHECK(e.location.column == 12);
  CHECK(e.location.line_text == "define x = $");
  // A second BOM is an ordinary (invisible) character, out of place.
  auto f = single("\xEF\xBB\xBF\xEF\xBB\xBF" "define x = 1");
  CHECK(f.message == "unexpected character U+FEFF");
  CHECK(f.location.column == 1);
}

TEST_CASE("100,000 nested parentheses: a diagnostic at the first one too deep, no crash") {
  auto d = single("define x = " + std::string(100000, '(') + "1" + std::string(100000, ')'));
  CHECK(d.code == "nesting-too-deep");
  CHECK(d.location.line == 1);
  CHECK(d.location.column == 12 + 200);
  CHECK(d.message == "`(` is nested more than 200 levels deep");

  // Unclosed, and of every kind of bracket.
  CHECK(single(std::string(100000, '[')).code == "nesting-too-deep");
  CHECK(single(std::string(100000, '{')).code == "nesting-too-deep");
}

TEST_CASE("nesting up to the limit parses") {
  auto r = parse_text("define x = " + std::string(200, '(') + "1" + std::string(200, ')'));
  INFO(dump(r));
  REQUIRE(r.diagnostics.empty());
  CHECK(r.module.defines[0].value->kind == ast::ExprKind::Number);

  Limits limits;
  limits.max_nesting = 3;
  CHECK(parse_text("define x = (((1)))", limits).diagnostics.empty());
  auto d = single("define x = ((((1))))", limits);
  CHECK(d.location.column == 15);
  CHECK(d.message == "`(` is nested more than 3 levels deep");
}

TEST_CASE("chains of prefix operators count as nesting") {
  auto d = single("define x = " + repeat("- ", 100000) + "1");
  CHECK(d.code == "nesting-too-deep");
  CHECK(d.location.column == 12 + 2 * 200);
  CHECK(d.message == "`-` is nested more than 200 levels deep");

  d = single("define x = " + repeat("not ", 100000) + "a");
  CHECK(d.location.column == 12 + 4 * 200);
  CHECK(d.message == "`not` is nested more than 200 levels deep");

  d = single("define x = " + repeat("4x ", 100000) + "a");
  CHECK(d.location.column == 12 + 3 * 200);
  CHECK(d.message == "`4x` is nested more than 200 levels deep");

  // A bracket inside a run of signs is as deep as the signs before it: `-(` is two levels.
  d = single("define x = " + repeat("-(", 100000));
  CHECK(d.location.column == 12 + 200);
  CHECK(d.message == "`-` is nested more than 200 levels deep");

  auto r = parse_text("define x = " + repeat("- ", 200) + "1");
  CHECK(r.diagnostics.empty());
  CHECK(r.module.defines[0].value->kind == ast::ExprKind::Neg);
}

TEST_CASE("what is not nesting is not counted") {
  // Brackets in strings and comments.
  CHECK(parse_text("define x = \"" + std::string(1000, '(') + "\"").diagnostics.empty());
  CHECK(parse_text("// " + std::string(1000, '(') + "\n/* " + std::string(1000, '[') + " */").diagnostics.empty());
  // A subtraction before a bracket: `a - (a - (…))` is one level per bracket.
  std::string text = "define x = " + repeat("a - (", 150) + "a" + std::string(150, ')');
  auto r = parse_text(text);
  INFO(dump(r));
  CHECK(r.diagnostics.empty());
  // The `-` inside a date or an exponent is no operator.
  Limits limits;
  limits.max_nesting = 2;
  CHECK(parse_text("define x = - - 1e-5", limits).diagnostics.empty());
  CHECK(parse_text("define x = - - 2024-01-01", limits).diagnostics.empty());
  // Sequential runs do not add up.
  CHECK(parse_text("define x = " + repeat("- - a + ", 1000) + "a", limits).diagnostics.empty());
}
