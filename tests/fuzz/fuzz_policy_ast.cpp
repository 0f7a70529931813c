// libFuzzer target: the whole engine on policies that parse. The input is a policy's text, as for
// fuzz_policy, but libFuzzer mutates it through its AST (ast_mutator.hpp: LLVMFuzzerCustomMutator
// and LLVMFuzzerCustomCrossOver), so nearly every input parses and most check, and the checker,
// linter and evaluators see deep, well-formed policies rather than the parser's error paths.
//
// Each input is compiled (imports of std.* only; file imports resolve to nothing, as in
// fuzz_policy), linted and its tests run; a failed compilation must come with an error. A policy
// that compiles is then evaluated over a fixed set of records (kRecords) through every path of the
// public API, which must agree: the Report of Policy::evaluate, evaluate_table and run_jsonl
// (records_common.hpp, check_records); the explanation of one model must give the Report's
// verdicts for it; and the HTML report is rendered. Any crash, sanitizer report, leak, exception
// escaping the API, internal error or disagreement aborts.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "ast_mutator.hpp"
#include "records_common.hpp"
#include "scalepol/explain.hpp"
#include "scalepol/lint.hpp"

extern "C" std::size_t LLVMFuzzerMutate(uint8_t* data, std::size_t size, std::size_t max_size);

