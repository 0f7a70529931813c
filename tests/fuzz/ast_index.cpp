// The mutator's view of a parsed policy (ast_index.hpp): a walk over every item and expression.
#include "ast_index.hpp"

#include <utility>

#include "scalepol/policy.hpp"
#include "syntax/parse.hpp"

namespace fuzz::ast_mutator {
namespace {

// std.model's fields and its one definition (stdlib/std/model.policy), which a policy that imports
// it can read.
const std::vector<NameRef>& std_model_names() {
  static const std::vector<NameRef> names = {
      {"model", Kind::Text, "", true, true},
      {"organization", Kind::Text, "", true},
      {"released", Kind::Date, "", true},
      {"domain", Kind::Text, "", true},
      {"country", Kind::Text, "", true},
      {"parameters", Kind::Quantity, "params", true},
      {"training_compute", Kind::Quantity, "FLOP", true},
      {"confidence", Kind::Text, "", true},
      {"finetune_compute", Kind::Quantity, "FLOP", true},
      {"base_model", Kind::Text, "", true},
      {"predecessor_model", Kind::Text, "", true},
      {"accessibility", Kind::Text, "", true},
      {"frontier_model", Kind::Bool, "", true},
      {"training_cost", Kind::Quantity, "USD", true},
      {"training_time", Kind::Quantity, "hours", true},
      {"hardware_quantity", Kind::Quantity, "", true},
      {"open_weights", Kind::Bool, ""},
  };
  return names;
}

NameRef name_of_type(const std::string& name, const std::string& type) {
  if (type == "bool") return {name, Kind::Bool, ""};
  if (type == "date") return {name, Kind::Date, ""};
  if (type == "text") return {name, Kind::Text, ""};
  if (type == "number") return {name, Kind::Quantity, ""};
  return {name, Kind::Quantity, type};
}

// The unit of a quantity written as a number; "?" for anything else.
std::string unit_of(const ast::Expr* e) {
  while (e && (e->kind == ast::ExprKind::Within || e->kind == ast::ExprKind::Neg) && !e->args.empty())
    e = e->args[0].get();
  return e && e->kind == ast::ExprKind::Number ? e->unit : std::string("?");
}

class Walker {
 public:
  explicit Walker(Index& out) : out_(out) {}

  // Every node under `root`, parents first. Iterative: `not not … x` and `x@a@b…` nest as deep
  // as the parser lets them.
  void expr(const ast::ExprPtr& root, bool replaceable, Kind slot, bool constant = false) {
    if (!root) return;
    std::vector<ExprRef> stack{{root.get(), replaceable, constant, slot, -1}};
    while (!stack.empty()) {
      const ExprRef r = stack.back();
      stack.pop_back();
      const int at = static_cast<int>(out_.exprs.size());
      out_.exprs.push_back(r);
      const ast::Expr& e = *r.e;
      for (std::size_t i = e.args.size(); i-- > 0;) {
        if (!e.args[i]) continue;
        bool child = r.replaceable;
        if (e.kind == ast::ExprKind::Within && i == 0) child = false;  // `8 months within …`: a literal
        if (e.kind == ast::ExprKind::Arith && i == 0 && is_scaled(e)) child = false;  // the `4x` of `4x ec`
        stack.push_back({e.args[i].get(), child, r.constant, operand_slot(e, i, r.slot), at});
      }
    }
  }

  void item(const ast::Span& span, const ast::Ident* name, bool copyable = true,
            ItemRef::Place place = ItemRef::Place::TopLevel) {
    ItemRef r;
    r.span = span;
    if (name && name->span.end > name->span.begin) r.name = name->span;
    r.copyable = copyable;
    r.place = copyable ? place : ItemRef::Place::Part;
    out_.items.push_back(r);
  }

  void quotes(const std::vector<ast::Quote>& qs) {
    for (const auto& q : qs) part(q.span);
  }

  void part(const ast::Span& span) { item(span, nullptr, false); }

