// Units declared with `unit`: `unit petaflop_s_day = 8.64e19 FLOP`. A declared unit is a positive
// multiple of another unit, built-in or declared (in any module, before or after it), and has
// that unit's dimension. Each is resolved down to a built-in unit once, so that a number written
// with it is converted like any other, and a range written with it is rewritten in the built-in
// unit (the evaluator reads ranges by their unit words).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "check/checker_impl.hpp"
#include "check/exact_scale.hpp"
#include "syntax/suggest.hpp"

namespace scalepol::check {

namespace {

bool in_stdlib(const Program& p, int32_t m) {
  return m >= 0 && m < static_cast<int32_t>(p.from_stdlib.size()) && p.from_stdlib[m];
}

// The words a field's type may be besides a unit: a unit of that name could not be a type.
bool is_type_word(const std::string& w) { return w == "date" || w == "bool" || w == "text" || w == "number"; }

}  // namespace

void Checker::collect_units(int32_t m) {
  module_ = m;
  for (auto& u : p_.modules[m]->units) {
    if (u.name.text.empty()) continue;  // a syntax error, reported
    if (auto builtin = find_unit(u.name.text)) {
      report(u.name.span, Code::DuplicateDefinition,
             fmt::format("`{}` is a built-in unit and cannot be redefined", u.name.text),
             "choose another name", {fmt::format("`{}` is {}", u.name.text, dim_description(builtin->dim))});
      continue;
    }
    if (is_type_word(u.name.text)) {
      report(u.name.span, Code::ReservedWord,
             fmt::format("`{}` is a type and cannot name a unit", u.name.text), "choose another name");
      continue;
    }
    const auto index = static_cast<int32_t>(p_.units.size());
    auto [it, inserted] = unit_index_.try_emplace(u.name.text, index);
    if (!inserted) {
      const DeclaredUnit& first = p_.units[it->second];
      if (in_stdlib(p_, m) && !in_stdlib(p_, first.module)) {
        // The user's unit clashes with the standard library's, checked after the user's file:
        // point at the user's declaration, not into the stdlib.
        const std::string std_path = p_.files[m]->path();
        module_ = first.module;
        report(first.decl->name.span, Code::DuplicateDefinition,
               fmt::format("unit `{}` is already defined by the standard library", u.name.text), "choose another name",
               {fmt::format("defined at {}:{}:{}", std_path, u.name.span.line, u.name.span.column)});
        module_ = m;
      } else {
        const auto& file = *p_.files[first.module];
        report(u.name.span, Code::DuplicateDefinition,
               fmt::format("unit `{}` is defined twice", u.name.text), {},
               {fmt::format("first defined at {}:{}:{}", file.path(), first.decl->name.span.line,
                            first.decl->name.span.column)});
      }
      continue;
    }
    p_.units.push_back(DeclaredUnit{&u, m});
    unit_state_.push_back(0);
  }
}

void Checker::resolve_unit(int32_t i) {
  if (unit_state_[i] != 0) return;
  unit_state_[i] = 1;
  DeclaredUnit& unit = p_.units[i];
  const ast::UnitDecl& decl = *unit.decl;
  const auto saved = module_;
  module_ = unit.module;
  const auto done = [&] {
    unit_state_[i] = 2;
    module_ = saved;
  };
  if (decl.base.text.empty()) return done();  // a syntax error, reported
  if (!(decl.factor > 0)) {
    report(decl.span, Code::InvalidUnit,
           fmt::format("unit `{}` is {} times `{}`: a unit is a positive multiple of another", decl.name.text,
                       decl.factor_text, decl.base.text),
           "write a number above zero");
    return done();
  }
  if (auto builtin = find_unit(decl.base.text)) {
    if (builtin->ambiguous) {
      report(decl.base.span, Code::InvalidUnit,
             fmt::format("`{}` can mean operations or operations per second: a unit cannot be built on it",
                         decl.base.text),
             "write `FLOP` for a total, `FLOP/s` for a rate");
      return done();
    }
    unit.dim = builtin->dim;
    unit.scale = scaled_exactly(decl.factor, builtin->scale);
    unit.builtin = decl.base.text;
    unit.factor = decl.factor;
    unit.ok = true;
    return done();
  }
  auto it = unit_index_.find(decl.base.text);
  if (it == unit_index_.end()) {
    report_unknown_unit(decl.base.span, decl.base.text);
    return done();
  }
  const int32_t base = it->second;
  if (unit_state_[base] == 1) {
    // The cycle as written: from this unit along the bases until it comes back.
    std::string chain = decl.name.text;
    for (int32_t at = base, steps = 0; steps < 32; ++steps) {
      chain += " → " + p_.units[at].decl->name.text;
      if (at == i) break;
      auto next = unit_index_.find(p_.units[at].decl->base.text);
      if (next == unit_index_.end()) break;
      at = next->second;
    }
    report(decl.base.span, Code::UnitCycle,
           fmt::format("unit `{}` is defined in terms of itself", decl.name.text),
           "define one of the units of the cycle on a built-in unit (FLOP, USD, days, …)", {"the cycle: " + chain});
    return done();
  }
  resolve_unit(base);
  module_ = unit.module;
  const DeclaredUnit& of = p_.units[base];
  if (of.ok) {
    unit.dim = of.dim;
    unit.scale = scaled_exactly(decl.factor, of.scale);
    unit.builtin = of.builtin;
    unit.factor = scaled_exactly(decl.factor, of.factor);
    unit.ok = std::isfinite(unit.scale) && std::isfinite(unit.factor);
    if (!unit.ok)
      report(decl.span, Code::NumberOutOfRange,
             fmt::format("unit `{}` is too large for a number", decl.name.text));
  }
  done();
}

std::optional<UnitInfo> Checker::lookup_unit(const std::string& word) {
  if (auto builtin = find_unit(word)) return builtin;
  auto it = unit_index_.find(word);
  if (it == unit_index_.end()) return std::nullopt;
  resolve_unit(it->second);
  const DeclaredUnit& u = p_.units[it->second];
  // A unit in error is known (no second message), with no dimension of its own: the quantity
  // is then a plain number, which never gives a mismatch.
  return UnitInfo{u.decl->name.text, u.ok ? u.dim : Dim::Number, u.ok ? u.scale : 1.0};
}

const syntax::CandidateIndex& Checker::unit_words(bool with_types) {
  if (!unit_words_built_ || unit_words_size_ != unit_index_.size()) {
    declared_units_sorted_.clear();
    for (const auto& [name, _] : unit_index_) declared_units_sorted_.push_back(name);
    std::sort(declared_units_sorted_.begin(), declared_units_sorted_.end());  // deterministic among equally close names
    for (int types = 0; types < 2; ++types) {
      auto& words = unit_words_[types];
      words.clear();
      if (types) words = {"date", "bool", "text", "number"};
      for (const auto& u : all_units()) words.push_back(u.name);
      for (const auto& d : declared_units_sorted_) words.push_back(d);
      unit_words_index_[types] = syntax::CandidateIndex(words);
    }
    unit_words_size_ = unit_index_.size();
    unit_words_built_ = true;
  }
  return unit_words_index_[with_types ? 1 : 0];
}

void Checker::report_unknown_unit(const ast::Span& span, const std::string& word) {
  const std::string guess = may_suggest() ? unit_words(false).closest(word) : std::string();
  std::vector<std::string> notes;
  // `record { parameters 7 open_weights }`: the word after the number is the next name, and the
  // value before it is what is missing.
  if (symbols_.count(word))
    notes.push_back(fmt::format("`{}` is a name of this policy; a name after a number is read as its unit", word));
  report(span, Code::UnknownUnit, fmt::format("unknown unit `{}`", word),
         guess.empty() ? "the units are FLOP, FLOP/s, USD, pp, %, x, params, tokens, users and durations "
                         "(days, months, …); declare others with `unit` (see std.units)"
                       : fmt::format("did you mean `{}`?", guess),
         std::move(notes));
}

std::optional<Dim> Checker::resolve_range(ast::Range& r) {
  // The unit after the high end applies to both ends unless the low end has its own.
  double hi_factor = 1, lo_factor = 1;
  std::optional<Dim> hi_dim, lo_dim;
  bool known = true;
  const auto resolve = [&](std::string& unit, double& factor, std::optional<Dim>& dim) {
    if (unit.empty()) return;
    if (auto builtin = find_unit(unit)) {
      dim = builtin->dim;
      return;
    }
    auto it = unit_index_.find(unit);
    if (it == unit_index_.end()) {
      report_unknown_unit(r.span, unit);
      known = false;
      return;
    }
    resolve_unit(it->second);
    const DeclaredUnit& u = p_.units[it->second];
    if (!u.ok) {
      known = false;
      return;
    }
    dim = u.dim;
    factor = u.factor;
    unit = u.builtin;
  };
  resolve(r.unit, hi_factor, hi_dim);
  if (r.lo_unit.empty()) lo_factor = hi_factor;
  else resolve(r.lo_unit, lo_factor, lo_dim);
  if (!known) return std::nullopt;
  r.lo = scaled_exactly(r.lo, lo_factor);
  r.hi = scaled_exactly(r.hi, hi_factor);
  if (lo_dim && hi_dim && *lo_dim != *hi_dim) {
    report(r.span, Code::UnitMismatch,
           fmt::format("the range runs from {} to {}", dim_description(*lo_dim), dim_description(*hi_dim)));
    return std::nullopt;
  }
  return hi_dim ? hi_dim : lo_dim ? lo_dim : std::optional<Dim>(Dim::Number);
}

}  // namespace scalepol::check
