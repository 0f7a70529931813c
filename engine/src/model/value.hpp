// Runtime values. A value is unknown, or a bool, a number (in its dimension's base unit), a date,
// a text or a tier. A number carries a range [lo, hi]: an exact value has lo == hi, a public
// estimate may carry its bounds (docs/uncertainty.md). Logic is three-valued (Kleene).
#pragma once

#include <cstdint>
#include <string>

#include "ast/ast.hpp"

namespace scalepol::model {

enum class Tri : unsigned char { False, True, Unknown };

inline Tri tri_not(Tri a) { return a == Tri::Unknown ? a : (a == Tri::True ? Tri::False : Tri::True); }
// `unknown and false` is false; `unknown or true` is true.
inline Tri tri_and(Tri a, Tri b) {
  if (a == Tri::False || b == Tri::False) return Tri::False;
  if (a == Tri::Unknown || b == Tri::Unknown) return Tri::Unknown;
  return Tri::True;
}
inline Tri tri_or(Tri a, Tri b) {
  if (a == Tri::True || b == Tri::True) return Tri::True;
  if (a == Tri::Unknown || b == Tri::Unknown) return Tri::Unknown;
  return Tri::False;
}
inline Tri tri_of(bool b) { return b ? Tri::True : Tri::False; }

// The tier of a ladder's value that has no point estimate (a half-open range, or an escalation
// that may or may not hold): its value is unknown, and lo/hi still give the tiers it reaches.
inline constexpr int32_t kNoPointTier = -2;

// A set of tiers of one ladder: bit t + 1 for tier t, bit 0 for "no tier" (a value in a gap, or
// below every tier). A ladder has at most check::kMaxTiers tiers, so the set fits.
using TierSet = uint64_t;
// kNoPointTier, which is no tier of the ladder, is the empty set.
inline TierSet tier_bit(int32_t t) { return t < -1 ? 0 : TierSet{1} << static_cast<unsigned>(t + 1); }

struct Value {
  enum class Kind : unsigned char { Unknown, Bool, Number, Date, Text, Tier };
  Kind kind = Kind::Unknown;
  bool boolean = false;
  bool possible = false;  // Unknown only: undecided because a range straddles a line, not for want of data
  bool bounded = false;   // Number from data: the file gave its bounds (even equal to it), so the
                          // range is the data's own and --confidence-ranges leaves it
  double x = 0;           // Number: the point estimate, base units; Date: days since 1970-01-01
  double lo = 0, hi = 0;  // Number: the plausible range (lo <= x <= hi); Date: lo == hi == x
  int32_t tier = -1;      // Tier: position in its ladder
  TierSet reach = 0;      // Tier: the tiers the value's range reaches (lo/hi: the lowest and highest);
                          // Unknown: the tiers an unknown tier may be in, if it is one and they are known
  std::string text;       // Text

  static Value unknown() { return {}; }
  static Value of_bool(bool b) { Value v; v.kind = Kind::Bool; v.boolean = b; return v; }
  static Value number(double x) { Value v; v.kind = Kind::Number; v.x = v.lo = v.hi = x; return v; }
  // An estimate with its range; the point estimate is the range's middle.
  static Value number_range(double lo, double hi) { return estimate((lo + hi) / 2, lo, hi); }
  static Value estimate(double x, double lo, double hi) { Value v; v.kind = Kind::Number; v.x = x; v.lo = lo; v.hi = hi; return v; }
  static Value date(int32_t days) { Value v; v.kind = Kind::Date; v.x = v.lo = v.hi = days; return v; }
  static Value undecided() { Value v; v.possible = true; return v; }
  static Value of_text(std::string t) { Value v; v.kind = Kind::Text; v.text = std::move(t); return v; }
  // One tier, definitely.
  static Value of_tier(int32_t t) { Value v; v.kind = Kind::Tier; v.tier = t; v.x = v.lo = v.hi = t; v.reach = tier_bit(t); return v; }

  bool is_unknown() const { return kind == Kind::Unknown; }
  bool is_exact() const { return lo == hi; }
};

// The tiers a tier value may be in; also an unknown one's, when only an escalation is unknown.
// Empty for every other value.
template <class V>
TierSet tier_set(const V& v) {
  return v.kind == Value::Kind::Tier || v.kind == Value::Kind::Unknown ? v.reach : 0;
}

// `x is known / possible / definite` (docs/semantics.md, §1) from the value's status: `missing`
// when the data does not give it (unknown, not undecided), `open` when its range leaves it open
// (an undecided truth, a number or tier whose range is more than one value). The three statuses
// are exclusive, and the test itself is always decided.
inline bool status_test_holds(ast::StatusTest test, bool want, bool missing, bool open) {
  bool is = false;
  switch (test) {
    case ast::StatusTest::Known: is = !missing; break;
    case ast::StatusTest::Possible: is = !missing && open; break;
    case ast::StatusTest::Definite: is = !missing && !open; break;
  }
  return is == want;
}

// A value's status for status_test_holds: (missing, open). For Value and the compiled
// evaluator's CValue, which carry the same members.
template <class V>
bool value_missing(const V& v) { return v.kind == Value::Kind::Unknown && !v.possible; }
template <class V>
bool value_open(const V& v) {
  if (v.kind == Value::Kind::Unknown) return v.possible;
  return (v.kind == Value::Kind::Number || v.kind == Value::Kind::Tier) && v.lo != v.hi;
}

// Back to unknown, keeping the text's storage for the next value (records reused by streaming).
inline void reset(Value& v) {
  v.kind = Value::Kind::Unknown;
  v.boolean = v.possible = v.bounded = false;
  v.x = v.lo = v.hi = 0;
  v.tier = -1;
  v.text.clear();
}

}  // namespace scalepol::model
