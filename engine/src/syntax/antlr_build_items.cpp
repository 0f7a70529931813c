// Items: one function per kind of item, filling the AST's declarations.
#include <fmt/format.h>

#include "syntax/antlr_build.hpp"

namespace scalepol::syntax {
namespace {

template <class T, class C>
T* as(C* c) {
  return dynamic_cast<T*>(c);
}

bool has(antlr4::ParserRuleContext* c, std::size_t token_type) { return c && c->getToken(token_type, 0) != nullptr; }

}  // namespace

bool AstBuilder::first_time(Seen& seen, antlr4::ParserRuleContext* part, const std::string& owner) {
  if (!part || !real(part->getStart())) return false;
  const std::string keyword = part->getStart()->getText();
  auto [it, inserted] = seen.emplace(keyword, span(part));
  if (inserted) return true;
  auto& d = sink_.error(span(part), Code::DuplicatePart, fmt::format("`{}` is written twice in {}", keyword, owner));
  d.notes.push_back(fmt::format("the first `{}` is at line {}, column {}", keyword, it->second.line, it->second.column));
  d.help = "keep one of them";
  return false;
}

void AstBuilder::item(P::ItemContext* c, ast::Module& m) {
  if (!c) return;
  if (auto* x = c->policyHeader()) {
    auto header = policy_header(x);
    if (!m.header) {
      m.header = std::move(header);
    } else {
      auto& d = sink_.error(header.span, Code::DuplicatePart, "a file has one `policy` header");
      d.notes.push_back(fmt::format("the first is at line {}, column {}", m.header->span.line, m.header->span.column));
    }
  } else if (auto* x = c->importDecl()) {
    m.imports.push_back(import_decl(x));
  } else if (auto* x = c->fieldDecl()) {
    m.fields.push_back(field_decl(x));
  } else if (auto* x = c->benchmarkDecl()) {
    m.benchmarks.push_back(benchmark_decl(x));
  } else if (auto* x = c->effectiveComputeDecl()) {
    m.effective_computes.push_back(effective_compute_decl(x));
  } else if (auto* x = c->referenceDecl()) {
    m.references.push_back(reference_decl(x));
  } else if (auto* x = c->defineDecl()) {
    m.defines.push_back(define_decl(x));
  } else if (auto* x = c->triggerDecl()) {
    m.triggers.push_back(trigger_decl(x));
  } else if (auto* x = c->tiersDecl()) {
    m.tiers.push_back(tiers_decl(x));
  } else if (auto* x = c->escalateDecl()) {
    m.escalations.push_back(escalate_decl(x));
  } else if (auto* x = c->exemptionDecl()) {
    m.exemptions.push_back(exemption_decl(x));
  } else if (auto* x = c->assumeDecl()) {
    m.assumptions.push_back(assume_decl(x));
  } else if (auto* x = c->testDecl()) {
    m.tests.push_back(test_decl(x));
  } else if (auto* x = c->unitDecl()) {
    m.units.push_back(unit_decl(x));
  } else if (auto* x = c->notEncodedDecl()) {
    m.not_encoded.push_back(not_encoded_decl(x));
  }
}

ast::PolicyHeader AstBuilder::policy_header(P::PolicyHeaderContext* c) {
  ast::PolicyHeader h;
  h.name = ident(c->name());
  h.title = string_value(c->STRING());
  for (auto* f : c->headerField()) {
    ast::HeaderField field;
    field.key = ident(f->name());
    field.span = span(f);
    if (auto* s = f->STRING()) {
      field.text = string_value(s);
    } else if (antlr4::Token* date = real(f->DATE())) {
      field.text = date->getText();
      field.date = date_value(date);
    }
    h.fields.push_back(std::move(field));
  }
  h.span = span(c);
  return h;
}

ast::Import AstBuilder::import_decl(P::ImportDeclContext* c) {
  ast::Import imp;
  if (auto* q = c->qualifiedName()) {
    auto parts = path(q);
    imp.path = dotted(parts);
    imp.is_std = !parts.empty() && parts.front().text == "std";
  } else {
    imp.path = string_value(c->STRING());
  }
  imp.span = span(c);
  return imp;
}

std::optional<ast::TypeRef> AstBuilder::type_ref(P::TypeRefContext* c) {
  if (!c) return std::nullopt;
  if (antlr4::Token* unit = real(c->UNIT())) return ast::TypeRef{unit->getText(), span(unit)};
  if (auto id = ident(c->name()); !id.text.empty()) return ast::TypeRef{id.text, id.span};
  return std::nullopt;
}

ast::FieldDecl AstBuilder::field_decl(P::FieldDeclContext* c) {
  ast::FieldDecl f;
  f.name = ident(c->name());
  if (auto t = type_ref(c->typeRef())) f.type = std::move(*t);
  for (auto* option : c->fieldOption()) {
    if (auto* col = as<P::ColumnOptionContext>(option)) {
      for (auto* s : col->STRING()) f.columns.push_back(string_value(s));
    } else if (auto* low = as<P::LowOptionContext>(option)) {
      if (f.low_columns.empty() && f.high_columns.empty()) f.bounds_span = span(low);
      for (auto* s : low->STRING()) f.low_columns.push_back(string_value(s));
    } else if (auto* high = as<P::HighOptionContext>(option)) {
      if (f.low_columns.empty() && f.high_columns.empty()) f.bounds_span = span(high);
      for (auto* s : high->STRING()) f.high_columns.push_back(string_value(s));
    } else if (as<P::KeyOptionContext>(option)) {
      f.key = true;
    } else if (auto* format = as<P::FormatOptionContext>(option)) {
      date_format(format, f);
    } else if (auto* where = as<P::WhereOptionContext>(option)) {
      row_filter(where->rowFilter(), f.where);
    } else if (auto* q = as<P::FieldQuoteContext>(option)) {
      f.quotes.push_back(quote(q->quoteClause()));
    }
  }
  // Bounds make a range, which only a quantity has. The type is a unit word or a name; of the
  // names only `number` is a quantity (an unknown name is the checker's to report).
  if (!f.low_columns.empty() || !f.high_columns.empty()) {
    const std::string& t = f.type.text;
    if (t == "date" || t == "bool" || t == "text") {
      auto& d = sink_.error(f.bounds_span, Code::TypeMismatch,
                            fmt::format("`low` and `high` give the bounds of a quantity; `{}` is {}", f.name.text,
                                        t == "date" ? "a date" : t == "bool" ? "true or false" : "text"));
      d.help = "give bound columns to a field whose type is a unit (`field training_compute: FLOP … low \"…\"`)";
      f.low_columns.clear();
      f.high_columns.clear();
    }
  }
  f.span = span(c);
  return f;
}

// `where "task" is "GPQA diamond" and "Status" is "Success"`: one filter per pair of strings.
void AstBuilder::row_filter(P::RowFilterContext* c, std::vector<ast::RowFilter>& out) {
  if (!c) return;
  const auto strings = c->STRING();
  for (std::size_t i = 0; i + 1 < strings.size(); i += 2) {
    ast::RowFilter f;
    f.column = string_value(strings[i]);
    f.value = string_value(strings[i + 1]);
    f.span = span(strings[i]->getSymbol(), strings[i + 1]->getSymbol());
    out.push_back(std::move(f));
  }
}

// `format "M/D/YYYY"` on a date field: the order of its parts and their separator.
void AstBuilder::date_format(P::FormatOptionContext* c, ast::FieldDecl& f) {
  if (!c->STRING()) return;
  const std::string text = string_value(c->STRING());
  const ast::Span at = span(c);
  if (f.type.text != "date") {
    auto& d = sink_.error(at, Code::TypeMismatch, fmt::format("`format` says how dates are written; `{}` is not a date", f.name.text));
    d.help = "give a format to a date field: `field released: date column \"…\" format \"M/D/YYYY\"`";
    return;
  }
  struct Known {
    std::string_view text;
    ast::DateOrder order;
    char separator;
  };
  static constexpr Known known[] = {
      {"YYYY-MM-DD", ast::DateOrder::Iso, '-'},          {"M/D/YYYY", ast::DateOrder::MonthDayYear, '/'},
      {"MM/DD/YYYY", ast::DateOrder::MonthDayYear, '/'}, {"D/M/YYYY", ast::DateOrder::DayMonthYear, '/'},
      {"DD/MM/YYYY", ast::DateOrder::DayMonthYear, '/'}, {"D.M.YYYY", ast::DateOrder::DayMonthYear, '.'},
      {"DD.MM.YYYY", ast::DateOrder::DayMonthYear, '.'}, {"M-D-YYYY", ast::DateOrder::MonthDayYear, '-'},
      {"D-M-YYYY", ast::DateOrder::DayMonthYear, '-'}};
  for (const Known& k : known) {
    if (k.text != text) continue;
    f.date_order = k.order;
    f.date_separator = k.separator;
    return;
  }
  auto& d = sink_.error(at, Code::UnknownFormat, fmt::format("unknown date format `{}`", text));
  d.help = "known formats: YYYY-MM-DD, M/D/YYYY (month first), D/M/YYYY (day first), D.M.YYYY, M-D-YYYY, D-M-YYYY";
}

ast::Quote AstBuilder::quote(P::QuoteClauseContext* c) {
  ast::Quote q;
  if (!c) return q;
  q.span = span(c);
  // `quote "…" source "…"` or `source "…"`: each string belongs to the keyword before it.
  std::string* target = nullptr;
  for (auto* child : c->children) {
    auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(child);
    antlr4::Token* t = real(terminal);
    if (!t) continue;
    if (t->getType() == P::QUOTE) target = &q.text;
    else if (t->getType() == P::SOURCE) target = &q.source;
    else if (t->getType() == P::STRING && target) *target = string_value(terminal);
  }
  return q;
}

ast::BenchmarkDecl AstBuilder::benchmark_decl(P::BenchmarkDeclContext* c) {
  ast::BenchmarkDecl b;
  b.name = ident(c->name());
  for (auto* prop : c->benchmarkProp()) {
    if (auto* q = as<P::BenchmarkQuoteContext>(prop)) {
      b.quotes.push_back(quote(q->quoteClause()));
      continue;
    }
    if (auto* w = as<P::BenchmarkWhereContext>(prop)) {
      row_filter(w->rowFilter(), b.where);
      continue;
    }
    auto* s = as<P::BenchmarkSettingContext>(prop);
    if (!s) continue;
    ast::Setting setting;
    auto names = s->name();
    if (!names.empty()) setting.key = ident(names[0]);
    setting.span = span(s);
    if (s->UNSPECIFIED()) {
      setting.kind = ast::Setting::Kind::Unspecified;
    } else if (auto* r = s->range()) {
      setting.kind = ast::Setting::Kind::Range;
      setting.range = range(r);
    } else if (auto* l = s->literal()) {
      setting.kind = ast::Setting::Kind::Literal;
      setting.literal = literal(l);
    } else if (names.size() > 1) {
      setting.kind = ast::Setting::Kind::Word;
      setting.word = ident(names[1]);
    }
    b.settings.push_back(std::move(setting));
  }
  b.span = span(c);
  return b;
}

ast::EffectiveComputeDecl AstBuilder::effective_compute_decl(P::EffectiveComputeDeclContext* c) {
  ast::EffectiveComputeDecl ec;
  ec.name = ident(c->name());
  Seen seen;
  for (auto* part : c->ecPart()) ec_part(part, ec, seen);
  ec.span = span(c);
  return ec;
}

void AstBuilder::ec_part(P::EcPartContext* c, ast::EffectiveComputeDecl& ec, Seen& seen) {
  if (auto* q = as<P::EcQuoteContext>(c)) {
    ec.quotes.push_back(quote(q->quoteClause()));
    return;
  }
  if (!first_time(seen, c, fmt::format("`{}`", ec.name.text))) return;
  // Every part is `keyword unspecified` or `keyword value`: the state and span are alike.
  const bool unspecified = has(c, P::UNSPECIFIED);
  const auto given = [&](ast::EcPart& part) {
    part.state = unspecified ? ast::EcPart::State::Unspecified : ast::EcPart::State::Given;
    part.span = span(c);
    return !unspecified;
  };
  if (auto* x = as<P::EcBaseContext>(c)) {
    if (given(ec.base)) ec.base.value = expr(x->expr());
  } else if (auto* x = as<P::EcMetricContext>(c)) {
    ec.metric.example = x->EXAMPLE() != nullptr;
    if (!given(ec.metric)) return;
    using Kind = decltype(ec.metric.kind);
    if (auto* loss = as<P::LossMetricContext>(x->metricValue())) {
      ec.metric.kind = Kind::Loss;
      ec.metric.text = string_value(loss->STRING());
    } else if (auto* bench = as<P::BenchmarkMetricContext>(x->metricValue())) {
      ec.metric.kind = Kind::Benchmark;
      ec.metric.benchmark = ident(bench->name());
    } else if (auto* text = as<P::TextMetricContext>(x->metricValue())) {
      ec.metric.kind = Kind::Text;
      ec.metric.text = string_value(text->STRING());
    }
  } else if (auto* x = as<P::EcBaselineContext>(c)) {
    if (given(ec.baseline)) ec.baseline.text = string_value(x->STRING());
  } else if (auto* x = as<P::EcBaselineDateContext>(c)) {
    if (given(ec.baseline_date)) ec.baseline_date.date = date_value(real(x->DATE())).value_or(0);
  } else if (auto* x = as<P::EcScaleContext>(c)) {
    if (given(ec.scale)) ec.scale.value = expr(x->expr());
  } else if (auto* x = as<P::EcPostTrainingContext>(c)) {
    if (given(ec.post_training)) ec.post_training.included = x->INCLUDED() != nullptr;
  } else if (auto* x = as<P::EcMultiplierContext>(c)) {
    if (given(ec.multiplier)) ec.multiplier.value = expr(x->expr());
  }
}

ast::ReferenceDecl AstBuilder::reference_decl(P::ReferenceDeclContext* c) {
  ast::ReferenceDecl r;
  r.name = ident(c->name());
  if (auto* f = as<P::FieldReferenceContext>(c->referenceTarget())) {
    r.kind = ast::ReferenceDecl::Kind::Field;
    r.field = ident(f->name());  // `record.` is optional and adds nothing
  } else if (auto* f = as<P::FrontierReferenceContext>(c->referenceTarget())) {
    r.kind = ast::ReferenceDecl::Kind::Frontier;
    r.frontier_date = date_value(real(f->DATE())).value_or(0);
    if (f->name()) r.frontier_by = ident(f->name());
  }
  for (auto* q : c->quoteClause()) r.quotes.push_back(quote(q));
  r.span = span(c);
  return r;
}

ast::DefineDecl AstBuilder::define_decl(P::DefineDeclContext* c) {
  ast::DefineDecl d;
  d.name = ident(c->name());
  d.type = type_ref(c->typeRef());
  d.value = expr(c->expr());
  for (auto* q : c->quoteClause()) d.quotes.push_back(quote(q));
  d.span = span(c);
  return d;
}

ast::Obligation AstBuilder::obligation(P::ObligationContext* c) {
  ast::Obligation o;
  if (!c) return o;
  o.kind = ident(c->name());
  o.text = string_value(c->STRING());
  if (auto* within = c->addExpr()) o.within = add_expr(within);
  for (auto* q : c->quoteClause()) o.quotes.push_back(quote(q));
  o.span = span(c);
  return o;
}

ast::TriggerDecl AstBuilder::trigger_decl(P::TriggerDeclContext* c) {
  ast::TriggerDecl t;
  t.name = ident(c->name());
  Seen seen;
  for (auto* part : c->triggerPart()) {
    if (auto* q = as<P::TriggerQuoteContext>(part)) {
      t.quotes.push_back(quote(q->quoteClause()));
    } else if (auto* w = as<P::TriggerWhenContext>(part)) {
      if (first_time(seen, w, fmt::format("trigger `{}`", t.name.text))) t.when = expr(w->expr());
    } else if (auto* o = as<P::TriggerObligationContext>(part)) {
      t.obligations.push_back(obligation(o->obligation()));
    }
  }
  t.span = span(c);
  return t;
}

ast::TiersDecl AstBuilder::tiers_decl(P::TiersDeclContext* c) {
  ast::TiersDecl t;
  t.name = ident(c->name());
  t.by = expr(c->expr());
  for (auto* tier : c->tierDecl()) t.tiers.push_back(tier_decl(tier));
  t.span = span(c);
  return t;
}

ast::TierDecl AstBuilder::tier_decl(P::TierDeclContext* c) {
  ast::TierDecl t;
  t.name = ident(c->name());
  for (auto* b : c->tierBound()) {
    antlr4::Token* kind = real(b->boundKind);
    if (!kind) continue;
    ast::TierBound bound;
    switch (kind->getType()) {
      case P::BELOW: bound.kind = ast::BoundKind::Below; break;
      case P::UP_TO: bound.kind = ast::BoundKind::UpTo; break;
      case P::ABOVE: bound.kind = ast::BoundKind::Above; break;
      default: bound.kind = ast::BoundKind::From; break;
    }
    bound.value = add_expr(b->addExpr());
    bound.span = span(b);
    t.bounds.push_back(std::move(bound));
  }
  for (auto* part : c->tierPart()) {
    if (auto* q = as<P::TierQuoteContext>(part)) t.quotes.push_back(quote(q->quoteClause()));
    else if (auto* o = as<P::TierObligationContext>(part)) t.obligations.push_back(obligation(o->obligation()));
  }
  t.span = span(c);
  return t;
}

ast::EscalateDecl AstBuilder::escalate_decl(P::EscalateDeclContext* c) {
  ast::EscalateDecl e;
  auto names = c->name();
  if (names.size() > 0) e.ladder = ident(names[0]);
  if (names.size() > 1) e.tier = ident(names[1]);
  e.when = expr(c->expr());
  for (auto* q : c->quoteClause()) e.quotes.push_back(quote(q));
  e.span = span(c);
  return e;
}

ast::ExemptionDecl AstBuilder::exemption_decl(P::ExemptionDeclContext* c) {
  ast::ExemptionDecl e;
  e.span = span(c);
  if (auto* s = as<P::ExemptionShortContext>(c)) {
    // `exempt x when …`: exempts from everything.
    e.name = ident(s->name());
    e.when = expr(s->expr());
    for (auto* q : s->quoteClause()) e.quotes.push_back(quote(q));
    return e;
  }
  auto* block = as<P::ExemptionBlockContext>(c);
  if (!block) return e;
  e.name = ident(block->name());
  const std::string owner = fmt::format("exemption `{}`", e.name.text);
  Seen seen;
  for (auto* part : block->exemptionPart()) {
    if (auto* q = as<P::ExemptionQuoteContext>(part)) {
      e.quotes.push_back(quote(q->quoteClause()));
    } else if (auto* w = as<P::ExemptionWhenContext>(part)) {
      if (first_time(seen, w, owner)) e.when = expr(w->expr());
    } else if (auto* a = as<P::ExemptionAppliesToContext>(part)) {
      if (!first_time(seen, a, owner) || a->ALL()) continue;  // `applies_to all`: the default
      e.applies_to_all = false;
      for (auto* target : a->qualifiedName()) e.applies_to.push_back(path(target));
    }
  }
  return e;
}

ast::AssumeDecl AstBuilder::assume_decl(P::AssumeDeclContext* c) {
  ast::AssumeDecl a;
  for (auto* item : c->assumption()) {
    ast::Assumption x;
    x.span = span(item);
    if (auto* choices = as<P::AssumeChoicesContext>(item)) {
      x.name = ident(choices->name());
      x.kind = ast::Assumption::Kind::Choices;
      for (auto* e : choices->expr())
        if (auto value = expr(e)) x.choices.push_back(std::move(value));
    } else if (auto* r = as<P::AssumeRangeContext>(item)) {
      x.name = ident(r->name());
      x.kind = ast::Assumption::Kind::Range;
      x.range = range(r->range());
    } else if (auto* v = as<P::AssumeValueContext>(item)) {
      x.name = ident(v->name());
      x.kind = ast::Assumption::Kind::Value;
      x.value = expr(v->expr());
    }
    a.items.push_back(std::move(x));
  }
  a.span = span(c);
  return a;
}

ast::TestDecl AstBuilder::test_decl(P::TestDeclContext* c) {
  ast::TestDecl t;
  t.name = string_value(c->STRING());
  Seen seen;
  for (auto* part : c->testPart()) {
    if (auto* r = as<P::TestRecordContext>(part)) {
      ast::TestRecord record;
      for (auto* entry : r->recordEntry()) {
        ast::RecordEntry e;
        e.field = ident(entry->name());
        e.span = span(entry);
        if (entry->UNKNOWN()) {
          e.kind = ast::RecordEntry::Kind::Unknown;
        } else if (auto* l = entry->literal()) {
          e.kind = ast::RecordEntry::Kind::Literal;
          e.literal = literal(l);
        } else if (auto* rg = entry->range()) {
          e.kind = ast::RecordEntry::Kind::Range;
          e.range = range(rg);
        }
        record.entries.push_back(std::move(e));
      }
      record.span = span(r);
      t.records.push_back(std::move(record));
    } else if (auto* e = as<P::TestExpectContext>(part)) {
      if (auto value = expr(e->expr())) t.expects.push_back(std::move(value));
    } else if (auto* a = as<P::TestAsOfContext>(part)) {
      if (first_time(seen, a, fmt::format("test \"{}\"", t.name))) t.as_of = date_value(real(a->DATE()));
    }
  }
  t.span = span(c);
  return t;
}

ast::UnitDecl AstBuilder::unit_decl(P::UnitDeclContext* c) {
  ast::UnitDecl u;
  if (antlr4::Token* builtin = real(c->UNIT())) {
    u.name = {builtin->getText(), span(builtin)};
  } else if (auto* n = c->name()) {
    u.name = ident(n);
    // A soft keyword (`scale`, `version`, …) is a name elsewhere, but after a number it is read as
    // the word it is, never as a unit: such a unit could be declared and never used.
    if (antlr4::Token* word = real(n->getStart()); word && word->getType() != P::IDENT && word->getType() != P::UNIT_NAME) {
      auto& d = sink_.error(u.name.span, Code::ReservedWord,
                            fmt::format("`{}` is a word of the language and cannot name a unit", u.name.text));
      d.help = "choose another name, such as `" + u.name.text + "_unit`";
    }
  }
  if (antlr4::Token* number = real(c->NUMBER())) {
    u.factor_text = number->getText();
    u.factor = number_value(number, u.factor_text);
  }
  if (antlr4::Token* base = unit_word(c->unitWord())) u.base = {base->getText(), span(base)};
  for (auto* q : c->quoteClause()) u.quotes.push_back(quote(q));
  u.span = span(c);
  return u;
}

ast::NotEncoded AstBuilder::not_encoded_decl(P::NotEncodedDeclContext* c) {
  ast::NotEncoded n;
  n.span = span(c);
  // NOT_ENCODED STRING (SOURCE STRING)? (BECAUSE STRING)?: each string belongs to the word before it.
  std::string* target = nullptr;
  for (auto* child : c->children) {
    auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(child);
    antlr4::Token* t = real(terminal);
    if (!t) continue;
    switch (t->getType()) {
      case P::NOT_ENCODED: target = &n.text; break;
      case P::SOURCE: target = &n.source; break;
      case P::BECAUSE: target = &n.because; break;
      case P::STRING:
        if (!target) break;
        if (target == &n.text) n.text_span = span(t);
        *target = string_value(terminal);
        target = nullptr;
        break;
      default: break;
    }
  }
  return n;
}

}  // namespace scalepol::syntax
