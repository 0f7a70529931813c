// The engine's own syntax tree. Built by syntax/ from the ANTLR parse tree, read by every later
// layer; no ANTLR type ever appears here. Every node carries the span it was written at.
//
// Expressions are one node type with a kind, rather than a class hierarchy: the checker annotates
// nodes in place (types, resolved slots) and the evaluator switches on the kind. Chains of one
// precedence level (`a + b - c`, `x and y and z`) are a single n-ary node, so that a long chain
// costs no recursion depth anywhere.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ast/types.hpp"

namespace scalepol::ast {

// Where a node was written. Offsets are bytes into the file's text; lines and columns are
// 1-based, columns counted in Unicode code points (what an editor shows).
struct Span {
  uint32_t begin = 0, end = 0;
  uint32_t line = 0, column = 0;
  uint32_t end_line = 0, end_column = 0;
};

// A name as written, with its span.
struct Ident {
  std::string text;
  Span span;
};

// `quote "…"  source "…"`: the sentence of the source text a construct encodes.
struct Quote {
  std::string text;    // may be empty when only `source` was written
  std::string source;  // may be empty
  Span span;
};

enum class ExprKind {
  Number,      // 1e25 FLOP, 4x, 5 %: number + unit text (possibly empty)
  Date,        // 2024-04-09
  String,      // "text"
  Bool,        // true / false
  Name,        // training_compute, concern.high, std.progress.x: `path`
  At,          // args[0] @ reference: `ref`
  Neg,         // -args[0]
  Not,         // not args[0]
  And,         // args[0] and args[1] and …
  Or,          // args[0] or args[1] or …
  Arith,       // args[0] ops[0] args[1] ops[1] args[2] … with ops in + - * /
  Compare,     // args[0] op args[1]
  IsStatus,    // args[0] is known / unknown / possible / definite (`status_test`, `boolean`)
  Contains,    // args[0] contains args[1]
  StartsWith,  // args[0] starts_with args[1]
  Call,        // callee(args…), argument names in `arg_names` ("" when positional)
  FreeText,    // certified "…": a condition with no operational test
  Within,      // args[0] within lo..hi: a value with a stated plausible range (`range`)
};

// What `x is …` asks of a value's status (docs/semantics.md, §1): whether the data gives it at
// all (`known`), whether its range leaves it open (`possible`), or whether it is one value
// (`definite`). Every value is exactly one of unknown, possible and definite.
enum class StatusTest : unsigned char { Known, Possible, Definite };

enum class Op { Add, Sub, Mul, Div, Lt, Le, Gt, Ge, Eq, Ne };

const char* op_text(Op op);

struct Expr;
// The words of an IsStatus test after its operand: "is known", "is not possible", ….
const char* status_test_text(const Expr& e);

// The comparison written the other way round: `c < x` is `x > c` (`<` ↔ `>`, `<=` ↔ `>=`; the
// other operators stay as they are).
Op mirrored(Op op);

// Whether `a op b` holds, for a comparison operator.
template <class T>
bool holds(Op op, const T& a, const T& b) {
  switch (op) {
    case Op::Lt: return a < b;
    case Op::Le: return a <= b;
    case Op::Gt: return a > b;
    case Op::Ge: return a >= b;
    case Op::Eq: return a == b;
    default: return a != b;
  }
}

// lo..hi with a unit; the unit written after the high end applies to both ends.
struct Range {
  double lo = 0, hi = 0;
  std::string lo_unit, unit;  // lo_unit empty unless written on the low end
  Span span;
};

struct Expr;

// An owning pointer to an expression that copies deeply, so that a Module can be copied (the
// engine keeps parsed stdlib modules and hands each compilation its own copy: the checker writes
// into the AST). Moves stay as cheap as unique_ptr's.
struct ExprPtr : std::unique_ptr<Expr> {
  using std::unique_ptr<Expr>::unique_ptr;
  ExprPtr() = default;
  ExprPtr(std::unique_ptr<Expr>&& p) noexcept;  // defined below Expr, which clang needs complete
  ExprPtr(ExprPtr&&) noexcept = default;
  ExprPtr& operator=(ExprPtr&&) noexcept = default;
  ExprPtr(const ExprPtr& other);
  ExprPtr& operator=(const ExprPtr& other);
  ~ExprPtr() = default;
};

struct Expr {
  ExprKind kind{};
  Span span;

  // Literals
  double number = 0;          // Number: as written
  double value = 0;           // Number: in the dimension's base unit (set by the checker)
  std::string unit;           // Number: unit as written ("FLOP", "FLOP/s", "x", "%"); "" if none
  Span unit_span;             // Number: span of the unit word
  std::string text;           // String/FreeText: the unescaped text; Number: the digits as written
  int32_t date = 0;           // Date: days since 1970-01-01
  bool boolean = false;       // Bool; IsStatus: the answer that makes it true (false for `is unknown`,
                              // `is not possible`, `is not definite`)
  StatusTest status_test = StatusTest::Known;  // IsStatus: what is asked

