// Rules that read each other in a circle (`define a = b`, `define b = a`; a trigger reading an
// exemption that reads the trigger; `assume { factor = factor + 1 }`) have no value: find every
// cycle and report it once.
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
    case RefKind::Assumption: return "assumption";
    default: return "rule";
  }
}

}  // namespace

std::pair<const ast::Ident*, int32_t> Checker::rule_name(RefKind kind, int32_t index) const {
  switch (kind) {
    case RefKind::Define: return {&p_.defines[index]->name, define_module_[index]};
    case RefKind::EffectiveCompute: return {&p_.effective_computes[index]->name, ec_module_[index]};
    case RefKind::Ladder: return {&p_.ladders[index].decl->name, ladder_module_[index]};
    case RefKind::Trigger: return {&p_.triggers[index]->name, trigger_module_[index]};
    case RefKind::Exemption: return {&p_.exemptions[index].decl->name, exemption_module_[index]};
    case RefKind::Assumption: return {&p_.assumptions[index].decl->name, p_.assumptions[index].module};
    default: return {nullptr, 0};
  }
}

void Checker::check_cycles() {
  auto key = [](const Node& n) { return std::pair<int, int32_t>(static_cast<int>(n.kind), n.index); };
  std::map<std::pair<int, int32_t>, std::vector<Node>> out;
  for (auto& [from, to] : edges_) out[key(from)].push_back(to);

  auto name_of = [&](const Node& n) { return rule_name(n.kind, n.index); };

  // Iterative depth-first search (no recursion: a long chain of definitions is fine).
  std::map<std::pair<int, int32_t>, int> state;  // 0 new, 1 on stack, 2 done
  std::map<std::pair<int, int32_t>, std::size_t> place;  // where on the stack, while on it
  for (auto& [start_key, _] : out) {
    if (state[start_key]) continue;
    struct Frame { std::pair<int, int32_t> key; std::size_t next; Node node; };
    std::vector<Frame> stack;
    Node start{static_cast<RefKind>(start_key.first), start_key.second};
    stack.push_back({start_key, 0, start});
    state[start_key] = 1;
    place[start_key] = 0;
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
        place[to_key] = stack.size();
        stack.push_back({to_key, 0, to});
      } else if (s == 1) {
        // A cycle: the stack from `to` up to the top. Its place is kept, not searched for, and
        // the path is written only for an error the diagnostic cap keeps, and at most kShown
        // rules of it: rules that each read the first of a chain of n make n cycles of up to
        // n rules (n^2 to write out).
        std::vector<std::string> notes;
        if (error_shown()) {
          const std::size_t first = place[to_key], length = stack.size() - first;
          constexpr std::size_t kShown = 32;
          std::string path;
          for (std::size_t i = first; i < stack.size(); ++i) {
            if (length > kShown && i == first + kShown / 2) {
              path += "… → ";
              i = stack.size() - kShown / 2;
            }
            path += "`" + name_of(stack[i].node).first->text + "` → ";
          }
          path += "`" + name_of(to).first->text + "`";
          if (length > kShown) path += fmt::format(" ({} rules)", length);
          notes.push_back(fmt::format("the cycle: {}", path));
        }
        auto [ident, module] = name_of(to);
        auto saved = module_;
        module_ = module;
        report(ident->span, Code::DefinitionCycle,
               fmt::format("{} `{}` depends on itself", kind_word(to.kind), ident->text), {}, std::move(notes));
        module_ = saved;
      }
    }
  }
}

}  // namespace scalepol::check
