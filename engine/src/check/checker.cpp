// The checker's driver: collects every declaration of every module into the program's tables,
// then checks each declaration's expressions and the rule graph. Expression typing is in
// check_expr.cpp; cycle detection in cycles.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "check/checker_impl.hpp"
#include "check/exact_scale.hpp"
#include "syntax/suggest.hpp"

namespace scalepol::check {

namespace {

// What a benchmark's `scale` makes of its data: `0..100 pp` (or `0..100`) is read as written, in
// percentage points; `0..1` is a fraction, read × 100. `unspecified` is read as percentage points.
// Any other scale has no reading in pp (an Elo rating, a 1..10 grade): nullopt.
std::optional<double> benchmark_scale(const ast::Setting& s) {
  if (s.kind == ast::Setting::Kind::Unspecified) return 1.0;
  if (s.kind != ast::Setting::Kind::Range || s.range.lo != 0 || !s.range.lo_unit.empty()) return std::nullopt;
  if (s.range.hi == 100 && (s.range.unit.empty() || s.range.unit == "pp")) return 1.0;
  if (s.range.hi == 1 && s.range.unit.empty()) return 100.0;
  return std::nullopt;
}

}  // namespace

void Checker::report(const ast::Span& span, Code code, std::string message, std::string help,
                     std::vector<std::string> notes) {
  auto d = syntax::make_diagnostic(*p_.files[module_], span, code, std::move(message));
  d.help = std::move(help);
  d.notes = std::move(notes);
  if (d.severity == Severity::Error) ++errors_;
  p_.diagnostics.add(std::move(d));
}

bool Checker::error_shown() const { return errors_ < std::max<std::size_t>(p_.max_diagnostics, 1); }

bool Checker::may_suggest() {
  if (!error_shown() || suggestion_searches_ >= kMaxSuggestionSearches) return false;
  ++suggestion_searches_;
  return true;
}

int32_t Checker::find_tier(int32_t ladder, std::string_view name) {
  if (tier_index_.size() != p_.ladders.size()) tier_index_.resize(p_.ladders.size());
  auto& index = tier_index_[ladder];
  const auto& tiers = p_.ladders[ladder].decl->tiers;
  if (index.empty() && !tiers.empty())
    for (std::size_t t = 0; t < tiers.size(); ++t) index.emplace(tiers[t].name.text, static_cast<int32_t>(t));
  auto it = index.find(name);
  return it == index.end() ? -1 : it->second;
}

void Checker::declare(const std::string& name, RefKind kind, int32_t index, const ast::Span& span) {
  auto [it, inserted] = symbols_.try_emplace(name, Symbol{kind, index, span, module_});
  if (!inserted) {
    const auto& first = it->second;
    const auto in_stdlib = [&](int32_t m) { return m < static_cast<int32_t>(p_.from_stdlib.size()) && p_.from_stdlib[m]; };
    if (in_stdlib(module_) && !in_stdlib(first.module)) {
      // The user's name clashes with the standard library's, which is checked after the file
      // that imports it: point at the user's definition, not into the stdlib.
      const auto& std_file = *p_.files[module_];
      auto saved = module_;
      module_ = first.module;
      report(first.span, Code::DuplicateDefinition,
             fmt::format("`{}` is already defined by the standard library", name),
             "choose another name", {fmt::format("defined at {}:{}:{}", std_file.path(), span.line, span.column)});
      module_ = saved;
      return;
    }
    const auto& file = *p_.files[first.module];
    report(span, Code::DuplicateDefinition, fmt::format("`{}` is defined twice", name), {},
           {fmt::format("first defined at {}:{}:{}", file.path(), first.span.line, first.span.column)});
  }
}

Type Checker::field_type(const ast::TypeRef& t, double& scale, std::string& unit) {
  scale = 1;
  unit.clear();
  if (t.text == "date") return Type::date();
  if (t.text == "bool") return Type::boolean();
  if (t.text == "text") return Type::text();
  if (t.text == "number") return Type::quantity(Dim::Number);
  if (auto u = lookup_unit(t.text)) {
    scale = u->scale;
    unit = t.text;
    return Type::quantity(u->dim);
  }
  const std::string guess = may_suggest() ? unit_words(true).closest(t.text) : std::string();
  report(t.span, Code::UnknownType, fmt::format("unknown type `{}`", t.text),
         guess.empty() ? "a field's type is a unit (FLOP, USD, pp, …) or one of date, bool, text, number"
                       : fmt::format("did you mean `{}`?", guess));
  return Type::error();
}

// Pass 1: every name a module declares, so that pass 2 can resolve names used before they are
// declared and across modules.
void Checker::collect(int32_t m) {
  module_ = m;
  auto& mod = *p_.modules[m];
  for (auto& f : mod.fields) {
    Field field;
    field.name = f.name.text;
    field.type = field_type(f.type, field.scale, field.unit);
    field.columns = f.columns;
    field.key = f.key;
    field.where = f.where;
    field.span = f.span;
    field.module = m;
    auto slot = static_cast<int32_t>(p_.fields.size());
    if (f.key) {
      // The same field declared twice is a `duplicate-definition` (reported by declare below),
      // not a second key.
      const bool std_module = m < static_cast<int32_t>(p_.from_stdlib.size()) && p_.from_stdlib[m];
      const Field* first = p_.key_field >= 0 ? &p_.fields[p_.key_field] : nullptr;
      if (first && first->name != f.name.text && std_module &&
          !(first->module < static_cast<int32_t>(p_.from_stdlib.size()) && p_.from_stdlib[first->module])) {
        // The standard library is checked after the file that imports it: point at the user's
        // key field, not into the stdlib.
        const auto& std_file = *p_.files[m];
        module_ = first->module;
        report(first->span, Code::DuplicateKey,
               fmt::format("`{}` is marked `key`, but the standard library's `{}` already is", first->name, f.name.text),
               "a record schema has one key field: the one that names the model",
               {fmt::format("`{}` is the key at {}:{}:{}", f.name.text, std_file.path(), f.name.span.line,
                            f.name.span.column)});
        module_ = m;
      } else if (p_.key_field >= 0 && p_.fields[p_.key_field].name != f.name.text)
        report(f.name.span, Code::DuplicateKey,
               fmt::format("`{}` is marked `key`, but `{}` already is", f.name.text, p_.fields[p_.key_field].name),
               "a record schema has one key field: the one that names the model");
      else if (p_.key_field < 0)
        p_.key_field = slot;
    }
    if (f.name.text == "released") p_.released_field = slot;
    p_.fields.push_back(std::move(field));
    declare(f.name.text, RefKind::Field, slot, f.name.span);
  }
  // A benchmark's score is a field of the same name, in percentage points; a score the data
  // gives on a 0..1 scale is read × 100 (check_benchmark refuses other scales).
  for (auto& b : mod.benchmarks) {
    Field field;
    field.name = b.name.text;
    field.type = Type::quantity(Dim::Score);
    field.unit = "pp";
    field.span = b.span;
    field.module = m;
    field.where = b.where;
    for (auto& s : b.settings) {
      if (s.key.text == "column" && s.kind == ast::Setting::Kind::Literal && s.literal &&
          s.literal->kind == ast::ExprKind::String)
        field.columns.push_back(s.literal->text);
      if (s.key.text == "scale") field.scale = benchmark_scale(s).value_or(1.0);
    }
    auto slot = static_cast<int32_t>(p_.fields.size());
    p_.fields.push_back(std::move(field));
    declare(b.name.text, RefKind::Field, slot, b.name.span);
  }
  for (auto& ec : mod.effective_computes) {
    declare(ec.name.text, RefKind::EffectiveCompute, static_cast<int32_t>(p_.effective_computes.size()), ec.name.span);
    p_.effective_computes.push_back(&ec);
    ec_module_.push_back(m);
  }
  for (auto& r : mod.references) {
    declare(r.name.text, RefKind::Reference, static_cast<int32_t>(p_.references.size()), r.name.span);
    p_.references.push_back(Reference{&r});
    reference_module_.push_back(m);
  }
  for (auto& d : mod.defines) {
    declare(d.name.text, RefKind::Define, static_cast<int32_t>(p_.defines.size()), d.name.span);
    p_.defines.push_back(&d);
    p_.define_types.push_back(Type::error());
    define_module_.push_back(m);
    define_state_.push_back(0);
  }
  for (auto& t : mod.tiers) {
    declare(t.name.text, RefKind::Ladder, static_cast<int32_t>(p_.ladders.size()), t.name.span);
    p_.ladders.push_back(Ladder{&t});
    ladder_module_.push_back(m);
  }
  for (auto& t : mod.triggers) {
    declare(t.name.text, RefKind::Trigger, static_cast<int32_t>(p_.triggers.size()), t.name.span);
    p_.triggers.push_back(&t);
    trigger_module_.push_back(m);
  }
  for (auto& e : mod.exemptions) {
    declare(e.name.text, RefKind::Exemption, static_cast<int32_t>(p_.exemptions.size()), e.name.span);
    p_.exemptions.push_back(Exemption{&e});
    exemption_module_.push_back(m);
  }
  for (auto& e : mod.escalations) {
    p_.escalations.push_back(Escalation{&e});
    escalation_module_.push_back(m);
  }
  for (auto& a : mod.assumptions)
    for (auto& item : a.items) {
      auto index = static_cast<int32_t>(p_.assumptions.size());
      declare(item.name.text, RefKind::Assumption, index, item.name.span);
      p_.assumptions.push_back(AssumptionInfo{&item, m, Type::error()});
      assumption_state_.push_back(0);
      if (item.name.text == "multiplier") p_.multiplier_assumption = index;
    }
  // A standard module's own tests are run on the module's file (`scalepol test stdlib/std/…`), not
  // with every policy that imports it.
  const bool imported_stdlib = m > 0 && m < static_cast<int32_t>(p_.from_stdlib.size()) && p_.from_stdlib[m];
  for (auto& t : mod.tests) {
    if (imported_stdlib) break;
    p_.tests.push_back(&t);
    p_.test_modules.push_back(m);
  }
  auto add_kind = [&](const ast::Obligation& o) {
    if (obligation_kind_index_.try_emplace(o.kind.text, static_cast<int32_t>(p_.obligation_kinds.size())).second)
      p_.obligation_kinds.push_back(o.kind.text);
  };
  for (auto& t : mod.tiers)
    for (auto& tier : t.tiers)
      for (auto& o : tier.obligations) add_kind(o);
  for (auto& t : mod.triggers)
    for (auto& o : t.obligations) add_kind(o);
}

void Checker::check_header(const ast::PolicyHeader& h) {
  static const std::vector<std::string_view> known = {"issuer", "version", "published", "source", "status",
                                                      "title", "effective", "revoked", "jurisdiction",
                                                      "supersedes", "url"};
  std::unordered_map<std::string, const ast::HeaderField*> seen;
  for (auto& f : h.fields) {
    if (auto [first, fresh] = seen.emplace(f.key.text, &f); !fresh) {
      report(f.key.span, Code::DuplicatePart,
             fmt::format("`{}` is written twice in the policy header", f.key.text), "keep one of them",
             {fmt::format("the first `{}` is at line {}, column {}", f.key.text, first->second->span.line,
                          first->second->span.column)});
      continue;
    }
    if (std::find(known.begin(), known.end(), f.key.text) != known.end()) {
      bool wants_date = f.key.text == "published" || f.key.text == "effective" || f.key.text == "revoked";
      if (wants_date && !f.date)
        report(f.span, Code::TypeMismatch, fmt::format("`{}` takes a date (YYYY-MM-DD)", f.key.text));
      continue;
    }
    auto guess = syntax::closest_match(f.key.text, known);
    report(f.key.span, Code::UnknownHeaderField,
           fmt::format("unknown header field `{}`", f.key.text),
           guess.empty() ? "known fields: issuer, version, published, source, status, effective, revoked, jurisdiction"
                         : fmt::format("did you mean `{}`?", guess));
  }
}

void Checker::check_benchmark(ast::BenchmarkDecl& b) {
  static const std::vector<std::string_view> known = {
      "version", "scale", "shots", "chain_of_thought", "tools", "scaffolding", "column",
      "publisher", "metric", "source", "split", "subset", "grader", "attempts"};
  std::unordered_map<std::string, const ast::Ident*> seen;
  for (auto& s : b.settings) {
    if (auto [first, fresh] = seen.emplace(s.key.text, &s.key); !fresh) {
      report(s.key.span, Code::DuplicatePart,
             fmt::format("`{}` is written twice in benchmark `{}`", s.key.text, b.name.text), "keep one of them",
             {fmt::format("the first `{}` is at line {}, column {}", s.key.text, first->second->span.line,
                          first->second->span.column)});
      continue;
    }
    if (std::find(known.begin(), known.end(), s.key.text) == known.end()) {
      auto guess = syntax::closest_match(s.key.text, known);
      report(s.key.span, Code::UnknownSetting,
             fmt::format("unknown benchmark setting `{}`", s.key.text),
             guess.empty() ? "" : fmt::format("did you mean `{}`?", guess));
    }
    if (s.kind == ast::Setting::Kind::Literal && s.literal) check_expr(*s.literal);
    if (s.key.text == "scale" && !benchmark_scale(s))
      report(s.span, Code::UnsupportedScale,
             fmt::format("benchmark `{}` has a scale scalepol cannot read as percentage points", b.name.text),
             "write `scale 0..100 pp` for scores in percent, or `scale 0..1` for fractions (read × 100); "
             "a score on another scale is a field of its own: `field NAME: number column \"…\"`",
             {"a benchmark's score is compared in pp (`gpqa >= 70 pp`): its data must say how to get there"});
  }
}

void Checker::check_effective_compute(int32_t i) {
  auto& ec = *const_cast<ast::EffectiveComputeDecl*>(p_.effective_computes[i]);
  module_ = ec_module_[i];
  current_ = Node{RefKind::EffectiveCompute, i};
  if (ec.base.value) {
    auto t = check_expr(*ec.base.value);
    if (t.kind != TypeKind::Error && !(t.kind == TypeKind::Quantity && t.dim == Dim::Compute))
      report(ec.base.value->span, Code::UnitMismatch,
             fmt::format("the base of effective compute must be compute (FLOP), not {}", describe(t)));
  }
  if (ec.scale.value) {
    auto t = check_expr(*ec.scale.value);
    if (t.kind != TypeKind::Error && !(t.kind == TypeKind::Quantity && (t.dim == Dim::Compute || t.dim == Dim::Params)))
      report(ec.scale.value->span, Code::UnitMismatch,
             fmt::format("the reference scale must be compute (FLOP) or a parameter count, not {}", describe(t)));
  }
  // Without a multiplier of its own, the value is the base times the assumed `multiplier`.
  if (!ec.multiplier.value && p_.multiplier_assumption >= 0)
    edges_.push_back({*current_, Node{RefKind::Assumption, p_.multiplier_assumption}});
  if (ec.multiplier.value) {
    auto t = check_expr(*ec.multiplier.value);
    if (t.kind != TypeKind::Error &&
        !(t.kind == TypeKind::Quantity && (t.dim == Dim::Ratio || t.dim == Dim::Number)))
      report(ec.multiplier.value->span, Code::UnitMismatch,
             fmt::format("the multiplier must be a ratio (x), not {}", describe(t)));
  }
  if (ec.metric.kind == decltype(ec.metric)::Kind::Benchmark) {
    auto it = symbols_.find(ec.metric.benchmark.text);
    bool is_benchmark = false;
    if (it != symbols_.end() && it->second.kind == RefKind::Field)
      is_benchmark = p_.fields[it->second.index].type == Type::quantity(Dim::Score);
    if (!is_benchmark)
      report(ec.metric.benchmark.span, Code::UndefinedName,
             fmt::format("undefined benchmark `{}`", ec.metric.benchmark.text), suggestion(ec.metric.benchmark.text));
  }
  current_.reset();
}

void Checker::check_reference(int32_t i) {
  auto& r = p_.references[i];
  module_ = reference_module_[i];
  auto field_slot = [&](const ast::Ident& name) -> int32_t {
    auto it = symbols_.find(name.text);
    if (it == symbols_.end() || it->second.kind != RefKind::Field) {
      std::string guess;
      if (may_suggest()) {
        std::vector<std::string_view> fields;
        for (const auto& f : p_.fields) fields.push_back(f.name);
        guess = syntax::closest_match(name.text, fields);
      }
      report(name.span, Code::UndefinedName, fmt::format("undefined field `{}`", name.text),
             guess.empty() ? "" : fmt::format("did you mean `{}`?", guess));
      return -1;
    }
    return it->second.index;
  };
  if (r.decl->kind == ast::ReferenceDecl::Kind::Field) {
    r.field = field_slot(r.decl->field);
    if (r.field >= 0 && p_.fields[r.field].type.kind != TypeKind::Text)
      report(r.decl->field.span, Code::TypeMismatch,
             fmt::format("a reference names a model: `{}` must be a text field, not {}", r.decl->field.text,
                         describe(p_.fields[r.field].type)));
    if (p_.key_field < 0)
      report(r.decl->span, Code::NoKeyField,
             "a reference needs a key field to find the model it names",
             "mark the field that names models with `key` (std.model does)");
  } else {
    if (r.decl->frontier_by) {
      r.rank_field = field_slot(*r.decl->frontier_by);
    } else {
      auto it = symbols_.find("training_compute");
      if (it != symbols_.end() && it->second.kind == RefKind::Field) r.rank_field = it->second.index;
      else report(r.decl->span, Code::UndefinedName,
                  "`frontier at` ranks models by `training_compute`, which is not defined",
                  "import std.model, or say which field ranks models: `frontier at DATE by FIELD`");
    }
    if (r.rank_field >= 0 && p_.fields[r.rank_field].type.kind != TypeKind::Quantity)
      report(r.decl->span, Code::TypeMismatch, "the frontier is ranked by a quantity field");
    if (p_.released_field < 0)
      report(r.decl->span, Code::UndefinedName,
             "`frontier at` needs the `released` field to know which models existed by then", "import std.model");
  }
}

void Checker::check_define(int32_t i) {
  if (define_state_[i] == 2) return;
  if (define_state_[i] == 1) return;  // a cycle: reported by check_cycles
  define_state_[i] = 1;
  auto saved_module = module_;
  auto saved_node = current_;
  auto saved_test = in_test_;
  module_ = define_module_[i];
  current_ = Node{RefKind::Define, i};
  in_test_ = false;
  auto& d = *const_cast<ast::DefineDecl*>(p_.defines[i]);
  Type t = d.value ? check_expr(*d.value) : Type::error();
  if (d.type && t.kind != TypeKind::Error) {
    double scale;
    std::string unit;
    Type declared = field_type(*d.type, scale, unit);
    if (declared.kind != TypeKind::Error && !(declared == t))
      report(d.value->span, Code::TypeMismatch,
             fmt::format("`{}` is declared as {} but its value is {}", d.name.text, describe(declared), describe(t)));
  }
  p_.define_types[i] = t;
  define_state_[i] = 2;
  module_ = saved_module;
  current_ = saved_node;
  in_test_ = saved_test;
}

void Checker::check_obligation(ast::Obligation& o) {
  if (!o.within) return;
  auto t = check_expr(*o.within);
  if (t.kind != TypeKind::Error && !(t.kind == TypeKind::Quantity && t.dim == Dim::Time))
    report(o.within->span, Code::UnitMismatch,
           fmt::format("`within` takes a duration (30 days, 2 weeks, 6 months), not {}", describe(t)));
}

void Checker::check_ladder(int32_t i) {
  auto& ladder = p_.ladders[i];
  auto& decl = *const_cast<ast::TiersDecl*>(ladder.decl);
  module_ = ladder_module_[i];
  current_ = Node{RefKind::Ladder, i};
  Type axis = decl.by ? check_expr(*decl.by) : Type::error();
  if (axis.kind != TypeKind::Error && axis.kind != TypeKind::Quantity)
    report(decl.by->span, Code::TypeMismatch,
           fmt::format("tiers are laid out on a quantity, but `by` gives {}", describe(axis)));
  std::unordered_map<std::string, const ast::TierDecl*> seen;
  for (auto& tier : decl.tiers) {
    if (!seen.emplace(tier.name.text, &tier).second)
      report(tier.name.span, Code::DuplicateDefinition,
             fmt::format("tier `{}` appears twice in `{}`", tier.name.text, decl.name.text));
    for (auto& b : tier.bounds) {
      if (!b.value) continue;
      auto t = check_expr(*b.value);
      if (t.kind == TypeKind::Error || axis.kind != TypeKind::Quantity) continue;
      compatible(axis, t, *b.value);
      if (!constant_value(*b.value))
        report(b.value->span, Code::TierBoundNotConstant,
               "a tier bound must be a constant (a number with its unit)");
    }
    for (auto& o : tier.obligations) check_obligation(o);
  }
  if (decl.tiers.size() > kMaxTiers)
    report(decl.tiers[kMaxTiers].name.span, Code::TooManyTiers,
           fmt::format("`{}` has {} tiers; a ladder may have at most {}", decl.name.text, decl.tiers.size(), kMaxTiers),
           "split the ladder in two, each on its own range of the axis");
  compute_tier_ranges(ladder);
  current_.reset();
}

void Checker::compute_tier_ranges(Ladder& ladder) {
  const auto& tiers = ladder.decl->tiers;
  ladder.ranges.assign(tiers.size(), TierRange{});
  for (std::size_t t = 0; t < tiers.size(); ++t) {
    auto& r = ladder.ranges[t];
    bool lo_seen = false, hi_seen = false;
    for (auto& b : tiers[t].bounds) {
      std::optional<double> v;
      if (b.value) v = constant_value(*b.value);
      bool is_lo = b.kind == ast::BoundKind::Above || b.kind == ast::BoundKind::From;
      if ((is_lo && lo_seen) || (!is_lo && hi_seen)) {
        report(b.span, Code::DuplicateBound,
               fmt::format("tier `{}` has two {} bounds", tiers[t].name.text, is_lo ? "lower" : "upper"));
        continue;
      }
      (is_lo ? lo_seen : hi_seen) = true;
      if (!v) continue;
      const double bound = v.value_or(0);
      if (is_lo) {
        r.has_lo = true;
        r.lo = bound;
        r.lo_inclusive = b.kind == ast::BoundKind::From;
      } else {
        r.has_hi = true;
        r.hi = bound;
        r.hi_inclusive = b.kind == ast::BoundKind::UpTo;
      }
    }
  }
  // A tier written with one bound only runs to its neighbour: `tier gpai above 1e23` followed
  // by `tier systemic_risk above 1e25` makes gpai (1e23, 1e25].
  for (std::size_t t = 0; t + 1 < tiers.size(); ++t) {
    auto& r = ladder.ranges[t];
    const auto& next = ladder.ranges[t + 1];
    if (!r.has_hi && next.has_lo) {
      r.has_hi = true;
      r.hi = next.lo;
      r.hi_inclusive = !next.lo_inclusive;
    }
  }
  for (std::size_t t = 1; t < tiers.size(); ++t) {
    auto& r = ladder.ranges[t];
    const auto& prev = ladder.ranges[t - 1];
    if (!r.has_lo && prev.has_hi) {
      r.has_lo = true;
      r.lo = prev.hi;
      r.lo_inclusive = !prev.hi_inclusive;
    }
  }
  ladder.cuts.clear();
  for (const auto& r : ladder.ranges) {
    if (r.has_lo) ladder.cuts.push_back(r.lo);
    if (r.has_hi) ladder.cuts.push_back(r.hi);
  }
  std::sort(ladder.cuts.begin(), ladder.cuts.end());
  ladder.cuts.erase(std::unique(ladder.cuts.begin(), ladder.cuts.end()), ladder.cuts.end());
}

void Checker::check_trigger(int32_t i) {
  auto& t = *const_cast<ast::TriggerDecl*>(p_.triggers[i]);
  module_ = trigger_module_[i];
  current_ = Node{RefKind::Trigger, i};
  if (t.when) expect_bool(t.when.get(), "a trigger's `when`");
  else report(t.name.span, Code::MissingCondition,
              fmt::format("trigger `{}` has no `when` condition", t.name.text),
              "say when it fires: `when training_compute > 1e26 FLOP`");
  for (auto& o : t.obligations) check_obligation(o);
  current_.reset();
}

void Checker::check_exemption(int32_t i) {
  auto& ex = p_.exemptions[i];
  auto& decl = *const_cast<ast::ExemptionDecl*>(ex.decl);
  module_ = exemption_module_[i];
  current_ = Node{RefKind::Exemption, i};
  if (decl.when) expect_bool(decl.when.get(), "an exemption's `when`");
  else report(decl.name.span, Code::MissingCondition,
              fmt::format("exemption `{}` has no `when` condition", decl.name.text));
  if (decl.applies_to_all) ex.targets.push_back(ExemptionTarget{});
  for (auto& path : decl.applies_to) {
    if (path.empty()) continue;
    auto it = symbols_.find(path[0].text);
    if (path.size() == 1 && it != symbols_.end() && it->second.kind == RefKind::Trigger) {
      ex.targets.push_back({ExemptionTarget::Kind::Trigger, it->second.index});
      continue;
    }
    if (path.size() == 2 && it != symbols_.end() && it->second.kind == RefKind::Ladder) {
      const auto& tiers = p_.ladders[it->second.index].decl->tiers;
      if (int32_t found = find_tier(it->second.index, path[1].text); found >= 0) {
        ex.targets.push_back({ExemptionTarget::Kind::Tier, it->second.index, found});
        continue;
      }
      std::string guess;
      if (may_suggest()) {
        std::vector<std::string_view> names;
        for (auto& t : tiers) names.push_back(t.name.text);
        guess = syntax::closest_match(path[1].text, names);
      }
      report(path[1].span, Code::UndefinedName,
             fmt::format("`{}` has no tier `{}`", path[0].text, path[1].text),
             guess.empty() ? "" : fmt::format("did you mean `{}`?", guess));
      continue;
    }
    report(path[0].span, Code::UndefinedName,
           fmt::format("`applies_to` names a trigger or a tier (`ladder.tier`); `{}` is neither", path[0].text),
           suggestion(path[0].text));
  }
  current_.reset();
}

void Checker::check_escalation(int32_t i) {
  auto& e = p_.escalations[i];
  auto& decl = *const_cast<ast::EscalateDecl*>(e.decl);
  module_ = escalation_module_[i];
  auto it = symbols_.find(decl.ladder.text);
  if (it == symbols_.end() || it->second.kind != RefKind::Ladder) {
    report(decl.ladder.span, Code::UndefinedName, fmt::format("undefined tier ladder `{}`", decl.ladder.text),
           suggestion(decl.ladder.text));
  } else {
    e.ladder = it->second.index;
    const int32_t found = find_tier(e.ladder, decl.tier.text);
    if (found < 0)
      report(decl.tier.span, Code::UndefinedName,
             fmt::format("`{}` has no tier `{}`", decl.ladder.text, decl.tier.text));
    else
      e.tier = found;
    p_.ladders[e.ladder].escalations.push_back(i);
  }
  // The escalation's condition is part of its ladder's rule.
  if (e.ladder >= 0) current_ = Node{RefKind::Ladder, e.ladder};
  if (decl.when) expect_bool(decl.when.get(), "an escalation's `when`");
  current_.reset();
}

void Checker::check_test(int32_t i) {
  auto& t = *const_cast<ast::TestDecl*>(p_.tests[i]);
  module_ = p_.test_modules[i];
  if (t.records.empty())
    report(t.span, Code::TestWithoutRecord, fmt::format("test \"{}\" has no `record`", t.name));
  // The key field's value of each record so far: a reference finds a model by it, so two records
  // of one test must not share it.
  std::unordered_map<std::string, const ast::Span*> models;
  for (auto& rec : t.records) {
    std::unordered_map<std::string, const ast::Span*> given;  // fields given in this record
    for (auto& entry : rec.entries) {
      if (auto [first, fresh] = given.emplace(entry.field.text, &entry.field.span); !fresh) {
        report(entry.field.span, Code::DuplicatePart,
               fmt::format("`{}` is given twice in this record", entry.field.text), "keep one of them",
               {fmt::format("the first `{}` is at line {}, column {}", entry.field.text, first->second->line,
                            first->second->column)});
        continue;
      }
      if (p_.key_field >= 0 && entry.field.text == p_.fields[p_.key_field].name &&
          entry.kind == ast::RecordEntry::Kind::Literal && entry.literal &&
          entry.literal->kind == ast::ExprKind::String) {
        if (auto [first, fresh] = models.emplace(entry.literal->text, &entry.literal->span); !fresh)
          report(entry.literal->span, Code::DuplicateModel,
                 fmt::format("two records of this test are model `{}`", entry.literal->text),
                 "give each record its own name",
                 {fmt::format("the first is at line {}, column {}; a reference to `{}` would find only that one",
                              first->second->line, first->second->column, entry.literal->text)});
      }
      auto it = symbols_.find(entry.field.text);
      if (it == symbols_.end() || it->second.kind != RefKind::Field) {
        std::string guess;
        if (may_suggest()) {
          std::vector<std::string_view> names;
          for (auto& f : p_.fields) names.push_back(f.name);
          guess = syntax::closest_match(entry.field.text, names);
        }
        report(entry.field.span, Code::UndefinedName,
               fmt::format("undefined field `{}`", entry.field.text),
               guess.empty() ? "" : fmt::format("did you mean `{}`?", guess));
        continue;
      }
      entry.slot = it->second.index;
      const auto& field = p_.fields[entry.slot];
      if (entry.kind == ast::RecordEntry::Kind::Unknown) continue;
      if (entry.kind == ast::RecordEntry::Kind::Range) {
        if (field.type.kind != TypeKind::Quantity) {
          report(entry.span, Code::TypeMismatch,
                 fmt::format("a range is given for `{}`, which is {}", field.name, describe(field.type)));
          continue;
        }
        // A range with no unit is read in the field's declared unit.
        auto dim = resolve_range(entry.range);
        if (dim && *dim != Dim::Number && *dim != field.type.dim)
          report(entry.range.span, Code::UnitMismatch,
                 fmt::format("`{}` is {}, but the test gives {}", field.name, describe(field.type),
                             dim_description(*dim)));
        continue;
      }
      Type vt = check_expr(*entry.literal);
      if (vt.kind == TypeKind::Error) continue;
      // A bare number in a test record is read in the field's declared unit.
      if (field.type.kind == TypeKind::Quantity && vt == Type::quantity(Dim::Number)) {
        entry.literal->value = scaled_exactly(entry.literal->number, field.scale);
        continue;
      }
      if (!(vt == field.type))
        report(entry.literal->span,
               vt.kind == TypeKind::Quantity && field.type.kind == TypeKind::Quantity ? Code::UnitMismatch : Code::TypeMismatch,
               fmt::format("`{}` is {}, but the test gives {}", field.name, describe(field.type), describe(vt)));
    }
  }
  in_test_ = true;
  for (auto& e : t.expects) expect_bool(e.get(), "an expectation");
  in_test_ = false;
}

void Checker::check_module(int32_t m) {
  module_ = m;
  auto& mod = *p_.modules[m];
  if (mod.header) check_header(*mod.header);
  for (auto& b : mod.benchmarks) check_benchmark(b);
  for (auto& f : mod.fields) check_row_filters(f.where, f.name.text, f.key);
  for (auto& b : mod.benchmarks) check_row_filters(b.where, b.name.text, false);
}

// The rows of a long table are joined into one record per model by the key field: a `where`
// needs one, and cannot select the rows of the key itself (it names the model in every row).
void Checker::check_row_filters(const std::vector<ast::RowFilter>& where, const std::string& field, bool key) {
  if (where.empty()) return;
  if (key)
    report(where.front().span, Code::WhereOnKey,
           fmt::format("`{}` names the model in every row of a long table: a `where` cannot select its rows", field),
           "put the `where` on the fields a long table gives in separate rows (a benchmark's score), not on the key");
  else if (p_.key_field < 0)
    report(where.front().span, Code::NoKeyField,
           fmt::format("a `where` on `{}` joins the rows of each model into one record, by the field that names the model",
                       field),
           "mark the field that names models with `key` (std.model does)");
}

// An assumption's type: its choices' (all alike), its range's unit, or its value's. A bare word
// among the choices (`post_training in [included, excluded]`) is a label: a text value.
void Checker::check_assumption(int32_t i) {
  if (assumption_state_[i] != 0) return;  // done, or in progress (a cycle: reported by check_cycles)
  assumption_state_[i] = 1;
  auto saved_module = module_;
  auto saved_node = current_;
  current_ = Node{RefKind::Assumption, i};  // what its value reads, for check_cycles
  auto& info = p_.assumptions[i];
  auto& item = *const_cast<ast::Assumption*>(info.decl);
  module_ = info.module;
  auto as_label = [&](ast::Expr& e) {
    if (e.kind != ast::ExprKind::Name || e.path.size() != 1 || symbols_.count(e.path[0].text)) return;
    e.kind = ast::ExprKind::String;
    e.text = e.path[0].text;
  };
  Type t = Type::error();
  switch (item.kind) {
    case ast::Assumption::Kind::Choices:
      for (auto& c : item.choices) {
        if (!c) continue;
        as_label(*c);
        Type ct = check_expr(*c);
        if (ct.kind == TypeKind::Error) continue;
        if (t.kind == TypeKind::Error) t = ct;
        else if (!(ct == t))
          report(c->span, Code::TypeMismatch,
                 fmt::format("the choices of `{}` must be alike: {} and {}", item.name.text, describe(t), describe(ct)));
      }
      break;
    case ast::Assumption::Kind::Range: {
      auto dim = resolve_range(item.range);
      t = dim ? Type::quantity(*dim) : Type::error();
      if (item.range.lo > item.range.hi)
        report(item.range.span, Code::EmptyRange, "the low end of the range is above its high end");
      break;
    }
    case ast::Assumption::Kind::Value:
      if (item.value) {
        as_label(*item.value);
        t = check_expr(*item.value);
      }
      break;
  }
  if (item.name.text == "multiplier" && t.kind != TypeKind::Error &&
      !(t.kind == TypeKind::Quantity && (t.dim == Dim::Ratio || t.dim == Dim::Number)))
    report(item.name.span, Code::UnitMismatch,
           fmt::format("the assumed multiplier must be a ratio (x), not {}", describe(t)));
  info.type = t;
  assumption_state_[i] = 2;
  module_ = saved_module;
  current_ = saved_node;
}

void Checker::check_readings() {
  std::size_t readings = 1;
  const ast::Assumption* first_over = nullptr;
  for (const auto& a : p_.assumptions) {
    std::size_t alternatives = a.decl->kind == ast::Assumption::Kind::Choices ? a.decl->choices.size()
                               : a.decl->kind == ast::Assumption::Kind::Range ? 2 : 1;
    readings *= std::max<std::size_t>(1, alternatives);
    if (readings > kMaxReadings && !first_over) first_over = a.decl;
    readings = std::min(readings, kMaxReadings + 1);
  }
  if (first_over) {
    module_ = p_.assumptions.back().module;
    report(first_over->span, Code::TooManyReadings,
           fmt::format("the assumptions make more than {} readings to evaluate", kMaxReadings),
           "fewer choices, or a range (its two ends are two readings) instead of a list",
           {"every combination of the assumptions' choices is a full evaluation of the policy"});
  }
}

void Checker::run() {
  for (int32_t m = 0; m < static_cast<int32_t>(p_.modules.size()); ++m) collect_units(m);
  for (int32_t i = 0; i < static_cast<int32_t>(p_.units.size()); ++i) resolve_unit(i);
  for (int32_t m = 0; m < static_cast<int32_t>(p_.modules.size()); ++m) collect(m);
  if (!p_.modules.empty() && p_.modules[0]->header) {
    p_.name = p_.modules[0]->header->name.text;
    p_.title = p_.modules[0]->header->title;
  }
  for (int32_t m = 0; m < static_cast<int32_t>(p_.modules.size()); ++m) check_module(m);
  check_long_chains_first();
  for (int32_t i = 0; i < static_cast<int32_t>(p_.assumptions.size()); ++i) check_assumption(i);
  check_readings();
  for (int32_t i = 0; i < static_cast<int32_t>(p_.references.size()); ++i) check_reference(i);
  for (int32_t i = 0; i < static_cast<int32_t>(p_.defines.size()); ++i) check_define(i);
  for (int32_t i = 0; i < static_cast<int32_t>(p_.effective_computes.size()); ++i) check_effective_compute(i);
  for (int32_t i = 0; i < static_cast<int32_t>(p_.ladders.size()); ++i) check_ladder(i);
  for (int32_t i = 0; i < static_cast<int32_t>(p_.escalations.size()); ++i) check_escalation(i);
  for (int32_t i = 0; i < static_cast<int32_t>(p_.triggers.size()); ++i) check_trigger(i);
  for (int32_t i = 0; i < static_cast<int32_t>(p_.exemptions.size()); ++i) check_exemption(i);
  for (int32_t i = 0; i < static_cast<int32_t>(p_.tests.size()); ++i) check_test(i);
  check_cycles();
  check_rule_depth();
  for (int32_t m = 0; m < static_cast<int32_t>(p_.modules.size()); ++m) check_not_encoded(m);
}

void check_program(Program& program) { Checker(program).run(); }

}  // namespace scalepol::check
