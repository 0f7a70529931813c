#include "eval/verdicts.hpp"

#include <fmt/format.h>

#include <cmath>

#include "eval/limit_reason.hpp"
#include "eval/model_names.hpp"

namespace scalepol::eval {

namespace {

Status status_of(const Value& v) {
  if (v.kind == Value::Kind::Unknown) return v.possible ? Status::Possible : Status::Unknown;
  if (v.kind == Value::Kind::Tier && v.possible) return Status::Possible;
  return Status::Definite;
}

std::string bool_text(const Value& v) {
  if (v.kind == Value::Kind::Bool) return v.boolean ? "true" : "false";
  return "unknown";
}

void set_quote(Verdict& out, const std::vector<ast::Quote>& quotes) {
  if (quotes.empty()) return;
  out.quote = quotes.front().text;
  out.source = quotes.front().source;
}

std::string range_text(const check::TierRange& r, ast::Dim dim) {
  std::string lo = r.has_lo ? (r.lo_inclusive ? "from " : "above ") + format_quantity(r.lo, dim) : "";
  std::string hi = r.has_hi ? (r.hi_inclusive ? "up to " : "below ") + format_quantity(r.hi, dim) : "";
  if (!lo.empty() && !hi.empty()) return lo + " " + hi;
  if (lo.empty() && hi.empty()) return "any value";
  return lo.empty() ? hi : lo;
}

// How far the point estimate is from the tier's bounds, as ratios: "2.1x its lower bound",
// "4.8x below its upper bound". Only for positive quantities, where a ratio means something.
std::string ratio_text(double r) {
  // Four significant digits, written as a person would: 2.1, 1.001, 100.
  // Never "1x" for a ratio that is not 1: the digit that says which side of the bound it is on stays.
  return format_number(keep_sides(r, round_significant(r, 4), {1.0})) + "x";
}

// A ratio past the range of a double (1e23 FLOP over a subnormal 6.6e-311 FLOP) is left out
// rather than written "infx".
std::string margins(const check::TierRange& r, double x) {
  if (!(x > 0)) return "";
  std::string out;
  if (r.has_lo && r.lo > 0 && std::isfinite(x / r.lo)) out += "; " + ratio_text(x / r.lo) + " its lower bound";
  if (r.has_hi && r.hi > 0 && std::isfinite(r.hi / x)) out += "; " + ratio_text(r.hi / x) + " below its upper bound";
  return out;
}

Verdict ladder_verdict(Evaluator& ev, int32_t li, Evaluator::Frame& f) {
  const auto& p = ev.program();
  const auto& ladder = p.ladders[li];
  const auto& decl = *ladder.decl;
  Verdict out;
  out.rule = decl.name.text;
  out.kind = VerdictKind::Tier;
  Value v = ev.ladder(li, f);
  out.status = status_of(v);
  ast::Dim dim = decl.by ? decl.by->type.dim : ast::Dim::Number;
  const std::string axis = decl.by ? ev.text_of(*decl.by) : "?";
  Value axis_value = decl.by ? ev.eval(*decl.by, f) : Value::unknown();
  // The axis is printed with the digits that place it against the policy's lines (its tiers'
  // bounds among them).
  const Lines& bounds = ev.lines();
  if (v.kind == Value::Kind::Tier && v.tier == kNoPointTier) {
    // No point estimate: a half-open range, or an escalation that may or may not hold.
    auto name = [&](int32_t t) { return t >= 0 ? decl.tiers[static_cast<std::size_t>(t)].name.text : std::string("no tier"); };
    out.value = "unknown";
    const std::string reach = reach_text(v.reach, name);
    Value base = ev.ladder_base(li, f);
    if (base.kind == Value::Kind::Tier && base.tier == kNoPointTier) {
      out.because = fmt::format("{} is {}, with no point estimate: the range reaches {}", axis,
                                format_value(axis_value, dim, bounds), reach);
      return out;
    }
    out.because = fmt::format("{} is {}; an escalation may hold: the tier reaches {}", axis,
                              format_value(axis_value, dim, bounds), reach);
    for (int32_t e : ladder.escalations) {
      const auto& esc = p.escalations[e];
      if (esc.decl->when && esc.tier == static_cast<int32_t>(v.hi)) {
        out.because += fmt::format(" ({} is undecided)", ev.text_of(*esc.decl->when));
        break;
      }
    }
    return out;
  }
  if (v.kind == Value::Kind::Tier) {
    if (v.tier < 0) {
      out.value = "no_tier";
      out.because = fmt::format("{} is {}, which falls in no tier", axis, format_value(axis_value, dim, bounds));
      if (v.possible)
        out.because += "; the range reaches " + reach_text(v.reach, [&](int32_t t) {
                         return t >= 0 ? decl.tiers[static_cast<std::size_t>(t)].name.text : std::string("no tier");
                       });
      return out;
    }
    const auto& tier = decl.tiers[v.tier];
    out.value = tier.name.text;
    Value base = ev.ladder_base(li, f);
    if (base.kind != Value::Kind::Tier || base.tier != v.tier) {
      // Escalated; from no tier at all only to the top one, which then holds whatever the axis.
      out.because = fmt::format("{} is {}; escalated to {}{}", axis, format_value(axis_value, dim, bounds), tier.name.text,
                                base.kind == Value::Kind::Tier ? "" : ", the top tier,");
      for (int32_t e : ladder.escalations) {
        const auto& esc = p.escalations[e];
        if (esc.tier == v.tier && esc.decl->when) {
          out.because += fmt::format(" because {}", ev.text_of(*esc.decl->when));
          set_quote(out, esc.decl->quotes);
          break;
        }
      }
    } else if (v.possible) {
      // The point estimate's tier, with the margin to its bounds and the tiers the range reaches.
      auto name = [&](int32_t t) { return t >= 0 ? decl.tiers[t].name.text : std::string("no tier"); };
      std::string reaches = reach_text(v.reach, name);
      if (!reaches.starts_with("from ")) reaches = "it reaches " + reaches;
      out.because = fmt::format("{} is {}; {} is {}{}; the range straddles it: {}", axis,
                                format_value(axis_value, dim, bounds), tier.name.text, range_text(ladder.ranges[v.tier], dim),
                                margins(ladder.ranges[v.tier], axis_value.x), reaches);
    } else {
      out.because = fmt::format("{} is {}; {} is {}{}", axis, format_value(axis_value, dim, bounds), tier.name.text,
                                range_text(ladder.ranges[v.tier], dim), margins(ladder.ranges[v.tier], axis_value.x));
    }
    if (out.quote.empty()) set_quote(out, tier.quotes);
    return out;
  }
  out.value = "unknown";
  auto probe = ast::Expr{};
  probe.kind = ast::ExprKind::Name;
  probe.res = {ast::RefKind::Ladder, li};
  ev.missing_fields(probe, f, out.unknown_fields);
  if (ev.exhausted()) {
    out.step_limit_reached = ev.step_limit();
    out.because = fmt::format("{} was not computed: evaluation stopped at the limit of {} steps per record", axis,
                              with_thousands(out.step_limit_reached));
  } else {
    out.because = out.unknown_fields.empty() ? fmt::format("{} is unknown", axis)
                                             : fmt::format("rests on unknown {}", fmt::join(out.unknown_fields, ", "));
    if (v.reach != 0)  // only an escalation is unknown: the tiers it may be in are known
      out.because += "; the tier reaches " + reach_text(v.reach, [&](int32_t t) {
                       return t >= 0 ? decl.tiers[static_cast<std::size_t>(t)].name.text : std::string("no tier");
                     });
  }
  return out;
}

Verdict condition_verdict(Evaluator& ev, VerdictKind kind, const std::string& rule, const ast::Expr* when,
                          const Value& v, const std::vector<ast::Quote>& quotes, Evaluator::Frame& f) {
  Verdict out;
  out.rule = rule;
  out.kind = kind;
  out.value = bool_text(v);
  out.status = status_of(v);
  set_quote(out, quotes);
  if (!when) return out;
  const std::string& cond = ev.text_of(*when);
  if (v.kind == Value::Kind::Bool) {
    out.because = fmt::format("{} is {}", cond, out.value);
  } else {
    ev.missing_fields(*when, f, out.unknown_fields);
    if (ev.exhausted()) {
      out.step_limit_reached = ev.step_limit();
      out.because = fmt::format("{} was not computed: evaluation stopped at the limit of {} steps per record", cond,
                                with_thousands(out.step_limit_reached));
    } else {
      out.because = out.unknown_fields.empty() ? fmt::format("{} is undecided", cond)
                                               : fmt::format("{} rests on unknown {}", cond, fmt::join(out.unknown_fields, ", "));
    }
  }
  return out;
}

}  // namespace

ModelResult verdicts_for(Evaluator& ev, const Record& record, Evaluator::Frame& f) {
  const auto& p = ev.program();
  ModelResult result;
  result.model = ev.records().model_name(record);
  ev.reset(f, record);
  for (int32_t i = 0; i < static_cast<int32_t>(p.ladders.size()); ++i) result.verdicts.push_back(ladder_verdict(ev, i, f));
  for (int32_t i = 0; i < static_cast<int32_t>(p.triggers.size()); ++i) {
    const auto& t = *p.triggers[i];
    result.verdicts.push_back(
        condition_verdict(ev, VerdictKind::Trigger, t.name.text, t.when.get(), ev.trigger(i, f), t.quotes, f));
  }
  for (int32_t i = 0; i < static_cast<int32_t>(p.exemptions.size()); ++i) {
    const auto& e = *p.exemptions[i].decl;
    result.verdicts.push_back(
        condition_verdict(ev, VerdictKind::Exemption, e.name.text, e.when.get(), ev.exemption(i, f), e.quotes, f));
  }
  // Obligations: only those the record may incur (its tier, or a trigger not definitely off).
  for (const auto& site : ev.obligation_sites()) {
    Value applies = ev.obligation_applies(site, f);
    if (applies.kind == Value::Kind::Bool && !applies.boolean) continue;
    Verdict out;
    out.rule = site.rule;
    out.kind = VerdictKind::Obligation;
    Value incurred = ev.obligation_incurred(site, f);
    out.value = bool_text(incurred);
    out.status = status_of(incurred);
    set_quote(out, site.decl->quotes);
    std::string imposed_by = site.trigger >= 0 ? "trigger " + p.triggers[site.trigger]->name.text
                                               : "tier " + p.ladders[site.ladder].decl->tiers[site.tier].name.text;
    std::string what = site.decl->text.empty() ? site.decl->kind.text : site.decl->kind.text + " \"" + site.decl->text + "\"";
    if (site.decl->within) what += " within " + ev.text_of(*site.decl->within);
    std::vector<int32_t> by;
    ev.obligation_exempt(site, f, &by);
    if (!by.empty()) {
      out.because = fmt::format("{} is imposed by {} but lifted by exemption {}", what, imposed_by,
                                p.exemptions[by.front()].decl->name.text);
    } else if (incurred.kind == Value::Kind::Bool) {
      out.because = fmt::format("{}, imposed by {}", what, imposed_by);
    } else {
      out.because = fmt::format("{}, if {} applies and no exemption does", what, imposed_by);
    }
    result.verdicts.push_back(std::move(out));
  }
  return result;
}

}  // namespace scalepol::eval
