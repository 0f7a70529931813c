#include "ast/ast_dump.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace scalepol::ast {
namespace {

class Dumper {
 public:
  std::string out;

  void str(const std::string& s) {
    out += '"';
    for (char c : s) {
      if (c == '"' || c == '\\') out += '\\';
      if (c == '\n') { out += "\\n"; continue; }
      if (c == '\r') { out += "\\r"; continue; }
      out += c;
    }
    out += "\" ";
  }
  void word(std::string_view w) { out.append(w); out += ' '; }
  void num(double d) { out += fmt::format("{} ", d); }
  void id(const Ident& i) { word(i.text); }
  void line(std::string_view what) { out += '\n'; out.append(what); out += ' '; }

  void range(const Range& r) {
    word("range"); num(r.lo); num(r.hi); str(r.lo_unit); str(r.unit);
  }
  void quotes(const std::vector<Quote>& qs) {
    for (const auto& q : qs) { word("quote"); str(q.text); str(q.source); }
  }
  void type(const std::optional<TypeRef>& t) { word(t ? t->text : "-"); }

  void expr(const Expr* e) {
    if (!e) { word("null"); return; }
    // A chain of `@` is as long as the text: walk it in a loop.
    std::vector<const Ident*> refs;
    while (e->kind == ExprKind::At && e->args.size() == 1) {
      refs.push_back(&e->ref);
      e = e->args[0].get();
    }
    for (auto it = refs.rbegin(); it != refs.rend(); ++it) { word("@"); id(**it); }
    out += '(';
    switch (e->kind) {
      case ExprKind::Number: word("num"); word(e->text); num(e->number); str(e->unit); break;
      case ExprKind::Date: word("date"); num(e->date); break;
      case ExprKind::String: word("str"); str(e->text); break;
      case ExprKind::Bool: word(e->boolean ? "true" : "false"); break;
      case ExprKind::Name: word("name"); for (const auto& p : e->path) id(p); break;
      case ExprKind::At: word("at"); id(e->ref); break;
      case ExprKind::Neg: word("neg"); break;
      case ExprKind::Not: word("not"); break;
      case ExprKind::And: word("and"); break;
      case ExprKind::Or: word("or"); break;
      case ExprKind::Arith: word("arith"); for (Op op : e->ops) word(op_text(op)); break;
      case ExprKind::Compare: word("cmp"); for (Op op : e->ops) word(op_text(op)); break;
      case ExprKind::IsStatus: {
        std::string w = status_test_text(*e);  // one word: "is-not-possible"
        std::replace(w.begin(), w.end(), ' ', '-');
        word(w);
        break;
      }
      case ExprKind::Contains: word("contains"); break;
      case ExprKind::StartsWith: word("starts_with"); break;
      case ExprKind::Call: word("call"); id(e->callee); for (const auto& n : e->arg_names) str(n); break;
      case ExprKind::FreeText: word("certified"); str(e->text); break;
      case ExprKind::Within: word("within"); range(e->range); break;
    }
    for (const auto& a : e->args) expr(a.get());
    out += ") ";
  }

  void obligation(const Obligation& o) {
    line("  require"); id(o.kind); str(o.text); expr(o.within.get()); quotes(o.quotes);
  }

  void ec_state(const char* what, const EcPart& p) {
    line("  "); word(what);
    word(p.state == EcPart::State::Absent ? "absent" : p.state == EcPart::State::Unspecified ? "unspecified" : "given");
  }