  void obligations(const std::vector<ast::Obligation>& os) {
    for (const auto& o : os) {
      part(o.span);
      quotes(o.quotes);
      expr(o.within, true, Kind::Quantity);
    }
  }

  void set_text(std::string_view text) { text_ = text; }

 private:
  // `4x ec` (one Arith node, like `4x * ec`): no `*` between the two operands.
  bool is_scaled(const ast::Expr& e) const {
    if (e.ops.size() != 1 || e.args.size() != 2 || !e.args[0] || !e.args[1]) return false;
    const auto b = e.args[0]->span.end, end = e.args[1]->span.begin;
    if (b > end || end > text_.size()) return false;
    return text_.substr(b, end - b).find('*') == std::string_view::npos;
  }

  // What operand i of `e` must be (`slot`: what `e` itself must be).
  static Kind operand_slot(const ast::Expr& e, std::size_t i, Kind slot) {
    switch (e.kind) {
      case ast::ExprKind::Not:
      case ast::ExprKind::And:
      case ast::ExprKind::Or: return Kind::Bool;
      case ast::ExprKind::Arith:
      case ast::ExprKind::Neg:
      case ast::ExprKind::Within: return Kind::Quantity;
      case ast::ExprKind::Contains:
      case ast::ExprKind::StartsWith: return Kind::Text;
      case ast::ExprKind::At: return slot;  // x@r is of x's kind
      case ast::ExprKind::Call:
        if (e.callee.text == "time_since") return Kind::Date;
        if (e.callee.text == "abs") return Kind::Quantity;
        if (e.callee.text == "progress") {
          const std::string& name = i < e.arg_names.size() ? e.arg_names[i] : std::string();
          return name == "since" || (name.empty() && i == 1) ? Kind::Date : Kind::Quantity;
        }
        return slot == Kind::Bool ? Kind::Unknown : slot;  // min, max: of their result's kind
      default: return Kind::Unknown;
    }
  }

  Index& out_;
  std::string_view text_;
};

}  // namespace

std::optional<Parsed> parse(std::string text) {
  Parsed p{scalepol::syntax::SourceFile("mutant.policy", std::move(text)), {}};
  auto r = scalepol::syntax::parse(p.file, scalepol::Limits{});
  if (r.diagnostics.has_errors()) return std::nullopt;
  p.module = std::move(r.module);
  return p;
}

std::string_view slice(const Parsed& p, const ast::Span& s) {
  const std::string& t = p.text();
  if (s.begin > s.end || s.end > t.size()) return {};
  return std::string_view(t).substr(s.begin, s.end - s.begin);
}

Kind kind_of(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::Compare:
    case ast::ExprKind::And:
    case ast::ExprKind::Or:
    case ast::ExprKind::Not:
    case ast::ExprKind::IsStatus:
    case ast::ExprKind::Contains:
    case ast::ExprKind::StartsWith:
    case ast::ExprKind::Bool:
    case ast::ExprKind::FreeText: return Kind::Bool;
    case ast::ExprKind::Number:
    case ast::ExprKind::Arith:
    case ast::ExprKind::Neg:
    case ast::ExprKind::Within: return Kind::Quantity;
    case ast::ExprKind::Date: return Kind::Date;
    case ast::ExprKind::String: return Kind::Text;
    default: return Kind::Unknown;
  }
}

