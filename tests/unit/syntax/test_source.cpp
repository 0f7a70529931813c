// SourceFile: the line index, line text and Location; make_diagnostic.
#include <doctest/doctest.h>

#include "syntax/source.hpp"

using namespace scalepol;
using scalepol::syntax::SourceFile;

TEST_CASE("lines end at \\n, \\r\\n or \\r, and come without their terminator") {
  SourceFile f("f.policy", "a\nbc\r\nd\re");
  CHECK(f.path() == "f.policy");
  REQUIRE(f.line_count() == 4);
  CHECK(f.line(1) == "a");
  CHECK(f.line(2) == "bc");
  CHECK(f.line(3) == "d");
  CHECK(f.line(4) == "e");
  CHECK(f.line(0).empty());
  CHECK(f.line(5).empty());
}

TEST_CASE("a final newline starts an empty last line; an empty file has one empty line") {
  SourceFile f("f", "x\n");
  CHECK(f.line_count() == 2);
  CHECK(f.line(1) == "x");
  CHECK(f.line(2).empty());
  SourceFile empty("f", "");
  CHECK(empty.line_count() == 1);
  CHECK(empty.line(1).empty());
  SourceFile blank("f", "\r\n\r\n");
  CHECK(blank.line_count() == 3);
  CHECK(blank.line(2).empty());
}

TEST_CASE("the byte-order mark is not part of the first line") {
  SourceFile f("f", "\xEF\xBB\xBF" "policy x {}\nnext");
  CHECK(f.line(1) == "policy x {}");
  CHECK(f.line(2) == "next");
}

TEST_CASE("location copies the span and adds the line's text") {
  SourceFile f("dir/f.policy", "first\nsecond line\n");
  ast::Span span{6, 12, 2, 1, 2, 7};
  Location loc = f.location(span);
  CHECK(loc.file == "dir/f.policy");
  CHECK(loc.line == 2);
  CHECK(loc.column == 1);
  CHECK(loc.end_line == 2);
  CHECK(loc.end_column == 7);
  CHECK(loc.line_text == "second line");

  Location whole = f.location(ast::Span{});
  CHECK(whole.line == 0);
  CHECK(whole.line_text.empty());
}

TEST_CASE("make_diagnostic") {
  SourceFile f("f.policy", "define x = 1\n");
  Diagnostic d = syntax::make_diagnostic(f, ast::Span{7, 8, 1, 8, 1, 9}, Code::UnusedDefinition, "`x` is never used");
  CHECK(d.code == "unused-definition");
  CHECK(d.severity == Severity::Warning);
  CHECK(d.message == "`x` is never used");
  CHECK(d.location.column == 8);
  CHECK(d.location.line_text == "define x = 1");
  CHECK(d.notes.empty());
  CHECK(d.help.empty());
}
