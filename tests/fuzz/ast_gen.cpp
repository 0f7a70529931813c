// Expressions and literals for the grammar-aware mutator (ast_gen.hpp). Built to check most of
// the time — a comparison puts a number of the quantity's own unit on the other side, a text is
// compared with a string — so that the checker lets them through to the linter and evaluators;
// the rest (an unknown kind, a random unit) gives the checker's errors their share.
#include "ast_gen.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

namespace fuzz::ast_mutator {
namespace {

const NameRef* pick_name(Rng& rng, const Index& ix, Kind kind) {
  std::vector<const NameRef*> fit;
  for (const auto& n : ix.names)
    if (kind == Kind::Unknown || n.kind == kind) fit.push_back(&n);
  return fit.empty() ? nullptr : rng.pick(fit);
}

// A number in `unit` ("" a plain number, "?" any unit of the pool, then put in `*chosen`),
// sometimes with the range it plausibly lies in (`8 months within 5..14 months`).
Gen number(Rng& rng, const std::string& unit, std::string* chosen = nullptr) {
  static const std::vector<std::string> units = {"FLOP", "FLOP/s", "params", "USD", "hours", "days", "months",
                                                 "years", "weeks", "%", "pp", "tokens", "x", ""};
  static const std::vector<std::string> usual = {"1", "4", "8", "10", "100", "1e9", "1e24", "1e25", "2.1e25",
                                                 "1e26", "0.5", "1e-3"};
  const std::string u = unit == "?" ? rng.pick(units) : unit;
  if (chosen) *chosen = u;
  const std::string digits = rng.one_in(3) ? new_digits(rng, 1e25) : rng.pick(usual);
  if (u == "x") return {digits + "x", true};
  std::string text = u.empty() ? digits : digits + " " + u;
  if (rng.one_in(8)) {
    // Bounds of the same unit around the value, or any two of the pool (lo > hi included).
    std::string lo = rng.pick(usual), hi = rng.pick(usual);
    text += " within " + lo + ".." + hi + (u.empty() ? "" : " " + u);
  }
  return {text, true};
}

std::string reference(Rng& rng, const Index& ix) { return ix.references.empty() ? "" : rng.pick(ix.references); }

Gen quantity(Rng& rng, const Index& ix, int depth, const std::string& want, std::string& unit);
Gen date(Rng& rng, const Index& ix, int depth);
Gen text_expr(Rng& rng, const Index& ix, int depth);

// A name or a number, of unit `want` unless that is "?"; `unit` is set to its unit.
Gen quantity_leaf(Rng& rng, const Index& ix, const std::string& want, std::string& unit) {
  if (!rng.one_in(3)) {
    std::vector<const NameRef*> fit;
    for (const auto& n : ix.names)
      if (n.kind == Kind::Quantity && (want == "?" || n.unit == want)) fit.push_back(&n);
    if (!fit.empty()) {
      const NameRef* n = rng.pick(fit);
      unit = n->unit;
      return {n->text, true};
    }
  }
  if (want != "?") {
    unit = want;
    return number(rng, want);
  }
  return number(rng, rng.one_in(4) ? "" : "?", &unit);
}

// A quantity of unit `want` ("?": any); `unit` is set to its unit when known, "?" otherwise.
Gen quantity(Rng& rng, const Index& ix, int depth, const std::string& want, std::string& unit) {
  if (depth <= 0 || rng.one_in(3)) return quantity_leaf(rng, ix, want, unit);
  Gen x = quantity(rng, ix, depth - 1, want, unit);
  const std::string ref = reference(rng, ix);
  auto same = [&]() -> Gen {  // another quantity of x's unit
    if (unit != "?" && rng.one_in(2)) return number(rng, unit);
    if (!ref.empty() && rng.one_in(2)) return {operand(x) + "@" + ref, true};
    return x;
  };
  // The forms that keep the unit, then (when any unit will do) those that make another one.
  switch (rng.below(want == "?" ? 12 : 9)) {
    case 0: return {operand(x) + " * " + rng.pick(std::vector<std::string>{"2", "0.5", "0", "1e300", "1e-300"}), false};
    case 1: return {operand(x) + " / " + rng.pick(std::vector<std::string>{"2", "3", "0", "1e-300"}), false};
    case 2: return {operand(x) + " + " + operand(same()), false};
    case 3: return {operand(x) + " - " + operand(same()), false};
    case 4: return {"-" + operand(x), false};
    case 5: return {"abs(" + x.text + ")", true};
    case 6: return {std::string(rng.one_in(2) ? "min(" : "max(") + x.text + ", " + same().text + ")", true};
    case 7:
      if (!ref.empty()) return {operand(x) + "@" + ref, true};
      return x;
    case 8: return {rng.pick(std::vector<std::string>{"4x ", "2x ", "0x ", "1e308x "}) + operand(x), false};
    case 9: {
      unit = "?";
      return {"time_since(" + (rng.one_in(3) && !ref.empty() ? ref : date(rng, ix, depth - 1).text) + ")", true};
    }
    case 10: {
      unit = "?";
      const std::string halving = rng.one_in(2) ? "8 months within 5..14 months" : number(rng, "months").text;
      return {"progress(halving: " + halving + ", since: " + date(rng, ix, depth - 1).text + ")", true};
    }
    default: {
      Gen y = same();
      unit = "?";  // a ratio
      return {operand(x) + " / " + operand(y), false};
    }
  }
}

Gen date(Rng& rng, const Index& ix, int depth) {
  Gen leaf;
  if (rng.one_in(2)) {
    if (const NameRef* n = pick_name(rng, ix, Kind::Date)) leaf = {n->text, true};
  }
  if (leaf.text.empty()) leaf = rng.one_in(6) ? Gen{"as_of", true} : Gen{new_date(rng), true};
  if (depth <= 0 || rng.one_in(2)) return leaf;
  const std::string ref = reference(rng, ix);
  if (!ref.empty() && rng.one_in(2)) return {operand(leaf) + "@" + ref, true};
  return {std::string(rng.one_in(2) ? "min(" : "max(") + leaf.text + ", " + new_date(rng) + ")", true};
}

Gen text_expr(Rng& rng, const Index& ix, int depth) {
  const NameRef* n = pick_name(rng, ix, Kind::Text);
  if (!n || rng.one_in(4)) return {new_string(rng), true};
  const std::string ref = reference(rng, ix);
  if (depth > 0 && !ref.empty() && rng.one_in(3)) return {n->text + "@" + ref, true};
  return {n->text, true};
}

const char* compare_op(Rng& rng) {
  static const char* ops[] = {" < ", " <= ", " > ", " >= ", " == ", " != "};
  return ops[rng.below(6)];
}

Gen condition(Rng& rng, const Index& ix, int depth) {
  switch (rng.below(depth > 0 ? 10 : 7)) {
    case 0: {  // a quantity against a number of its unit, or against itself elsewhere
      std::string unit;
      Gen q = quantity(rng, ix, depth - 1, "?", unit);
      const std::string ref = reference(rng, ix);
      std::string other;
      if (!ref.empty() && rng.one_in(3)) {
        other = (rng.one_in(2) ? "4x " : "") + operand(q) + "@" + ref;
      } else {
        other = operand(unit == "?" ? Gen{"2 * " + operand(q), false} : number(rng, unit));
      }
      return {operand(q) + compare_op(rng) + other, false};
    }
    case 1: {
      Gen d = date(rng, ix, depth - 1);
      return {operand(d) + compare_op(rng) + operand(date(rng, ix, 0)), false};
    }
    case 2: {
      Gen t = text_expr(rng, ix, depth - 1);
      static const char* ops[] = {" contains ", " starts_with ", " == ", " != "};
      return {operand(t) + ops[rng.below(4)] + new_string(rng), false};
    }
    case 3: {  // a field or definition known or not
      const NameRef* n = pick_name(rng, ix, Kind::Unknown);
      if (!n) return {"true", true};
      const std::string& x = n->text;
      static const char* ops[] = {" is known", " is unknown", " is not known", " is not unknown", " is possible", " is definite"};
      return {x + ops[rng.below(std::size(ops))], false};
    }
    case 4: {  // a tier ladder against one of its tiers
      if (ix.ladders.empty()) return {"true", true};
      const auto& [ladder, tiers] = rng.pick(ix.ladders);
      if (tiers.empty() || rng.one_in(4)) return {ladder + " is known", false};
      return {ladder + (rng.one_in(3) ? " != " : " == ") + rng.pick(tiers), false};
    }
    case 5: {  // a name of kind bool, another rule, a constant
      if (!ix.rules.empty() && rng.one_in(4)) return {rng.pick(ix.rules), true};
      if (const NameRef* n = pick_name(rng, ix, Kind::Bool); n && rng.one_in(2)) return {n->text, true};
      return {rng.pick(std::vector<std::string>{"true", "false", "certified \"fuzz\""}), true};
    }
    case 6: return {"not " + operand(condition(rng, ix, depth - 1)), false};
    default: {
      Gen a = condition(rng, ix, depth - 1), b = condition(rng, ix, depth - 1);
      return {operand(a) + (rng.one_in(2) ? " and " : " or ") + operand(b), false};
    }
  }
}

}  // namespace

std::string operand(const Gen& g) { return g.atom ? g.text : "(" + g.text + ")"; }

bool is_atom(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::Name:
    case ast::ExprKind::Number:
    case ast::ExprKind::Date:
    case ast::ExprKind::String:
    case ast::ExprKind::Bool:
    case ast::ExprKind::Call:
    case ast::ExprKind::FreeText:
    case ast::ExprKind::Within:
    case ast::ExprKind::At: return true;
    default: return false;
  }
}

