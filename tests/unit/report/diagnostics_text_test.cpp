// Diagnostics rendered as text: header, source line, caret, notes and help.
#include <doctest/doctest.h>

#include "scalepol/diagnostic.hpp"

using namespace scalepol;

namespace {
Diagnostic at(uint32_t line, uint32_t column, uint32_t end_line, uint32_t end_column, std::string text) {
  Diagnostic d;
  d.code = "unit-mismatch";
  d.message = "cannot compare `FLOP` with `FLOP/s`";
  d.location = {"policies/rsp.policy", line, column, end_line, end_column, std::move(text)};
  return d;
}
}  // namespace

TEST_CASE("a one-line span gets one caret per column") {
  CHECK(render_text(at(12, 8, 12, 24, "  when training_compute >= 1e20 FLOP/s")) ==
        "policies/rsp.policy:12:8: error[unit-mismatch]: cannot compare `FLOP` with `FLOP/s`\n"
        "  12 |   when training_compute >= 1e20 FLOP/s\n"
        "     |        ^^^^^^^^^^^^^^^^\n");
}

TEST_CASE("a point span, an empty span and a span at column 1 get one caret") {
  CHECK(render_text(at(3, 1, 3, 1, "tiers x by y {")) ==
        "policies/rsp.policy:3:1: error[unit-mismatch]: cannot compare `FLOP` with `FLOP/s`\n"
        "  3 | tiers x by y {\n"
        "    | ^\n");
  CHECK(render_text(at(3, 7, 0, 0, "tiers x by y {")) ==
        "policies/rsp.policy:3:7: error[unit-mismatch]: cannot compare `FLOP` with `FLOP/s`\n"
        "  3 | tiers x by y {\n"
        "    |       ^\n");
}

TEST_CASE("a span running onto later lines is marked to the end of its first line") {
  CHECK(render_text(at(4, 7, 6, 2, "tier a above 1e23 FLOP")) ==
        "policies/rsp.policy:4:7: error[unit-mismatch]: cannot compare `FLOP` with `FLOP/s`\n"
        "  4 | tier a above 1e23 FLOP\n"
        "    |       ^^^^^^^^^^^^^^^^\n");
}

TEST_CASE("a span at the end of the line still gets a caret") {
  CHECK(render_text(at(2, 5, 3, 1, "abcd")) ==
        "policies/rsp.policy:2:5: error[unit-mismatch]: cannot compare `FLOP` with `FLOP/s`\n"
        "  2 | abcd\n"
        "    |     ^\n");
}

TEST_CASE("tabs become one space in both lines, so the caret stays aligned") {
  CHECK(render_text(at(7, 3, 7, 7, "\t\tbad!")) ==
        "policies/rsp.policy:7:3: error[unit-mismatch]: cannot compare `FLOP` with `FLOP/s`\n"
        "  7 |   bad!\n"
        "    |   ^^^^\n");
}

TEST_CASE("columns count code points; the caret stands under its character on the screen") {
  // "é" is 2 bytes, "模型" 6, "🤖" 4: 15 bytes, 7 code points (the column, 8), and 10 terminal
  // columns before `1e25` (a CJK character or an emoji is two wide).
  CHECK(render_text(at(1, 8, 1, 12, "é 模型 🤖 1e25")) ==
        "policies/rsp.policy:1:8: error[unit-mismatch]: cannot compare `FLOP` with `FLOP/s`\n"
        "  1 | é 模型 🤖 1e25\n"
        "    |           ^^^^\n");
  // A span over wide characters gets two carets for each.
  CHECK(render_text(at(1, 3, 1, 5, "a 模型 b")) ==
        "policies/rsp.policy:1:3: error[unit-mismatch]: cannot compare `FLOP` with `FLOP/s`\n"
        "  1 | a 模型 b\n"
        "    |   ^^^^\n");
}

TEST_CASE("control characters in the source line cannot reach the terminal") {
  CHECK(render_text(at(1, 3, 1, 4, "a\x1b" "b\r")) ==
        "policies/rsp.policy:1:3: error[unit-mismatch]: cannot compare `FLOP` with `FLOP/s`\n"
        "  1 | a\xEF\xBF\xBD" "b\n"
        "    |   ^\n");
}

TEST_CASE("the gutter widens with the line number") {
  CHECK(render_text(at(1234, 2, 1234, 3, "xy")) ==
        "policies/rsp.policy:1234:2: error[unit-mismatch]: cannot compare `FLOP` with `FLOP/s`\n"
        "  1234 | xy\n"
        "       |  ^\n");
}

