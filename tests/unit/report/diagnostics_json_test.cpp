// Diagnostics rendered as JSON: the documented shape, key order, escaping.
#include <doctest/doctest.h>

#include "scalepol/diagnostic.hpp"

using namespace scalepol;

TEST_CASE("diagnostics JSON: one line per diagnostic, every key in order, help only when there is one") {
  Diagnostics all;
  Diagnostic a;
  a.code = "undefined-name";
  a.message = "`training_compte` is not defined";
  a.location = {"p.policy", 3, 8, 3, 24, "  when training_compte > 1e25 FLOP"};
  a.notes = {"names are case-sensitive"};
  a.help = "did you mean `training_compute`?";
  Diagnostic b;
  b.code = "unreadable";
  b.severity = Severity::Warning;
  b.message = "path \"C:\\x\"\tand a newline\n";
  all.add(a);
  all.add(b);
  CHECK(render_json(all) ==
        "{\n"
        "  \"diagnostics\": [\n"
        R"json(    {"code":"undefined-name","severity":"error","message":"`training_compte` is not defined",)json"
        R"json("file":"p.policy","line":3,"column":8,"end_line":3,"end_column":24,)json"
        R"json("notes":["names are case-sensitive"],"help":"did you mean `training_compute`?"},)json" "\n"
        R"json(    {"code":"unreadable","severity":"warning","message":"path \"C:\\x\"\tand a newline\n",)json"
        R"json("file":"","line":0,"column":0,"end_line":0,"end_column":0,"notes":[]})json" "\n"
        "  ]\n"
        "}\n");
}

TEST_CASE("no diagnostics is an empty list") {
  CHECK(render_json(Diagnostics{}) == "{\n  \"diagnostics\": []\n}\n");
}
