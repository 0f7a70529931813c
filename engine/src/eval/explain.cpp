// Traces: what decided each verdict of one record, and from what.
//
// A condition is read down to its tests (comparisons, checks of a field, other rules), each
// evaluated on its own with its margin to the line and the smallest change that would turn it.
// A tier ladder's tests are the bounds of the tier the record's value falls in. Values are
// collected from the same expressions, each with where it came from.
#include "eval/explain.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <optional>
#include <unordered_set>

#include "ast/builtins.hpp"
#include "eval/model_names.hpp"
#include "eval/rule_visits.hpp"

namespace scalepol::eval {

std::string ratio_text(double r) {
  // Never "1x" for a ratio that is not 1: the digit that says which side of the line it is on stays.
  return format_number(keep_sides(r, round_significant(r, r < 1.1 ? 4 : 2), {1.0})) + "x";
}

namespace {

using EK = ast::ExprKind;
using ast::Dim;

// A number as it is worth reading: a figure from the data or the policy as written (2.1e25,
// 1.001e25), a computed one cut to four significant digits (1.598e25, not 1.5977925169925146e25),
// but never past a line of the policy (keep_sides): 1.0000000001e25 stays that, beside 1e25.
double readable(double x, const Lines& lines) {
  const std::string shortest = fmt::format("{}", x);
  std::size_t digits = 0;
  for (char c : shortest.substr(0, shortest.find('e'))) digits += c >= '0' && c <= '9';
  return digits > 6 ? keep_sides(x, round_significant(x, 4), lines) : x;
}

std::string quantity(double x, Dim dim, const Lines& lines) { return format_quantity(readable(x, lines), dim); }

std::string value_text(const Value& v, Dim dim, const Lines& lines) {
  if (v.kind != Value::Kind::Number) return format_value(v, dim, lines);
  if (std::isnan(v.x)) return format_value(v, dim, lines);
  if (v.is_exact()) return quantity(v.x, dim, lines);
  return fmt::format("{} (range {}–{})", quantity(v.x, dim, lines), quantity(v.lo, dim, lines),
                     quantity(v.hi, dim, lines));
}


// Ratios mean something for amounts (compute, money, counts); scores and durations are compared
// by their difference.
bool multiplicative(Dim d) { return d != Dim::Score && d != Dim::Time; }

std::string result_of(const Value& v) {
  if (v.kind == Value::Kind::Bool) return v.boolean ? "true" : "false";
  return v.possible ? "possible" : "unknown";
}

bool is_constant(const ast::Expr& e) {
  switch (e.kind) {
    case EK::Number: case EK::Date: case EK::String: case EK::Bool: case EK::Within: return true;
    case EK::Neg: return is_constant(*e.args[0]);
    case EK::Name: return e.res.kind == ast::RefKind::TierName;
    default: return false;
  }
}

// Where `a op b` turns, said from the side of `a`: "at 1e25 FLOP or less", "above 1e25 FLOP".
std::string where_it_turns(ast::Op op, bool now, const std::string& b) {
  switch (op) {
    case ast::Op::Gt: return now ? "at " + b + " or less" : "above " + b;
    case ast::Op::Ge: return now ? "below " + b : "at " + b + " or more";
    case ast::Op::Lt: return now ? "at " + b + " or more" : "below " + b;
    case ast::Op::Le: return now ? "above " + b : "at " + b + " or less";
    default: return "";
  }
}

// How much `a` must change to reach `b` ("2.1x less training_compute", "3 pp more gpqa"); at the
// line itself, the direction that turns `a op b`.
std::string change_needed(double a, double b, ast::Op op, Dim dim, bool ratio, const std::string& subject,
                          const Lines& lines) {
  if (a == b) {
    const bool up = op == ast::Op::Gt || op == ast::Op::Le;  // > false at the line, <= true at it
    return fmt::format("any {} of {}", up ? "increase" : "decrease", subject);
  }
  const bool more = b > a;
  // A ratio past the range of a double (1e23 FLOP over 6.6e-311 FLOP) is given as a difference.
  const double factor = more ? b / a : a / b;
  if (ratio && std::isfinite(factor)) return fmt::format("{} {} {}", ratio_text(factor), more ? "more" : "less", subject);
  return fmt::format("{} {} {}", quantity(std::fabs(b - a), dim, lines), more ? "more" : "less", subject);
}

std::string quantity_range(const Value& v, Dim dim, const Lines& lines) {
  return quantity(v.lo, dim, lines) + "–" + quantity(v.hi, dim, lines);
}

// "2.1e25 FLOP is 2.1x over 1e25 FLOP", with what the ranges say.
std::string numeric_margin(const Value& a, const Value& b, Dim dim, const Lines& lines) {
  if (std::isnan(a.x) || std::isnan(b.x)) {  // a half-open range: no point to measure from, only the range
    const std::string fa = value_text(a, dim, lines), fb = value_text(b, dim, lines);
    if (a.lo > b.hi) return fmt::format("all of {} is over {}", fa, fb);
    if (a.hi < b.lo) return fmt::format("all of {} is under {}", fa, fb);
    return fmt::format("{} reaches across {}", fa, fb);
  }
  const std::string fa = quantity(a.x, dim, lines), fb = quantity(b.x, dim, lines);
  std::string out;
  if (a.x == b.x) {
    out = fmt::format("{} is exactly {}", fa, fb);
  } else if (multiplicative(dim) && a.x > 0 && b.x > 0 && std::isfinite(a.x / b.x) && std::isfinite(b.x / a.x)) {
    const double r = a.x / b.x;
    out = fmt::format("{} is {} {} {}", fa, ratio_text(r > 1 ? r : 1 / r), r > 1 ? "over" : "under", fb);
  } else {
    out = fmt::format("{} is {} {} {}", fa, quantity(std::fabs(a.x - b.x), dim, lines), a.x > b.x ? "over" : "under", fb);
  }
  if (!a.is_exact() && b.is_exact() && a.lo <= b.x && b.x <= a.hi)
    out += fmt::format("; the range {} straddles it", quantity_range(a, dim, lines));
  else if (!b.is_exact() && a.lo <= b.hi && b.lo <= a.hi)
    out += fmt::format("; the ranges overlap ({} and {})", a.is_exact() ? fa : quantity_range(a, dim, lines),
                       quantity_range(b, dim, lines));
  return out;
}

// The tier a ladder gives just below or just above a bound.
int32_t tier_beside(const Evaluator& ev, int32_t li, double x, bool inclusive_here, bool above) {
  const double inf = std::numeric_limits<double>::infinity();
  // A bound the tier includes is left by stepping past it; one it excludes is the neighbour's.
  const double probe = inclusive_here ? std::nextafter(x, above ? inf : -inf) : x;
  return ev.tier_of(li, probe);
}

class Tracer {
 public:
  Tracer(Evaluator& ev, const Record& record)
      : ev_(ev), p_(ev.program()), rs_(ev.records()), record_(record), f_(ev.frame(record)),
        lines_(ev.lines()) {}

