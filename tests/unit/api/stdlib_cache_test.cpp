// The cache of parsed stdlib modules (api/stdlib_cache.hpp): a cached parse must be exactly a
// fresh one — the same AST and the same diagnostics, under any limits — and each compilation
// must get its own copy, since the checker writes into it.
#include "test_support.hpp"

#include <thread>

#include "api/stdlib.hpp"
#include "api/stdlib_cache.hpp"
#include "ast/ast_dump.hpp"
#include "scalepol/lint.hpp"

using namespace scalepol;
using namespace scalepol::testing;

namespace {

std::string keys(const Diagnostics& ds) {
  std::string out;
  for (const auto& d : ds.items)
    out += d.code + " " + std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + " " + d.message + "\n";
  return out;
}

}  // namespace

TEST_CASE("a cached stdlib parse is the fresh parse, under any limits, every time") {
  Limits tight;
  tight.max_nesting = 2;       // std modules nest deeper: errors, the same ones both ways
  tight.max_diagnostics = 3;
  Limits tiny;
  tiny.max_source_bytes = 100;  // every module is refused
  for (const Limits& limits : {Limits{}, tight, tiny}) {
    for (const auto& m : stdlib::modules()) {
      INFO(m.path << ", nesting " << limits.max_nesting << ", bytes " << limits.max_source_bytes);
      syntax::SourceFile file(std::string(m.path), std::string(m.text));
      const auto fresh = syntax::parse(file, limits);
      for (int round = 0; round < 2; ++round) {  // the first fills the cache, the second reads it
        const auto cached = api::parse_stdlib(file, limits);
        CHECK(ast::dump(cached.module) == ast::dump(fresh.module));
        CHECK(keys(cached.diagnostics) == keys(fresh.diagnostics));
      }
    }
  }
}

TEST_CASE("compilations that import the same stdlib module do not share its AST") {
  // The checker resolves names and sets types in the imported module's AST. Two policies that
  // give std.model's names other uses must each see a clean copy: here the second policy
  // compiles exactly as it does alone, whatever the first did.
  const std::string first = R"(import std.model
trigger big { when training_compute > 1e25 FLOP }
)";
  const std::string second = R"(import std.model
import std.progress
trigger old { when released < 2020-01-01 }
)";
  auto alone = compile_source(second, "second.policy");
  REQUIRE(alone.has_value());
  const std::string expected = render_text(lint(*alone));
  for (int i = 0; i < 3; ++i) {
    auto a = compile_source(first, "first.policy");
    REQUIRE(a.has_value());
    auto b = compile_source(second, "second.policy");
    REQUIRE(b.has_value());
    CHECK(render_text(lint(*b)) == expected);
    CHECK(b->run_tests().cases.size() == alone->run_tests().cases.size());
  }
}

TEST_CASE("stdlib imports from several threads at once compile alike") {
  // The cache is filled and read under its lock; compile_source may run on any thread.
  const std::string text = R"(import std.model
import std.units
import std.benchmarks
trigger t { when training_compute > 1e24 FLOP }
)";
  auto reference = compile_source(text, "x.policy");
  REQUIRE(reference.has_value());
  const std::string expected = render_text(lint(*reference));
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < got.size(); ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        auto p = compile_source(text, "x.policy");
        got[t] = p ? render_text(lint(*p)) : "failed";
      }
    });
  for (auto& th : threads) th.join();
  for (const auto& g : got) CHECK(g == expected);
}
