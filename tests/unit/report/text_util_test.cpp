// Terminal text helpers: code-point widths, truncation, control characters.
#include <doctest/doctest.h>

#include "report/text_util.hpp"

using namespace scalepol::report;

TEST_CASE("code points, not bytes") {
  CHECK(code_points("") == 0);
  CHECK(code_points("abc") == 3);
  CHECK(code_points("é") == 1);
  CHECK(code_points("10²⁵ 模型 🤖") == 9);
  CHECK(take_code_points("模型ab", 3) == "模型a");
  CHECK(take_code_points("ab", 5) == "ab");
}

TEST_CASE("display width: wide characters take two columns, combining marks none") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("é") == 1);
  CHECK(display_width("e\u0301") == 1);           // e + combining acute
  CHECK(display_width("模型-7B") == 7);             // CJK ideographs
  CHECK(display_width("ＡＢ") == 4);                // fullwidth forms
  CHECK(display_width("한국어") == 6);              // Hangul
  CHECK(display_width("🤖") == 2);
  CHECK(display_width("a\x1b[b") == 4);            // ESC is printed as U+FFFD: one column
  CHECK(display_width("a\xff" "b") == 3);             // a bad byte: U+FFFD
  CHECK(display_width("a\x80" "b") == 2);             // a stray continuation byte: dropped
  CHECK(take_display_width("模型ab", 3) == "模");   // the second ideograph would make it 4
  CHECK(take_display_width("模型ab", 5) == "模型a");
  CHECK(take_display_width("ab", 5) == "ab");
}

TEST_CASE("printable text: tabs become a space, control characters U+FFFD") {
  std::string out;
  append_printable(out, "a\tb\x1b[31mc\x7f");
  CHECK(out == "a b\xEF\xBF\xBD[31mc\xEF\xBF\xBD");
}

TEST_CASE("truncation ends with an ellipsis and keeps the width") {
  std::string out;
  append_truncated(out, "abcdef", 4);
  CHECK(out == "abc…");
  CHECK(code_points(out) == 4);
  out.clear();
  append_truncated(out, "abcd", 4);
  CHECK(out == "abcd");
  out.clear();
  append_truncated(out, "模型模型模型", 5);
  CHECK(out == "模型…");
  CHECK(display_width(out) == 5);
}

TEST_CASE("printable text: C1 and text direction controls become U+FFFD, one column each") {
  // RLO, LRI, PDI, LRM, RLM, ALM and CSI (U+009B) would reorder or restyle what follows them.
  const std::string hostile = "a\u202Eb\u2066c\u2069d\u200Ee\u200Ff\u061Cg\u009Bh";
  std::string out;
  append_printable(out, hostile);
  const std::string r = "\xEF\xBF\xBD";
  CHECK(out == "a" + r + "b" + r + "c" + r + "d" + r + "e" + r + "f" + r + "g" + r + "h");
  CHECK(code_points(out) == code_points(hostile));  // carets computed on the input stay aligned
  CHECK(display_width(hostile) == 15);              // as printed: each control one column
  CHECK(display_width("a\u200Bb") == 2);            // a zero-width space is no control: kept, no column
}
