// Helpers for the syntax tests: parse text held in memory, and look at what came out.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "syntax/parse.hpp"

namespace scalepol::syntax::test {

// The file must outlive the result's use of it only for diagnostics, which copy what they need.
inline ParseResult parse_text(const std::string& text, const Limits& limits = {}) {
  SourceFile file("test.policy", text);
  return parse(file, limits);
}

inline std::size_t error_count(const ParseResult& r) {
  std::size_t n = 0;
  for (const auto& d : r.diagnostics.items) n += d.severity == Severity::Error;
  return n;
}

inline std::vector<std::string> codes(const ParseResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics.items) out.push_back(d.code);
  return out;
}

// "code line:column message", for failure output that says what went wrong.
inline std::string dump(const ParseResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics.items)
    out += d.code + " " + std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + " " +
           d.message + (d.help.empty() ? "" : " [help: " + d.help + "]") + "\n";
  return out;
}

// The module of a parse that must succeed; on failure the diagnostics are printed.
inline const ast::Module& ok(const ParseResult& r) {
  INFO(dump(r));
  REQUIRE(r.diagnostics.empty());
  return r.module;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string sketch_path(const std::string& name) {
  return std::string(SCALEPOL_SOURCE_DIR) + "/tests/unit/syntax/sketches/" + name;
}

}  // namespace scalepol::syntax::test

namespace scalepol::syntax::test {

// `define x = <text>`, for expression tests: the expression starts at column 12 of line 1.
struct ParsedExpr {
  ParseResult result;
  const ast::Expr* expr = nullptr;
};

inline ParsedExpr parse_expr(const std::string& text, const Limits& limits = {}) {
  ParsedExpr p{parse_text("define x = " + text, limits)};
  // Expressions live on the heap behind unique_ptr: moving the result keeps this pointer valid.
  if (!p.result.module.defines.empty()) p.expr = p.result.module.defines[0].value.get();
  return p;
}

}  // namespace scalepol::syntax::test
