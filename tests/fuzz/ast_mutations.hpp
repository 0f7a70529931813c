// The mutations of the grammar-aware mutator, which ast_mutator.cpp chooses among: each takes
// the parsed policy, its index (ast_index.hpp) and the random source, and gives the policy's text
// with one change spliced in at the spans of the nodes it chose, or nothing when it does not
// apply. ast_expr_mutations.cpp: expressions and literals; ast_item_mutations.cpp: items. The
// result may not parse: the driver parses it again and drops it then.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ast_gen.hpp"
#include "ast_index.hpp"

namespace fuzz::ast_mutator {

// A mutation's result: the whole new text, or nothing when the mutation does not apply.
using Text = std::optional<std::string>;

// What a mutation works on: the policy as parsed, what is in it, and the random source.
struct Ctx {
  const Parsed& p;
  const Index& ix;
  Rng& rng;
};

// `text` with bytes [s.begin, s.end) replaced by `with` (unchanged if the span is not in it).
inline std::string splice(const std::string& text, const ast::Span& s, std::string_view with) {
  if (s.begin > s.end || s.end > text.size()) return text;
  std::string out;
  out.reserve(text.size() + with.size());
  out.append(text, 0, s.begin);
  out += with;
  out.append(text, s.end);
  return out;
}

inline bool disjoint(const ast::Span& a, const ast::Span& b) { return a.end <= b.begin || b.end <= a.begin; }

// Two disjoint spans at once: the later first, so that the earlier's offsets still hold.
inline std::string splice2(const std::string& text, ast::Span a, std::string a_with, ast::Span b, std::string b_with) {
  if (a.begin > b.begin) {
    std::swap(a, b);
    std::swap(a_with, b_with);
  }
  return splice(splice(text, b, b_with), a, a_with);
}

// An element of `v` for which `fit` holds, or null.
template <class T, class F>
const T* pick_if(Rng& rng, const std::vector<T>& v, F fit) {
  std::vector<const T*> out;
  for (const auto& x : v)
    if (fit(x)) out.push_back(&x);
  return out.empty() ? nullptr : rng.pick(out);
}

inline const ExprRef* pick_replaceable(Ctx& c) {
  return pick_if(c.rng, c.ix.exprs, [](const ExprRef& r) { return r.replaceable; });
}

// --- Expressions and literals (ast_expr_mutations.cpp) ----------------------------------------

// A new expression of the kind and unit the place of `t` asks for (a number in a tier's bound).
Gen new_like(Ctx& c, const ExprRef& t, int depth);

Text replace_with_subtree(Ctx& c);  // another expression of the policy in place of one
Text replace_with_new(Ctx& c);      // a new expression (the policy's names, the pools) in place of one
Text wrap(Ctx& c);                  // `not x`, `-x`, `x@r`, `x + y`, `min(x, y)`, …
Text hoist(Ctx& c);                 // an operand in place of its expression
Text swap_operands(Ctx& c);         // `a < b` → `b < a`
Text swap_subtrees(Ctx& c);         // two unrelated expressions swapped
Text change_operator(Ctx& c);       // `<` → `>=`, `+` → `-`, `and` → `or`, `is known` → `is unknown`
Text drop_operand(Ctx& c);          // `a and b and c` → `a and c`
Text change_number(Ctx& c);         // edge values, the same scaled, negated
Text change_date(Ctx& c);
Text change_string(Ctx& c);

// --- Items (ast_item_mutations.cpp) -----------------------------------------------------------

// The text of item `it` of `p`, with its name changed to `name` when it has one.
std::string item_text(const Parsed& p, const ItemRef& it, const std::string& name);
// `text` with `item` added at its end, on lines of its own.
std::string append(const std::string& text, const std::string& item);

Text duplicate_item(Ctx& c);  // copied under a fresh name, right after itself
Text drop_item(Ctx& c);       // an item, or a part of one, left out
Text add_define(Ctx& c);      // a definition that reads another: chains
Text add_rule(Ctx& c);        // a trigger, exemption, ladder, escalation, assumption or test
Text add_reference(Ctx& c);
Text add_import(Ctx& c);

}  // namespace fuzz::ast_mutator
