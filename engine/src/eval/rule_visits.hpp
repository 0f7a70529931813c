// The rules a walk over an expression has followed into (the unknown fields a verdict rests on,
// the values `explain` lists): each rule once, or again only with more budget than before, so
// that rules that share their parts (`d2 = d1 + d1`, `d1 = d0 + d0`, …) cost their number, not 2^n.
#pragma once

#include <cstdint>
#include <map>
#include <utility>

#include "check/program.hpp"

namespace scalepol::eval {

class RuleVisits {
 public:
  // Whether the rule's expression is still to be followed with `budget`.
  bool follow(ast::RefKind kind, int32_t index, int budget) {
    int& best = followed_.try_emplace({static_cast<int>(kind), index}, 0).first->second;
    if (budget <= best) return false;
    best = budget;
    return true;
  }

 private:
  std::map<std::pair<int, int32_t>, int> followed_;  // rule → the budget it was followed with
};

}  // namespace scalepol::eval
