// How deep the evaluators recurse for a rule: they walk an expression one level per node and,
// where a name reads another rule (a definition, effective compute, tier ladder, trigger,
// exemption or derived assumption), go on into that rule's expression. A chain of rules that read
// each other (`define d2 = d1 + 1`, `define d1 = d0 + 1`, …) is as deep as all of them together,
// though each file is shallow, so the parser's nesting limit does not bound it. Past
// Limits::max_rule_depth the policy is refused (`rule-chain-too-deep`), before anything recurses
// that deep: the checker here walks with explicit stacks.
//
// The checker's own type checking follows definitions and assumptions the same way (a definition
// is typed by typing what it reads). check_long_chains_first types the far end of every long
// chain first, so that this recursion stays shallow whatever the chain's length.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "check/checker_impl.hpp"

namespace scalepol::check {

namespace {

using Key = std::pair<int, int32_t>;  // (RefKind, index)

Key key_of(RefKind kind, int32_t index) { return {static_cast<int>(kind), index}; }

bool is_rule(RefKind k) {
  return k == RefKind::Define || k == RefKind::EffectiveCompute || k == RefKind::Ladder ||
         k == RefKind::Trigger || k == RefKind::Exemption || k == RefKind::Assumption;
}

// What one rule's expressions reach: their own depth, and the rules they read with the level
// each is read at.
struct Reads {
  std::size_t own = 0;
  std::vector<std::pair<Key, std::size_t>> rules;
};

// Adds what `root` reaches to `out`; `read(e)` says which rule the name `e` reads, if any.
template <class ReadOf>
void walk(const ast::Expr* root, Reads& out, const ReadOf& read) {
  if (!root) return;
  std::vector<std::pair<const ast::Expr*, std::size_t>> stack{{root, 1}};
  while (!stack.empty()) {
    auto [e, level] = stack.back();
    stack.pop_back();
    out.own = std::max(out.own, level);
    if (e->kind == ast::ExprKind::Name)
      if (const std::optional<Key> rule = read(*e)) out.rules.push_back({*rule, level});
    for (const auto& a : e->args)
      if (a) stack.push_back({a.get(), level + 1});
  }
}

// After the checker: a name reads the rule it was resolved to.
std::optional<Key> resolved_rule(const ast::Expr& e) {
  if (is_rule(e.res.kind) && e.res.index >= 0) return key_of(e.res.kind, e.res.index);
  return std::nullopt;
}

// Every rule's reach (its own depth, or a rule it reads at some level plus that rule's reach),
// depth first with an explicit stack. A rule on the stack is a cycle (reported by check_cycles)
// and adds nothing. `next` is the read rule that reached deepest, for a note; `post_order` lists
// every rule after the rules it reads.
struct Reach {
  std::map<Key, std::size_t> depth;
  std::map<Key, Key> next;
  std::vector<Key> post_order;
};

Reach measure(const std::map<Key, Reads>& reads) {
  Reach out;
  std::map<Key, bool> on_stack;
  struct Frame { Key key; std::size_t i; };
  std::vector<Frame> stack;
  for (const auto& [start, _] : reads) {
    if (out.depth.count(start)) continue;
    stack.assign(1, {start, 0});
    on_stack[start] = true;
    while (!stack.empty()) {
      Frame& top = stack.back();
      const Reads& r = reads.at(top.key);
      if (top.i < r.rules.size()) {
        const Key to = r.rules[top.i++].first;
        if (!out.depth.count(to) && !on_stack[to] && reads.count(to)) {
          on_stack[to] = true;
          stack.push_back({to, 0});
        }
        continue;
      }
      std::size_t deepest = r.own;
      for (const auto& [to, level] : r.rules) {
        auto it = out.depth.find(to);
        if (it == out.depth.end() || level + it->second <= deepest) continue;
        deepest = level + it->second;
        out.next[top.key] = to;
      }
      out.depth[top.key] = deepest;
      out.post_order.push_back(top.key);
      on_stack[top.key] = false;
      stack.pop_back();
    }
  }
  return out;
}

// How many expression levels a definition or assumption may reach before it is typed ahead of the
// others: the checker then recurses at most this far into rules not yet typed, on top of the
// rule's own nesting (which the parser bounds).
constexpr std::size_t kTypeAheadReach = 128;

}  // namespace

void Checker::check_long_chains_first() {
  // The definitions and assumptions. Names are not resolved yet: a name reads a definition or
  // assumption when the one symbol table says so, as check_name will find.
  auto read = [&](const ast::Expr& e) -> std::optional<Key> {
    if (e.path.size() != 1) return std::nullopt;
    auto it = symbols_.find(e.path[0].text);
    if (it == symbols_.end() || (it->second.kind != RefKind::Define && it->second.kind != RefKind::Assumption))
      return std::nullopt;
    return key_of(it->second.kind, it->second.index);
  };
  std::map<Key, Reads> reads;
  for (std::size_t i = 0; i < p_.defines.size(); ++i)
    walk(p_.defines[i]->value.get(), reads[key_of(RefKind::Define, static_cast<int32_t>(i))], read);
  for (std::size_t i = 0; i < p_.assumptions.size(); ++i) {
    const auto& a = *p_.assumptions[i].decl;
    auto& r = reads[key_of(RefKind::Assumption, static_cast<int32_t>(i))];
    walk(a.value.get(), r, read);
    for (const auto& c : a.choices) walk(c.get(), r, read);
  }

  // Type the long chains' rules from their far end. Shorter ones keep the declaration order, and
  // with it the order of their diagnostics.
  const Reach reach = measure(reads);
  for (const Key& key : reach.post_order) {
    if (reach.depth.at(key) < kTypeAheadReach) continue;
    if (static_cast<RefKind>(key.first) == RefKind::Define) check_define(key.second);
    else check_assumption(key.second);
  }
}

void Checker::check_rule_depth() {
  const std::size_t limit = p_.max_rule_depth;
  std::map<Key, Reads> reads;
  for (std::size_t i = 0; i < p_.defines.size(); ++i)
    walk(p_.defines[i]->value.get(), reads[key_of(RefKind::Define, static_cast<int32_t>(i))], resolved_rule);
  for (std::size_t i = 0; i < p_.effective_computes.size(); ++i) {
    const auto& ec = *p_.effective_computes[i];
    auto& r = reads[key_of(RefKind::EffectiveCompute, static_cast<int32_t>(i))];
    walk(ec.base.value.get(), r, resolved_rule);
    walk(ec.scale.value.get(), r, resolved_rule);
    walk(ec.multiplier.value.get(), r, resolved_rule);
    if (!ec.multiplier.value && p_.multiplier_assumption >= 0)
      r.rules.push_back({key_of(RefKind::Assumption, p_.multiplier_assumption), 1});
  }
  for (std::size_t i = 0; i < p_.ladders.size(); ++i) {
    auto& r = reads[key_of(RefKind::Ladder, static_cast<int32_t>(i))];
    walk(p_.ladders[i].decl->by.get(), r, resolved_rule);
    for (const auto& tier : p_.ladders[i].decl->tiers)
      for (const auto& b : tier.bounds) walk(b.value.get(), r, resolved_rule);
    for (int32_t e : p_.ladders[i].escalations) walk(p_.escalations[e].decl->when.get(), r, resolved_rule);
  }
  for (std::size_t i = 0; i < p_.triggers.size(); ++i)
    walk(p_.triggers[i]->when.get(), reads[key_of(RefKind::Trigger, static_cast<int32_t>(i))], resolved_rule);
  for (std::size_t i = 0; i < p_.exemptions.size(); ++i)
    walk(p_.exemptions[i].decl->when.get(), reads[key_of(RefKind::Exemption, static_cast<int32_t>(i))], resolved_rule);
  for (std::size_t i = 0; i < p_.assumptions.size(); ++i) {
    const auto& a = *p_.assumptions[i].decl;
    auto& r = reads[key_of(RefKind::Assumption, static_cast<int32_t>(i))];
    walk(a.value.get(), r, resolved_rule);
    for (const auto& c : a.choices) walk(c.get(), r, resolved_rule);
  }

  const Reach measured = measure(reads);
  const auto& reach = measured.depth;
  const auto& next = measured.next;

  // Report the rules where a chain first goes past the limit: over it, with every rule they read
  // within it. The rules that read them are over too, and would only repeat the error.
  for (const auto& [key, depth] : reach) {
    if (depth <= limit) continue;
    bool first_over = true;
    for (const auto& [to, level] : reads[key].rules)
      if (auto it = reach.find(to); it != reach.end() && it->second > limit) first_over = false;
    if (!first_over) continue;
    const auto [ident, module] = rule_name(static_cast<RefKind>(key.first), key.second);
    if (!ident) continue;
    std::vector<std::string> chain;
    for (Key k = key; chain.size() < 6;) {
      chain.push_back("`" + rule_name(static_cast<RefKind>(k.first), k.second).first->text + "`");
      auto it = next.find(k);
      if (it == next.end()) break;
      k = it->second;
    }
    if (next.count(key) && chain.size() == 6) chain.back() = "…";
    const auto saved = module_;
    module_ = module;
    report(ident->span, Code::RuleChainTooDeep,
           fmt::format("`{}` reads rules that read rules {} levels deep; at most {} are allowed", ident->text, depth,
                       limit),
           "read fewer rules through each other, or raise Limits::max_rule_depth in a host that has the stack for it",
           {fmt::format("the chain: {}", fmt::join(chain, " → "))});
    module_ = saved;
  }
}

}  // namespace scalepol::check
