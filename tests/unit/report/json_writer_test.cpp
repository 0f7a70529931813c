// The streaming JSON writer: escaping, numbers, layout.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "report/json_writer.hpp"

using scalepol::report::append_json_string;
using scalepol::report::JsonWriter;

namespace {
std::string quoted(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}
}  // namespace

TEST_CASE("json strings escape quotes, backslashes and control characters") {
  CHECK(quoted("plain") == R"("plain")");
  CHECK(quoted(R"(say "hi")") == R"("say \"hi\"")");
  CHECK(quoted(R"(C:\path)") == R"("C:\\path")");
  CHECK(quoted("a\nb\tc\rd\be\ff") == R"("a\nb\tc\rd\be\ff")");
  CHECK(quoted(std::string_view("\x00\x01\x1f", 3)) == R"("\u0000\u0001\u001f")");
  CHECK(quoted("\x7f") == "\"\x7f\"");  // DEL is allowed unescaped in JSON
  CHECK(quoted("/") == R"("/")");         // no needless escaping of the solidus
}

TEST_CASE("json strings pass UTF-8 through and replace malformed bytes") {
  CHECK(quoted("Qwen2.5-72B — 10²⁵ FLOP, 模型, 🤖") == "\"Qwen2.5-72B — 10²⁵ FLOP, 模型, 🤖\"");
  CHECK(quoted("a\xff" "b") == R"("a\ufffdb")");             // not a lead byte
  CHECK(quoted("\xc3") == R"("\ufffd")");                     // truncated sequence
  CHECK(quoted("\xc0\xaf") == R"("\ufffd\ufffd")");           // overlong '/'
  CHECK(quoted("\xed\xa0\x80") == R"("\ufffd\ufffd\ufffd")"); // a UTF-16 surrogate
  CHECK(quoted("\xf4\x90\x80\x80") == R"("\ufffd\ufffd\ufffd\ufffd")");  // beyond U+10FFFF
}

TEST_CASE("json numbers are shortest round-trip and never NaN or infinity") {
  std::string out;
  JsonWriter json(out, 0);
  json.begin_array();
  json.number(0.1);
  json.number(1e26);
  json.number(2.5e-7);
  json.number(3.0);
  json.number(-0.0);
  json.number(std::numeric_limits<double>::quiet_NaN());
  json.number(std::numeric_limits<double>::infinity());
  json.number(-std::numeric_limits<double>::infinity());
  json.number(42u);
  json.number(-7);
  json.number(std::numeric_limits<std::int64_t>::min());
  json.end_array();
  CHECK(out == "[0.1,1e+26,2.5e-07,3,-0,null,null,null,42,-7,-9223372036854775808]");
  CHECK(json.complete());
}

TEST_CASE("json layout: compact") {
  std::string out;
  JsonWriter json(out, 0);
  json.begin_object();
  json.member("a", "x");
  json.key("b");
  json.begin_array();
  json.boolean(true);
  json.boolean(false);
  json.null();
  json.end_array();
  json.key("c");
  json.begin_object();
  json.end_object();
  json.end_object();
  CHECK(out == R"({"a":"x","b":[true,false,null],"c":{}})");
}

TEST_CASE("json layout: indented, with empty containers on one line") {
  std::string out;
  JsonWriter json(out);
  json.begin_object();
  json.member("name", "gpai_tier");
  json.key("empty");
  json.begin_array();
  json.end_array();
  json.key("list");
  json.begin_array();
  json.number(1);
  json.begin_object();
  json.member("k", 2);
  json.end_object();
  json.end_array();
  json.end_object();
  CHECK(out ==
        "{\n"
        "  \"name\": \"gpai_tier\",\n"
        "  \"empty\": [],\n"
        "  \"list\": [\n"
        "    1,\n"
        "    {\n"
        "      \"k\": 2\n"
        "    }\n"
        "  ]\n"
        "}");
}

TEST_CASE("json layout: containers from flat_depth down are written on one line") {
  std::string out;
  JsonWriter json(out, 2, 2);
  json.begin_object();
  json.key("rows");
  json.begin_array();
  for (int i = 0; i < 2; ++i) {
    json.begin_object();
    json.member("n", i);
    json.key("tags");
    json.begin_array();
    json.string("a");
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.end_object();
  CHECK(out ==
        "{\n"
        "  \"rows\": [\n"
        "    {\"n\":0,\"tags\":[\"a\"]},\n"
        "    {\"n\":1,\"tags\":[\"a\"]}\n"
        "  ]\n"
        "}");
}

TEST_CASE("json writer appends to the caller's buffer, which may be drained between values") {
  std::string out = "prefix ";
  JsonWriter json(out, 0);
  json.begin_array();
  json.string("a");
  CHECK(out == R"(prefix ["a")");
  out.clear();  // as a stream sink does after writing a chunk out
  json.string("b");
  json.end_array();
  CHECK(out == R"(,"b"])");
  CHECK(json.complete());
}

TEST_CASE("json strings escape C1 and text direction controls, keeping the text") {
  CHECK(quoted("Evil\u202EAI") == R"("Evil\u202eAI")");
  CHECK(quoted("\u2066x\u2069 \u200E\u200F\u061C") == R"("\u2066x\u2069 \u200e\u200f\u061c")");
  CHECK(quoted("a\u009Bb\u0085") == R"("a\u009bb\u0085")");
  CHECK(quoted("\u00A0\u2010") == "\"\u00A0\u2010\"");  // the characters next to them pass through
}