  void module(const Module& m) {
    if (m.header) {
      line("policy"); id(m.header->name); str(m.header->title);
      for (const auto& f : m.header->fields) { line("  header"); id(f.key); str(f.text); num(f.date.value_or(-1)); }
    }
    for (const auto& i : m.imports) { line("import"); word(i.is_std ? "std" : "file"); str(i.path); }
    for (const auto& f : m.fields) {
      line("field"); id(f.name); word(f.type.text); word(f.key ? "key" : "-");
      for (const auto& c : f.columns) { word("column"); str(c); }
      for (const auto& c : f.low_columns) { word("low"); str(c); }
      for (const auto& c : f.high_columns) { word("high"); str(c); }
      quotes(f.quotes);
    }
    for (const auto& b : m.benchmarks) {
      line("benchmark"); id(b.name); quotes(b.quotes);
      for (const auto& s : b.settings) {
        line("  setting"); id(s.key); word(std::to_string(int(s.kind)));
        if (s.kind == Setting::Kind::Range) range(s.range);
        if (s.kind == Setting::Kind::Literal) expr(s.literal.get());
        if (s.kind == Setting::Kind::Word) id(s.word);
      }
    }
    for (const auto& ec : m.effective_computes) {
      line("effective_compute"); id(ec.name); quotes(ec.quotes);
      ec_state("base", ec.base); expr(ec.base.value.get());
      ec_state("metric", ec.metric); word(ec.metric.example ? "example" : "-");
      word(std::to_string(int(ec.metric.kind))); str(ec.metric.text); id(ec.metric.benchmark);
      ec_state("baseline", ec.baseline); str(ec.baseline.text);
      ec_state("baseline_date", ec.baseline_date); num(ec.baseline_date.date);
      ec_state("scale", ec.scale); expr(ec.scale.value.get());
      ec_state("post_training", ec.post_training); word(ec.post_training.included ? "included" : "-");
      ec_state("multiplier", ec.multiplier); expr(ec.multiplier.value.get());
    }
    for (const auto& r : m.references) {
      line("reference"); id(r.name); word(r.kind == ReferenceDecl::Kind::Field ? "field" : "frontier");
      id(r.field); num(r.frontier_date); word(r.frontier_by ? r.frontier_by->text : "-"); quotes(r.quotes);
    }
    for (const auto& d : m.defines) { line("define"); id(d.name); type(d.type); expr(d.value.get()); quotes(d.quotes); }
    for (const auto& t : m.triggers) {
      line("trigger"); id(t.name); quotes(t.quotes); expr(t.when.get());
      for (const auto& o : t.obligations) obligation(o);
    }
    for (const auto& t : m.tiers) {
      line("tiers"); id(t.name); expr(t.by.get());
      for (const auto& tier : t.tiers) {
        line(" tier"); id(tier.name);
        for (const auto& b : tier.bounds) { word(std::to_string(int(b.kind))); expr(b.value.get()); }
        quotes(tier.quotes);
        for (const auto& o : tier.obligations) obligation(o);
      }
    }
    for (const auto& e : m.escalations) { line("escalate"); id(e.ladder); id(e.tier); expr(e.when.get()); quotes(e.quotes); }
    for (const auto& e : m.exemptions) {
      line("exemption"); id(e.name); quotes(e.quotes); word(e.applies_to_all ? "all" : "some");
      for (const auto& target : e.applies_to) { word("to"); for (const auto& p : target) id(p); }
      expr(e.when.get());
    }
    for (const auto& a : m.assumptions) {
      line("assume");
      for (const auto& x : a.items) {
        line("  assumption"); id(x.name); word(std::to_string(int(x.kind)));
        for (const auto& c : x.choices) expr(c.get());
        if (x.kind == Assumption::Kind::Range) range(x.range);
        expr(x.value.get());
      }
    }
    for (const auto& t : m.tests) {
      line("test"); str(t.name); num(t.as_of.value_or(-1));
      for (const auto& r : t.records) {
        line("  record");
        for (const auto& e : r.entries) {
          id(e.field); word(std::to_string(int(e.kind)));
          if (e.kind == RecordEntry::Kind::Literal) expr(e.literal.get());
          if (e.kind == RecordEntry::Kind::Range) range(e.range);
        }
      }
      for (const auto& x : t.expects) { line("  expect"); expr(x.get()); }
    }
    for (const auto& u : m.units) { line("unit"); id(u.name); word(u.factor_text); num(u.factor); id(u.base); quotes(u.quotes); }
    for (const auto& n : m.not_encoded) { line("not_encoded"); str(n.text); str(n.source); str(n.because); }
    out += '\n';
  }
};

}  // namespace

std::string dump(const Module& module) {
  Dumper d;
  d.module(module);
  return d.out;
}

}  // namespace scalepol::ast
