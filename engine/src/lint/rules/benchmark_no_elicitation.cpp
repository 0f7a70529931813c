// `benchmark-no-elicitation`: a benchmark without its elicitation settings (shots, chain of
// thought, tools, scaffolding).
//
// The same model scores differently with and without few-shot prompting, chain of thought, tools
// and scaffolding: post-training enhancements are worth more than a 5x increase in training
// compute on most benchmarks Davidson et al. surveyed (arXiv 2312.07413). The EU GPAI Code of
// Practice asks for elicitation "such as by adapting test-time compute, rate limits, scaffolding,
// and tools" (docs/lint/benchmark-no-elicitation.md). One finding per benchmark, at its name,
// listing every setting of the four that is missing or written `unspecified`.
#include <fmt/format.h>

#include <array>
#include <string_view>
#include <vector>

#include "lint/rules/rules.hpp"

namespace scalepol::linter::rules {

namespace {

struct Elicitation {
  std::string_view key;      // the setting
  std::string_view words;    // how the message names it
  std::string_view example;  // what the fix suggests
};

constexpr std::array<Elicitation, 4> kSettings = {{
    {"shots", "shots", "shots 0"},
    {"chain_of_thought", "chain of thought", "chain_of_thought allowed"},
    {"tools", "tools", "tools none"},
    {"scaffolding", "scaffolding", "scaffolding none"},
}};

const ast::Setting* find_setting(const ast::BenchmarkDecl& b, std::string_view key) {
  for (const auto& s : b.settings)
    if (s.key.text == key) return &s;
  return nullptr;
}

// "shots", "shots or tools", "shots, tools or scaffolding".
std::string list_or(const std::vector<std::string_view>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

void check(Context& cx, int32_t m, const ast::BenchmarkDecl& b) {
  std::vector<std::string_view> missing, unspecified, fixes;
  for (const auto& e : kSettings) {
    const auto* s = find_setting(b, e.key);
    if (s && s->kind != ast::Setting::Kind::Unspecified) continue;
    missing.push_back(e.words);
    fixes.push_back(e.example);
    if (s) unspecified.push_back(e.key);
  }
  if (missing.empty()) return;
  auto& d = cx.report(benchmark_no_elicitation.code, m, b.name.span,
                      fmt::format("benchmark `{}` does not say its {}", b.name.text, list_or(missing)));
  for (auto key : unspecified) d.notes.push_back(fmt::format("`{} unspecified`: the text leaves it open", key));
  d.notes.push_back("scores depend on elicitation: enhancements such as tools, prompting and scaffolding are worth "
                    "more than a 5x increase in training compute on most benchmarks surveyed (Davidson et al. "
                    "2023, arXiv 2312.07413)");
  d.notes.push_back("the EU GPAI Code of Practice asks for elicitation \"such as by adapting test-time compute, rate "
                    "limits, scaffolding, and tools\"");
  std::string help;
  for (auto f : fixes) help += (help.empty() ? "" : "  ") + std::string(f);
  d.help = fmt::format("state how the score is elicited: `{}`", help);
}

void run(Context& cx) {
  for (int32_t m : cx.user_modules())
    for (const auto& b : cx.module(m).benchmarks) check(cx, m, b);
}

}  // namespace

const Rule benchmark_no_elicitation{Code::BenchmarkNoElicitation, &run};

}  // namespace scalepol::linter::rules
