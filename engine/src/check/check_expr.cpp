// Typing of expressions: resolves names, checks units and types, records which rules read
// which (for cycle detection), and converts number literals to their base unit.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "ast/builtins.hpp"
#include "check/checker_impl.hpp"
#include "check/exact_scale.hpp"
#include "syntax/suggest.hpp"

namespace scalepol::check {

namespace {

bool is_number_like(const Type& t) {
  return t.kind == TypeKind::Quantity && (t.dim == Dim::Number || t.dim == Dim::Ratio);
}

}  // namespace

std::string Checker::describe(const Type& t) const {
  switch (t.kind) {
    case TypeKind::Error: return "an invalid value";
    case TypeKind::Bool: return "a condition (true or false)";
    case TypeKind::Quantity: return std::string(dim_description(t.dim));
    case TypeKind::Date: return "a date";
    case TypeKind::Text: return "text";
    case TypeKind::Tier:
      return t.index >= 0 ? fmt::format("a tier of `{}`", p_.ladders[t.index].decl->name.text) : "a tier";
    case TypeKind::Obligations: return "the list of obligations";
  }
  return "a value";
}

std::string Checker::suggestion(const std::string& word) {
  if (!may_suggest()) return {};
  // The names sorted (deterministic among equally close names) and indexed once, not once per
  // unknown name: symbols_ changes during checking only by the terms of art declared as met.
  if (!symbol_index_built_ || symbol_index_size_ != symbols_.size()) {
    symbol_names_.clear();
    symbol_names_.reserve(symbols_.size());
    for (const auto& [name, _] : symbols_) symbol_names_.push_back(name);
    std::sort(symbol_names_.begin(), symbol_names_.end());
    symbol_index_ = syntax::CandidateIndex(symbol_names_);
    symbol_index_size_ = symbols_.size();
    symbol_index_built_ = true;
  }
  auto guess = symbol_index_.closest(word);
  return guess.empty() ? std::string() : fmt::format("did you mean `{}`?", guess);
}

Type Checker::expect_bool(ast::Expr* e, const char* what) {
  auto t = check_expr(*e);
  if (t.kind != TypeKind::Error && t.kind != TypeKind::Bool)
    report(e->span, Code::TypeMismatch,
           fmt::format("{} must be a condition, but this is {}", what, describe(t)),
           t.kind == TypeKind::Quantity ? "compare it with a threshold: `training_compute > 1e25 FLOP`" : "");
  return t;
}

// Whether two operand types may be compared or added. Reports the mismatch at `at` if not.
bool Checker::compatible(const Type& a, const Type& b, const ast::Expr& at) {
  if (a.kind == TypeKind::Error || b.kind == TypeKind::Error) return false;
  if (a.kind == TypeKind::Quantity && b.kind == TypeKind::Quantity) {
    if (a.dim == b.dim) return true;
    if (is_number_like(a) && is_number_like(b)) return true;
    // A plain number beside a quantity is read in the quantity's base unit. It is accepted, and
    // reported by the linter (`unitless-threshold`), which can say where the unit is missing.
    if (a.dim == Dim::Number || b.dim == Dim::Number) return true;
    std::vector<std::string> notes;
    if ((a.dim == Dim::Compute && b.dim == Dim::ComputeRate) || (a.dim == Dim::ComputeRate && b.dim == Dim::Compute))
      notes.push_back("FLOP counts operations (a total); FLOP/s counts operations per second (a rate, such as a cluster's capacity)");
    report(at.span, Code::UnitMismatch,
           fmt::format("cannot compare {} with {}", describe(a), describe(b)), {}, std::move(notes));
    return false;
  }
  if (a.kind == b.kind && (a.kind != TypeKind::Tier || a.index == b.index)) return true;
  report(at.span, Code::TypeMismatch, fmt::format("cannot compare {} with {}", describe(a), describe(b)));
  return false;
}

// `gpai_tier == systemic_risk`: a bare name beside a ladder may name one of its tiers.
bool Checker::try_tier_name(ast::Expr& e, const Type& other) {
  if (other.kind != TypeKind::Tier || other.index < 0 || e.kind != ast::ExprKind::Name || e.path.size() != 1)
    return false;
  const auto& tiers = p_.ladders[other.index].decl->tiers;
  if (int32_t t = find_tier(other.index, e.path[0].text); t >= 0) {
    e.res = Resolution{RefKind::TierName, other.index, t};
    e.type = other;
    return true;
  }
  if (symbols_.count(e.path[0].text)) return false;  // a name of its own: check it as usual
  std::string help;  // none for an error the diagnostic cap drops: the list is as long as the ladder
  if (error_shown()) {
    std::vector<std::string_view> names;
    for (auto& t : tiers) names.push_back(t.name.text);
    const std::string guess = may_suggest() ? syntax::closest_match(e.path[0].text, names) : std::string();
    std::string list;
    for (auto n : names) list += (list.empty() ? "" : ", ") + std::string(n);
    help = guess.empty() ? fmt::format("its tiers are {}", list) : fmt::format("did you mean `{}`?", guess);
  }
  report(e.span, Code::UndefinedName,
         fmt::format("`{}` has no tier `{}`", p_.ladders[other.index].decl->name.text, e.path[0].text),
         std::move(help));
  e.type = Type::error();
  return true;
}

// Terms of art that policies use as if their meaning were settled. Used with no definition they
// are a finding (`undefined-term`), not an error: the text really does say "2x effective
// compute" and define nothing, and the rest of the policy is still worth checking.
bool Checker::is_term_of_art(const std::string& name) {
  static const std::vector<std::string_view> terms = {"effective_compute", "effective_flop", "effective_flops",
                                                      "effective_training_compute"};
  return std::find(terms.begin(), terms.end(), name) != terms.end();
}

std::unordered_map<std::string, Symbol>::iterator Checker::declare_undefined_term(const ast::Ident& use) {
  auto decl = std::make_unique<ast::EffectiveComputeDecl>();
  decl->name = use;
  decl->span = use.span;
  auto index = static_cast<int32_t>(p_.effective_computes.size());
  p_.effective_computes.push_back(decl.get());
  p_.undefined_terms.push_back(std::move(decl));
  ec_module_.push_back(module_);
  report(use.span, Code::UndefinedTerm,
         fmt::format("`{}` is used but never defined", use.text),
         "define it, then use the definition's name: `effective_compute ec { base training_compute  baseline …  "
         "baseline_date …  metric …  scale …  post_training …  multiplier … }`",
         {"effective compute depends on a baseline recipe and date, a metric and a reference scale; "
          "without them the same model can be above or below the line (Larsen, \"The basic case against "
          "Effective-FLOP\")",
          "its value is unknown for every model"});
  return symbols_.emplace(use.text, Symbol{RefKind::EffectiveCompute, index, use.span, module_}).first;
}

Type Checker::check_name(ast::Expr& e) {
  const auto& first = e.path[0].text;
  if (e.path.size() == 1) {
    if (first == "as_of") {
      e.res = {RefKind::AsOf};
      return Type::date();
    }
    if (first == "obligations" && !symbols_.count(first)) {
      if (!in_test_) {
        report(e.span, Code::ObligationsOutsideTest,
               "`obligations` can only be used in a test's `expect`");
        return Type::error();
      }
      e.res = {RefKind::Obligations};
      return Type::obligations();
    }
  }
  auto it = symbols_.find(first);
  if (it == symbols_.end() && e.path.size() == 1 && is_term_of_art(first)) it = declare_undefined_term(e.path[0]);
  if (it == symbols_.end()) {
    report(e.path[0].span, Code::UndefinedName, fmt::format("undefined name `{}`", first),
           suggestion(first));
    return Type::error();
  }
  const Symbol& s = it->second;
  if (e.path.size() == 2 && s.kind == RefKind::Ladder) {
    if (int32_t t = find_tier(s.index, e.path[1].text); t >= 0) {
      e.res = {RefKind::TierName, s.index, t};
      return Type::tier(s.index);
    }
    report(e.path[1].span, Code::UndefinedName,
           fmt::format("`{}` has no tier `{}`", first, e.path[1].text));
    return Type::error();
  }
  if (e.path.size() > 1) {
    report(e.span, Code::UndefinedName,
           fmt::format("`{}` has no member `{}`", first, e.path[1].text));
    return Type::error();
  }
  e.res = {s.kind, s.index};
  if (current_ && (s.kind == RefKind::Define || s.kind == RefKind::EffectiveCompute || s.kind == RefKind::Ladder ||
                   s.kind == RefKind::Trigger || s.kind == RefKind::Exemption || s.kind == RefKind::Assumption))
    edges_.push_back({*current_, Node{s.kind, s.index}});
  // Typing a definition or assumption types what it reads first. Long chains were typed from
  // their far end (check_long_chains_first), so this goes deeper than the limit only along a
  // cycle or a chain past it: both are refused with an error (check_cycles, check_rule_depth),
  // and here the recursion stops.
  const bool too_deep = expr_depth_ > p_.max_rule_depth;
  switch (s.kind) {
    case RefKind::Field: return p_.fields[s.index].type;
    case RefKind::Define:
      if (too_deep && define_state_[s.index] != 2) return Type::error();
      check_define(s.index);
      return p_.define_types[s.index];
    case RefKind::EffectiveCompute: return Type::quantity(Dim::Compute);
    case RefKind::Ladder: return Type::tier(s.index);
    case RefKind::Trigger:
    case RefKind::Exemption: return Type::boolean();
    case RefKind::Assumption:
      if (too_deep && assumption_state_[s.index] != 2) return Type::error();
      check_assumption(s.index);
      return p_.assumptions[s.index].type;
    case RefKind::Reference:
      report(e.span, Code::ReferenceAsValue,
             fmt::format("`{}` is a reference point, not a value", first),
             fmt::format("use it after `@` (`training_compute@{0}`) or in `time_since({0})`", first));
      return Type::error();
    default: return Type::error();
  }
}

Type Checker::check_compare(ast::Expr& e) {
  auto& lhs = *e.args[0];
  auto& rhs = *e.args[1];
  Type lt, rt;
  // A bare unknown name on the left may be a tier of the ladder on the right (`high == concern`);
  // a term of art is not, and is reported at its first use.
  if (lhs.kind == ast::ExprKind::Name && lhs.path.size() == 1 && !symbols_.count(lhs.path[0].text) &&
      !is_term_of_art(lhs.path[0].text)) {
    rt = check_expr(rhs);
    if (try_tier_name(lhs, rt)) lt = lhs.type;
    else lt = check_expr(lhs);
  } else {
    lt = check_expr(lhs);
    if (try_tier_name(rhs, lt)) rt = rhs.type;
    else rt = check_expr(rhs);
  }
  if (!compatible(lt, rt, e)) return lt.kind == TypeKind::Error || rt.kind == TypeKind::Error ? Type::error() : Type::boolean();
  auto op = e.ops.empty() ? ast::Op::Eq : e.ops[0];
  bool ordering = op == ast::Op::Lt || op == ast::Op::Le || op == ast::Op::Gt || op == ast::Op::Ge;
  if (ordering && (lt.kind == TypeKind::Bool || lt.kind == TypeKind::Text))
    report(e.span, Code::TypeMismatch,
           fmt::format("`{}` does not apply to {}", ast::op_text(op), describe(lt)), "compare with `==` or `!=`");
  return Type::boolean();
}

Type Checker::check_arith(ast::Expr& e) {
  Type acc = check_expr(*e.args[0]);
  for (std::size_t i = 1; i < e.args.size(); ++i) {
    Type rt = check_expr(*e.args[i]);
    auto op = e.ops[i - 1];
    if (acc.kind == TypeKind::Error || rt.kind == TypeKind::Error) {
      acc = Type::error();
      continue;
    }
    auto& operand = *e.args[i];
    if (op == ast::Op::Add || op == ast::Op::Sub) {
      if (acc.kind == TypeKind::Date && rt == Type::quantity(Dim::Time)) continue;
      if (acc.kind == TypeKind::Date && rt.kind == TypeKind::Date && op == ast::Op::Sub) {
        acc = Type::quantity(Dim::Time);
        continue;
      }
      if (acc.kind == TypeKind::Quantity && rt.kind == TypeKind::Quantity) {
        if (acc.dim == rt.dim || (is_number_like(acc) && is_number_like(rt))) continue;
        report(operand.span, Code::UnitMismatch,
               fmt::format("cannot {} {} and {}", op == ast::Op::Add ? "add" : "subtract", describe(acc), describe(rt)));
        acc = Type::error();
        continue;
      }
      report(operand.span, Code::TypeMismatch,
             fmt::format("cannot {} {} and {}", op == ast::Op::Add ? "add" : "subtract", describe(acc), describe(rt)));
      acc = Type::error();
      continue;
    }
    if (acc.kind != TypeKind::Quantity || rt.kind != TypeKind::Quantity) {
      report(operand.span, Code::TypeMismatch,
             fmt::format("cannot {} {} by {}", op == ast::Op::Mul ? "multiply" : "divide", describe(acc), describe(rt)));
      acc = Type::error();
      continue;
    }
    if (op == ast::Op::Mul) {
      if (is_number_like(rt)) continue;  // quantity × ratio keeps the quantity's unit
      if (is_number_like(acc)) { acc = rt; continue; }
      report(operand.span, Code::UnitMismatch,
             fmt::format("cannot multiply {} by {}", describe(acc), describe(rt)),
             "scale a quantity by a ratio or a plain number: `4x training_compute`");
      acc = Type::error();
      continue;
    }
    // Division: same dimension → a ratio (a plain number stays one, as it does under `*`); by a
    // ratio → the same quantity.
    if (acc.dim == rt.dim) {
      if (acc.dim != Dim::Number) acc = Type::quantity(Dim::Ratio);
      continue;
    }
    if (is_number_like(rt)) continue;
    report(operand.span, Code::UnitMismatch,
           fmt::format("cannot divide {} by {}", describe(acc), describe(rt)));
    acc = Type::error();
  }
  return acc;
}

Type Checker::check_call(ast::Expr& e) {
  const auto& name = e.callee.text;
  const std::optional<ast::Builtin> builtin = ast::find_builtin(name);
  if (!builtin) {
    std::vector<std::string_view> names;
    for (const auto& b : ast::kBuiltins) names.push_back(b.name);
    auto guess = syntax::closest_match(name, names);
    report(e.callee.span, Code::UndefinedFunction, fmt::format("undefined function `{}`", name),
           guess.empty() ? "the functions are " + ast::builtin_names() : fmt::format("did you mean `{}`?", guess));
    for (auto& a : e.args) check_expr(*a);
    return Type::error();
  }
  const ast::BuiltinInfo& info = ast::builtin_info(*builtin);
  // Each argument binds to a parameter by position, or by name where the function takes names.
  for (std::size_t i = 0; i < e.args.size() && i < e.arg_names.size(); ++i) {
    const auto& n = e.arg_names[i];
    if (n.empty()) continue;
    const auto params_end = info.params.begin() + info.arity;
    if (!info.named)
      report(e.args[i]->span, Code::UnknownArgument,
             fmt::format("`{}` takes its arguments by position, not by name", name),
             fmt::format("write `{}(…)` without `{}:`", name, n));
    else if (std::find(info.params.begin(), params_end, n) == params_end)
      report(e.args[i]->span, Code::UnknownArgument, fmt::format("`{}` has no argument `{}`", name, n),
             fmt::format("its arguments are `{}` and `{}`", info.params[0], info.params[1]));
  }
  e.res = {RefKind::Builtin, static_cast<int32_t>(*builtin)};
  // The argument bound to each parameter; a call that leaves one unbound is refused.
  std::array<ast::Expr*, 2> arg{};
  bool bound = e.args.size() == info.arity;
  for (std::size_t p = 0; p < info.arity; ++p) {
    const int32_t i = ast::bound_arg(e, p);
    if (i < 0) bound = false;
    else arg[p] = e.args[static_cast<std::size_t>(i)].get();
  }
  if (!bound) {
    if (*builtin == ast::Builtin::Progress)
      report(e.span, Code::WrongArity, "`progress` needs `halving:` (a duration) and `since:` (a date)");
    else
      report(e.span, Code::WrongArity,
             fmt::format("`{}` takes {} argument{}, not {}", name, info.arity, info.arity == 1 ? "" : "s", e.args.size()));
    e.res = {};
    for (auto& a : e.args) check_expr(*a);
    return Type::error();
  }
  switch (*builtin) {
    case ast::Builtin::TimeSince: {
      auto& a = *arg[0];
      if (a.kind == ast::ExprKind::Name && a.path.size() == 1) {
        auto it = symbols_.find(a.path[0].text);
        if (it != symbols_.end() && it->second.kind == RefKind::Reference) {
          a.res = {RefKind::Reference, it->second.index};
          a.type = Type::date();
          if (p_.released_field < 0)
            report(a.span, Code::UndefinedName,
                   "`time_since` of a reference needs the `released` field", "import std.model");
          return Type::quantity(Dim::Time);
        }
      }
      auto t = check_expr(a);
      if (t.kind != TypeKind::Error && t.kind != TypeKind::Date) {
        report(a.span, Code::TypeMismatch,
               fmt::format("`time_since` takes a date or a reference point, not {}", describe(t)));
        return Type::error();
      }
      return Type::quantity(Dim::Time);
    }
    case ast::Builtin::Min:
    case ast::Builtin::Max: {
      auto a = check_expr(*arg[0]);
      auto b = check_expr(*arg[1]);
      if (!compatible(a, b, e)) return Type::error();
      if (a.kind != TypeKind::Quantity && a.kind != TypeKind::Date) {
        report(e.span, Code::TypeMismatch, fmt::format("`{}` takes quantities or dates", name));
        return Type::error();
      }
      return a.kind == TypeKind::Quantity && a.dim == Dim::Number ? b : a;
    }
    case ast::Builtin::Abs: {
      auto a = check_expr(*arg[0]);
      if (a.kind != TypeKind::Error && a.kind != TypeKind::Quantity) {
        report(e.span, Code::TypeMismatch, "`abs` takes a quantity");
        return Type::error();
      }
      return a;
    }
    case ast::Builtin::Progress: {
      // progress(halving: 8 months, since: 2023-01-01): compute for the same performance halves
      // every `halving` since `since`, measured to the record's release date.
      auto h = check_expr(*arg[0]);
      auto s = check_expr(*arg[1]);
      if (h.kind != TypeKind::Error && !(h == Type::quantity(Dim::Time)))
        report(arg[0]->span, Code::UnitMismatch, "`halving` is a duration (8 months)");
      if (s.kind != TypeKind::Error && s.kind != TypeKind::Date)
        report(arg[1]->span, Code::TypeMismatch, "`since` is a date");
      if (p_.released_field < 0)
        report(e.span, Code::UndefinedName, "`progress` needs the `released` field", "import std.model");
      return Type::quantity(Dim::Ratio);
    }
  }
  return Type::error();
}

Type Checker::check_expr(ast::Expr& e) {
  // Expression levels being checked, through the definitions and assumptions checked on the
  // way; check_name stops following rules past Limits::max_rule_depth (see reach.cpp).
  struct Level {
    std::size_t& depth;
    explicit Level(std::size_t& d) : depth(++d) {}
    ~Level() { --depth; }
  } level(expr_depth_);
  Type t = Type::error();
  switch (e.kind) {
    case ast::ExprKind::Number: {
      if (e.unit.empty()) {
        e.value = e.number;
        t = Type::quantity(Dim::Number);
      } else if (auto u = lookup_unit(e.unit)) {
        e.value = scaled_exactly(e.number, u->scale);
        t = Type::quantity(u->dim);
      } else {
        report_unknown_unit(e.unit_span, e.unit);
      }
      break;
    }
    case ast::ExprKind::Date: t = Type::date(); break;
    case ast::ExprKind::String: t = Type::text(); break;
    case ast::ExprKind::Bool: t = Type::boolean(); break;
    case ast::ExprKind::Name: t = check_name(e); break;
    case ast::ExprKind::At: {
      auto it = symbols_.find(e.ref.text);
      if (it == symbols_.end() || it->second.kind != RefKind::Reference) {
        std::string guess;
        if (may_suggest()) {
          std::vector<std::string_view> refs;
          for (auto& [n, s] : symbols_) if (s.kind == RefKind::Reference) refs.push_back(n);
          std::sort(refs.begin(), refs.end());
          guess = syntax::closest_match(e.ref.text, refs);
        }
        report(e.ref.span, Code::UndefinedName,
               fmt::format("`{}` is not a reference point", e.ref.text),
               guess.empty() ? "declare it: `reference last_assessed = record.last_assessment`"
                             : fmt::format("did you mean `{}`?", guess));
        check_expr(*e.args[0]);
      } else {
        e.res = {RefKind::Reference, it->second.index};
        t = check_expr(*e.args[0]);
      }
      break;
    }
    case ast::ExprKind::Neg: {
      t = check_expr(*e.args[0]);
      if (t.kind != TypeKind::Error && t.kind != TypeKind::Quantity) {
        report(e.span, Code::TypeMismatch, fmt::format("cannot negate {}", describe(t)));
        t = Type::error();
      }
      break;
    }
    case ast::ExprKind::Not:
      t = expect_bool(e.args[0].get(), "the operand of `not`");
      if (t.kind != TypeKind::Error) t = Type::boolean();
      break;
    case ast::ExprKind::And:
    case ast::ExprKind::Or: {
      bool ok = true;
      for (auto& a : e.args) ok = expect_bool(a.get(), e.kind == ast::ExprKind::And ? "an operand of `and`" : "an operand of `or`").kind == TypeKind::Bool && ok;
      t = ok ? Type::boolean() : Type::error();
      break;
    }
    case ast::ExprKind::Arith: t = check_arith(e); break;
    case ast::ExprKind::Compare: t = check_compare(e); break;
    case ast::ExprKind::IsStatus: check_expr(*e.args[0]); t = Type::boolean(); break;
    case ast::ExprKind::Contains: {
      auto lt = check_expr(*e.args[0]);
      auto& rhs = *e.args[1];
      if (lt.kind == TypeKind::Obligations) {
        if (rhs.kind == ast::ExprKind::Name && rhs.path.size() == 1) {
          auto it = obligation_kind_index_.find(rhs.path[0].text);
          if (it != obligation_kind_index_.end()) {
            rhs.res = {RefKind::ObligationKind, it->second};
            rhs.type = Type::text();
            t = Type::boolean();
            break;
          }
          std::string guess;
          if (may_suggest()) {
            std::vector<std::string_view> kinds(p_.obligation_kinds.begin(), p_.obligation_kinds.end());
            guess = syntax::closest_match(rhs.path[0].text, kinds);
          }
          report(rhs.span, Code::UndefinedName,
                 fmt::format("no rule requires an obligation of kind `{}`", rhs.path[0].text),
                 guess.empty() ? "" : fmt::format("did you mean `{}`?", guess));
        } else {
          report(rhs.span, Code::TypeMismatch, "`obligations contains` takes an obligation kind, such as `license`");
        }
        break;
      }
      auto rt = check_expr(rhs);
      if (lt.kind != TypeKind::Error && rt.kind != TypeKind::Error &&
          (lt.kind != TypeKind::Text || rt.kind != TypeKind::Text))
        report(e.span, Code::TypeMismatch, "`contains` takes text on both sides");
      else if (lt.kind != TypeKind::Error && rt.kind != TypeKind::Error)
        t = Type::boolean();
      break;
    }
    case ast::ExprKind::StartsWith: {
      auto lt = check_expr(*e.args[0]);
      auto rt = check_expr(*e.args[1]);
      if (lt.kind != TypeKind::Error && rt.kind != TypeKind::Error &&
          (lt.kind != TypeKind::Text || rt.kind != TypeKind::Text))
        report(e.span, Code::TypeMismatch, "`starts_with` takes text on both sides");
      else if (lt.kind != TypeKind::Error && rt.kind != TypeKind::Error)
        t = Type::boolean();
      break;
    }
    case ast::ExprKind::Call: t = check_call(e); break;
    case ast::ExprKind::FreeText: t = Type::boolean(); break;
    case ast::ExprKind::Within: {
      t = check_expr(*e.args[0]);
      auto dim = resolve_range(e.range);
      if (dim && *dim != Dim::Number && t.kind == TypeKind::Quantity && *dim != t.dim)
        report(e.range.span, Code::UnitMismatch,
               fmt::format("the range is {} but the value is {}", dim_description(*dim), describe(t)));
      if (e.range.lo > e.range.hi)
        report(e.range.span, Code::EmptyRange, "the low end of the range is above its high end");
      break;
    }
  }
  e.type = t;
  return t;
}

}  // namespace scalepol::check
