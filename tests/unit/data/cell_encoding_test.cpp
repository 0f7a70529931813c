// A NUL byte or invalid UTF-8 in a CSV cell: found at its first bad byte, replaced by U+FFFD,
// reported once per cell, and the row kept.
#include <doctest/doctest.h>

#include <string>

#include "data/cell_encoding.hpp"
#include "data/load.hpp"
#include "data_fixture.hpp"

using namespace scalepol;
using namespace scalepol::test_data;

namespace {
const std::string kFFFD = "\xEF\xBF\xBD";

std::vector<const Diagnostic*> with_code(const Diagnostics& ds, std::string_view code) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : ds.items)
    if (d.code == code) out.push_back(&d);
  return out;
}
}  // namespace

TEST_CASE("cell encoding: the first bad byte") {
  CHECK_FALSE(data::find_bad_byte("").has_value());
  CHECK_FALSE(data::find_bad_byte("GPT-4").has_value());
  CHECK_FALSE(data::find_bad_byte("Caf\xC3\xA9 \xE2\x82\xAC").has_value());
  const std::string nul("Be\0ta", 5);
  auto b = data::find_bad_byte(nul);
  REQUIRE(b.has_value());
  CHECK(b->offset == 2);
  CHECK(b->byte == 0);
  b = data::find_bad_byte("Caf\xE9!");  // Latin-1
  REQUIRE(b.has_value());
  CHECK(b->offset == 3);
  CHECK(b->byte == 0xE9);
  CHECK(data::find_bad_byte("\xED\xA0\x80").value().offset == 0);  // a surrogate
  CHECK(data::find_bad_byte("ab\xC0\xAF").value().offset == 2);    // overlong
  CHECK(data::find_bad_byte("x\xE2\x82").value().offset == 1);     // cut at the end

  // Long cells take the vectorised path: the same answers.
  const std::string good(200, 'a');
  CHECK_FALSE(data::find_bad_byte(good + "\xE2\x82\xAC" + good).has_value());
  b = data::find_bad_byte(good + "\xFF" + good);
  REQUIRE(b.has_value());
  CHECK(b->offset == 200);
  b = data::find_bad_byte(good + std::string(1, '\0') + good);
  REQUIRE(b.has_value());
  CHECK(b->offset == 200);
  CHECK(b->byte == 0);
}

TEST_CASE("cell encoding: replacement keeps every good character") {
  std::string out = "old";
  data::replace_bad_bytes(std::string("Be\0ta", 5), out);
  CHECK(out == "Be" + kFFFD + "ta");
  data::replace_bad_bytes("Caf\xE9 \xE2\x82\xAC\xFF\xFE", out);
  CHECK(out == "Caf" + kFFFD + " \xE2\x82\xAC" + kFFFD + kFFFD);
  data::replace_bad_bytes("plain", out);
  CHECK(out == "plain");
}

TEST_CASE("csv: invalid UTF-8 and NUL in cells are reported where they are, and the rows kept") {
  const std::string text = std::string("Model,Training compute (FLOP),Scratch\n") + "Al\xFFpha,2e25,x\n" +
                           "\"Caf\xE9 \"\"b\"\"\",3e24,y\n" + std::string("Gam\0ma,4e\0" "25,z\n", 15) +
                           "Delta,1e24,not a field \xFF\n";
  auto set = data::load_csv(text, "m.csv", model_schema());
  REQUIRE(set.has_value());
  REQUIRE(set->records.size() == 4);
  CHECK(set->records[0].values[kModel].text == "Al" + kFFFD + "pha");
  CHECK(set->records[0].values[kCompute].lo == 2e25);
  CHECK(set->records[1].values[kModel].text == "Caf" + kFFFD + " \"b\"");
  CHECK(set->records[2].values[kModel].text == "Gam" + kFFFD + "ma");
  CHECK(set->records[2].values[kCompute].is_unknown());  // a number holding a NUL cannot be read
  CHECK(set->records[3].values[kModel].text == "Delta");

  const auto utf8 = with_code(set->diagnostics, "invalid-utf8");
  const auto nul = with_code(set->diagnostics, "nul-byte");
  REQUIRE(utf8.size() == 2);  // not the cell of `Scratch`, which is no field
  REQUIRE(nul.size() == 2);
  CHECK(utf8[0]->location.line == 2);
  CHECK(utf8[0]->location.column == 3);
  CHECK(utf8[1]->location.line == 3);
  CHECK(utf8[1]->location.column == 5);  // after the opening quote and `Caf`
  CHECK(nul[0]->location.line == 4);
  CHECK(nul[0]->location.column == 4);
  CHECK(nul[1]->location.column == 10);
  // One diagnostic per cell, and no `malformed-value` besides it for the number.
  CHECK(with_code(set->diagnostics, "malformed-value").empty());
  CHECK(nul[1]->notes.at(0).find("is read as unknown") != std::string::npos);
  CHECK(utf8[0]->severity == Severity::Warning);
}
