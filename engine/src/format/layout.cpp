#include "format/layout.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include "format/glue.hpp"
#include "format/printer.hpp"

namespace scalepol::format {
namespace {

using ast::Expr;
using ast::ExprKind;

constexpr int kStep = 2;  // one level of indentation

bool is_chain(ExprKind k) {
  return k == ExprKind::Or || k == ExprKind::And || k == ExprKind::Arith || k == ExprKind::Compare ||
         k == ExprKind::Contains || k == ExprKind::StartsWith;
}
bool is_unary(ExprKind k) { return k == ExprKind::Not || k == ExprKind::Neg || k == ExprKind::At; }

class Layout {
 public:
  Layout(Printer& p) : p_(p) {}

  void file(const ast::Module& m);

 private:
  struct Break {
    int indent = 0;
    bool blank_ok = true;
    int comments_indent = -1;  // a block's `}`: comments before it are indented as its parts
    bool blank = false;        // a blank line before, whatever the author wrote
  };
  struct ExprAt {
    const Expr* e = nullptr;
    int cont = 0;
    int parens = 0;  // brackets around the whole expression, written before its span
  };
  struct LineStart {
    uint32_t key = 0;
    int indent = 0;
    bool align = false;
  };

  // --- the plan of one item
  void line_at(uint32_t offset, int indent, bool align = false, bool blank_ok = true) {
    breaks_[offset] = {indent, blank_ok, -1};
    lines_.push_back({offset, indent, align});
  }
  // The item's block: `{` at the first `{` of [begin, end), `}` the last token before `end`.
  void block(uint32_t begin, uint32_t end, int outer) {
    const std::size_t open = find(begin, end, "{");
    const std::size_t close = p_.index_at(end) - 1;
    if (open >= p_.count() || close <= open) return;
    if (close == open + 1 && !p_.has_comment(p_.end(open), p_.begin(close))) return;  // `{}`
    breaks_[p_.begin(close)] = {outer, false, outer + kStep};
  }
  std::size_t find(uint32_t begin, uint32_t end, std::string_view text) const {
    for (std::size_t i = p_.index_at(begin); i < p_.count() && p_.begin(i) < end; ++i)
      if (p_.text(i) == text) return i;
    return p_.count();
  }
  void quotes(const std::vector<ast::Quote>& qs, int indent) {
    for (const auto& q : qs) {
      line_at(q.span.begin, indent, true);
      const std::size_t first = p_.index_at(q.span.begin);
      const std::size_t source = find(q.span.begin + 1, q.span.end, "source");
      if (source < p_.count() && source != first) line_at(p_.begin(source), indent, true);
    }
  }
  std::size_t outer_first(const Expr* e) const {
    std::size_t i = p_.index_at(e->span.begin);
    while (i > 0 && p_.text(i - 1) == "(") --i;
    return i;
  }
  void expr_at(const Expr* e, int cont) {
    if (!e) return;
    const std::size_t first = outer_first(e);
    exprs_[p_.begin(first)] = {e, cont, static_cast<int>(p_.index_at(e->span.begin) - first)};
  }
  // The keyword written before an expression (`when`, `expect`), past any brackets.
  uint32_t keyword_before(const Expr* e) const {
    const std::size_t first = outer_first(e);
    return first > 0 ? p_.begin(first - 1) : e->span.begin;
  }
  void obligation(const ast::Obligation& o, int indent) {
    line_at(o.span.begin, indent);
    quotes(o.quotes, indent + kStep);
  }
  void record(const ast::TestRecord& r, int indent);

  void align();
  void run(uint32_t end);
  void expr(const ExprAt& x);
  void node(const Expr* e, int cont);
  bool fits(const Expr* e) const {
    return !p_.has_line_breaking_comment(e->span.begin, e->span.end) &&
           p_.next_column() + p_.flat_width(e->span.begin, e->span.end) <= p_.width();
  }

