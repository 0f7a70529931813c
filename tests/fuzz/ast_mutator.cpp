// The grammar-aware mutator's driver (ast_mutator.hpp): it chooses a mutation (ast_mutations.hpp)
// or, for a policy that did not compile, a repair at its first error, parses the result again,
// keeps it if it parses, and prints the last one with the formatter; and the crossover.
#include "ast_mutator.hpp"

#include <algorithm>
#include <exception>
#include <utility>

#include "ast_mutations.hpp"
#include "format/format_parsed.hpp"
#include "syntax/tokens.hpp"

namespace fuzz::ast_mutator {
namespace {

bool covers(const ast::Span& s, const ErrorAt& at) {
  const auto before = [](uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2) { return l1 < l2 || (l1 == l2 && c1 <= c2); };
  return before(s.line, s.column, at.line, at.column) && before(at.line, at.column, s.end_line, s.end_column);
}

// At the place of a compilation error: the smallest expression there replaced by a new one of
// its kind or by an operand, or the smallest item there left out.
Text repair(Ctx& c, const ErrorAt& at) {
  const ExprRef* e = nullptr;
  for (const auto& r : c.ix.exprs)
    if (r.replaceable && covers(r.e->span, at) && (!e || r.e->span.end - r.e->span.begin < e->e->span.end - e->e->span.begin))
      e = &r;
  if (e && !c.rng.one_in(4)) {
    if (!e->e->args.empty() && c.rng.one_in(3)) {
      const auto& a = e->e->args[c.rng.below(e->e->args.size())];
      if (a) return splice(c.p.text(), e->e->span, operand(c.p, *a));
    }
    return splice(c.p.text(), e->e->span, operand(new_like(c, *e, static_cast<int>(c.rng.below(2)))));
  }
  const ItemRef* item = nullptr;
  for (const auto& r : c.ix.items)
    if (covers(r.span, at) && (!item || r.span.end - r.span.begin < item->span.end - item->span.begin)) item = &r;
  if (!item) return {};
  return splice(c.p.text(), item->span, "");
}

using Mutation = Text (*)(Ctx&);

struct Named {
  Mutation run;
  const char* name;
  int weight;
};

// Weighted: mostly expressions, which is where the checker, linter and evaluators branch.
const Named& pick_mutation(Rng& rng) {
  static const Named table[] = {
      {replace_with_subtree, "replace_with_subtree", 8}, {replace_with_new, "replace_with_new", 8},
      {wrap, "wrap", 8},                                 {hoist, "hoist", 4},
      {swap_operands, "swap_operands", 3},               {swap_subtrees, "swap_subtrees", 3},
      {change_operator, "change_operator", 6},           {drop_operand, "drop_operand", 2},
      {change_number, "change_number", 6},               {change_date, "change_date", 2},
      {change_string, "change_string", 2},               {duplicate_item, "duplicate_item", 4},
      {drop_item, "drop_item", 3},                       {add_define, "add_define", 5},
      {add_rule, "add_rule", 5},                         {add_reference, "add_reference", 2},
      {add_import, "add_import", 1}};
  int total = 0;
  for (const auto& m : table) total += m.weight;
  int r = static_cast<int>(rng.below(static_cast<std::size_t>(total)));
  for (const auto& m : table) {
    if (r < m.weight) return m;
    r -= m.weight;
  }
  return table[0];
}

// The policy in fmt's layout; its own text if fmt fails (that is fuzz_fmt_roundtrip's to find).
std::string print(const Parsed& p) {
  auto formatted = scalepol::format::format_parsed(p.file, p.module, scalepol::syntax::lex_tokens(p.file), {});
  return formatted ? std::move(*formatted) : p.text();
}

// Applies `next` (a mutation's result) if it parses: true when `p` changed.
bool accept(std::optional<Parsed>& p, Text next, std::size_t max_size) {
  // The formatted text can be shorter, but not by much: skip what could not fit.
  if (!next || *next == p->text() || next->size() > 2 * max_size + 64) return false;
  auto q = parse(std::move(*next));
  if (!q) return false;
  p = std::move(q);
  return true;
}

Text finish(const Parsed& p, std::size_t max_size) {
  std::string out = print(p);
  if (out.size() > max_size) return {};
  return out;
}

void note(std::string* log, const char* name) {
  if (!log) return;
  if (!log->empty()) *log += ' ';
  *log += name;
}

}  // namespace

std::optional<std::string> mutate(std::string_view text, uint64_t seed, std::size_t max_size,
                                  std::optional<ErrorAt> error, std::string* log) {
  // The mutator is not under test: whatever goes wrong in it leaves the bytes to libFuzzer.
  try {
    Rng rng(seed);
    auto p = parse(std::string(text));
    if (!p) return {};
    bool changed = false;
    // A policy that does not compile: three times in four, one repair at the error and no more.
    if (error && !rng.one_in(4)) {
      const Index ix = index(*p);
      Ctx c{*p, ix, rng};
      if (accept(p, repair(c, *error), max_size)) {
        note(log, "repair");
        return finish(*p, max_size);
      }
    }
    // Mostly one mutation, so that what libFuzzer keeps shows what made the difference.
    const int rounds = rng.one_in(4) ? 2 + static_cast<int>(rng.below(3)) : 1;
    for (int round = 0; round < rounds; ++round) {
      const Index ix = index(*p);
      for (int attempt = 0; attempt < 8; ++attempt) {
        Ctx c{*p, ix, rng};
        const Named& m = pick_mutation(rng);
        if (accept(p, m.run(c), max_size)) {
          note(log, m.name);
          changed = true;
          break;
        }
      }
    }
    if (!changed) return {};
    return finish(*p, max_size);
  } catch (const std::exception&) {
    return {};
  }
}

std::optional<std::string> cross_over(std::string_view text, std::string_view other, uint64_t seed,
                                      std::size_t max_size) {
  try {
    Rng rng(seed);
    auto p = parse(std::string(text));
    auto q = parse(std::string(other));
    if (!p || !q) return {};
    const Index ix = index(*p), iy = index(*q);
    for (int attempt = 0; attempt < 8; ++attempt) {
      Text next;
      if (rng.one_in(2)) {
        // An expression of `other` in place of one of `text`'s, of the same kind mostly.
        Ctx c{*p, ix, rng};
        const ExprRef* t = pick_replaceable(c);
        if (!t) continue;
        const Kind k = rng.one_in(4) ? Kind::Unknown : guess_kind(ix, *t->e);
        const ExprRef* d = pick_if(rng, iy.exprs, [&](const ExprRef& r) {
          return k == Kind::Unknown || guess_kind(iy, *r.e) == k;
        });
        if (!d) continue;
        next = splice(p->text(), t->e->span, operand(*q, *d->e));
      } else {
        // An item of `other`, where such an item goes in `text`: at the end, or after a tier or
        // an assumption. Renamed when `text` has the name already.
        const ItemRef* it = pick_if(rng, iy.items, [](const ItemRef& r) { return r.copyable; });
        if (!it) continue;
        std::string name = it->name ? std::string(slice(*q, *it->name)) : "";
        bool taken = false;
        for (const auto& r : ix.items)
          if (r.name && slice(*p, *r.name) == name) taken = true;
        if (taken) name = fresh_name(rng, p->text());
        const std::string copy = item_text(*q, *it, name);
        if (it->place == ItemRef::Place::TopLevel) {
          next = append(p->text(), copy);
        } else {
          const ItemRef* after = pick_if(rng, ix.items, [&](const ItemRef& r) { return r.place == it->place; });
          if (!after) continue;
          next = splice(p->text(), {after->span.end, after->span.end}, "\n" + copy + "\n");
        }
      }
      if (accept(p, std::move(next), max_size)) return finish(*p, max_size);
    }
    return {};
  } catch (const std::exception&) {
    return {};
  }
}

}  // namespace fuzz::ast_mutator
