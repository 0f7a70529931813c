// Syntax errors: each code at its exact line and column, with its message and help.
#include <doctest/doctest.h>

#include <cctype>

#include "syntax_helpers.hpp"

using namespace scalepol;
using namespace scalepol::syntax::test;

namespace {

// The only diagnostic of `text`, which must have exactly one.
Diagnostic single(const std::string& text) {
  auto r = parse_text(text);
  INFO(dump(r));
  REQUIRE(r.diagnostics.items.size() == 1);
  return r.diagnostics.items[0];
}

void check_at(const Diagnostic& d, const char* code, uint32_t line, uint32_t column) {
  CHECK(d.code == code);
  CHECK(d.severity == Severity::Error);
  CHECK(d.location.line == line);
  CHECK(d.location.column == column);
  CHECK(d.location.file == "test.policy");
}

}  // namespace

TEST_CASE("syntax-error: an unexpected token, and what was expected") {
  auto d = single("trigger t { when a >= }");
  check_at(d, "syntax-error", 1, 23);
  CHECK(d.message == "unexpected `}`, expected an expression");
  CHECK(d.location.end_column == 24);
  CHECK(d.location.line_text == "trigger t { when a >= }");

  d = single("field x FLOP");
  check_at(d, "syntax-error", 1, 9);
  CHECK(d.message == "unexpected `FLOP`, expected `:`");

  d = single("policy p { 5 }");
  CHECK(d.message == "unexpected `5`, expected a name or `}`");

  d = single("import");
  CHECK(d.message == "unexpected end of file, expected a name or a string");

  d = single("assume { x in 5 }");
  check_at(d, "syntax-error", 1, 17);
  CHECK(d.message == "unexpected `}`, expected a unit or `..`");
}

TEST_CASE("syntax-error: a long expected set is summarised") {
  auto d = single("define x = 1\nfoo");
  check_at(d, "syntax-error", 2, 1);
  CHECK(d.message == "unexpected `foo`, expected an item (`policy`, `import`, `field`, `benchmark`, `effective_compute`, …)");

  d = single("trigger t { when a b }");
  check_at(d, "syntax-error", 1, 20);
  CHECK(d.message == "unexpected `b`, expected `require`, `when`, `source`, `quote` or `}`");

  d = single("trigger t { when a >= 1 +  }");
  CHECK(d.message == "unexpected `}`, expected an expression");

  d = single(R"(define x = f(1, })");
  CHECK(d.message == "unexpected `}`, expected an expression");

  d = single(R"(policy p "t" { x "a" } "dangling")");
  CHECK(d.message.starts_with("unexpected string `\"dangling\"`, expected an item"));
}

TEST_CASE("syntax-error: at the end of the file, the block left open") {
  auto d = single("trigger t {\n  when a");
  check_at(d, "syntax-error", 2, 9);
  CHECK(d.message == "unexpected end of file, expected `}`");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0] == "the `{` at line 1, column 11 is never closed");

  d = single("define x = (1 + 2");
  check_at(d, "syntax-error", 1, 18);
  CHECK(d.message == "unexpected end of file, expected `)`");
}

TEST_CASE("an item left incomplete ends there: the next item is not eaten by recovery") {
  auto r = parse_text("define x =\ndefine y = 1\ntrigger t {}");
  INFO(dump(r));
  REQUIRE(r.diagnostics.items.size() == 1);
  check_at(r.diagnostics.items[0], "syntax-error", 2, 1);
  CHECK(r.diagnostics.items[0].message == "unexpected `define`, expected an expression");
  REQUIRE(r.module.defines.size() == 2);
  CHECK_FALSE(r.module.defines[0].value);
  CHECK(r.module.defines[1].value->number == 1);
  CHECK(r.module.triggers.size() == 1);
}

TEST_CASE("syntax errors are capped per file, the last one saying so") {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "define x =\n";
  auto r = parse_text(text);
  INFO(dump(r));
  REQUIRE(r.diagnostics.items.size() == 20);
  for (const auto& d : r.diagnostics.items) CHECK(d.code == "syntax-error");
  CHECK(r.diagnostics.items[0].location.line == 2);
  CHECK(r.diagnostics.items[19].location.line == 21);
  CHECK(r.diagnostics.items.back().notes.back() == "further syntax errors in this file are not reported");
}

TEST_CASE("unterminated-string: at the opening quote, and nothing after it") {
  auto d = single("define x = \"abc\nmore text");
  check_at(d, "unterminated-string", 1, 12);
  CHECK(d.message == "unterminated string");
  CHECK(d.help == "add a closing `\"`");
  CHECK(d.location.end_column == 13);

  // A backslash as the very last character belongs to the string too.
  d = single("policy p \"abc\\");
  check_at(d, "unterminated-string", 1, 10);
}

