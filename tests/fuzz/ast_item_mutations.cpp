// Item mutations of the grammar-aware mutator (ast_mutations.hpp): items copied, left out or
// added — definitions that read each other, rules, references, imports.
#include <algorithm>
#include <string>
#include <vector>

#include "ast_mutations.hpp"

namespace fuzz::ast_mutator {

// The text of item `it` of `p`, renamed to `name` when it has a name.
std::string item_text(const Parsed& p, const ItemRef& it, const std::string& name) {
  std::string copy(slice(p, it.span));
  if (it.name && it.name->begin >= it.span.begin && it.name->end <= it.span.end)
    copy = splice(copy, {it.name->begin - it.span.begin, it.name->end - it.span.begin}, name);
  return copy;
}

// A definition, rule, tier, assumption, … copied under a fresh name, right after itself.
Text duplicate_item(Ctx& c) {
  const ItemRef* it = pick_if(c.rng, c.ix.items, [](const ItemRef& r) { return r.copyable; });
  if (!it) return {};
  const std::string copy = item_text(c.p, *it, fresh_name(c.rng, c.p.text()));
  return splice(c.p.text(), {it->span.end, it->span.end}, "\n" + copy + "\n");
}

// An item, or a part of one (a tier, a bound, an obligation, a quote, an import, …), left out.
Text drop_item(Ctx& c) {
  if (c.ix.items.empty()) return {};
  return splice(c.p.text(), c.rng.pick(c.ix.items).span, "");
}

std::string append(const std::string& text, const std::string& item) { return text + "\n" + item + "\n"; }

// A definition that reads another one, preferably one this mutator added: chains of
// definitions, to the depth the checker allows and past it.
Text add_define(Ctx& c) {
  const std::string name = fresh_name(c.rng, c.p.text());
  std::vector<const NameRef*> added, all;
  for (const auto& n : c.ix.names) {
    all.push_back(&n);
    if (n.text.rfind("fz_", 0) == 0) added.push_back(&n);
  }
  Gen value;
  if (all.empty() || c.rng.one_in(4)) {
    value = make_expr(c.rng, c.ix, Kind::Unknown, 2);
  } else {
    const NameRef& d = *(added.empty() || c.rng.one_in(3) ? c.rng.pick(all) : c.rng.pick(added));
    const std::string ref = c.ix.references.empty() ? "" : c.rng.pick(c.ix.references);
    value = {d.text, true};
    if (!c.rng.one_in(2)) switch (d.kind) {
        case Kind::Bool: {
          static const char* forms[] = {"not ", "", ""};
          const int f = static_cast<int>(c.rng.below(3));
          value.text = f == 0 ? forms[0] + d.text
                              : d.text + (f == 1 ? " and " : " or ") + operand(make_expr(c.rng, c.ix, Kind::Bool, 0));
          value.atom = false;
          break;
        }
        case Kind::Quantity: {
          static const char* forms[] = {"{0} * 2", "{0} + {0}", "max({0}, {0})", "-{0}", "2x {0}", "{0} / {0}"};
          std::string f = forms[c.rng.below(std::size(forms))];
          if (!ref.empty() && c.rng.one_in(3)) f = "{0}@" + ref;
          for (std::size_t at; (at = f.find("{0}")) != std::string::npos;) f.replace(at, 3, d.text);
          value = {f, false};
          break;
        }
        case Kind::Date: value = {"min(" + d.text + ", " + new_date(c.rng) + ")", true}; break;
        default:
          if (!ref.empty()) value = {d.text + "@" + ref, true};
          break;
      }
  }
  return append(c.p.text(), "define " + name + " = " + value.text);
}

// A new rule: a trigger, an exemption, a tier ladder, an escalation, an assumption or a test.
Text add_rule(Ctx& c) {
  const std::string name = fresh_name(c.rng, c.p.text());
  auto cond = [&] { return make_expr(c.rng, c.ix, Kind::Bool, static_cast<int>(c.rng.below(3))).text; };
  switch (c.rng.below(7)) {
    case 0:
      return append(c.p.text(), "trigger " + name + " { when " + cond() +
                                    (c.rng.one_in(2) ? " require notify \"fuzz\" within 2 weeks" : "") + " }");
    case 1: return append(c.p.text(), "exempt " + name + " when " + cond());
    case 2: {
      std::string applies = "all";
      if (!c.ix.ladders.empty()) {
        const auto& [ladder, tiers] = c.rng.pick(c.ix.ladders);
        if (!tiers.empty()) applies = ladder + "." + c.rng.pick(tiers);
      } else if (!c.ix.rules.empty()) {
        applies = c.rng.pick(c.ix.rules);
      }
      return append(c.p.text(), "exemption " + name + " { applies_to " + applies + " when " + cond() + " }");
    }
    case 3: {
      // A ladder on a quantity of a known unit, bounds in that unit (overlapping sometimes).
      const NameRef* by = pick_if(c.rng, c.ix.names, [](const NameRef& n) { return n.kind == Kind::Quantity && n.unit != "?"; });
      if (!by) return {};
      const std::string unit = by->unit.empty() ? "" : by->unit == "x" ? "x" : " " + by->unit;
      const std::string a = new_digits(c.rng, 1e25) + unit, b = new_digits(c.rng, 1e26) + unit;
      return append(c.p.text(), "tiers " + name + " by " + by->text + " { tier low below " + a + "  tier mid from " + a +
                                    " below " + b + "  tier high from " + b + " }");
    }
    case 4: {
      if (c.ix.ladders.empty()) return {};
      const auto& [ladder, tiers] = c.rng.pick(c.ix.ladders);
      if (tiers.empty()) return {};
      return append(c.p.text(), "escalate " + ladder + " to " + c.rng.pick(tiers) + " when " + cond());
    }
    case 5: {
      static const std::vector<std::string> forms = {
          "{0} in [2019-01-01, 2023-09-19]", "{0} in [1e25 FLOP, 1e26 FLOP]", "{0} in 5..14 months",
          "{0} in 1..1", "{0} = 8 months within 5..14 months", "{0} in [true, false]", "{0} = 0"};
      std::string f = c.rng.pick(forms);
      f.replace(f.find("{0}"), 3, name);
      return append(c.p.text(), "assume { " + f + " }");
    }
    default: {
      // A test: one record of the policy's fields, named by its key field, and an expectation.
      const NameRef* key = pick_if(c.rng, c.ix.names, [](const NameRef& n) { return n.key; });
      if (!key) return {};
      std::string record = key->text + " \"fuzz\"";
      for (const auto& n : c.ix.names) {
        if (!n.field || n.key || !c.rng.one_in(3)) continue;
        switch (n.kind) {
          case Kind::Quantity:
            if (n.unit == "?") continue;
            record += "  " + n.text + " " + new_digits(c.rng, 1e25) + (n.unit.empty() ? "" : n.unit == "x" ? "x" : " " + n.unit);
            break;
          case Kind::Date: record += "  " + n.text + " " + new_date(c.rng); break;
          case Kind::Text: record += "  " + n.text + " " + new_string(c.rng); break;
          case Kind::Bool: record += "  " + n.text + (c.rng.one_in(2) ? " true" : " false"); break;
          default: break;
        }
      }
      return append(c.p.text(), "test \"" + name + "\" { record { " + record + " }  expect " + cond() + " }");
    }
  }
}

// A reference point: a field naming another model, or the frontier at a date.
Text add_reference(Ctx& c) {
  const std::string name = fresh_name(c.rng, c.p.text());
  // A text field naming a model (std.model's base_model, predecessor_model, …), or the frontier.
  std::vector<std::string> fields;
  for (const auto& n : c.ix.names)
    if (n.field && n.kind == Kind::Text && !n.key) fields.push_back(n.text);
  // The frontier ranks by training_compute unless `by` names another quantity.
  std::vector<std::string> ranks;
  for (const auto& n : c.ix.names)
    if (n.field && n.kind == Kind::Quantity) ranks.push_back(n.text);
  const bool has_compute = std::find(ranks.begin(), ranks.end(), "training_compute") != ranks.end();
  std::string target;
  if (!fields.empty() && c.rng.one_in(2)) {
    target = c.rng.pick(fields);
  } else if (ranks.empty()) {
    if (!c.rng.one_in(8)) return {};  // no field to rank by: an error, now and then
    target = "frontier at " + new_date(c.rng);
  } else if (has_compute && c.rng.one_in(2)) {
    target = "frontier at " + new_date(c.rng);
  } else {
    target = "frontier at " + new_date(c.rng) + " by " + c.rng.pick(ranks);
  }
  return append(c.p.text(), "reference " + name + " = " + target);
}

Text add_import(Ctx& c) {
  static const std::vector<std::string> modules = {"std.model", "std.progress", "std.units", "std.benchmarks"};
  return append(c.p.text(), "import " + c.rng.pick(modules));
}

}  // namespace fuzz::ast_mutator
