#include "ast/builtins.hpp"

#include "ast/ast.hpp"

namespace scalepol::ast {

// The table is indexed by the enum: each entry sits at its own id.
static_assert([] {
  for (std::size_t i = 0; i < kBuiltins.size(); ++i)
    if (static_cast<std::size_t>(kBuiltins[i].id) != i) return false;
  return true;
}());

std::optional<Builtin> find_builtin(std::string_view name) {
  for (const BuiltinInfo& b : kBuiltins)
    if (b.name == name) return b.id;
  return std::nullopt;
}

std::string builtin_names() {
  std::string out;
  for (std::size_t i = 0; i < kBuiltins.size(); ++i) {
    if (i > 0) out += i + 1 == kBuiltins.size() ? " and " : ", ";
    out += kBuiltins[i].name;
  }
  return out;
}

std::optional<Builtin> builtin_of(const Expr& e) {
  if (e.kind != ExprKind::Call || e.res.kind != RefKind::Builtin) return std::nullopt;
  if (e.res.index < 0 || static_cast<std::size_t>(e.res.index) >= kBuiltins.size()) return std::nullopt;
  return static_cast<Builtin>(e.res.index);
}

int32_t bound_arg(const Expr& e, std::size_t param) {
  const auto b = builtin_of(e);
  if (!b || param >= builtin_info(*b).arity) return -1;
  const BuiltinInfo& info = builtin_info(*b);
  if (info.named)
    for (std::size_t i = 0; i < e.args.size() && i < e.arg_names.size(); ++i)
      if (e.arg_names[i] == info.params[param]) return static_cast<int32_t>(i);
  // By position: a named argument binds by its name only (the checker refuses names where a
  // function takes none).
  if (param < e.args.size() && (!info.named || param >= e.arg_names.size() || e.arg_names[param].empty()))
    return static_cast<int32_t>(param);
  return -1;
}

}  // namespace scalepol::ast