TEST_CASE("unterminated-comment: at the `/*`; a closed comment before it stays a comment") {
  auto d = single("define x = 1 /* abc");
  check_at(d, "unterminated-comment", 1, 14);
  CHECK(d.message == "unterminated comment");
  CHECK(d.help == "add a closing `*/`");

  auto r = parse_text("/* a */ define x = 1 /* b **");
  INFO(dump(r));
  REQUIRE(r.diagnostics.items.size() == 1);
  check_at(r.diagnostics.items[0], "unterminated-comment", 1, 22);
  CHECK(r.module.defines.size() == 1);

  CHECK(parse_text("/* a */ define x = 1 /***/ define y = 2 /* c */").diagnostics.empty());
}

TEST_CASE("unexpected-character: the character, and a hint for some") {
  auto d = single("define x = 1 $ 2");
  check_at(d, "unexpected-character", 1, 14);
  CHECK(d.message == "unexpected character `$`");

  d = single("define x = 1;");
  CHECK(d.message == "unexpected character `;`");
  CHECK(d.help == "remove it: items need no separator");

  d = single("define x = 1 $$$");
  CHECK(d.message == "unexpected characters `$$$`");
  CHECK(d.location.end_column == 17);

  auto r = parse_text("define x = \xE2\x80\x9Chello\xE2\x80\x9D");  // “hello”: two stray characters
  REQUIRE(r.diagnostics.items.size() == 2);
  CHECK(r.diagnostics.items[0].message == "unexpected character `\xE2\x80\x9C`");
  CHECK(r.diagnostics.items[0].help == "use straight double quotes `\"` around text");
  check_at(r.diagnostics.items[1], "unexpected-character", 1, 18);

  d = single("define x = 1\xE2\x80\x8B");  // a zero-width space
  check_at(d, "unexpected-character", 1, 13);
  CHECK(d.message == "unexpected character U+200B");
}

TEST_CASE("unknown-unit: a word after a number on the same line, with a suggestion") {
  // A name after a number on its line may be a unit declared with `unit`: the parser takes it as
  // a unit, and the checker reports it when no such unit exists (tests/unit/check/
  // declared_units_test.cpp). The parser reports it only when it trips over what follows.
  auto r = parse_text("define x = 5 FLOPZ");
  CHECK(r.diagnostics.empty());
  auto d = single("define x = 5 FLOPZ FLOP");
  check_at(d, "unknown-unit", 1, 14);
  CHECK(d.message == "unknown unit `FLOPZ`");
  CHECK(d.help == "did you mean `FLOP`?");

  d = single("define x = 5 flop )");
  CHECK(d.help == "did you mean `FLOP`?");
  d = single("tiers t by x { tier a below 5 monthz ) }");
  CHECK(d.message == "unknown unit `monthz`");
  CHECK(d.help == "did you mean `months`?");
}

TEST_CASE("unknown-unit: a word glued to a ratio is not a multiplication") {
  auto d = single("define x = 4xec");
  check_at(d, "unknown-unit", 1, 13);
  CHECK(d.location.end_column == 16);
  CHECK(d.message == "unknown unit `xec`");
  CHECK(d.help == "to scale `ec` by `4x`, put a space between them");
}

TEST_CASE("invalid-escape: at the backslash") {
  auto d = single(R"(define x = "a\qb")");
  check_at(d, "invalid-escape", 1, 14);
  CHECK(d.message == "unknown escape `\\q`");
  CHECK(d.location.end_column == 16);

  d = single(R"(define x = "\u12")");
  CHECK(d.message == "`\\u12` is not a unicode escape");
  d = single(R"(define x = "\ud800 alone")");
  CHECK(d.message == "`\\ud800` is half of a surrogate pair");

  // Columns count characters, not bytes; lines inside a string count too.
  d = single("define x = \"\xC3\xA9\xC3\xA9\\q\"");
  check_at(d, "invalid-escape", 1, 15);
  d = single("define x = \"abc\n  \\q\"");
  check_at(d, "invalid-escape", 2, 3);

  auto r = parse_text(R"(define x = "\ud83d\ude00")");
  REQUIRE(r.diagnostics.empty());
  CHECK(r.module.defines[0].value->text == "\xF0\x9F\x98\x80");
}

TEST_CASE("number-out-of-range: too large or too small for a double") {
  auto d = single("define x = 1e400");
  check_at(d, "number-out-of-range", 1, 12);
  CHECK(d.message == "`1e400` is too large for a number");
  d = single("define x = 1e-400");
  CHECK(d.message == "`1e-400` is too small for a number");
  d = single("benchmark b { scale 0..1e999 pp }");
  check_at(d, "number-out-of-range", 1, 24);
  d = single("define x = 1e999x");
  CHECK(d.message == "`1e999` is too large for a number");
  CHECK(parse_text("define x = 1.7e308 define y = 0e999 define z = 2.3e-308").diagnostics.empty());
}