namespace {

// The records: std.model's columns, with figures, blanks, ranges (the bound columns), lineage for
// `@` references (a fine-tune of a model in the data, one of a model that is not, one whose base
// is itself), a figure exactly on 1e25 FLOP, inverted bounds, extreme values and a model with
// nothing known but its name. CSV, whose bound columns give ranges; each record on one line, so
// that record i is on line i + 2. The figures of GPT-4, GPT-3 and Llama 3 70B are Epoch AI's
// ("Notable AI Models", https://epoch.ai/data/notable-ai-models, CC BY); the rest are made up.
constexpr std::string_view kRecords =
    "Model,Organization,Publication date,Domain,Parameters,Training compute (FLOP),Training compute lower bound,"
    "Training compute upper bound,Confidence,Base model,Finetune compute (FLOP),Model accessibility,Frontier model,"
    "Training compute cost (2023 USD),Training time (hours),Hardware quantity,predecessor_model\n"
    "GPT-4,OpenAI,2023-03-15,Language,,2.1e25,8.2e24,4.4e25,Speculative,,,API access,true,78000000,2280,25000,GPT-3\n"
    "GPT-3,OpenAI,2020-05-28,Language,175000000000,3.14e23,,,Confident,,,API access,true,4600000,,10000,\n"
    "Llama 3 70B,Meta AI,2024-04-18,Language,70000000000,7.861e24,,,Confident,,,Open weights (unrestricted),true,,,,\n"
    "Llama 3 70B Instruct,Meta AI,2024-07-23,Language,70000000000,7.9e24,,,Likely,Llama 3 70B,1e23,"
    "Open weights (unrestricted),,,,,Llama 3 70B\n"
    "At the line,Lab,2025-01-01,Language,,1e25,1e25,1e25,,,,Unreleased,false,,,,\n"
    "Straddling,Lab,2025-05-01,Language,,1e26,5e25,2e26,Likely,Straddling,,Open weights (restricted use),,,,,Straddling\n"
    "Inverted,Lab,2024-02-29,Language,,2e25,3e25,1e25,Likely,Missing base,5e24,API access,,,,,\n"
    "Extremes,Lab,1970-01-01,Vision,1.7976931348623157e308,1e308,0,1.7976931348623157e308,Confident,,0,"
    "Hosted access (no API),false,0,0,0,\n"
    "Tiny,Lab,2025-06-01,Vision,0,0,0,0,Confident,,5e-324,Unreleased,false,,,,Missing base\n"
    "o3,,,,,,,,,,,,,,,,\n";

scalepol::CompileOptions compile_options() {
  scalepol::CompileOptions options;
  // File imports read nothing from disk (a diagnostic); `import std.x` still works.
  options.resolver = [](const std::string&, const std::string&) -> std::optional<scalepol::ImportedFile> {
    return std::nullopt;
  };
  return options;
}

// Where the compilation of an input that failed had its first error in the input itself, by the
// input's hash, for the mutator to aim at (ast_mutator.hpp, ErrorAt). libFuzzer has run every
// input it mutates, so each has been seen here; the table is cleared when it grows large.
std::unordered_map<std::size_t, fuzz::ast_mutator::ErrorAt>& first_errors() {
  static std::unordered_map<std::size_t, fuzz::ast_mutator::ErrorAt> table;
  return table;
}

std::size_t hash_of(std::string_view text) { return std::hash<std::string_view>{}(text); }

void remember_error(std::string_view text, const scalepol::Diagnostics& ds) {
  for (const auto& d : ds.items) {
    if (d.severity != scalepol::Severity::Error) continue;
    if (d.location.file != "fuzz.policy" || d.location.line == 0) return;  // in an import, or nowhere
    auto& table = first_errors();
    if (table.size() >= (1u << 18)) table.clear();
    table[hash_of(text)] = {d.location.line, d.location.column};
    return;
  }
}

bool has_error(const scalepol::Diagnostics& ds) {
  for (const auto& d : ds.items)
    if (d.severity == scalepol::Severity::Error) return true;
  return false;
}

bool internal(const scalepol::Diagnostics& ds) {
  for (const auto& d : ds.items)
    if (d.code == "internal-error") return true;
  return false;
}

// The explanation of one model (chosen by `pick`) must give the Report's verdicts for its record.
void check_explain(const scalepol::Policy& policy, const fuzz::Evaluated& done, std::size_t pick) {
  const auto& results = done.report.results;
  if (results.empty()) return;
  const std::string& model = results[pick % results.size()].model;
  auto ex = scalepol::explain(policy, done.records, model, done.eval);
  if (!ex) {
    // A model the key field does not name (a policy may make any text field the key) is fine.
    if (internal(ex.error())) fuzz::fail("explain: internal error for " + model, scalepol::render_text(ex.error()));
    return;
  }
  (void)scalepol::render_explanation_text(*ex);
  (void)scalepol::render_explanation_json(*ex);
  if (ex->line < 2 || ex->line - 2 >= results.size()) fuzz::fail("explain: no such record line for " + model);
  const auto& verdicts = results[ex->line - 2].verdicts;
  if (ex->verdicts.size() != verdicts.size())
    fuzz::fail("explain: verdict counts differ for " + model, std::to_string(verdicts.size()),
               std::to_string(ex->verdicts.size()));
  for (std::size_t i = 0; i < verdicts.size(); ++i) {
    const auto& a = verdicts[i];
    const auto& b = ex->verdicts[i].verdict;
    if (a.rule != b.rule || a.value != b.value || a.status != b.status || a.robust != b.robust)
      fuzz::fail("explain: verdicts differ for " + model + ", rule " + a.rule,
                 std::string("report: ") + a.rule + " " + a.value + " " + scalepol::status_name(a.status),
                 std::string("explain: ") + b.rule + " " + b.value + " " + scalepol::status_name(b.status));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const scalepol::CompileOptions options = compile_options();
  auto policy = scalepol::compile_source(text, "fuzz.policy", options);
  if (!policy) {
    if (!has_error(policy.error())) std::abort();  // a failed compilation must say why
    remember_error(text, policy.error());
    return 0;
  }
  (void)scalepol::lint(*policy);
  (void)policy->run_tests();

  // Some inputs measured to a date, some not.
  const auto done = fuzz::check_records(*policy, std::string(kRecords), scalepol::DataFormat::Csv, ".csv", size % 2);
  if (!done) return 0;  // (check_records also made the text table and the HTML page, both ways)
  check_explain(*policy, *done, size / 2);
  return 0;
}

// Mutations through the AST, aimed at the first compilation error when the input had one;
// LLVMFuzzerMutate's byte mutations for an input that does not parse (the seeds of tests/bad, or
// a byte mutation's result), when no mutation gave a policy that fits in `max_size`, and for one
// call in 16, so that lexical variety still comes in.
extern "C" std::size_t LLVMFuzzerCustomMutator(uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned int seed) {
  if (seed % 16 != 0) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::optional<fuzz::ast_mutator::ErrorAt> error;
    if (auto it = first_errors().find(hash_of(text)); it != first_errors().end()) error = it->second;
    if (auto out = fuzz::ast_mutator::mutate(text, seed, max_size, error)) {
      std::copy(out->begin(), out->end(), data);
      return out->size();
    }
  }
  return LLVMFuzzerMutate(data, size, max_size);
}

extern "C" std::size_t LLVMFuzzerCustomCrossOver(const uint8_t* data1, std::size_t size1, const uint8_t* data2,
                                                 std::size_t size2, uint8_t* out, std::size_t max_out_size,
                                                 unsigned int seed) {
  const std::string_view a(reinterpret_cast<const char*>(data1), size1);
  const std::string_view b(reinterpret_cast<const char*>(data2), size2);
  auto result = fuzz::ast_mutator::cross_over(a, b, seed, max_out_size);
  if (!result) return 0;  // libFuzzer then goes on without a crossover
  std::copy(result->begin(), result->end(), out);
  return result->size();
}