  // `blank`: a blank line before the item whatever the author wrote (items with a block are
  // set apart from their neighbours).
  void item(uint32_t begin, uint32_t end, bool blank, const std::function<void()>& plan) {
    breaks_.clear();
    exprs_.clear();
    spaces_.clear();
    lines_.clear();
    line_at(begin, 0);
    breaks_[begin].blank = blank;
    plan();
    align();
    run(end);
  }

  Printer& p_;
  std::map<uint32_t, Break> breaks_;
  std::map<uint32_t, ExprAt> exprs_;
  std::map<uint32_t, int> spaces_;
  std::vector<LineStart> lines_;
};

// Runs of consecutive lines of `key value` parts at one indent have their values in one column.
void Layout::align() {
  std::sort(lines_.begin(), lines_.end(), [](const LineStart& a, const LineStart& b) { return a.key < b.key; });
  for (std::size_t i = 0; i < lines_.size();) {
    std::size_t j = i;
    std::size_t widest = 0;
    while (j < lines_.size() && lines_[j].align && lines_[j].indent == lines_[i].indent) {
      widest = std::max(widest, p_.text(p_.index_at(lines_[j].key)).size());
      ++j;
    }
    if (j == i) {
      ++i;
      continue;
    }
    for (std::size_t k = i; k < j; ++k) {
      const std::size_t key = p_.index_at(lines_[k].key);
      if (key + 1 < p_.count()) spaces_[p_.begin(key + 1)] = static_cast<int>(widest - p_.text(key).size() + 1);
    }
    i = j;
  }
}

void Layout::run(uint32_t end) {
  while (!p_.done() && p_.begin(p_.next()) < end) {
    const uint32_t at = p_.begin(p_.next());
    if (auto b = breaks_.find(at); b != breaks_.end()) {
      if (b->second.comments_indent >= 0) {
        p_.line(b->second.comments_indent, true);
        p_.flush_comments(at);
      }
      p_.line(b->second.indent, b->second.blank_ok, b->second.blank);
      p_.set_continuation(b->second.indent + 2 * kStep);
    }
    if (auto s = spaces_.find(at); s != spaces_.end()) p_.next_spaces(s->second);
    if (auto x = exprs_.find(at); x != exprs_.end()) {
      expr(x->second);
      continue;
    }
    p_.emit();
  }
}

void Layout::expr(const ExprAt& x) {
  const int saved = p_.continuation();
  p_.set_continuation(x.cont);
  p_.emit_until(x.e->span.begin);  // the brackets around it
  node(x.e, x.cont);
  for (int i = 0; i < x.parens && !p_.done() && p_.text(p_.next()) == ")"; ++i) p_.emit();
  p_.set_continuation(saved);
}

// One expression: on one line when it fits; otherwise broken before the operators of its
// lowest-precedence chain, each operand on a line of its own at `cont`, the operands' own
// breaks one step further in. Recursion follows the AST's nesting of brackets (bounded by the
// parser); chains are flat, and runs of `not`, `-` and `@` are walked in a loop.
void Layout::node(const Expr* e, int cont) {
  const Expr* inner = e;
  while (is_unary(inner->kind) && inner->args.size() == 1 && inner->args[0]) inner = inner->args[0].get();
  if (inner != e) {
    p_.emit_until(inner->span.begin);
    node(inner, cont);
    p_.emit_until(e->span.end);
    return;
  }
  if (fits(e)) {
    p_.emit_until(e->span.end);
    return;
  }
  const bool chain = is_chain(e->kind);
  uint32_t prev_end = e->span.begin;
  for (std::size_t i = 0; i < e->args.size(); ++i) {
    const Expr* child = e->args[i].get();
    if (!child) continue;
    if (chain && i > 0) {
      // The operator: the first token between the operands that is not a closing bracket.
      std::size_t k = p_.index_at(prev_end);
      const std::size_t stop = p_.index_at(child->span.begin);
      while (k < stop && p_.text(k) == ")") ++k;
      if (k < stop && p_.text(k) != "(") {
        p_.emit_until(p_.begin(k));
        p_.line(cont, false);
      }
    }
    p_.emit_until(child->span.begin);
    p_.set_continuation(cont + kStep);
    node(child, chain ? cont + kStep : cont);
    p_.set_continuation(cont);
    prev_end = child->span.end;
  }
  p_.emit_until(e->span.end);
}

void Layout::record(const ast::TestRecord& r, int indent) {
  line_at(r.span.begin, indent);
  const bool inline_fits = !p_.has_line_breaking_comment(r.span.begin, r.span.end) &&
                           static_cast<std::size_t>(indent) + p_.flat_width(r.span.begin, r.span.end) <= p_.width();
  if (inline_fits) {
    for (std::size_t i = 1; i < r.entries.size(); ++i) spaces_[r.entries[i].span.begin] = 2;
    return;
  }
  block(r.span.begin, r.span.end, indent);
  for (const auto& entry : r.entries) line_at(entry.span.begin, indent + kStep);
}

// Every item in source order (the AST keeps them by kind), each laid out by its own plan.
void Layout::file(const ast::Module& m) {
  struct Item {
    uint32_t begin, end;
    std::function<void()> plan;
  };
  std::vector<Item> items;
  const auto add = [&](const ast::Span& s, std::function<void()> plan) { items.push_back({s.begin, s.end, std::move(plan)}); };

  if (m.header) {
    const auto& h = *m.header;
    add(h.span, [&] {
      block(h.span.begin, h.span.end, 0);
      for (const auto& f : h.fields) line_at(f.span.begin, kStep, true);
    });
  }
  for (const auto& i : m.imports) add(i.span, [] {});
  for (const auto& f : m.fields)
    add(f.span, [&] {
      // `key` and `column` stay on the first line, two spaces apart; bounds and quotes below.
      for (std::size_t i = p_.index_at(f.type.span.begin) + 1; i < p_.count() && p_.begin(i) < f.span.end; ++i) {
        const auto t = p_.text(i);
        if (t == "key" || t == "column") spaces_[p_.begin(i)] = 2;
        if (t == "low" || t == "high" || t == "where" || t == "quote" || t == "source") line_at(p_.begin(i), kStep, true);
      }
    });
  for (const auto& b : m.benchmarks)
    add(b.span, [&] {
      block(b.span.begin, b.span.end, 0);
      for (const auto& s : b.settings) line_at(s.span.begin, kStep, true);
      // `where "task" is "…"`: a line of its own, as a setting.
      for (const auto& w : b.where) {
        const std::size_t at = p_.index_at(w.span.begin);
        if (at > 0 && at < p_.count() && p_.text(at - 1) == "where") line_at(p_.begin(at - 1), kStep, true);
      }
      quotes(b.quotes, kStep);
    });
  for (const auto& ec : m.effective_computes)
    add(ec.span, [&] {
      block(ec.span.begin, ec.span.end, 0);
      quotes(ec.quotes, kStep);
      const ast::EcPart* parts[] = {&ec.base, &ec.metric, &ec.baseline, &ec.baseline_date, &ec.scale, &ec.post_training, &ec.multiplier};
      for (const auto* part : parts)
        if (part->state != ast::EcPart::State::Absent) line_at(part->span.begin, kStep, true);
      for (const auto* v : {ec.base.value.get(), ec.scale.value.get(), ec.multiplier.value.get()}) expr_at(v, 2 * kStep);
    });
  for (const auto& r : m.references) add(r.span, [&] { quotes(r.quotes, kStep); });
  for (const auto& d : m.defines)
    add(d.span, [&] {
      expr_at(d.value.get(), kStep);
      quotes(d.quotes, kStep);
    });
  for (const auto& t : m.triggers)
    add(t.span, [&] {
      block(t.span.begin, t.span.end, 0);
      quotes(t.quotes, kStep);
      if (t.when) {
        line_at(keyword_before(t.when.get()), kStep);
        expr_at(t.when.get(), 2 * kStep);
      }
      for (const auto& o : t.obligations) obligation(o, kStep);
    });
  for (const auto& t : m.tiers)
    add(t.span, [&] {
      expr_at(t.by.get(), kStep);
      block(t.span.begin, t.span.end, 0);
      for (const auto& tier : t.tiers) {
        line_at(tier.span.begin, kStep);
        quotes(tier.quotes, 2 * kStep);
        for (const auto& o : tier.obligations) obligation(o, 2 * kStep);
      }
    });
  for (const auto& e : m.escalations)
    add(e.span, [&] {
      expr_at(e.when.get(), kStep);
      quotes(e.quotes, kStep);
    });
  for (const auto& e : m.exemptions)
    add(e.span, [&] {
      const bool is_block = p_.text(p_.index_at(e.span.begin)) == "exemption";
      if (!is_block) {
        expr_at(e.when.get(), kStep);
        quotes(e.quotes, kStep);
        return;
      }
      block(e.span.begin, e.span.end, 0);
      quotes(e.quotes, kStep);
      uint32_t when_begin = e.span.end, when_end = e.span.end;
      if (e.when) {
        when_begin = keyword_before(e.when.get());
        when_end = e.when->span.end;
        line_at(when_begin, kStep);
        expr_at(e.when.get(), 2 * kStep);
      }
      for (std::size_t i = p_.index_at(e.span.begin) + 2; i < p_.count() && p_.begin(i) < e.span.end; ++i) {
        if (p_.text(i) != "applies_to" || (p_.begin(i) >= when_begin && p_.begin(i) < when_end)) continue;
        bool in_quote = false;
        for (const auto& q : e.quotes) in_quote = in_quote || (p_.begin(i) >= q.span.begin && p_.begin(i) < q.span.end);
        if (!in_quote) line_at(p_.begin(i), kStep);
      }
    });
  for (const auto& a : m.assumptions)
    add(a.span, [&] {
      block(a.span.begin, a.span.end, 0);
      for (const auto& x : a.items) {
        line_at(x.span.begin, kStep);
        if (x.kind == ast::Assumption::Kind::Value) expr_at(x.value.get(), 2 * kStep);
      }
    });
  for (const auto& t : m.tests)
    add(t.span, [&] {
      block(t.span.begin, t.span.end, 0);
      for (const auto& r : t.records) record(r, kStep);
      for (const auto& x : t.expects) {
        if (!x) continue;
        line_at(keyword_before(x.get()), kStep);
        expr_at(x.get(), 2 * kStep);
      }
      // `as_of DATE`: the only `as_of` outside the records followed by a date.
      for (std::size_t i = p_.index_at(t.span.begin) + 2; i + 1 < p_.count() && p_.begin(i) < t.span.end; ++i) {
        if (p_.text(i) != "as_of" || p_.text(i + 1).empty() || !std::isdigit(static_cast<unsigned char>(p_.text(i + 1)[0])))
          continue;
        bool in_record = false;
        for (const auto& r : t.records) in_record = in_record || (p_.begin(i) >= r.span.begin && p_.begin(i) < r.span.end);
        if (!in_record) line_at(p_.begin(i), kStep);
      }
    });
  for (const auto& u : m.units) add(u.span, [&] { quotes(u.quotes, kStep); });
  for (const auto& n : m.not_encoded)
    add(n.span, [&] {
      for (std::size_t i = p_.index_at(n.span.begin) + 2; i < p_.count() && p_.begin(i) < n.span.end; ++i)
        if (p_.text(i) == "source" || p_.text(i) == "because") line_at(p_.begin(i), kStep, true);
    });

  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.begin < b.begin; });
  const auto has_block = [&](const Item& it) { return find(it.begin, it.end, "{") < p_.count(); };
  for (std::size_t i = 0; i < items.size(); ++i) {
    const bool blank = i > 0 && (has_block(items[i]) || has_block(items[i - 1]));
    item(items[i].begin, items[i].end, blank, items[i].plan);
  }
}

}  // namespace

std::string print(std::string_view text, const ast::Module& module, const std::vector<syntax::Token>& tokens,
                  std::size_t width) {
  Printer p(text, tokens, width);
  mark_glue(p, module);
  Layout(p).file(module);
  return p.finish();
}

}  // namespace scalepol::format
