// `not_encoded`: a sentence left out must be quoted and say why; it cannot also be encoded, nor
// listed twice.
#include "test_support.hpp"

using namespace scalepol;
using namespace scalepol::testing;

TEST_CASE("not_encoded with a sentence and a reason compiles, with or without a source") {
  compile_ok(
      "not_encoded \"(b) based on a decision of the Commission\" source \"Article 51(1)(b)\" because \"no record says it\"\n"
      "not_encoded \"another sentence\" because \"why\"\n");
}

TEST_CASE("not_encoded without `because` is an error") {
  auto d = compile_err("not_encoded \"a sentence\" source \"somewhere\"\n");
  const Diagnostic* e = find_code(d, "missing-part");
  REQUIRE(e != nullptr);
  CHECK(e->message == "`not_encoded` does not say why the sentence is left out");
  CHECK(e->help == "add the reason: `because \"no model record says it\"`");
  CHECK(e->location.line == 1);
  CHECK(e->location.column == 1);
}

TEST_CASE("not_encoded with an empty sentence is an error") {
  auto d = compile_err("not_encoded \"\" because \"why\"\n");
  const Diagnostic* e = find_code(d, "missing-part");
  REQUIRE(e != nullptr);
  CHECK(e->message == "`not_encoded` quotes the sentence it leaves out, but this one is empty");
  CHECK(e->location.column == 13);
}

TEST_CASE("a sentence both quoted and listed as not encoded is an error") {
  auto d = compile_err(
      "import std.model\n"
      "trigger t {\n"
      "  quote \"greater than 10^26 operations\"\n"
      "  when training_compute > 1e26 FLOP\n"
      "}\n"
      "not_encoded \"greater than 10^26 operations\" because \"why\"\n");
  const Diagnostic* e = find_code(d, "encoded-and-not-encoded");
  REQUIRE(e != nullptr);
  CHECK(e->message == "this sentence is quoted by a construct of this file and also listed as not encoded");
  CHECK(e->location.line == 6);
  REQUIRE(e->notes.size() == 1);
  CHECK(e->notes[0] == "quoted at line 3, column 3");
  // A fragment of a quoted sentence is another sentence.
  compile_ok(
      "import std.model\n"
      "trigger t { quote \"greater than 10^26 operations\" when training_compute > 1e26 FLOP }\n"
      "not_encoded \"10^26 operations\" because \"a fragment\"\n");
}

TEST_CASE("a sentence listed twice as not encoded is an error") {
  auto d = compile_err("not_encoded \"a\" because \"x\"\nnot_encoded \"a\" because \"y\"\n");
  const Diagnostic* e = find_code(d, "duplicate-part");
  REQUIRE(e != nullptr);
  CHECK(e->message == "this sentence is listed as not encoded twice");
  CHECK(e->location.line == 2);
  CHECK(e->notes.at(0) == "first listed at line 1, column 1");
}
