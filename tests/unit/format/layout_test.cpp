// The canonical layout on small inputs: spacing, indentation, alignment, wrapping, comments,
// line ends, and inputs at the edges (empty, only comments, deep nesting, long chains).
#include <doctest/doctest.h>

#include <string>

#include "format_support.hpp"

namespace {

// fmt's guarantee on one text, with the formatted text returned for exact checks.
std::string formats_faithfully(const std::string& text, std::size_t width = 100) {
  const auto before = fmt_test::parse(text);
  REQUIRE(before.ok);
  auto result = scalepol::format_source(text, "input.policy", {width});
  REQUIRE(result.has_value());
  const auto after = fmt_test::parse(*result);
  CHECK(after.ok);
  CHECK(after.dump == before.dump);
  CHECK(fmt_test::comments(*result) == fmt_test::comments(text));
  CHECK(fmt_test::format(*result, width) == *result);
  return *result;
}

}  // namespace

TEST_CASE("a messy file takes the canonical layout") {
  const std::string messy =
      "policy   p \"P\"{issuer \"X\" published 2024-01-02\n"
      "source \"https://example.org\"}\n"
      "import std.model\n\n\n\n"
      "define big=training_compute>1e25 FLOP and(parameters>  10e9 params)\n"
      "trigger t{quote \"a\" source \"b\" when big require notify \"them\" within 2 weeks}\n"
      "test \"x\"{record{model \"m\" training_compute 2e25 FLOP parameters 1 params}expect t}\n";
  CHECK(formats_faithfully(messy) ==
        "policy p \"P\" {\n"
        "  issuer    \"X\"\n"
        "  published 2024-01-02\n"
        "  source    \"https://example.org\"\n"
        "}\n"
        "\n"
        "import std.model\n"
        "\n"
        "define big = training_compute > 1e25 FLOP and (parameters > 10e9 params)\n"
        "\n"
        "trigger t {\n"
        "  quote  \"a\"\n"
        "  source \"b\"\n"
        "  when big\n"
        "  require notify \"them\" within 2 weeks\n"
        "}\n"
        "\n"
        "test \"x\" {\n"
        "  record { model \"m\"  training_compute 2e25 FLOP  parameters 1 params }\n"
        "  expect t\n"
        "}\n");
}

TEST_CASE("numbers, units, dates and strings are kept as written") {
  const std::string text =
      "define a = 1e25 FLOP > 10e24 FLOP and 1.0E+25 FLOP > 0.5x\n"
      "define b = \"say \\\"hi\\\"\\n\" == \"x\"\n"
      "define c = -(-5) < - 3 and 8 months within 5..14 months > 1 month\n";
  CHECK(formats_faithfully(text) ==
        "define a = 1e25 FLOP > 10e24 FLOP and 1.0E+25 FLOP > 0.5x\n"
        "define b = \"say \\\"hi\\\"\\n\" == \"x\"\n"
        "define c = -(-5) < -3 and 8 months within 5..14 months > 1 month\n");
}

TEST_CASE("a long expression breaks before the operators of its lowest-precedence chain") {
  const std::string text =
      "trigger t { when training_compute > 1e26 FLOP or (parameters > 1e12 params and released > 2024-01-01) or "
      "time_since(released) > 3 months }\n";
  CHECK(formats_faithfully(text, 60) ==
        "trigger t {\n"
        "  when training_compute > 1e26 FLOP\n"
        "    or (parameters > 1e12 params and released > 2024-01-01)\n"
        "    or time_since(released) > 3 months\n"
        "}\n");
  // Narrower: the bracketed chain breaks too, one step further in.
  CHECK(formats_faithfully(text, 40) ==
        "trigger t {\n"
        "  when training_compute > 1e26 FLOP\n"
        "    or (parameters > 1e12 params\n"
        "      and released > 2024-01-01)\n"
        "    or time_since(released) > 3 months\n"
        "}\n");
}

TEST_CASE("comments stay where they were, in awkward places too") {
  const std::string text =
      "// head\n"
      "\n"
      "define a = 1 + /* inside */ 2  // trailing\n"
      "define b = 1 +  // after an operator\n"
      "  2\n"
      "trigger t {\n"
      "  // before when\n"
      "  when a > 1\n"
      "    // between operands\n"
      "    and b > 2\n"
      "  // at the end of the block\n"
      "}\n"
      "// at the end of the file\n";
  const std::string out = formats_faithfully(text);
  CHECK(out ==
        "// head\n"
        "\n"
        "define a = 1 + /* inside */ 2  // trailing\n"
        "define b = 1\n"
        "  +  // after an operator\n"
        "    2\n"
        "\n"
        "trigger t {\n"
        "  // before when\n"
        "  when a > 1\n"
        "    // between operands\n"
        "    and b > 2\n"
        "  // at the end of the block\n"
        "}\n"
        "// at the end of the file\n");
}

TEST_CASE("CRLF, a BOM and tabs: LF out, no BOM, spaces") {
  const std::string text = "\xEF\xBB\xBF" "define\ta =\t1\r\n\r\n\r\ndefine b = 2 // c\r\n";
  CHECK(formats_faithfully(text) == "define a = 1\n\ndefine b = 2  // c\n");
}

TEST_CASE("an empty file stays empty; a file of comments keeps them") {
  CHECK(formats_faithfully("") == "");
  CHECK(formats_faithfully("  \n\n") == "");
  CHECK(formats_faithfully("// one\n\n\n/* two\n   lines */\n") == "// one\n\n/* two\n   lines */\n");
}

TEST_CASE("a file with a syntax error is refused with its errors") {
  auto r = scalepol::format_source("define x = \n", "bad.policy");
  REQUIRE_FALSE(r.has_value());
  REQUIRE_FALSE(r.error().items.empty());
  CHECK(r.error().items[0].location.file == "bad.policy");
}

TEST_CASE("deep nesting and long chains format without deep recursion") {
  std::string nested = "define x = ";
  for (int i = 0; i < 150; ++i) nested += "(";
  nested += "a";
  for (int i = 0; i < 150; ++i) nested += " and b)";
  nested += "\n";
  formats_faithfully(nested);

  std::string chain = "define x = a";
  for (int i = 0; i < 100000; ++i) chain += " + a";
  chain += "\n";
  const std::string out = formats_faithfully(chain);
  CHECK(out.find("\n  + a\n") != std::string::npos);

  // Each `@` is a level of nesting: 200 is the limit, and a longer chain is refused, not formatted.
  std::string at = "define x = a";
  for (int i = 0; i < 200; ++i) at += "@r";
  formats_faithfully(at + "\n");
  for (int i = 200; i < 50000; ++i) at += "@r";
  auto refused = scalepol::format_source(at + "\n", "input.policy", {100});
  REQUIRE_FALSE(refused.has_value());
  REQUIRE_FALSE(refused.error().empty());
  CHECK(refused.error().items.front().code == "nesting-too-deep");
}
