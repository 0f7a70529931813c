// Rules that read each other in a circle (`define a = b`, `define b = a`; a trigger reading an
// exemption that reads the trigger) have no value: find every cycle and report it once.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "check/checker_impl.hpp"

namespace scalepol::check {

namespace {

const char* kind_word(RefKind k) {
  switch (k) {
    case RefKind::Define: return "definition";
    case RefKind::EffectiveCompute: return "effective compute";
    case RefKind::Ladder: return "tier ladder";
    case RefKind::Trigger: return "trigger";
    case RefKind::Exemption: return "exemption";
    default: return "rule";
  }
}

}  // namespace

void Checker::check_cycles() {
  auto key = [](const Node& n) { return std::pair<int, int32_t>(static_cast<int>(n.kind), n.index); };
  std::map<std::pair<int, int32_t>, std::vector<Node>> out;
  for (auto& [from, to] : edges_) out[key(from)].push_back(to);

  auto name_of = [&](const Node& n) -> std::pair<const ast::Ident*, int32_t> {
    switch (n.kind) {
      case RefKind::Define: return {&p_.defines[n.index]->name, define_module_[n.index]};
      case RefKind::EffectiveCompute: return {&p_.effective_computes[n.index]->name, ec_module_[n.index]};
      case RefKind::Ladder: return {&p_.ladders[n.index].decl->name, ladder_module_[n.index]};
      case RefKind::Trigger: return {&p_.triggers[n.index]->name, trigger_module_[n.index]};
      case RefKind::Exemption: return {&p_.exemptions[n.index].decl->name, exemption_module_[n.index]};
      default: return {nullptr, 0};
    }
  };

  // Iterative depth-first search (no recursion: a long chain of definitions is fine).
  std::map<std::pair<int, int32_t>, int> state;  // 0 new, 1 on stack, 2 done
  for (auto& [start_key, _] : out) {
    if (state[start_key]) continue;
    struct Frame { std::pair<int, int32_t> key; std::size_t next; Node node; };
    std::vector<Frame> stack;
    Node start{static_cast<RefKind>(start_key.first), start_key.second};
    stack.push_back({start_key, 0, start});
    state[start_key] = 1;
    while (!stack.empty()) {
      auto& top = stack.back();
      auto& succ = out[top.key];
      if (top.next == succ.size()) {
        state[top.key] = 2;
        stack.pop_back();
        continue;
      }
      Node to = succ[top.next++];
      auto to_key = key(to);
      int& s = state[to_key];
      if (s == 0) {
        s = 1;
        stack.push_back({to_key, 0, to});
      } else if (s == 1) {
        // A cycle: the stack from `to` up to the top.
        auto first = std::find_if(stack.begin(), stack.end(), [&](auto& f) { return f.key == to_key; });
        std::string path;
        for (auto it = first; it != stack.end(); ++it) path += "`" + name_of(it->node).first->text + "` → ";
        path += "`" + name_of(to).first->text + "`";
        auto [ident, module] = name_of(to);
        auto saved = module_;
        module_ = module;
        report(ident->span, Severity::Error, "definition-cycle",
               fmt::format("{} `{}` depends on itself", kind_word(to.kind), ident->text), {},
               {fmt::format("the cycle: {}", path)});
        module_ = saved;
      }
    }
  }
}

}  // namespace scalepol::check
