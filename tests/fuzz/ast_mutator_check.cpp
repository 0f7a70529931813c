// A check of fuzz_policy_ast's mutator without libFuzzer (built with the fuzz targets):
//
//   build-fuzz/ast_mutator_check build-fuzz/seeds/policy/*
//
// For each policy that parses, a chain of mutations (each result mutated again, so that the
// chain goes deep) and crossovers with the next file. Every result must parse, fit in the size
// asked for, and come out of fmt unchanged (the mutator prints with fmt); most seeds must give
// results. It prints how many results there were and how many of them compile, and for single
// mutations of the seeds that compile, the share that still compiles and the first error of the
// others (AST_MUTATOR_SHOW=<mutation> prints them for one mutation): the mutator is only useful
// if most compile. Exit status 1 when a check fails.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ast_mutator.hpp"
#include "scalepol/format.hpp"
#include "scalepol/policy.hpp"

namespace {

constexpr std::size_t kMaxSize = 16384;  // run.sh's -max_len for this target
constexpr int kChain = 40;               // mutations per seed, one after another
constexpr int kSingle = 20;              // single mutations per seed that compiles

std::string read(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct Counts {
  std::size_t seeds = 0, parsing_seeds = 0, seeds_mutated = 0;
  // One mutation of a seed that compiles: how often the result compiles too, and why not.
  std::size_t single = 0, single_compiled = 0;
  std::map<std::string, std::size_t> single_errors;
  std::size_t calls = 0, results = 0, compiled = 0, crossovers = 0;
  std::size_t max_size = 0;
  std::set<std::string> distinct;
  int failures = 0;
};

// Whether `text` compiles; if not, the first error's code and place.
struct Compiled {
  bool ok = false;
  std::string code, message, line;
  std::optional<fuzz::ast_mutator::ErrorAt> at;
};

Compiled compile(const std::string& text) {
  scalepol::CompileOptions options;
  options.resolver = [](const std::string&, const std::string&) -> std::optional<scalepol::ImportedFile> {
    return std::nullopt;
  };
  auto policy = scalepol::compile_source(text, "check.policy", options);
  Compiled out;
  out.ok = policy.has_value();
  if (!policy)
    for (const auto& d : policy.error().items)
      if (d.severity == scalepol::Severity::Error) {
        out.code = d.code;
        out.message = d.message;
        out.line = d.location.line_text;
        if (d.location.file == "check.policy") out.at = fuzz::ast_mutator::ErrorAt{d.location.line, d.location.column};
        break;
      }
  return out;
}

// A result must parse and be in fmt's layout already.
void check_result(const std::string& text, const char* what, const char* seed, Counts& n) {
  n.results++;
  n.max_size = std::max(n.max_size, text.size());
  n.distinct.insert(text);
  if (text.size() > kMaxSize) {
    std::fprintf(stderr, "%s of %s: %zu bytes, over %zu\n", what, seed, text.size(), kMaxSize);
    n.failures++;
  }
  auto formatted = scalepol::format_source(text, "check.policy");
  if (!formatted || *formatted != text) {
    std::fprintf(stderr, "%s of %s: the result %s:\n%s\n", what, seed,
                 formatted ? "is not in fmt's layout" : "does not parse", text.c_str());
    n.failures++;
  }
  if (compile(text).ok) n.compiled++;
}

}  // namespace

int main(int argc, char** argv) {
  // AST_MUTATOR_SHOW=<mutation>: print the first error of each single mutation of that name
  // whose result does not compile.
  const char* show = std::getenv("AST_MUTATOR_SHOW");
  Counts n;
  for (int i = 1; i < argc; ++i) {
    n.seeds++;
    const std::string seed = read(argv[i]);
    if (!scalepol::format_source(seed, "seed.policy")) continue;  // does not parse: left to the bytes
    n.parsing_seeds++;
    if (compile(seed).ok)
      for (int k = 0; k < kSingle; ++k) {
        std::string log;
        auto out = fuzz::ast_mutator::mutate(seed, static_cast<uint64_t>(i) * 31337u + static_cast<uint64_t>(k), kMaxSize,
                                             std::nullopt, &log);
        if (!out) continue;
        n.single++;
        const Compiled r = compile(*out);
        if (r.ok) {
          n.single_compiled++;
        } else {
          n.single_errors[log + ":" + r.code]++;
          if (show && log == show)
            std::printf("%s: %s: %s\n    %s\n", log.c_str(), r.code.c_str(), r.message.c_str(), r.line.c_str());
        }
      }
    // The chain, told where the current text's first error is, as fuzz_policy_ast tells it.
    std::string text = seed;
    bool mutated = false;
    for (int step = 0; step < kChain; ++step) {
      n.calls++;
      auto out = fuzz::ast_mutator::mutate(text, static_cast<uint64_t>(i) * 7919u + static_cast<uint64_t>(step), kMaxSize,
                                           compile(text).at);
      if (!out) continue;
      mutated = true;
      check_result(*out, "a mutation", argv[i], n);
      text = std::move(*out);
    }
    if (mutated) n.seeds_mutated++;
    const std::string other = read(argv[i + 1 < argc ? i + 1 : 1]);
    for (int step = 0; step < 4; ++step) {
      auto out = fuzz::ast_mutator::cross_over(seed, other, static_cast<uint64_t>(i) * 104729u + static_cast<uint64_t>(step), kMaxSize);
      if (!out) continue;
      n.crossovers++;
      check_result(*out, "a crossover", argv[i], n);
    }
  }
  std::printf("%zu seeds, %zu parse, %zu of them mutated\n", n.seeds, n.parsing_seeds, n.seeds_mutated);
  std::printf("%zu mutation calls: %zu results (%zu from crossovers), %zu distinct, %zu compile (%.0f%%), largest %zu bytes\n",
              n.calls, n.results, n.crossovers, n.distinct.size(), n.compiled,
              n.results ? 100.0 * static_cast<double>(n.compiled) / static_cast<double>(n.results) : 0.0, n.max_size);
  std::printf("single mutations of a seed that compiles: %zu, %zu compile (%.0f%%); the others, by mutation and first error:",
              n.single, n.single_compiled,
              n.single ? 100.0 * static_cast<double>(n.single_compiled) / static_cast<double>(n.single) : 0.0);
  for (const auto& [code, count] : n.single_errors) std::printf("\n  %s %zu", code.c_str(), count);
  std::printf("\n");
  if (n.seeds_mutated * 2 < n.parsing_seeds) {
    std::fprintf(stderr, "fewer than half the seeds that parse gave a mutation\n");
    n.failures++;
  }
  if (n.failures) std::fprintf(stderr, "%d failures\n", n.failures);
  return n.failures ? 1 : 0;
}
