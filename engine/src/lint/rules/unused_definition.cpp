// `unused-definition`: a definition nothing uses.
//
// A `define`, `effective_compute`, `reference` or `benchmark` in the policy's own files that no
// expression of any module reads (no name resolves to it, no `@ref` or `time_since(ref)` uses a
// reference) and, for a benchmark, that no effective-compute definition measures with
// (`metric benchmark NAME`). Tier ladders, triggers and exemptions produce verdicts of their own
// and are never unused; fields are a record schema and are not reported. A definition read only
// by another unused definition counts as used (one level, not reachability from the verdicts).
#include <fmt/format.h>

#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "lint/rules/rules.hpp"
#include "lint/walk.hpp"

namespace scalepol::linter::rules {

namespace {

// What the policy reads: (kind, index) pairs in the program's tables, and benchmarks by name.
struct Uses {
  std::set<std::pair<ast::RefKind, int32_t>> resolved;
  std::set<std::string> metric_benchmarks;

  bool has(ast::RefKind kind, int32_t index) const { return resolved.count({kind, index}) > 0; }
};

Uses collect_uses(const check::Program& p) {
  Uses uses;
  for (const auto& mod : p.modules) {
    for_each_root(*mod, [&](const ast::Expr& root, const Site&) {
      // `x@ref` resolves the reference on the At node; `time_since(ref)` on the Name.
      walk(root, [&](const ast::Expr& e) { uses.resolved.insert({e.res.kind, e.res.index}); });
    });
    for (const auto& ec : mod->effective_computes)
      if (ec.metric.kind == decltype(ec.metric)::Kind::Benchmark)
        uses.metric_benchmarks.insert(ec.metric.benchmark.text);
  }
  return uses;
}

// Each declaration's place in the program's tables, by address, and each benchmark's field by
// module and name (the first), found once rather than by a scan of the table for each one (n^2
// for n definitions).
struct Places {
  std::unordered_map<const void*, int32_t> of;
  std::map<std::pair<int32_t, std::string_view>, int32_t> benchmark_fields;

  explicit Places(const check::Program& p) {
    for (std::size_t i = 0; i < p.defines.size(); ++i) of.emplace(p.defines[i], static_cast<int32_t>(i));
    for (std::size_t i = 0; i < p.effective_computes.size(); ++i)
      of.emplace(p.effective_computes[i], static_cast<int32_t>(i));
    for (std::size_t i = 0; i < p.references.size(); ++i) of.emplace(p.references[i].decl, static_cast<int32_t>(i));
    for (std::size_t i = 0; i < p.fields.size(); ++i)
      benchmark_fields.emplace(std::pair<int32_t, std::string_view>(p.fields[i].module, p.fields[i].name),
                               static_cast<int32_t>(i));
  }

  int32_t index(const void* decl) const {
    auto it = of.find(decl);
    return it == of.end() ? -1 : it->second;
  }

  // A benchmark's score is the record field of the same name, declared in the same module.
  int32_t benchmark_field(int32_t m, const ast::BenchmarkDecl& b) const {
    auto it = benchmark_fields.find({m, b.name.text});
    return it == benchmark_fields.end() ? -1 : it->second;
  }
};

void report(Context& cx, int32_t m, const ast::Ident& name) {
  auto& d = cx.report(unused_definition.code, m, name.span, fmt::format("`{}` is defined but never used", name.text));
  d.notes.push_back("no rule reads it, so it changes no verdict: a rule may be reading another name instead");
  d.help = "remove it, or use it in a rule";
}

void check_module(Context& cx, int32_t m, const Uses& uses, const Places& places) {
  const auto& mod = cx.module(m);
  for (const auto& d : mod.defines)
    if (!uses.has(ast::RefKind::Define, places.index(&d))) report(cx, m, d.name);
  for (const auto& ec : mod.effective_computes)
    if (!uses.has(ast::RefKind::EffectiveCompute, places.index(&ec))) report(cx, m, ec.name);
  for (const auto& r : mod.references)
    if (!uses.has(ast::RefKind::Reference, places.index(&r))) report(cx, m, r.name);
  for (const auto& b : mod.benchmarks)
    if (!uses.has(ast::RefKind::Field, places.benchmark_field(m, b)) && !uses.metric_benchmarks.count(b.name.text))
      report(cx, m, b.name);
}

void run(Context& cx) {
  const auto uses = collect_uses(cx.program());
  const Places places(cx.program());
  for (int32_t m : cx.user_modules()) check_module(cx, m, uses, places);
}

}  // namespace

const Rule unused_definition{Code::UnusedDefinition, &run};

}  // namespace scalepol::linter::rules
