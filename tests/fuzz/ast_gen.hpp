// Pieces of policy text the grammar-aware mutator (ast_mutator.cpp) puts into a policy: a
// deterministic random source, expressions built from the policy's own names and a pool of
// literals (numbers with units and edge values, dates, strings), and the texts of existing
// nodes as operands.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ast_index.hpp"

namespace fuzz::ast_mutator {

// splitmix64: small, and the same sequence on every platform for a seed.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n ? static_cast<std::size_t>(next() % n) : 0; }
  bool one_in(std::size_t n) { return below(n) == 0; }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

 private:
  uint64_t state_;
};

// An expression's text, and whether it is one primary (a name, a literal, a call): then it needs
// no brackets as an operand.
struct Gen {
  std::string text;
  bool atom = true;
};

// As an operand of any operator: bracketed unless an atom.
std::string operand(const Gen& g);
// The text of node `e` of `p` as an operand.
std::string operand(const Parsed& p, const ast::Expr& e);
bool is_atom(const ast::Expr& e);

// The kind of a node, looking names up in the index (kind_of says Unknown for a name).
Kind guess_kind(const Index& ix, const ast::Expr& e);

// An expression of about kind `kind` (Unknown: any), `depth` levels of operators at most, from
// the index's names and the pools; a quantity is of unit `unit` unless that is "?".
Gen make_expr(Rng& rng, const Index& ix, Kind kind, int depth, const std::string& unit = "?");

// The unit of a quantity as written ("FLOP"; "" a plain number), "?" when it cannot be told
// without the checker.
std::string guess_unit(const Index& ix, const ast::Expr& e);

// A number to put in place of a number's digits: an edge value (0, 1e308, the smallest
// subnormal, 2^53 + 1, one that overflows), or `value` scaled. Never negative: the grammar's
// numbers have no sign (a sign is the `-` operator).
std::string new_digits(Rng& rng, double value);
std::string new_date(Rng& rng);
std::string new_string(Rng& rng);

// A name of the form fz_<n> that the text does not contain.
std::string fresh_name(Rng& rng, std::string_view text);

}  // namespace fuzz::ast_mutator
