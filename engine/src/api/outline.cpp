// scalepol::outline: the main file's symbols, and each name it writes resolved to a declaration
// of the program (the main file, its imports, the embedded standard library).
//
// Names are resolved over the parsed modules by the checker's scoping rules (one namespace for
// the whole program, the first declaration of a name winning; `ladder.tier`; `std.module.name`)
// rather than from the checker's annotations: a file with a syntax error is never checked, and an
// editor still wants its names to lead somewhere.
#include "scalepol/outline.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "api/load.hpp"
#include "api/outline_symbols.hpp"
#include "lint/walk.hpp"

namespace scalepol {

namespace {

using outline_detail::to_span;

// Every declaration by the name an expression would use for it.
class Scope {
 public:
  void add_all(const std::vector<OutlineSymbol>& symbols) {
    for (const auto& s : symbols) {
      add(s);
      add_all(s.children);
    }
  }

  const OutlineSymbol* find(const std::string& name) const {
    auto it = by_name_.find(name);
    return it == by_name_.end() ? nullptr : it->second;
  }

 private:
  void add(const OutlineSymbol& s) {
    static const std::vector<std::string> named = {"field", "benchmark", "effective_compute", "reference", "define",
                                                   "trigger", "tiers", "exemption", "assume", "unit"};
    if (s.kind == "tier") {
      by_name_.emplace(s.name, &s);  // ladder.tier
      by_name_.emplace(s.name.substr(s.name.find('.') + 1), &s);  // a tier compared with its ladder
    } else if (std::find(named.begin(), named.end(), s.kind) != named.end()) {
      by_name_.emplace(s.name, &s);  // emplace keeps the first: the main file's, then imports' in order
    }
  }

  std::unordered_map<std::string, const OutlineSymbol*> by_name_;
};

class Resolver {
 public:
  Resolver(const Scope& scope, const syntax::SourceFile& file, std::vector<NameUse>& uses)
      : scope_(scope), file_(file), uses_(uses) {}

  void use(const ast::Ident& ident, const std::string& name) {
    if (ident.span.line == 0) return;
    if (const OutlineSymbol* target = scope_.find(name)) {
      NameUse u;
      u.span = to_span(file_, ident.span);
      u.target = *target;
      u.target.children.clear();
      uses_.push_back(std::move(u));
    }
  }
  void use(const ast::Ident& ident) { use(ident, ident.text); }

  // A dotted name: `x`, `ladder.tier`, `std.module.x` (the last part names the declaration).
  void path(const std::vector<ast::Ident>& parts) {
    if (parts.empty()) return;
    if (parts[0].text == "std" && parts.size() >= 2) {
      use(parts.back());
      return;
    }
    use(parts[0]);
    const OutlineSymbol* first = scope_.find(parts[0].text);
    if (parts.size() >= 2 && first && first->kind == "tiers") use(parts[1], parts[0].text + "." + parts[1].text);
  }

  void expr(const ast::Expr& root) {
    linter::walk(root, [&](const ast::Expr& e) {
      switch (e.kind) {
        case ast::ExprKind::Name: path(e.path); break;
        case ast::ExprKind::At: use(e.ref); break;
        case ast::ExprKind::Call: {
          // `std.progress.halving(…)` or a builtin (time_since), which has no declaration.
          const auto dot = e.callee.text.rfind('.');
          if (dot != std::string::npos) {
            ast::Ident last = e.callee;
            last.text = e.callee.text.substr(dot + 1);
            use(last, last.text);
          } else {
            use(e.callee);
          }
          break;
        }
        default: break;
      }
    });
  }

  void module(const ast::Module& m) {
    linter::for_each_root(m, [&](const ast::Expr& e, const linter::Site&) { expr(e); });
    for (const auto& r : m.references) {
      if (r.kind == ast::ReferenceDecl::Kind::Field) use(r.field);
      if (r.frontier_by) use(*r.frontier_by);
    }
    for (const auto& ec : m.effective_computes)
      if (ec.metric.kind == decltype(ec.metric)::Kind::Benchmark) use(ec.metric.benchmark);
    for (const auto& e : m.escalations) {
      use(e.ladder);
      use(e.tier, e.ladder.text + "." + e.tier.text);
    }
    for (const auto& e : m.exemptions)
      for (const auto& target : e.applies_to) path(target);
    for (const auto& t : m.tests)
      for (const auto& rec : t.records)
        for (const auto& entry : rec.entries) {
          use(entry.field);
          if (entry.literal) expr(*entry.literal);
        }
    for (const auto& u : m.units) use(u.base);
  }

 private:
  const Scope& scope_;
  const syntax::SourceFile& file_;
  std::vector<NameUse>& uses_;
};

void flatten(const std::vector<OutlineSymbol>& symbols, std::vector<OutlineSymbol>& out) {
  for (const auto& s : symbols) {
    out.push_back(s);
    out.back().children.clear();
    flatten(s.children, out);
  }
}

}  // namespace

Outline outline(std::string_view source, const std::string& name, const CompileOptions& options) {
  Outline out;
  out.file = name;
  try {
    auto program = load_program(name, std::string(source), options);
    std::vector<std::vector<OutlineSymbol>> per_module;
    for (std::size_t i = 0; i < program->modules.size(); ++i)
      per_module.push_back(outline_detail::module_symbols(*program->modules[i], *program->files[i],
                                                          program->from_stdlib[i] != 0));
    if (per_module.empty()) return out;
    Scope scope;
    for (const auto& symbols : per_module) scope.add_all(symbols);
    Resolver(scope, *program->files[0], out.uses).module(*program->modules[0]);
    std::stable_sort(out.uses.begin(), out.uses.end(), [](const NameUse& a, const NameUse& b) {
      return std::pair(a.span.line, a.span.column) < std::pair(b.span.line, b.span.column);
    });
    for (const auto& symbols : per_module) flatten(symbols, out.declarations);
    out.symbols = std::move(per_module[0]);
  } catch (const std::exception&) {
    // Nothing to describe beyond what was built; the diagnostics come from compilation.
  }
  return out;
}

}  // namespace scalepol