TEST_CASE("invalid-date: a date the calendar does not have") {
  auto d = single("define x = 2025-02-30");
  check_at(d, "invalid-date", 1, 12);
  CHECK(d.message == "`2025-02-30` is not a date");
  CHECK(d.help == "2025-02 has 28 days");
  d = single("define x = 2024-13-01");
  CHECK(d.help == "months go from 01 to 12");
  CHECK(parse_text("define x = 2024-02-29").diagnostics.empty());

  auto r = parse_text("policy p { published 2023-02-29 }");
  REQUIRE(r.diagnostics.items.size() == 1);
  CHECK(r.diagnostics.items[0].location.column == 22);
  CHECK_FALSE(r.module.header->fields[0].date);  // no date that does not exist
}

TEST_CASE("duplicate-part: a part the AST holds once, written twice") {
  auto d = single("trigger t { when a when b }");
  check_at(d, "duplicate-part", 1, 20);
  CHECK(d.message == "`when` is written twice in trigger `t`");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0] == "the first `when` is at line 1, column 13");

  d = single("effective_compute ec {\n base a\n base unspecified\n}");
  check_at(d, "duplicate-part", 3, 2);
  CHECK(d.message == "`base` is written twice in `ec`");

  d = single("policy a {}\npolicy b {}");
  check_at(d, "duplicate-part", 2, 1);
  CHECK(d.message == "a file has one `policy` header");
}

TEST_CASE("positions: CRLF and CR line endings, multi-byte characters") {
  auto d = single("define a = 1\r\ndefine b = $\r\n");
  check_at(d, "unexpected-character", 2, 12);
  CHECK(d.location.line_text == "define b = $");

  d = single("define a = 1\rdefine b = $");
  check_at(d, "unexpected-character", 2, 12);

  // Five characters of CJK text in a string (eleven bytes with the quotes) before the error.
  auto r = parse_text("define x = \"\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\" $");
  REQUIRE(r.diagnostics.items.size() == 1);
  check_at(r.diagnostics.items[0], "unexpected-character", 1, 18);

  // A character outside the BMP is one column, as an editor shows it.
  d = single("define x = \"\xF0\x9F\x98\x80\" foo");
  check_at(d, "syntax-error", 1, 16);

  auto crlf = parse_text("define a = 1\r\ndefine bb = 2\r\n");
  REQUIRE(crlf.diagnostics.empty());
  const auto& second = crlf.module.defines[1];
  CHECK(second.span.line == 2);
  CHECK(second.span.column == 1);
  CHECK(second.span.begin == 14);
  CHECK(second.value->span.column == 13);
  CHECK(second.value->span.end_column == 14);
}

TEST_CASE("every message is one lowercase line without a trailing period") {
  const char* texts[] = {"trigger t { when a >= }", "define x = \"abc", "define x = 1 /* c", "define x = 1 $",
                         "define x = 5 FLOPZ )",   "define x = \"\\q\"", "define x = 1e400", "define x = 2025-02-30",
                         "policy a {} policy b {}", "field x FLOP",    "define x = 4xec",  "import"};
  for (const char* text : texts) {
    auto r = parse_text(text);
    CAPTURE(text);
    REQUIRE_FALSE(r.diagnostics.empty());
    for (const auto& d : r.diagnostics.items) {
      CAPTURE(d.message);
      REQUIRE_FALSE(d.message.empty());
      CHECK_FALSE(std::isupper(static_cast<unsigned char>(d.message[0])));
      CHECK(d.message.back() != '.');
      CHECK(d.message.find('\n') == std::string::npos);
    }
  }
}

TEST_CASE("token soup never throws, and stays under the caps") {
  // Deterministic pseudo-random sequences of grammar fragments: every path through error
  // recovery should end in diagnostics, never in an exception or a crash.
  const char* pieces[] = {"policy", "import", "define", "trigger", "tiers", "tier", "when", "require",
                          "{",      "}",      "(",      ")",       "[",     "]",    ",",    "=",
                          "x",      "y.z",    "1e25",   "FLOP",    "4x",    "..",   "-",    "not",
                          "and",    "@",      "\"s\"",  "2024-01-01", "is", "unknown", "exempt", "test",
                          "record", "expect", "assume", "in",    ">=",    "+",    "$",    "/*"};
  uint32_t state = 12345;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int i = 0; i < 40; ++i) {
      state = state * 1664525u + 1013904223u;
      text += pieces[(state >> 16) % std::size(pieces)];
      text += ' ';
    }
    auto r = parse_text(text);
    CAPTURE(text);
    CHECK(r.diagnostics.items.size() <= Limits{}.max_diagnostics);
    for (const auto& d : r.diagnostics.items) CHECK(d.code != "internal-error");
  }
}
