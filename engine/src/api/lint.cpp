// scalepol::lint: the checker's warnings and every lint rule's findings, less those disabled or
// silenced by a `scalepol-allow` comment, in file order.
#include "scalepol/lint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "api/impl.hpp"
#include "lint/rule.hpp"
#include "lint/suppress.hpp"

namespace scalepol {

Diagnostics lint(const Policy& policy, const LintOptions& options) {
  const auto& p = *internals(policy).program;
  Diagnostics found = policy.warnings();
  linter::Context cx(p, found);
  for (const auto* rule : linter::registry()) {
    if (!rule->run) continue;
    try {
      rule->run(cx);
    } catch (const std::exception& e) {
      found.add(Diagnostic::of(Code::InternalError,
                               fmt::format("internal error in lint rule `{}`: {}", code_name(rule->code), e.what())));
    }
  }

  // Files by path, to find each finding's allow comments and order findings by file.
  std::map<std::string, int32_t> module_of;
  std::map<int32_t, std::map<uint32_t, linter::Allow>> allows;
  for (int32_t m : cx.user_modules()) {
    module_of.emplace(p.files[m]->path(), m);
    allows[m] = linter::find_allows(*p.files[m]);
  }

  Diagnostics out;
  for (auto& d : found.items) {
    auto mod = module_of.find(d.location.file);
    if (mod == module_of.end() && !d.location.file.empty()) continue;  // in the embedded stdlib
    if (std::find(options.disabled.begin(), options.disabled.end(), d.code) != options.disabled.end()) continue;
    if (mod != module_of.end()) {
      const auto& file_allows = allows[mod->second];
      auto a = file_allows.find(d.location.line);
      if (a != file_allows.end() && !a->second.reason.empty() &&
          std::find(a->second.codes.begin(), a->second.codes.end(), d.code) != a->second.codes.end())
        continue;
    }
    out.add(std::move(d));
  }
  // An allow comment with no reason silences nothing, and says so.
  bool report_unexplained = std::find(options.disabled.begin(), options.disabled.end(),
                                      code_name(Code::AllowWithoutReason)) == options.disabled.end();
  for (const auto& [m, file_allows] : allows)
    for (const auto& [line, a] : file_allows)
      if (a.reason.empty() && report_unexplained) {
        ast::Span span;
        span.line = span.end_line = a.line;
        span.column = a.column;
        span.end_column = static_cast<uint32_t>(p.files[m]->line(a.line).size()) + 1;
        auto d = syntax::make_diagnostic(*p.files[m], span, Code::AllowWithoutReason,
                                         "this `scalepol-allow` gives no reason, so it silences nothing");
        d.help = "say why after a colon: `// scalepol-allow ec-no-scale: the text is silent on scale`";
        out.add(std::move(d));
      }

  if (options.deny_warnings)
    for (auto& d : out.items)
      if (d.severity == Severity::Warning) d.severity = Severity::Error;

  auto rank = [&](const Diagnostic& d) {
    auto m = module_of.find(d.location.file);
    return std::tuple(m == module_of.end() ? -1 : m->second, d.location.line, d.location.column);
  };
  std::stable_sort(out.items.begin(), out.items.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return rank(a) < rank(b); });
  return out;
}

}  // namespace scalepol