  std::vector<Ident> path;    // Name: the dotted parts (at least one)
  Ident ref;                  // At: the reference name
  Ident callee;               // Call: the dotted name as written ("time_since", "std.progress.halving")
  std::vector<std::string> arg_names;  // Call: "" for positional arguments
  std::vector<Op> ops;        // Arith: ops.size() == args.size() - 1; Compare: one op
  std::vector<ExprPtr> args;  // operands, in source order
  Range range;                // Within

  // Filled by the checker.
  ast::Type type;             // the expression's type and unit dimension
  ast::Resolution res;        // what a Name refers to
};

// Copying recurses once per level of nesting, which the parser bounds (Limits::max_nesting);
// long chains (`a + b + …`) are one level with many operands.
inline ExprPtr::ExprPtr(std::unique_ptr<Expr>&& p) noexcept : std::unique_ptr<Expr>(std::move(p)) {}
inline ExprPtr::ExprPtr(const ExprPtr& other)
    : std::unique_ptr<Expr>(other ? std::make_unique<Expr>(*other) : nullptr) {}
inline ExprPtr& ExprPtr::operator=(const ExprPtr& other) {
  if (this != &other) reset(other ? new Expr(*other) : nullptr);
  return *this;
}

// ---------------------------------------------------------------------------------------------
// Items

struct HeaderField {
  Ident key;
  std::string text;           // STRING value, or the date as written
  std::optional<int32_t> date;  // set when the value is a DATE
  Span span;
};

struct PolicyHeader {
  Ident name;
  std::string title;
  std::vector<HeaderField> fields;
  Span span;
};

struct Import {
  bool is_std = false;        // import std.model (true) or import "./file.policy" (false)
  std::string path;           // "std.model" or "./file.policy"
  Span span;
};

// A type as written after `:`: a unit word (FLOP) or one of date, bool, text, number.
struct TypeRef {
  std::string text;
  Span span;
};

// The order a date column writes day, month and year in (`format "M/D/YYYY"`). Dates written
// `YYYY-MM-DD` are read in every order: only the others are ambiguous.
enum class DateOrder : unsigned char { Iso, MonthDayYear, DayMonthYear };

// `where "task" is "GPQA diamond"`: in a long table (one row per model and benchmark), only the
// rows whose cell in `column` is `value` give the field. Several are all required.
struct RowFilter {
  std::string column, value;
  Span span;
};

struct FieldDecl {
  Ident name;
  TypeRef type;
  DateOrder date_order = DateOrder::Iso;  // a date field's `format`
  char date_separator = '-';              // the separator its `format` writes ('/', '.', '-')
  std::vector<std::string> columns;  // column names in CSV/JSON data, besides the field name
  // Columns giving the bounds of an estimate (`low "…"  high "…"`): the value is read as a range.
  std::vector<std::string> low_columns, high_columns;
  Span bounds_span;                  // the first `low` or `high` option, for messages
  bool key = false;                  // the field that names a model (for references)
  std::vector<RowFilter> where;      // the rows of a long table that give the field
  std::vector<Quote> quotes;
  Span span;
};

// A benchmark setting: `shots 0`, `version "2024"`, `scale 0..100 pp`, `chain_of_thought allowed`.
struct Setting {
  Ident key;
  enum class Kind { Unspecified, Range, Literal, Word } kind = Kind::Unspecified;
  Range range;                // Range
  ExprPtr literal;            // Literal
  Ident word;                 // Word
  Span span;
};

struct BenchmarkDecl {
  Ident name;
  std::vector<Setting> settings;
  std::vector<RowFilter> where;  // the rows of a long table that give the score
  std::vector<Quote> quotes;
  Span span;
};

// One part of an effective-compute definition. `absent`: not written at all; `unspecified`:
// written as `unspecified` (the author says the source leaves it open); `given`: a value.
struct EcPart {
  enum class State { Absent, Unspecified, Given } state = State::Absent;
  Span span;
};

struct EffectiveComputeDecl {
  Ident name;
  std::vector<Quote> quotes;

