#include "api/outline_symbols.hpp"

#include <algorithm>
#include <string>

namespace scalepol::outline_detail {

namespace {

// Longer details are cut: a hover shows the whole construct's quote, not pages of expression.
constexpr std::size_t kMaxDetail = 240;

class Builder {
 public:
  Builder(const syntax::SourceFile& file, bool in_stdlib) : file_(file), in_stdlib_(in_stdlib) {}

  // The text of `span` as written, on one line (runs of white space become one space).
  std::string text(const ast::Span& span) const {
    const std::string& all = file_.text();
    if (span.end <= span.begin || span.end > all.size()) return {};
    std::string out;
    bool space = false;
    for (std::size_t i = span.begin; i < span.end; ++i) {
      const char c = all[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        space = !out.empty();
        continue;
      }
      if (space) out += ' ';
      space = false;
      out += c;
    }
    if (out.size() > kMaxDetail) {
      std::size_t cut = kMaxDetail;
      while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a code point
      out = out.substr(0, cut) + " …";
    }
    return out;
  }
  std::string text(const ast::ExprPtr& e) const { return e ? text(e->span) : std::string(); }

  OutlineSymbol make(std::string kind, std::string name, const ast::Span& span, const ast::Span* name_span,
                     std::string detail = {}, const std::vector<ast::Quote>* quotes = nullptr) const {
    OutlineSymbol s;
    s.kind = std::move(kind);
    s.name = std::move(name);
    s.detail = std::move(detail);
    s.span = to_span(file_, span);
    s.name_span = name_span && name_span->line ? to_span(file_, *name_span) : s.span;
    s.in_stdlib = in_stdlib_;
    if (quotes)
      for (const auto& q : *quotes) s.quotes.push_back({q.text, q.source});
    return s;
  }

  std::vector<OutlineSymbol> obligations(const std::vector<ast::Obligation>& list) const {
    std::vector<OutlineSymbol> out;
    for (const auto& o : list) {
      std::string detail = o.text.empty() ? std::string() : "\"" + o.text + "\"";
      if (o.within) detail += (detail.empty() ? "" : " ") + ("within " + text(o.within));
      out.push_back(make("obligation", o.kind.text, o.span, &o.kind.span, detail, &o.quotes));
    }
    return out;
  }

  std::vector<OutlineSymbol> build(const ast::Module& m) const {
    std::vector<OutlineSymbol> out;
    if (m.header) {
      const auto& h = *m.header;
      auto s = make("policy", h.name.text, h.span, &h.name.span, h.title);
      for (const auto& f : h.fields) s.children.push_back(make("header", f.key.text, f.span, &f.key.span, f.text));
      out.push_back(std::move(s));
    }
    for (const auto& i : m.imports) out.push_back(make("import", i.path, i.span, nullptr));
    for (const auto& f : m.fields)
      out.push_back(make("field", f.name.text, f.span, &f.name.span, f.type.text, &f.quotes));
    for (const auto& b : m.benchmarks)
      out.push_back(make("benchmark", b.name.text, b.span, &b.name.span, "a benchmark score, in pp", &b.quotes));
    for (const auto& ec : m.effective_computes) {
      std::string detail = ec.base.value ? "base " + text(ec.base.value) : std::string();
      out.push_back(make("effective_compute", ec.name.text, ec.span, &ec.name.span, detail, &ec.quotes));
    }
    for (const auto& r : m.references)
      out.push_back(make("reference", r.name.text, r.span, &r.name.span,
                         r.kind == ast::ReferenceDecl::Kind::Field ? "the model named by `" + r.field.text + "`"
                                                                   : "the frontier model",
                         &r.quotes));
    for (const auto& d : m.defines) {
      std::string detail = (d.type ? ": " + d.type->text + " " : std::string()) + "= " + text(d.value);
      out.push_back(make("define", d.name.text, d.span, &d.name.span, detail, &d.quotes));
    }
    for (const auto& t : m.triggers)
      out.push_back([&] {
        auto s = make("trigger", t.name.text, t.span, &t.name.span, t.when ? "when " + text(t.when) : "", &t.quotes);
        s.children = obligations(t.obligations);
        return s;
      }());
    for (const auto& ladder : m.tiers) {
      auto s = make("tiers", ladder.name.text, ladder.span, &ladder.name.span, ladder.by ? "by " + text(ladder.by) : "");
      for (const auto& tier : ladder.tiers) {
        std::string bounds;
        for (const auto& b : tier.bounds) bounds += (bounds.empty() ? "" : " ") + text(b.span);
        auto t = make("tier", ladder.name.text + "." + tier.name.text, tier.span, &tier.name.span, bounds, &tier.quotes);
        t.children = obligations(tier.obligations);
        s.children.push_back(std::move(t));
      }
      out.push_back(std::move(s));
    }
    for (const auto& e : m.escalations)
      out.push_back(make("escalate", e.ladder.text + "." + e.tier.text, e.span, &e.ladder.span,
                         e.when ? "when " + text(e.when) : "", &e.quotes));
    for (const auto& e : m.exemptions)
      out.push_back(make("exemption", e.name.text, e.span, &e.name.span, e.when ? "when " + text(e.when) : "", &e.quotes));
    for (const auto& a : m.assumptions)
      for (const auto& item : a.items) out.push_back(make("assume", item.name.text, item.span, &item.name.span, text(item.span)));
    for (const auto& t : m.tests) out.push_back(make("test", t.name, t.span, nullptr));
    for (const auto& u : m.units)
      out.push_back(make("unit", u.name.text, u.span, &u.name.span, "= " + u.factor_text + " " + u.base.text, &u.quotes));
    for (const auto& n : m.not_encoded) {
      auto s = make("not_encoded", n.text, n.span, &n.text_span, n.because);
      s.quotes.push_back({n.text, n.source});
      out.push_back(std::move(s));
    }
    std::stable_sort(out.begin(), out.end(), [](const OutlineSymbol& a, const OutlineSymbol& b) {
      return std::pair(a.span.line, a.span.column) < std::pair(b.span.line, b.span.column);
    });
    return out;
  }

 private:
  const syntax::SourceFile& file_;
  bool in_stdlib_;
};

}  // namespace

SourceSpan to_span(const syntax::SourceFile& file, const ast::Span& span) {
  return SourceSpan{file.path(), span.line, span.column, span.end_line, span.end_column};
}

std::vector<OutlineSymbol> module_symbols(const ast::Module& module, const syntax::SourceFile& file, bool in_stdlib) {
  return Builder(file, in_stdlib).build(module);
}

}  // namespace scalepol::outline_detail
