#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "data/csv_reader.hpp"

using namespace scalepol::data;

namespace {

// All rows of `text` as strings (an unterminated last row as "<unterminated>").
std::vector<std::vector<std::string>> rows_of(std::string_view text) {
  CsvReader reader(text);
  CsvRow row;
  std::string scratch;
  std::vector<std::vector<std::string>> out;
  while (reader.next(row)) {
    std::vector<std::string> cells;
    if (row.unterminated) {
      cells.push_back("<unterminated>");
    } else {
      for (const CsvCell& c : row.cells) cells.emplace_back(reader.text(c, scratch));
    }
    out.push_back(std::move(cells));
  }
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("csv: plain rows, LF and CRLF, with or without a final line end") {
  CHECK(rows_of("a,b\n1,2\n") == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(rows_of("a,b\r\n1,2\r\n") == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(rows_of("a,b\r\n1,2") == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(rows_of("a,b\n1,2\r") == Rows{{"a", "b"}, {"1", "2"}});
  CHECK(rows_of("") == Rows{});
}

TEST_CASE("csv: empty cells, trailing commas and blank lines") {
  CHECK(rows_of("a,,c\n,\n") == Rows{{"a", "", "c"}, {"", ""}});
  CHECK(rows_of("a,b,\n") == Rows{{"a", "b", ""}});
  CHECK(rows_of("a\n\n\r\nb\n\n") == Rows{{"a"}, {"b"}});
  CHECK(rows_of("a\r\nb\r\n\r") == Rows{{"a"}, {"b"}});
}

TEST_CASE("csv: quoted cells") {
  CHECK(rows_of("\"a,b\",c\n") == Rows{{"a,b", "c"}});
  CHECK(rows_of("\"say \"\"hi\"\"\",x\n") == Rows{{"say \"hi\"", "x"}});
  CHECK(rows_of("\"line one\nline two\",x\ny,z\n") == Rows{{"line one\nline two", "x"}, {"y", "z"}});
  CHECK(rows_of("\"crlf\r\ninside\",x\r\n") == Rows{{"crlf\r\ninside", "x"}});
  CHECK(rows_of("\"\",\"\"\"\"\n") == Rows{{"", "\""}});
  // A quote inside an unquoted cell is text.
  CHECK(rows_of("5\" disk,x\n") == Rows{{"5\" disk", "x"}});
}

TEST_CASE("csv: text after a closing quote is kept and flagged") {
  CsvReader reader("\"a\"b,c\n");
  CsvRow row;
  std::string scratch;
  REQUIRE(reader.next(row));
  REQUIRE(row.cells.size() == 2);
  CHECK(row.cells[0].stray_text);
  CHECK(reader.text(row.cells[0], scratch) == "ab");
  CHECK(CsvReader::stray_start(row.cells[0]) == 3);
  CHECK_FALSE(row.cells[1].stray_text);
}

TEST_CASE("csv: an unterminated quote ends the file") {
  CHECK(rows_of("a,b\n1,\"open\n2,3\n") == Rows{{"a", "b"}, {"<unterminated>"}});
  CsvReader reader("a\n\"x");
  CsvRow row;
  REQUIRE(reader.next(row));
  REQUIRE(reader.next(row));
  CHECK(row.unterminated);
  CHECK(row.open_quote == 2);
  CHECK_FALSE(reader.next(row));
}

TEST_CASE("csv: cell offsets") {
  const std::string_view text = "ab,\"c\"\r\nd";
  CsvReader reader(text);
  CsvRow row;
  REQUIRE(reader.next(row));
  REQUIRE(row.cells.size() == 2);
  CHECK(row.cells[0].start == 0);
  CHECK(row.cells[0].end == 2);
  CHECK(row.cells[1].start == 3);
  CHECK(row.cells[1].quoted);
  CHECK(row.cells[1].end == 6);
  CHECK(row.end == 6);
  REQUIRE(reader.next(row));
  CHECK(row.start == 8);
}

// The unquoted-cell scan reads eight bytes at a time: a comma or line end at every position of
// a word, in cells shorter and longer than a word, with bytes that look like either (high bytes
// of UTF-8, a CR, bytes one off ',' and '\n') around them, is found where it is.
TEST_CASE("csv: delimiters at every position of an eight-byte word") {
  const std::string fillers[] = {"x", "\xC3\xA9", "+", "-", "\x0B", "\x09", "\xFF", "\x80"};
  for (const std::string& fill : fillers) {
    for (std::size_t a = 0; a < 20; ++a) {
      for (std::size_t b = 0; b < 20; b += 3) {
        std::string first, second;
        for (std::size_t i = 0; i < a; ++i) first += fill;
        for (std::size_t i = 0; i < b; ++i) second += fill;
        INFO("fill " << int(static_cast<unsigned char>(fill[0])) << ", cells of " << a << " and " << b);
        CHECK(rows_of(first + "," + second + "\n" + second + "," + first) == Rows{{first, second}, {second, first}});
        CHECK(rows_of("a" + first + "\nb" + second + "\r\n,") == Rows{{"a" + first}, {"b" + second}, {"", ""}});
      }
    }
  }
}
