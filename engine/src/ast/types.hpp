// The static types of expressions and what names resolve to. Filled into the AST by the checker,
// read by the evaluator, so that evaluation never looks a name up by its text. They live with the
// AST, which holds them, so that ast/ needs nothing from check/.
#pragma once

#include <cstdint>

namespace scalepol::ast {

enum class Dim : unsigned char {
  Number,       // a plain number, no unit written
  Ratio,        // x (times), % (hundredths): a relative change
  Compute,      // FLOP, OP: operations, a total
  ComputeRate,  // FLOP/s, OP/s: operations per second, a rate
  Money,        // USD
  Score,        // pp: points on a benchmark's 0..100 scale
  Time,         // seconds … years, stored in days
  Params,       // parameters
  Tokens,       // tokens
  Users,        // users
};

enum class TypeKind : unsigned char {
  Error,        // an error was already reported for this expression: stay quiet downstream
  Bool,
  Quantity,     // a number with a dimension (`dim`)
  Date,
  Text,
  Tier,         // a tier of ladder `index`
  Obligations,  // the obligations a record incurs (`obligations contains license` in tests)
};

struct Type {
  TypeKind kind = TypeKind::Error;
  Dim dim = Dim::Number;   // Quantity only
  int32_t index = -1;      // Tier: the ladder's index

  static Type error() { return {}; }
  static Type boolean() { return {TypeKind::Bool}; }
  static Type quantity(Dim d) { return {TypeKind::Quantity, d}; }
  static Type date() { return {TypeKind::Date}; }
  static Type text() { return {TypeKind::Text}; }
  static Type tier(int32_t ladder) { return {TypeKind::Tier, Dim::Number, ladder}; }
  static Type obligations() { return {TypeKind::Obligations}; }

  friend bool operator==(const Type&, const Type&) = default;
};

// What a name in an expression refers to. Indices point into the compiled policy's tables.
enum class RefKind : unsigned char {
  None,              // not resolved (an error was reported)
  Field,             // a record field: `index` is its slot
  Define,            // a `define`: `index`
  EffectiveCompute,  // an effective_compute definition: `index`
  Reference,         // a `reference` point: `index` (only meaningful after `@`, or in time_since)
  Ladder,            // a tier ladder: its tier for the record; `index`
  TierName,          // a tier of ladder `index`: `sub` is the tier's position
  Trigger,           // `index`: whether it fires
  Exemption,         // `index`: whether it applies
  Obligations,       // the builtin `obligations` (tests)
  ObligationKind,    // an obligation kind word on the right of `contains`: `index` into kinds
  AsOf,              // the builtin `as_of`: the evaluation date
  Assumption,        // an `assume` item: its value under the reading being evaluated; `index`
  Builtin,           // a call of a builtin function (ast/builtins.hpp): `index` is its ast::Builtin
};

struct Resolution {
  RefKind kind = RefKind::None;
  int32_t index = -1;
  int32_t sub = -1;
};

}  // namespace scalepol::ast