std::string operand(const Parsed& p, const ast::Expr& e) { return operand(Gen{std::string(slice(p, e.span)), is_atom(e)}); }

Kind guess_kind(const Index& ix, const ast::Expr& e) {
  if (const Kind k = kind_of(e); k != Kind::Unknown) return k;
  if (e.kind == ast::ExprKind::Name && e.path.size() == 1) {
    const std::string& name = e.path[0].text;
    for (const auto& n : ix.names)
      if (n.text == name) return n.kind;
    for (const auto& r : ix.rules)
      if (r == name) return Kind::Bool;
    for (const auto& l : ix.ladders)
      if (l.first == name) return Kind::Other;
    if (name == "obligations") return Kind::Other;
    if (name == "as_of") return Kind::Date;
  }
  if (e.kind == ast::ExprKind::Name && e.path.size() == 2)  // ladder.tier
    for (const auto& l : ix.ladders)
      if (l.first == e.path[0].text) return Kind::Other;
  if (e.kind == ast::ExprKind::At && !e.args.empty() && e.args[0]) return guess_kind(ix, *e.args[0]);
  if (e.kind == ast::ExprKind::Call) {
    if (e.callee.text == "time_since" || e.callee.text == "progress") return Kind::Quantity;
    if (!e.args.empty() && e.args[0]) return guess_kind(ix, *e.args[0]);
  }
  return Kind::Unknown;
}