Index index(const Parsed& p) {
  const ast::Module& m = p.module;
  Index out;
  Walker w(out);
  w.set_text(p.text());

  for (const auto& imp : m.imports) {
    w.part(imp.span);
    if (imp.is_std && imp.path == "std.model")
      out.names.insert(out.names.end(), std_model_names().begin(), std_model_names().end());
    if (imp.is_std && imp.path == "std.progress") out.names.push_back({"ho2024_halving", Kind::Quantity, "months"});
  }
  for (const auto& f : m.fields) {
    w.item(f.span, &f.name);
    w.quotes(f.quotes);
    NameRef n = name_of_type(f.name.text, f.type.text);
    n.field = true;
    n.key = f.key;
    out.names.push_back(n);
  }
  for (const auto& b : m.benchmarks) {
    w.item(b.span, &b.name);
    w.quotes(b.quotes);
    for (const auto& s : b.settings) w.expr(s.literal, false, Kind::Unknown);
  }
  for (const auto& ec : m.effective_computes) {
    w.item(ec.span, &ec.name);
    w.quotes(ec.quotes);
    w.expr(ec.base.value, true, Kind::Quantity);
    w.expr(ec.scale.value, true, Kind::Quantity);
    w.expr(ec.multiplier.value, true, Kind::Quantity);
    out.names.push_back({ec.name.text, Kind::Quantity, "FLOP"});  // base × multiplier: compute
  }
  for (const auto& r : m.references) {
    w.item(r.span, &r.name);
    w.quotes(r.quotes);
    out.references.push_back(r.name.text);
  }
  for (const auto& d : m.defines) {
    w.item(d.span, &d.name);
    w.quotes(d.quotes);
    w.expr(d.value, true, d.type ? name_of_type("", d.type->text).kind : Kind::Unknown);
    if (d.type) {
      out.names.push_back(name_of_type(d.name.text, d.type->text));
    } else {
      out.names.push_back({d.name.text, d.value ? kind_of(*d.value) : Kind::Unknown, unit_of(d.value.get())});
    }
  }
  for (const auto& t : m.triggers) {
    w.item(t.span, &t.name);
    w.quotes(t.quotes);
    w.expr(t.when, true, Kind::Bool);
    w.obligations(t.obligations);
    out.rules.push_back(t.name.text);
  }
  for (const auto& l : m.tiers) {
    w.item(l.span, &l.name);
    w.expr(l.by, true, Kind::Quantity);
    std::vector<std::string> tiers;
    for (const auto& t : l.tiers) {
      w.item(t.span, &t.name, true, ItemRef::Place::Tier);
      w.quotes(t.quotes);
      for (const auto& b : t.bounds) {
        w.part(b.span);
        w.expr(b.value, true, Kind::Quantity, true);
      }
      w.obligations(t.obligations);
      tiers.push_back(t.name.text);
    }
    out.ladders.emplace_back(l.name.text, std::move(tiers));
  }
  for (const auto& e : m.escalations) {
    w.item(e.span, nullptr);
    w.quotes(e.quotes);
    w.expr(e.when, true, Kind::Bool);
  }
  for (const auto& e : m.exemptions) {
    w.item(e.span, &e.name);
    w.quotes(e.quotes);
    w.expr(e.when, true, Kind::Bool);
    out.rules.push_back(e.name.text);
  }
  for (const auto& a : m.assumptions) {
    w.item(a.span, nullptr);
    for (const auto& x : a.items) {
      w.item(x.span, &x.name, true, ItemRef::Place::Assumption);
      for (const auto& c : x.choices) w.expr(c, true, Kind::Unknown);
      w.expr(x.value, true, Kind::Unknown);
      if (x.kind == ast::Assumption::Kind::Range) {
        out.names.push_back({x.name.text, Kind::Quantity, x.range.unit});
      } else {
        const ast::Expr* v = x.kind == ast::Assumption::Kind::Value ? x.value.get()
                             : x.choices.empty()                    ? nullptr
                                                                    : x.choices[0].get();
        out.names.push_back({x.name.text, v ? kind_of(*v) : Kind::Unknown, unit_of(v)});
      }
    }
  }
  for (const auto& t : m.tests) {
    w.item(t.span, nullptr);
    for (const auto& r : t.records)
      for (const auto& entry : r.entries) {
        w.part(entry.span);
        w.expr(entry.literal, false, Kind::Unknown);
      }
    for (const auto& x : t.expects) w.expr(x, true, Kind::Bool);
  }
  for (const auto& u : m.units) {
    w.item(u.span, &u.name);
    w.quotes(u.quotes);
  }
  for (const auto& n : m.not_encoded) w.part(n.span);
  return out;
}

}  // namespace fuzz::ast_mutator
