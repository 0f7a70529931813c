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

void walk(const ast::Expr* root, Reads& out) {
  if (!root) return;
  std::vector<std::pair<const ast::Expr*, std::size_t>> stack{{root, 1}};
  while (!stack.empty()) {
    auto [e, level] = stack.back();
    stack.pop_back();
    out.own = std::max(out.own, level);
    if (e->kind == ast::ExprKind::Name && is_rule(e->res.kind) && e->res.index >= 0)
      out.rules.push_back({key_of(e->res.kind, e->res.index), level});
    for (const auto& a : e->args)
      if (a) stack.push_back({a.get(), level + 1});
  }
}

// How many expression levels a definition or assumption may reach before it is typed ahead of the
// others: the checker then recurses at most this far into rules not yet typed, on top of the
// rule's own nesting (which the parser bounds).
constexpr std::size_t kTypeAheadReach = 128;

}  // namespace

void Checker::check_long_chains_first() {
  // Nodes: the definitions, then the assumptions. Names are not resolved yet: a name reads a
  // definition or assumption when the one symbol table says so, as check_name will find.
  const std::size_t defines = p_.defines.size();
  const std::size_t nodes = defines + p_.assumptions.size();
  std::vector<Reads> reads(nodes);
  std::vector<std::pair<const ast::Expr*, std::size_t>> stack;
  auto walk_names = [&](const ast::Expr* root, Reads& out) {
    if (!root) return;
    stack.assign(1, {root, 1});
    while (!stack.empty()) {
      auto [e, level] = stack.back();
      stack.pop_back();
      out.own = std::max(out.own, level);
      if (e->kind == ast::ExprKind::Name && e->path.size() == 1)
        if (auto it = symbols_.find(e->path[0].text); it != symbols_.end()) {
          if (it->second.kind == RefKind::Define)
            out.rules.push_back({{0, it->second.index}, level});
          else if (it->second.kind == RefKind::Assumption)
            out.rules.push_back({{0, static_cast<int32_t>(defines) + it->second.index}, level});
        }
      for (const auto& a : e->args)
        if (a) stack.push_back({a.get(), level + 1});
    }
  };
  for (std::size_t i = 0; i < defines; ++i) walk_names(p_.defines[i]->value.get(), reads[i]);
  for (std::size_t i = 0; i < p_.assumptions.size(); ++i) {
    const auto& a = *p_.assumptions[i].decl;
    walk_names(a.value.get(), reads[defines + i]);
    for (const auto& c : a.choices) walk_names(c.get(), reads[defines + i]);
  }

  // Each node's reach, depth first with an explicit stack, in post-order (what a node reads
  // comes before it); a node on the stack is a cycle (reported by check_cycles) and adds nothing.
  constexpr std::size_t kUnknown = static_cast<std::size_t>(-1);
  std::vector<std::size_t> reach(nodes, kUnknown);
  std::vector<bool> on_stack(nodes, false);
  std::vector<std::size_t> post_order;
  struct Frame { std::size_t node, i; };
  std::vector<Frame> frames;
  for (std::size_t start = 0; start < nodes; ++start) {
    if (reach[start] != kUnknown) continue;
    frames.assign(1, {start, 0});
    on_stack[start] = true;
    while (!frames.empty()) {
      Frame& top = frames.back();
      const Reads& r = reads[top.node];
      if (top.i < r.rules.size()) {
        const auto to = static_cast<std::size_t>(r.rules[top.i++].first.second);
        if (reach[to] == kUnknown && !on_stack[to]) {
          on_stack[to] = true;
          frames.push_back({to, 0});
        }
        continue;
      }
      std::size_t deepest = r.own;
      for (const auto& [to, level] : r.rules)
        if (const std::size_t h = reach[static_cast<std::size_t>(to.second)]; h != kUnknown)
          deepest = std::max(deepest, level + h);
      reach[top.node] = deepest;
      on_stack[top.node] = false;
      post_order.push_back(top.node);
      frames.pop_back();
    }
  }

  // Type the long chains' nodes from their far end. Shorter ones keep the declaration order, and
  // with it the order of their diagnostics.
  for (std::size_t node : post_order) {
    if (reach[node] < kTypeAheadReach) continue;
    if (node < defines) check_define(static_cast<int32_t>(node));
    else check_assumption(static_cast<int32_t>(node - defines));
  }
}