Gen make_expr(Rng& rng, const Index& ix, Kind kind, int depth, const std::string& unit) {
  if (kind == Kind::Other && !ix.ladders.empty()) return {rng.pick(ix.ladders).first, true};
  if (kind == Kind::Other || kind == Kind::Unknown) {
    static const Kind kinds[] = {Kind::Bool, Kind::Bool, Kind::Quantity, Kind::Quantity, Kind::Date, Kind::Text};
    kind = kinds[rng.below(6)];
  }
  std::string made;
  switch (kind) {
    case Kind::Bool: return condition(rng, ix, depth);
    case Kind::Date: return date(rng, ix, depth);
    case Kind::Text: return text_expr(rng, ix, depth);
    default: return quantity(rng, ix, depth, unit, made);
  }
}

std::string guess_unit(const Index& ix, const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::Number: return e.unit;
    case ast::ExprKind::Name:
      if (e.path.size() == 1)
        for (const auto& n : ix.names)
          if (n.text == e.path[0].text) return n.kind == Kind::Quantity ? n.unit : "?";
      return "?";
    case ast::ExprKind::Call:
      if (e.callee.text != "min" && e.callee.text != "max" && e.callee.text != "abs") return "?";
      [[fallthrough]];
    case ast::ExprKind::Neg:
    case ast::ExprKind::Within:
    case ast::ExprKind::At: return !e.args.empty() && e.args[0] ? guess_unit(ix, *e.args[0]) : "?";
    case ast::ExprKind::Arith:
      // A sum has its operands' unit; a product or quotient another one, unless by a number.
      if (e.args.empty() || !e.args[0]) return "?";
      for (ast::Op o : e.ops)
        if (o == ast::Op::Mul || o == ast::Op::Div) return "?";
      return guess_unit(ix, *e.args[0]);
    default: return "?";
  }
}