  VerdictTrace ladder(int32_t li, const Verdict& verdict);
  VerdictTrace condition(const Verdict& verdict, const ast::Expr* when);
  VerdictTrace obligation(const Evaluator::ObligationSite& site, const Verdict& verdict);

 private:
  // --- steps
  void steps(const ast::Expr& e, std::vector<TraceStep>& out);
  TraceStep compare_step(const ast::Expr& e);
  std::string tier_name(int32_t li, int32_t t) const {
    return t >= 0 ? p_.ladders[li].decl->tiers[t].name.text : std::string("no tier");
  }

  // --- values
  // The values an expression reads, added to `out` (each name once). A rule read from many
  // places is followed once (again only with more budget than before), so that definitions that
  // share their parts (`d2 = d1 + d1`, `d1 = d0 + d0`, …) cost their number, not 2^n.
  void values(const ast::Expr& e, std::vector<TracedValue>& out, int budget = 64);
  struct ValueWalk {
    std::vector<TracedValue>& out;
    std::unordered_set<std::string> names;
    RuleVisits rules;
    bool has(const std::string& name) const { return names.count(name) != 0; }
    void add(TracedValue v) {
      if (names.insert(v.name).second) out.push_back(std::move(v));
    }
    bool follow(ast::RefKind kind, int32_t index, int budget) { return rules.follow(kind, index, budget); }
  };
  void values(const ast::Expr& e, ValueWalk& walk, int budget);
  TracedValue field_value(int32_t slot, const Record& r, const std::string& name, const ast::Type& type);
  TracedValue rule_value(const std::string& name, const Value& v, const ast::Type& type, std::string source);
  void describe(TracedValue& out, const Value& v, const ast::Type& type) const;
  std::string location(int32_t module, const ast::Span& span) const {
    return fmt::format("{}:{}", p_.modules[static_cast<std::size_t>(module)]->path, span.line);
  }
  template <class Decl>
  int32_t module_of(const Decl* decl, std::vector<Decl> ast::Module::*items) const {
    for (std::size_t m = 0; m < p_.modules.size(); ++m)
      for (const auto& d : (*p_.modules[m]).*items)
        if (&d == decl) return static_cast<int32_t>(m);
    return 0;
  }

