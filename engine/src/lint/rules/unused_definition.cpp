// `unused-definition`: a definition nothing uses.
//
// A `define`, `effective_compute`, `reference` or `benchmark` in the policy's own files that no
// expression of any module reads (no name resolves to it, no `@ref` or `time_since(ref)` uses a
// reference) and, for a benchmark, that no effective-compute definition measures with
// (`metric benchmark NAME`). Tier ladders, triggers and exemptions produce verdicts of their own
// and are never unused; fields are a record schema and are not reported. A definition read only
// by another unused definition counts as used (one level, not reachability from the verdicts).
#include <fmt/format.h>

#include <set>
#include <utility>

#include "lint/rules/rules.hpp"
#include "lint/walk.hpp"

namespace scalepol::linter::rules {

namespace {

// What the policy reads: (kind, index) pairs in the program's tables, and benchmarks by name.
struct Uses {
  std::set<std::pair<check::RefKind, int32_t>> resolved;
  std::set<std::string> metric_benchmarks;

  bool has(check::RefKind kind, int32_t index) const { return resolved.count({kind, index}) > 0; }
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

template <class Decl>
int32_t index_of(const std::vector<const Decl*>& table, const Decl& decl) {
  for (std::size_t i = 0; i < table.size(); ++i)
    if (table[i] == &decl) return static_cast<int32_t>(i);
  return -1;
}

int32_t reference_index(const check::Program& p, const ast::ReferenceDecl& decl) {
  for (std::size_t i = 0; i < p.references.size(); ++i)
    if (p.references[i].decl == &decl) return static_cast<int32_t>(i);
  return -1;
}

// A benchmark's score is the record field of the same name, declared in the same module.
int32_t benchmark_field(const check::Program& p, int32_t m, const ast::BenchmarkDecl& b) {
  for (std::size_t i = 0; i < p.fields.size(); ++i)
    if (p.fields[i].module == m && p.fields[i].name == b.name.text) return static_cast<int32_t>(i);
  return -1;
}

void report(Context& cx, int32_t m, const ast::Ident& name) {
  auto& d = cx.report(unused_definition.info, m, name.span, fmt::format("`{}` is defined but never used", name.text));
  d.notes.push_back("no rule reads it, so it changes no verdict: a rule may be reading another name instead");
  d.help = "remove it, or use it in a rule";
}

void check_module(Context& cx, int32_t m, const Uses& uses) {
  const auto& p = cx.program();
  const auto& mod = cx.module(m);
  for (const auto& d : mod.defines)
    if (!uses.has(check::RefKind::Define, index_of(p.defines, d))) report(cx, m, d.name);
  for (const auto& ec : mod.effective_computes)
    if (!uses.has(check::RefKind::EffectiveCompute, index_of(p.effective_computes, ec))) report(cx, m, ec.name);
  for (const auto& r : mod.references)
    if (!uses.has(check::RefKind::Reference, reference_index(p, r))) report(cx, m, r.name);
  for (const auto& b : mod.benchmarks)
    if (!uses.has(check::RefKind::Field, benchmark_field(p, m, b)) && !uses.metric_benchmarks.count(b.name.text))
      report(cx, m, b.name);
}

void run(Context& cx) {
  const auto uses = collect_uses(cx.program());
  for (int32_t m : cx.user_modules()) check_module(cx, m, uses);
}

}  // namespace

const Rule unused_definition{{"unused-definition", Severity::Warning, "hygiene",
                         "a definition nothing uses", false},
                        &run};

}  // namespace scalepol::linter::rules
