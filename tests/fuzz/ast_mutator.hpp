// The grammar-aware mutator of fuzz_policy_ast: a policy's text in, another policy's text out,
// changed through its AST rather than its bytes, so that what comes out parses and mostly checks
// and the later layers (checker, linter, evaluators) see deep, well-formed inputs.
//
// The engine's formatter lays out the tokens of a text it parsed and cannot print an AST it did
// not parse, so a mutation is made on the text at the spans of the nodes it chooses: an
// expression is replaced by another one (a subtree from elsewhere in the policy, or one built
// from the policy's names and a pool of literals), wrapped in an operator, swapped with another,
// an operator or a literal is changed, an item is copied under a fresh name, left out or added.
// The result is parsed again — a mutation that does not parse is dropped and another one tried —
// and, after the last one, printed with the formatter (format::format_parsed), so that what the
// fuzzer keeps is in the canonical layout.
//
// Deterministic: the same text and seed give the same result. Never throws or crashes on any
// input (a text that does not parse gives nothing).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fuzz::ast_mutator {

// Where the first error of a text's compilation is (the diagnostic's line and column), when the
// caller knows it: a mutation then aims there most of the time — the expression at that place
// replaced by one of its kind, or the item left out — so that a policy that no longer checks
// finds its way back to the evaluators instead of piling up more errors.
struct ErrorAt {
  uint32_t line = 0, column = 0;
};

// One to four mutations of `text`, chosen by `seed`. Nothing when `text` does not parse, when no
// mutation gave a text that parses, or when the result is longer than `max_size`: the caller then
// mutates the bytes instead. `log`, when given, receives the names of the mutations made.
std::optional<std::string> mutate(std::string_view text, uint64_t seed, std::size_t max_size,
                                  std::optional<ErrorAt> error = std::nullopt, std::string* log = nullptr);

// `text` with an expression of `other` in place of one of its own, or with an item of `other`
// (a definition, a rule, a tier, an assumption, …) added. Nothing as for mutate.
std::optional<std::string> cross_over(std::string_view text, std::string_view other, uint64_t seed,
                                      std::size_t max_size);

}  // namespace fuzz::ast_mutator