void Checker::check_rule_depth() {
  const std::size_t limit = p_.max_rule_depth;
  std::map<Key, Reads> reads;
  for (std::size_t i = 0; i < p_.defines.size(); ++i)
    walk(p_.defines[i]->value.get(), reads[key_of(RefKind::Define, static_cast<int32_t>(i))]);
  for (std::size_t i = 0; i < p_.effective_computes.size(); ++i) {
    const auto& ec = *p_.effective_computes[i];
    auto& r = reads[key_of(RefKind::EffectiveCompute, static_cast<int32_t>(i))];
    walk(ec.base.value.get(), r);
    walk(ec.scale.value.get(), r);
    walk(ec.multiplier.value.get(), r);
    if (!ec.multiplier.value && p_.multiplier_assumption >= 0)
      r.rules.push_back({key_of(RefKind::Assumption, p_.multiplier_assumption), 1});
  }
  for (std::size_t i = 0; i < p_.ladders.size(); ++i) {
    auto& r = reads[key_of(RefKind::Ladder, static_cast<int32_t>(i))];
    walk(p_.ladders[i].decl->by.get(), r);
    for (const auto& tier : p_.ladders[i].decl->tiers)
      for (const auto& b : tier.bounds) walk(b.value.get(), r);
    for (int32_t e : p_.ladders[i].escalations) walk(p_.escalations[e].decl->when.get(), r);
  }
  for (std::size_t i = 0; i < p_.triggers.size(); ++i)
    walk(p_.triggers[i]->when.get(), reads[key_of(RefKind::Trigger, static_cast<int32_t>(i))]);
  for (std::size_t i = 0; i < p_.exemptions.size(); ++i)
    walk(p_.exemptions[i].decl->when.get(), reads[key_of(RefKind::Exemption, static_cast<int32_t>(i))]);
  for (std::size_t i = 0; i < p_.assumptions.size(); ++i) {
    const auto& a = *p_.assumptions[i].decl;
    auto& r = reads[key_of(RefKind::Assumption, static_cast<int32_t>(i))];
    walk(a.value.get(), r);
    for (const auto& c : a.choices) walk(c.get(), r);
  }

  // Each rule's reach, its own depth or a read rule's reach below the level it is read at, found
  // depth first with an explicit stack; a rule on the stack is a cycle (reported elsewhere) and
  // adds nothing. `next` says which read rule reached deepest, for the note.
  std::map<Key, std::size_t> reach;
  std::map<Key, Key> next;
  std::map<Key, bool> on_stack;
  for (const auto& [start, _] : reads) {
    if (reach.count(start)) continue;
    struct Frame { Key key; std::size_t i; };
    std::vector<Frame> stack{{start, 0}};
    on_stack[start] = true;
    while (!stack.empty()) {
      Frame& top = stack.back();
      const Reads& r = reads[top.key];
      if (top.i < r.rules.size()) {
        const Key to = r.rules[top.i++].first;
        if (!reach.count(to) && !on_stack[to] && reads.count(to)) {
          on_stack[to] = true;
          stack.push_back({to, 0});
        }
        continue;
      }
      std::size_t deepest = r.own;
      for (const auto& [to, level] : r.rules) {
        auto it = reach.find(to);
        if (it == reach.end() || level + it->second <= deepest) continue;
        deepest = level + it->second;
        next[top.key] = to;
      }
      reach[top.key] = deepest;
      on_stack[top.key] = false;
      stack.pop_back();
    }
  }

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
    report(ident->span, Severity::Error, "rule-chain-too-deep",
           fmt::format("`{}` reads rules that read rules {} levels deep; at most {} are allowed", ident->text, depth,
                       limit),
           "read fewer rules through each other, or raise Limits::max_rule_depth in a host that has the stack for it",
           {fmt::format("the chain: {}", fmt::join(chain, " → "))});
    module_ = saved;
  }
}

}  // namespace scalepol::check