  struct : EcPart { ExprPtr value; } base;
  struct : EcPart {
    bool example = false;     // `metric example …`: the text gives it as an example only
    enum class Kind { None, Loss, Benchmark, Text } kind = Kind::None;
    std::string text;         // Loss/Text description
    Ident benchmark;          // Benchmark
  } metric;
  struct : EcPart { std::string text; } baseline;
  struct : EcPart { int32_t date = 0; } baseline_date;
  struct : EcPart { ExprPtr value; } scale;
  struct : EcPart { bool included = false; } post_training;
  struct : EcPart { ExprPtr value; } multiplier;
  Span span;
};

struct ReferenceDecl {
  Ident name;
  enum class Kind { Field, Frontier } kind = Kind::Field;
  Ident field;                // Field: a record field holding the referenced model's name
  int32_t frontier_date = 0;  // Frontier: the most compute-intensive model released by then
  std::optional<Ident> frontier_by;  // Frontier: the field ranked (default training_compute)
  std::vector<Quote> quotes;
  Span span;
};

struct DefineDecl {
  Ident name;
  std::optional<TypeRef> type;
  ExprPtr value;
  std::vector<Quote> quotes;
  Span span;
};

// require notify "European Commission" within 2 weeks
struct Obligation {
  Ident kind;                 // notify, report, license, evaluate, prohibition, …
  std::string text;           // what, or to whom; may be empty
  ExprPtr within;             // a duration, or null
  std::vector<Quote> quotes;
  Span span;
};

struct TriggerDecl {
  Ident name;
  std::vector<Quote> quotes;
  ExprPtr when;               // null if no `when` was written (the checker reports it)
  std::vector<Obligation> obligations;
  Span span;
};

enum class BoundKind { Below, UpTo, Above, From };  // <, <=, >, >=

struct TierBound {
  BoundKind kind{};
  ExprPtr value;
  Span span;
};

struct TierDecl {
  Ident name;
  std::vector<TierBound> bounds;
  std::vector<Quote> quotes;
  std::vector<Obligation> obligations;
  Span span;
};

struct TiersDecl {
  Ident name;
  ExprPtr by;                 // the quantity the ladder is on
  std::vector<TierDecl> tiers;
  Span span;
};

struct EscalateDecl {
  Ident ladder, tier;
  ExprPtr when;
  std::vector<Quote> quotes;
  Span span;
};

struct ExemptionDecl {
  Ident name;
  std::vector<Quote> quotes;
  bool applies_to_all = true;            // true unless applies_to lists targets
  std::vector<std::vector<Ident>> applies_to;  // concern.medium → {concern, medium}
  ExprPtr when;
  Span span;
};

struct Assumption {
  Ident name;
  enum class Kind { Choices, Range, Value } kind = Kind::Value;
  std::vector<ExprPtr> choices;  // Choices
  Range range;                   // Range
  ExprPtr value;                 // Value
  Span span;
};

struct AssumeDecl {
  std::vector<Assumption> items;
  Span span;
};

// A value written in a test record: a literal, a range, or `unknown`.
struct RecordEntry {
  Ident field;
  int32_t slot = -1;          // the field's slot (set by the checker)
  enum class Kind { Unknown, Literal, Range } kind = Kind::Literal;
  ExprPtr literal;
  Range range;
  Span span;
};

struct TestRecord {
  std::vector<RecordEntry> entries;
  Span span;
};

struct TestDecl {
  std::string name;
  std::vector<TestRecord> records;  // the first is the subject; others can be referenced
  std::vector<ExprPtr> expects;
  std::optional<int32_t> as_of;
  Span span;
};

// unit petaflop_s_day = 8.64e19 FLOP: a named unit, `factor` times the unit `base`.
struct UnitDecl {
  Ident name;                 // may be a built-in unit word (`unit days = …`): the checker refuses it
  double factor = 0;          // as written
  std::string factor_text;    // the digits as written
  Ident base;                 // a built-in unit word or a declared unit
  std::vector<Quote> quotes;
  Span span;
};

// not_encoded "…" source "…" because "…": a sentence of the source the policy leaves out, and why.
struct NotEncoded {
  std::string text;           // the sentence
  std::string source;         // may be empty
  std::string because;        // may be empty (the checker reports it)
  Span text_span;             // the sentence's string
  Span span;
};

// One parsed file. Items are kept in source order, by kind.
struct Module {
  std::string path;                  // as given to the parser (for diagnostics)
  std::optional<PolicyHeader> header;
  std::vector<Import> imports;
  std::vector<FieldDecl> fields;
  std::vector<BenchmarkDecl> benchmarks;
  std::vector<EffectiveComputeDecl> effective_computes;
  std::vector<ReferenceDecl> references;
  std::vector<DefineDecl> defines;
  std::vector<TriggerDecl> triggers;
  std::vector<TiersDecl> tiers;
  std::vector<EscalateDecl> escalations;
  std::vector<ExemptionDecl> exemptions;
  std::vector<AssumeDecl> assumptions;
  std::vector<TestDecl> tests;
  std::vector<UnitDecl> units;
  std::vector<NotEncoded> not_encoded;
};

// Every `quote` of a module, wherever it is attached (fields, definitions, rules, obligations,
// units, …), in no particular order. `source`-only clauses are included: their text is empty.
std::vector<const Quote*> all_quotes(const Module& m);

}  // namespace scalepol::ast