TEST_CASE("an empty source line has no trailing blank") {
  CHECK(render_text(at(9, 1, 9, 1, "")) ==
        "policies/rsp.policy:9:1: error[unit-mismatch]: cannot compare `FLOP` with `FLOP/s`\n"
        "  9 |\n"
        "    | ^\n");
}

TEST_CASE("no location: the file alone, or nothing") {
  Diagnostic d;
  d.code = "unreadable";
  d.message = "cannot read `x.policy`";
  d.location.file = "x.policy";
  CHECK(render_text(d) == "x.policy: error[unreadable]: cannot read `x.policy`\n");
  d.location.file.clear();
  CHECK(render_text(d) == "error[unreadable]: cannot read `x.policy`\n");
}

TEST_CASE("a line without a column shows the line but no caret") {
  Diagnostic d = at(5, 0, 0, 0, "field x: FLOP");
  CHECK(render_text(d) ==
        "policies/rsp.policy:5: error[unit-mismatch]: cannot compare `FLOP` with `FLOP/s`\n"
        "  5 | field x: FLOP\n");
}

TEST_CASE("notes and help follow the snippet; warnings and notes are labelled") {
  Diagnostic d = at(2, 3, 2, 11, "  baseline unspecified");
  d.code = "ec-no-baseline";
  d.severity = Severity::Warning;
  d.message = "effective compute `ec` does not say which techniques are the baseline";
  d.notes = {"the same model can be above or below a threshold depending on the baseline",
             "evaluation will try every declared reading"};
  d.help = "write `baseline \"…\"` or an `assume` block";
  CHECK(render_text(d) ==
        "policies/rsp.policy:2:3: warning[ec-no-baseline]: effective compute `ec` does not say which "
        "techniques are the baseline\n"
        "  2 |   baseline unspecified\n"
        "    |   ^^^^^^^^\n"
        "  = note: the same model can be above or below a threshold depending on the baseline\n"
        "  = note: evaluation will try every declared reading\n"
        "  = help: write `baseline \"…\"` or an `assume` block\n");

  Diagnostic n;
  n.severity = Severity::Note;
  n.code = "too-many-diagnostics";
  n.message = "50 more diagnostics were dropped";
  CHECK(render_text(n) == "note[too-many-diagnostics]: 50 more diagnostics were dropped\n");
}

TEST_CASE("several diagnostics are rendered one after another") {
  Diagnostics all;
  Diagnostic a;
  a.code = "a";
  a.message = "first";
  Diagnostic b;
  b.code = "b";
  b.message = "second";
  b.severity = Severity::Warning;
  all.add(a);
  all.add(b);
  CHECK(render_text(all) == "error[a]: first\nwarning[b]: second\n");
  CHECK(render_text(Diagnostics{}).empty());
}

TEST_CASE("colour only when asked: severity, gutter and caret, note label") {
  Diagnostic d = at(1, 1, 1, 3, "ab");
  d.notes = {"n"};
  CHECK(render_text(d, {.color = true}) ==
        "policies/rsp.policy:1:1: \x1b[1;31merror[unit-mismatch]\x1b[0m: cannot compare `FLOP` with `FLOP/s`\n"
        "  \x1b[1;34m1 |\x1b[0m ab\n"
        "  \x1b[1;34m  |\x1b[0m \x1b[1;34m^^\x1b[0m\n"
        "  \x1b[1;34m=\x1b[0m \x1b[1;36mnote\x1b[0m: n\n");
  d.severity = Severity::Warning;
  CHECK(render_text(d, {.color = true}).find("\x1b[1;33mwarning[unit-mismatch]\x1b[0m") != std::string::npos);
  CHECK(render_text(d).find('\x1b') == std::string::npos);
}

TEST_CASE("counting by severity") {
  Diagnostics all;
  CHECK_FALSE(all.has_errors());
  Diagnostic w;
  w.severity = Severity::Warning;
  all.add(w);
  all.add(w);
  CHECK_FALSE(all.has_errors());
  Diagnostic e;
  all.add(e);
  Diagnostic n;
  n.severity = Severity::Note;
  all.add(n);
  CHECK(all.has_errors());
  CHECK(all.error_count() == 1);
  CHECK(all.warning_count() == 2);
  CHECK(std::string(severity_name(Severity::Note)) == "note");
}