  Evaluator& ev_;
  const check::Program& p_;
  const RecordSet& rs_;
  const Record& record_;
  Evaluator::Frame f_;
  const Lines& lines_;  // Evaluator::lines: what a printed value must not be rounded across
};

// --- Steps ---------------------------------------------------------------------------------

void Tracer::steps(const ast::Expr& e, std::vector<TraceStep>& out) {
  switch (e.kind) {
    case EK::And:
    case EK::Or:
    case EK::Not:
      for (const auto& a : e.args) steps(*a, out);
      return;
    case EK::Compare:
      out.push_back(compare_step(e));
      return;
    default: {
      TraceStep s;
      s.test = expr_text(e);
      s.result = result_of(ev_.eval(e, f_));
      out.push_back(std::move(s));
      return;
    }
  }
}

TraceStep Tracer::compare_step(const ast::Expr& e) {
  TraceStep s;
  s.test = expr_text(e);
  s.result = result_of(ev_.eval(e, f_));
  const ast::Expr* left = e.args[0].get();
  const ast::Expr* right = e.args[1].get();
  ast::Op op = e.ops[0];
  // The change is said of the side that varies: `1e25 FLOP < x` is read as `x > 1e25 FLOP`.
  if (is_constant(*left) && !is_constant(*right)) {
    std::swap(left, right);
    op = ast::mirrored(op);
  }
  const Value a = ev_.eval(*left, f_), b = ev_.eval(*right, f_);
  const std::string subject = expr_text(*left);
  const bool ordered = op != ast::Op::Eq && op != ast::Op::Ne;
  if (a.kind == Value::Kind::Number && b.kind == Value::Kind::Number) {
    const Dim dim = left->type.kind == ast::TypeKind::Quantity ? left->type.dim : right->type.dim;
    s.margin = numeric_margin(a, b, dim, lines_);
    if (ordered && !std::isnan(a.x) && !std::isnan(b.x)) {
      const bool now = ast::holds(op, a.x, b.x);
      s.flip = fmt::format("{} {}: {}", now ? "false" : "true", where_it_turns(op, now, quantity(b.x, dim, lines_)),
                           change_needed(a.x, b.x, op, dim, multiplicative(dim) && a.x > 0 && b.x > 0, subject, lines_));
    }
  } else if (a.kind == Value::Kind::Date && b.kind == Value::Kind::Date) {
    const double days = a.x - b.x;
    const std::string fa = format_date(static_cast<int32_t>(a.x)), fb = format_date(static_cast<int32_t>(b.x));
    s.margin = days == 0 ? fmt::format("{} is the same day as {}", fa, fb)
                         : fmt::format("{} is {} {} {}", fa, format_quantity(std::fabs(days), Dim::Time),
                                       days > 0 ? "after" : "before", fb);
    if (ordered && !std::isnan(a.x) && !std::isnan(b.x)) {
      const bool now = ast::holds(op, a.x, b.x);
      std::string when = where_it_turns(op, now, fb);
      // Dates read as earlier and later, not less and more.
      for (auto [from, to] : {std::pair{"or less", "or earlier"}, {"or more", "or later"}, {"above ", "after "},
                              {"below ", "before "}})
        if (auto at = when.find(from); at != std::string::npos) when.replace(at, std::string_view(from).size(), to);
      const std::string amount =
          days == 0 ? fmt::format("{} moved by a day", subject)
                    : fmt::format("{} {} {}", subject, format_quantity(std::fabs(days), Dim::Time),
                                  days > 0 ? "earlier" : "later");
      s.flip = fmt::format("{} {}: {}", now ? "false" : "true", when, amount);
    }
  }
  return s;
}

// --- Values --------------------------------------------------------------------------------

void Tracer::describe(TracedValue& out, const Value& v, const ast::Type& type) const {
  if (v.kind == Value::Kind::Tier && type.kind == ast::TypeKind::Tier && type.index >= 0) {
    out.value = v.tier == kNoPointTier ? "unknown" : v.tier >= 0 ? tier_name(type.index, v.tier) : "no_tier";
    if (v.possible)
      out.value += fmt::format(" (its range reaches {})",
                               reach_text(v.reach, [&](int32_t t) { return tier_name(type.index, t); }));
    return;
  }
  if (v.kind == Value::Kind::Unknown && v.reach != 0 && type.kind == ast::TypeKind::Tier && type.index >= 0) {
    out.value = fmt::format("unknown (it reaches {})",  // only an escalation is unknown
                            reach_text(v.reach, [&](int32_t t) { return tier_name(type.index, t); }));
    return;
  }
  out.value = value_text(v, type.dim, lines_);
  if (v.kind == Value::Kind::Unknown && v.possible) out.value = "undecided";
  if (v.kind == Value::Kind::Number) {
    out.numeric = true;
    out.x = v.x;
    out.low = v.lo;
    out.high = v.hi;
    if (type.dim != Dim::Number) out.unit = check::base_unit_name(type.dim);
  }
}

TracedValue Tracer::field_value(int32_t slot, const Record& r, const std::string& name, const ast::Type& type) {
  TracedValue out;
  out.name = name;
  out.origin = ValueOrigin::Record;
  const Value& v = r.values[static_cast<std::size_t>(slot)];
  describe(out, v, type);
  const auto s = static_cast<std::size_t>(slot);
  const RecordSet::FieldOrigin* origin = s < rs_.origins.size() ? &rs_.origins[s] : nullptr;
  const auto names = [&](const std::vector<std::string>& columns) {
    std::string text;
    for (std::size_t i = 0; i < columns.size(); ++i)
      text += fmt::format("{}`{}`", i == 0 ? "" : i + 1 == columns.size() ? " or " : ", ", columns[i]);
    return text;
  };
  if (origin && !origin->value.empty())
    out.source = fmt::format("{} {}", rs_.column_word, names(origin->value));
  else if (origin && (!origin->low.empty() || !origin->high.empty()))
    out.source = fmt::format("the bound {}s of field `{}`", rs_.column_word, name);
  else
    out.source = fmt::format("no {} of {} gives field `{}`", rs_.column_word, rs_.source.empty() ? "the data" : rs_.source,
                             p_.fields[s].name);
  // A long table's field that no row of the model gave: say which rows it is read from.
  const auto* spec = rs_.schema && s < rs_.schema->fields.size() ? &rs_.schema->fields[s] : nullptr;
  const bool no_row = spec && !spec->where.empty() && v.is_unknown() && !v.possible;
  if (no_row)
    out.source = fmt::format("no row of `{}` gives it (a row where {})", rs_.model_name(r), where_text(spec->where));
  if (&r != &record_) out.source += fmt::format(", model `{}`", rs_.model_name(r));
  out.location = r.line > 0 && !no_row ? fmt::format("{}:{}", rs_.source, r.line) : rs_.source;
  // A long table's record: the rows the value came from.
  if (const auto* lines = rs_.lines_of(static_cast<uint32_t>(&r - rs_.records.data()), slot); lines) {
    out.location.clear();
    for (std::size_t i = 0; i < lines->size(); ++i)
      out.location += fmt::format("{}{}:{}", i == 0 ? "" : " and ", rs_.source, (*lines)[i]);
  }
  const int32_t label_slot = rs_.schema ? rs_.schema->find("confidence") : -1;
  const Value* label = label_slot >= 0 ? &r.values[static_cast<std::size_t>(label_slot)] : nullptr;
  if (v.kind == Value::Kind::Number && v.is_exact() && rs_.confidence_ranges && type.dim == Dim::Compute && label) {
    // Confidence ranges are on, and this figure got none: say why.
    out.note = label->kind == Value::Kind::Text && !label->text.empty()
                   ? fmt::format("the `confidence` label `{}` gives no range: the figure is read as exact", label->text)
                   : "no `confidence` label: the figure is read as exact";
  }
  if (v.kind == Value::Kind::Number && !v.is_exact()) {
    const auto index = static_cast<uint32_t>(&r - rs_.records.data());
    if (rs_.range_from_confidence(index, slot) && label) {
      out.note = fmt::format("range from the `confidence` label `{}`: the figure {} divided and multiplied by {} "
                             "(confidence ranges are on; the factor is not verified, see docs/uncertainty-confidence.md)",
                             label->text, quantity(v.x, type.dim, lines_), format_number(readable(v.hi / v.x, {})));
    } else if (const auto* rows = rs_.lines_of(index, slot); rows && rows->size() > 1) {
      out.note = "range of the values the rows give: they disagree, and the data does not say which is meant";
    } else if (origin && (!origin->low.empty() || !origin->high.empty())) {
      std::string bounds;
      if (!origin->low.empty()) bounds += "low from " + names(origin->low);
      if (!origin->high.empty()) bounds += (bounds.empty() ? "" : ", ") + std::string("high from ") + names(origin->high);
      out.note = fmt::format("range from the bound {}s: {}", rs_.column_word, bounds);
    } else {
      out.note = "range given in the record";
    }
  }
  return out;
}

TracedValue Tracer::rule_value(const std::string& name, const Value& v, const ast::Type& type, std::string source) {
  TracedValue out;
  out.name = name;
  out.origin = ValueOrigin::Rule;
  describe(out, v, type);
  out.source = std::move(source);
  return out;
}

void Tracer::values(const ast::Expr& e, std::vector<TracedValue>& out, int budget) {
  ValueWalk walk{out, {}, {}};
  for (const auto& v : out) walk.names.insert(v.name);
  values(e, walk, budget);
}

void Tracer::values(const ast::Expr& e, ValueWalk& walk, int budget) {
  if (budget <= 0) return;
  const auto first_time = [&] { return walk.follow(e.res.kind, e.res.index, budget); };
  switch (e.kind) {
    case EK::Name: {
      const std::string name = expr_text(e);
      const int32_t i = e.res.index;
      switch (e.res.kind) {
        case ast::RefKind::Field:
          walk.add(field_value(i, record_, name, e.type));
          return;
        case ast::RefKind::Define: {
          const bool follow = first_time();
          if (walk.has(name) && !follow) return;
          const ast::DefineDecl* d = p_.defines[i];
          const int32_t m = module_of(d, &ast::Module::defines);
          TracedValue v;
          v.name = name;
          v.origin = p_.from_stdlib[static_cast<std::size_t>(m)] ? ValueOrigin::Default : ValueOrigin::Definition;
          describe(v, ev_.define(i, f_), e.type);
          v.source = fmt::format("define {} = {}", d->name.text, d->value ? expr_text(*d->value) : "?");
          v.location = location(m, d->span);
          if (!d->quotes.empty()) {
            const auto& q = d->quotes.front();
            v.note = q.source.empty() ? fmt::format("\"{}\"", q.text) : fmt::format("\"{}\" ({})", q.text, q.source);
          }
          walk.add(std::move(v));
          if (d->value && follow) values(*d->value, walk, budget - 1);
          return;
        }
        case ast::RefKind::EffectiveCompute: {
          const bool follow = first_time();
          if (walk.has(name) && !follow) return;
          const ast::EffectiveComputeDecl* ec = p_.effective_computes[i];
          TracedValue v;
          v.name = name;
          v.origin = ValueOrigin::Definition;
          describe(v, ev_.effective_compute(i, f_), e.type);
          const bool undefined = std::any_of(p_.undefined_terms.begin(), p_.undefined_terms.end(),
                                             [&](const auto& t) { return t.get() == ec; });
          if (undefined) {
            v.source = fmt::format("`{}` is used but never defined", ec->name.text);
          } else {
            const std::string base = ec->base.value ? expr_text(*ec->base.value) : "unspecified";
            std::string multiplier = ec->multiplier.value ? expr_text(*ec->multiplier.value) : "unspecified";
            if (!ec->multiplier.value && p_.multiplier_assumption >= 0) multiplier += " (the assumed `multiplier`)";
            v.source = fmt::format("effective_compute {}: base {} × multiplier {}", ec->name.text, base, multiplier);
            v.location = location(module_of(ec, &ast::Module::effective_computes), ec->span);
          }
          walk.add(std::move(v));
          if (!follow) return;
          if (ec->base.value) values(*ec->base.value, walk, budget - 1);
          if (ec->multiplier.value) {
            values(*ec->multiplier.value, walk, budget - 1);
          } else if (p_.multiplier_assumption >= 0) {
            ast::Expr probe;
            probe.kind = EK::Name;
            probe.path = {ast::Ident{"multiplier", {}}};
            probe.res = {ast::RefKind::Assumption, p_.multiplier_assumption};
            probe.type = p_.assumptions[static_cast<std::size_t>(p_.multiplier_assumption)].type;
            values(probe, walk, budget - 1);
          }
          return;
        }
        case ast::RefKind::Ladder: {
          const auto& decl = *p_.ladders[i].decl;
          walk.add(rule_value(name, ev_.ladder(i, f_), e.type,
                              fmt::format("tiers {} by {}", decl.name.text, decl.by ? expr_text(*decl.by) : "?")));
          return;
        }
        case ast::RefKind::Trigger:
          walk.add(rule_value(name, ev_.trigger(i, f_), e.type, fmt::format("trigger {}", name)));
          return;
        case ast::RefKind::Exemption:
          walk.add(rule_value(name, ev_.exemption(i, f_), e.type, fmt::format("exemption {}", name)));
          return;
        case ast::RefKind::AsOf: {
          TracedValue v;
          v.name = name;
          v.origin = ValueOrigin::EvaluationDate;
          describe(v, ev_.eval(e, f_), e.type);
          v.source = v.value == "unknown" ? "no evaluation date was given" : "the evaluation date given";
          walk.add(std::move(v));
          return;
        }
        case ast::RefKind::Assumption: {
          const auto& info = p_.assumptions[static_cast<std::size_t>(i)];
          const ast::Assumption& a = *info.decl;
          TracedValue v;
          v.name = name;
          v.origin = ValueOrigin::Assumption;
          describe(v, ev_.eval(e, f_), info.type);
          std::string written;
          if (a.kind == ast::Assumption::Kind::Value) {
            written = fmt::format("{} = {}", a.name.text, a.value ? expr_text(*a.value) : "?");
          } else if (a.kind == ast::Assumption::Kind::Range) {
            written = fmt::format("{} in {}..{}{}", a.name.text, format_number(a.range.lo), format_number(a.range.hi),
                                  a.range.unit.empty() ? "" : " " + a.range.unit);
          } else {
            std::string choices;
            for (const auto& c : a.choices)
              if (c) choices += (choices.empty() ? "" : ", ") + expr_text(*c);
            written = fmt::format("{} in [{}]", a.name.text, choices);
          }
          v.source = "assume " + written;
          v.location = location(info.module, a.span);
          walk.add(std::move(v));
          if (a.kind == ast::Assumption::Kind::Value && a.value && first_time()) values(*a.value, walk, budget - 1);
          return;
        }
        default: return;
      }
    }
    case EK::At: {
      TracedValue v;
      v.name = expr_text(e);
      v.origin = ValueOrigin::Record;
      describe(v, ev_.eval(e, f_), e.type);
      const auto& ref = *p_.references[static_cast<std::size_t>(e.res.index)].decl;
      if (const Record* other = ev_.referenced(e.res.index, f_)) {
        v.source = fmt::format("model `{}`, named by reference `{}`", rs_.model_name(*other), ref.name.text);
        v.location = other->line > 0 ? fmt::format("{}:{}", rs_.source, other->line) : rs_.source;
      } else {
        v.source = fmt::format("reference `{}` names no model in the data", ref.name.text);
      }
      walk.add(std::move(v));
      return;
    }
    case EK::Call: {
      const std::optional<ast::Builtin> fn = ast::builtin_of(e);
      if (fn == ast::Builtin::Progress || fn == ast::Builtin::TimeSince) {
        TracedValue v;
        v.name = expr_text(e);
        v.origin = ValueOrigin::Computed;
        describe(v, ev_.eval(e, f_), e.type);
        v.source = fn == ast::Builtin::Progress ? "2^((released − since) / halving): the compute needed for the same performance "
                                      "halves every `halving`"
                                    : "the time from the date to the evaluation date";
        walk.add(std::move(v));
        // `progress` reads the record's release date without naming it.
        if (fn == ast::Builtin::Progress && p_.released_field >= 0)
          walk.add(field_value(p_.released_field, record_, p_.fields[static_cast<std::size_t>(p_.released_field)].name,
                               p_.fields[static_cast<std::size_t>(p_.released_field)].type));
        if (fn == ast::Builtin::TimeSince) {
          // … and `time_since` the evaluation date.
          ast::Expr as_of;
          as_of.kind = EK::Name;
          as_of.path = {ast::Ident{"as_of", {}}};
          as_of.res = {ast::RefKind::AsOf, -1};
          as_of.type = ast::Type::date();
          values(as_of, walk, budget - 1);
        }
        if (fn == ast::Builtin::TimeSince && e.args[0]->res.kind == ast::RefKind::Reference) {
          const auto& ref = *p_.references[static_cast<std::size_t>(e.args[0]->res.index)].decl;
          if (const Record* other = ev_.referenced(e.args[0]->res.index, f_); other && p_.released_field >= 0) {
            TracedValue released =
                field_value(p_.released_field, *other, "released@" + ref.name.text,
                            p_.fields[static_cast<std::size_t>(p_.released_field)].type);
            walk.add(std::move(released));
          }
          return;
        }
      }
      for (const auto& a : e.args) values(*a, walk, budget - 1);
      return;
    }
    default:
      for (const auto& a : e.args) values(*a, walk, budget - 1);
      return;
  }
}

// --- Verdicts ------------------------------------------------------------------------------

VerdictTrace Tracer::ladder(int32_t li, const Verdict& verdict) {
  VerdictTrace out;
  out.verdict = verdict;
  const auto& ladder = p_.ladders[li];
  const auto& decl = *ladder.decl;
  const std::string axis = decl.by ? expr_text(*decl.by) : "?";
  const Dim dim = decl.by ? decl.by->type.dim : Dim::Number;
  const Value x = decl.by ? ev_.eval(*decl.by, f_) : Value::unknown();
  if (decl.by) values(*decl.by, out.values);

  if (x.kind != Value::Kind::Number || std::isnan(x.x)) {
    out.condition = fmt::format("the tier of {} by {}", decl.name.text, axis);
    TraceStep s;
    s.test = fmt::format("{} is known", axis);
    s.result = x.is_unknown() ? "false" : "true";
    if (!x.is_unknown()) s.margin = fmt::format("{} is {}: the tier is that of each value the range allows", axis,
                                                value_text(x, dim, lines_));
    out.steps.push_back(std::move(s));
  } else {
    const int32_t t = ev_.tier_of(li, x.x);
    const bool ratio = multiplicative(dim) && x.x > 0;
    // One step per bound: its test, the margin, and the tier beyond it.
    const auto bound_step = [&](double bound, bool inclusive, bool upper, const std::string& whose) {
      const ast::Op op = upper ? (inclusive ? ast::Op::Le : ast::Op::Lt) : (inclusive ? ast::Op::Ge : ast::Op::Gt);
      const std::string fb = format_quantity(bound, dim);
      TraceStep s;
      s.test = fmt::format("{} {} {}{}", axis, ast::op_text(op), fb, whose);
      const bool lo_holds = ast::holds(op, x.lo, bound), hi_holds = ast::holds(op, x.hi, bound);
      s.result = lo_holds && hi_holds ? "true" : !lo_holds && !hi_holds ? "false" : "possible";
      s.margin = numeric_margin(x, Value::number(bound), dim, lines_);
      // The point estimate is on the tier's side of each of its bounds: past the bound is the
      // neighbouring tier.
      const int32_t beyond = tier_beside(ev_, li, bound, inclusive, upper);
      const std::string change = change_needed(x.x, bound, op, dim, ratio && bound > 0, axis, lines_);
      const std::string where = where_it_turns(op, true, fb);
      s.flip = beyond < 0 ? fmt::format("would fall in no tier {}: {}", where, change)
                          : fmt::format("would {} `{}` {}: {}", upper ? "enter" : "fall to", tier_name(li, beyond),
                                        where, change);
      out.steps.push_back(std::move(s));
    };
    if (t >= 0) {
      const auto& r = ladder.ranges[static_cast<std::size_t>(t)];
      const std::string tier = tier_name(li, t);
      std::string cond;
      if (r.has_lo) cond = fmt::format("{} {} {}", axis, r.lo_inclusive ? ">=" : ">", format_quantity(r.lo, dim));
      if (r.has_hi)
        cond += fmt::format("{}{} {} {}", cond.empty() ? "" : " and ", axis, r.hi_inclusive ? "<=" : "<",
                            format_quantity(r.hi, dim));
      out.condition = cond.empty() ? fmt::format("{}: any value of {}", tier, axis) : fmt::format("{} if {}", tier, cond);
      if (r.has_lo) bound_step(r.lo, r.lo_inclusive, false, fmt::format(" (the lower bound of {})", tier));
      if (r.has_hi) bound_step(r.hi, r.hi_inclusive, true, fmt::format(" (the upper bound of {})", tier));
    } else {
      out.condition = fmt::format("the tier of {} by {}: the value falls in no tier", decl.name.text, axis);
      // The nearest tier on each side, and how far it is.
      double below = -std::numeric_limits<double>::infinity(), above = std::numeric_limits<double>::infinity();
      bool below_inclusive = false, above_inclusive = false;
      for (const auto& r : ladder.ranges) {
        if (r.has_lo && r.lo >= x.x && r.lo < above) {
          above = r.lo;
          above_inclusive = r.lo_inclusive;
        }
        if (r.has_hi && r.hi <= x.x && r.hi > below) {
          below = r.hi;
          below_inclusive = r.hi_inclusive;
        }
      }
      if (std::isfinite(above)) bound_step(above, !above_inclusive, true, " (the next tier's lower bound)");
      if (std::isfinite(below)) bound_step(below, !below_inclusive, false, " (the previous tier's upper bound)");
    }
  }
  // Escalations: each condition, and its tests.
  for (int32_t e : ladder.escalations) {
    const auto& esc = p_.escalations[static_cast<std::size_t>(e)];
    if (!esc.decl->when) continue;
    TraceStep s;
    s.test = fmt::format("escalate to {} when {}", esc.decl->tier.text, expr_text(*esc.decl->when));
    s.result = result_of(ev_.eval(*esc.decl->when, f_));
    out.steps.push_back(std::move(s));
    steps(*esc.decl->when, out.steps);
    values(*esc.decl->when, out.values);
  }
  return out;
}

VerdictTrace Tracer::condition(const Verdict& verdict, const ast::Expr* when) {
  VerdictTrace out;
  out.verdict = verdict;
  if (!when) {
    out.condition = "no condition is written";
    return out;
  }
  out.condition = expr_text(*when);
  steps(*when, out.steps);
  values(*when, out.values);
  return out;
}

VerdictTrace Tracer::obligation(const Evaluator::ObligationSite& site, const Verdict& verdict) {
  VerdictTrace out;
  out.verdict = verdict;
  // Each value once: by a set, for an obligation may be lifted by thousands of exemptions.
  std::unordered_set<std::string> seen;
  auto add_value = [&](TracedValue v) {
    if (seen.insert(v.name).second) out.values.push_back(std::move(v));
  };
  TraceStep imposed;
  if (site.trigger >= 0) {
    const std::string name = p_.triggers[static_cast<std::size_t>(site.trigger)]->name.text;
    imposed.test = fmt::format("trigger {} fires", name);
    add_value(rule_value(name, ev_.trigger(site.trigger, f_), ast::Type::boolean(), "trigger " + name));
  } else {
    const auto& decl = *p_.ladders[static_cast<std::size_t>(site.ladder)].decl;
    imposed.test = fmt::format("{} == {}", decl.name.text, tier_name(site.ladder, site.tier));
    add_value(rule_value(decl.name.text, ev_.ladder(site.ladder, f_), ast::Type::tier(site.ladder),
                               fmt::format("tiers {} by {}", decl.name.text, decl.by ? expr_text(*decl.by) : "?")));
  }
  imposed.result = result_of(ev_.obligation_applies(site, f_));
  out.steps.push_back(std::move(imposed));

  // The exemptions that can lift it.
  std::vector<std::string> lifting;
  for (std::size_t j = 0; j < p_.exemptions.size(); ++j) {
    bool targets = false;
    for (const auto& t : p_.exemptions[j].targets) {
      using K = check::ExemptionTarget::Kind;
      targets |= t.kind == K::All || (t.kind == K::Trigger && t.index == site.trigger) ||
                 (t.kind == K::Tier && t.index == site.ladder && t.sub == site.tier);
    }
    if (!targets) continue;
    const std::string name = p_.exemptions[j].decl->name.text;
    lifting.push_back(name);
    add_value(rule_value(name, ev_.exemption(static_cast<int32_t>(j), f_), ast::Type::boolean(),
                               "exemption " + name));
  }
  out.condition = fmt::format("{}{}", out.steps.front().test,
                              lifting.empty() ? "" : fmt::format(" and not ({})", fmt::join(lifting, " or ")));
  if (!lifting.empty()) {
    TraceStep exempt;
    exempt.test = fmt::format("an exemption lifts it: {}", fmt::join(lifting, ", "));
    std::vector<int32_t> by;
    exempt.result = result_of(ev_.obligation_exempt(site, f_, &by));
    if (!by.empty()) exempt.margin = fmt::format("lifted by {}", p_.exemptions[static_cast<std::size_t>(by.front())].decl->name.text);
    out.steps.push_back(std::move(exempt));
  }
  return out;
}

}  // namespace

std::vector<VerdictTrace> trace_verdicts(Evaluator& ev, const Record& record, const ModelResult& verdicts) {
  const auto& p = ev.program();
  Tracer tracer(ev, record);
  // Each rule of the program by its verdict's name.
  enum class Kind { Ladder, Trigger, Exemption, Obligation };
  std::unordered_map<std::string, std::pair<Kind, int32_t>> rules;
  for (int32_t i = 0; i < static_cast<int32_t>(p.ladders.size()); ++i) rules[p.ladders[i].decl->name.text] = {Kind::Ladder, i};
  for (int32_t i = 0; i < static_cast<int32_t>(p.triggers.size()); ++i) rules[p.triggers[i]->name.text] = {Kind::Trigger, i};
  for (int32_t i = 0; i < static_cast<int32_t>(p.exemptions.size()); ++i)
    rules[p.exemptions[i].decl->name.text] = {Kind::Exemption, i};
  const auto& sites = ev.obligation_sites();
  for (int32_t i = 0; i < static_cast<int32_t>(sites.size()); ++i) rules[sites[i].rule] = {Kind::Obligation, i};

  std::vector<VerdictTrace> out;
  out.reserve(verdicts.verdicts.size());
  for (const Verdict& v : verdicts.verdicts) {
    auto it = rules.find(v.rule);
    if (it == rules.end()) {
      VerdictTrace t;
      t.verdict = v;
      out.push_back(std::move(t));
      continue;
    }
    const auto [kind, i] = it->second;
    switch (kind) {
      case Kind::Ladder: out.push_back(tracer.ladder(i, v)); break;
      case Kind::Trigger: out.push_back(tracer.condition(v, p.triggers[i]->when.get())); break;
      case Kind::Exemption: out.push_back(tracer.condition(v, p.exemptions[i].decl->when.get())); break;
      case Kind::Obligation: out.push_back(tracer.obligation(sites[i], v)); break;
    }
  }
  return out;
}

}  // namespace scalepol::eval
