// `benchmark-no-version`: a benchmark without a version.
//
// Benchmarks are revised: questions are fixed, removed and added, and a score on one version is
// not a score on another. A threshold on a benchmark (`gpqa_diamond >= 60 pp`) means what it says
// only for the version it was set on. Reported when no `version` setting is written (at the
// benchmark's name) or when it is written `version unspecified` (at the setting).
#include <fmt/format.h>

#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

const ast::Setting* find_setting(const ast::BenchmarkDecl& b, std::string_view key) {
  for (const auto& s : b.settings)
    if (s.key.text == key) return &s;
  return nullptr;
}

void check(Context& cx, int32_t m, const ast::BenchmarkDecl& b) {
  const auto* version = find_setting(b, "version");
  if (version && version->kind != ast::Setting::Kind::Unspecified) return;
  auto& d = cx.report(benchmark_no_version.code, m, version ? version->span : b.name.span,
                      fmt::format("benchmark `{}` does not say its version", b.name.text));
  d.notes.push_back(version ? "written `unspecified`: the text leaves it open" : "not addressed at all");
  d.notes.push_back("benchmarks are revised (questions fixed, removed or added); a threshold on a score holds for "
                    "the version it was set on");
  d.help = "name the version: `version \"…\"` (a release, a date or a commit)";
}

void run(Context& cx) {
  for (int32_t m : cx.user_modules())
    for (const auto& b : cx.module(m).benchmarks) check(cx, m, b);
}

}  // namespace

const Rule benchmark_no_version{Code::BenchmarkNoVersion, &run};

}  // namespace scalepol::linter::rules
