// Text direction controls ("Trojan Source") in a policy: an error in a comment or a string, at the
// first one, whatever else the file holds; written as an escape, the same character is fine.
#include <doctest/doctest.h>

#include "syntax/bidi.hpp"
#include "syntax/utf8.hpp"
#include "syntax_helpers.hpp"

using namespace scalepol;
using namespace scalepol::syntax::test;

namespace {

const Diagnostic* find(const syntax::ParseResult& r, std::string_view code) {
  for (const auto& d : r.diagnostics.items)
    if (d.code == code) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("a text direction control in a line comment, a block comment and a string") {
  auto r = parse_text("// x \u202E y \u2066 z\n/* a\n \u2069 */\ndefine s = \"ab\u200Fc\"\n");
  INFO(dump(r));
  REQUIRE(r.diagnostics.items.size() == 3);
  const auto& line = r.diagnostics.items[0];
  CHECK(line.code == "text-direction-codepoint-in-comment");
  CHECK(line.severity == Severity::Error);
  CHECK(line.location.line == 1);
  CHECK(line.location.column == 6);
  CHECK(line.location.end_column == 7);
  CHECK(line.message == "this comment holds an invisible text direction control, U+202E RIGHT-TO-LEFT OVERRIDE");
  REQUIRE(line.notes.size() == 2);
  CHECK(line.notes[0] == "and 1 more: U+2066 LEFT-TO-RIGHT ISOLATE at 1:10");
  CHECK(line.help == "remove them");

  const auto& block = r.diagnostics.items[1];
  CHECK(block.code == "text-direction-codepoint-in-comment");
  CHECK(block.location.line == 3);
  CHECK(block.location.column == 2);
  CHECK(block.help == "remove it");

  const auto& string = r.diagnostics.items[2];
  CHECK(string.code == "text-direction-codepoint-in-literal");
  CHECK(string.location.line == 4);
  CHECK(string.location.column == 15);
  CHECK(string.message == "this string holds an invisible text direction control, U+200F RIGHT-TO-LEFT MARK");
  CHECK(string.help == "remove it; if the text needs it, write it as an escape, as in `\\u200f`");
}

TEST_CASE("every control: embeddings, overrides, isolates and marks") {
  for (char32_t cp : {0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}) {
    std::string text = "// ";
    syntax::append_utf8(text, cp);
    CAPTURE(uint32_t(cp));
    CHECK(syntax::is_bidi_control(cp));
    CHECK(!syntax::bidi_control_name(cp).empty());
    auto r = parse_text(text);
    REQUIRE(r.diagnostics.items.size() == 1);
    CHECK(r.diagnostics.items[0].code == "text-direction-codepoint-in-comment");
  }
  for (char32_t cp : {0x200B, 0x200D, 0x2028, 0x2060, 0x05D0}) CHECK(!syntax::is_bidi_control(cp));
}

TEST_CASE("the file is still parsed: its other errors are reported too") {
  auto r = parse_text("define s = \"\u202E\"\ndefine = 1\n");
  INFO(dump(r));
  CHECK(find(r, "text-direction-codepoint-in-literal") != nullptr);
  CHECK(find(r, "syntax-error") != nullptr);
}

TEST_CASE("an escape, a quote inside a comment and a comment inside a string are read as the lexer reads them") {
  CHECK(parse_text("define s = \"a\\u202eb\"\n").diagnostics.empty());
  // The `"` in the comment opens no string; the `//` in the string starts no comment.
  auto r = parse_text("// say \"\ndefine s = \"// \u202E\"\n");
  INFO(dump(r));
  REQUIRE(r.diagnostics.items.size() == 1);
  CHECK(r.diagnostics.items[0].code == "text-direction-codepoint-in-literal");
  CHECK(r.diagnostics.items[0].location.line == 2);
  CHECK(r.diagnostics.items[0].location.column == 16);
}

TEST_CASE("outside comments and strings the lexer reports it, by its code point") {
  auto r = parse_text("define x = 1 \u2066\n");
  INFO(dump(r));
  REQUIRE(r.diagnostics.items.size() == 1);
  CHECK(r.diagnostics.items[0].code == "unexpected-character");
  CHECK(r.diagnostics.items[0].message == "unexpected character U+2066");
}

TEST_CASE("many controls: no more diagnostics than the cap") {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "// \u202E\n";
  Limits limits;
  limits.max_diagnostics = 10;
  auto r = parse_text(text, limits);
  CHECK(r.diagnostics.items.size() == 10);
  CHECK(r.diagnostics.items.back().notes.back() == "further errors in this file are not shown");
}