std::string new_digits(Rng& rng, double value) {
  static const std::vector<std::string> edges = {
      "0", "0.0", "1", "10", "1e24", "1e25", "1e26", "1e308", "1.7976931348623157e308", "1e309",
      "1e-308", "2.2250738585072014e-308", "5e-324", "1e-400", "9007199254740993", "0.1", "1e-9"};
  if (rng.one_in(2)) return rng.pick(edges);
  static const double factors[] = {10, 0.1, 2, 0.5, 1e10, 1e-10, 1e300, 1e-300, 1.0000000000000002, 0.9999999999999999};
  double v = value;
  switch (rng.below(3)) {
    case 0: v = value * factors[rng.below(std::size(factors))]; break;
    case 1: v = std::nextafter(value, std::numeric_limits<double>::infinity()); break;
    default: v = std::nextafter(value, 0.0); break;
  }
  if (!std::isfinite(v) || v < 0) return "1e308";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;  // digits, '.', 'e', '+', '-' only: a NUMBER (1e+25 included)
}

std::string new_date(Rng& rng) {
  static const std::vector<std::string> edges = {"1970-01-01", "1969-12-31", "2000-02-29", "2024-02-29", "2023-03-15",
                                                 "2024-04-09", "2025-06-01", "2025-06-02", "1900-01-01", "9999-12-31",
                                                 "0001-01-01", "2100-12-31", "2023-02-29"};
  if (rng.one_in(2)) return rng.pick(edges);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", 1950 + static_cast<int>(rng.below(110)), 1 + static_cast<int>(rng.below(12)),
                1 + static_cast<int>(rng.below(28)));
  return buf;
}

std::string new_string(Rng& rng) {
  // Accessibility labels and model names of the target's records, and odd ones.
  static const std::vector<std::string> strings = {
      "\"\"", "\"Open weights\"", "\"Open weights (unrestricted)\"", "\"API access\"", "\"Unreleased\"",
      "\"GPT-4\"", "\"Llama 3 70B\"", "\"OpenAI\"", "\"Language\"", "\"Likely\"", "\"Speculative\"",
      "\"a\\\"b\"", "\"\xce\xa9 mega\"", "\"Open\""};
  return rng.pick(strings);
}

std::string fresh_name(Rng& rng, std::string_view text) {
  for (std::size_t k = rng.below(100);; ++k) {
    std::string name = "fz_" + std::to_string(k);
    if (text.find(name) == std::string_view::npos) return name;
  }
}

}  // namespace fuzz::ast_mutator
