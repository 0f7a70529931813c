// A checked policy: the parsed modules (the main file first, then its imports) and the tables the
// checker built from them. Every Name in every expression is resolved into these tables, and
// every expression has a type, so the evaluator never looks at a name's text.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ast/ast.hpp"
#include "check/units.hpp"
#include "scalepol/diagnostic.hpp"
#include "syntax/source.hpp"

namespace scalepol::check {

// The AST's type vocabulary (ast/types.hpp), which the checker fills in: named unqualified here.
using ast::RefKind;
using ast::Resolution;
using ast::Type;
using ast::TypeKind;

// A record field: declared with `field`, or implied by a `benchmark` (its score, in pp).
struct Field {
  std::string name;
  Type type;                          // Bool, Quantity, Date or Text
  double scale = 1.0;                 // declared unit → base unit
  std::string unit;                   // as declared ("FLOP", "pp"); "" for non-quantities
  std::vector<std::string> columns;   // other names in data files
  std::vector<ast::RowFilter> where;  // the rows of a long table that give it (`where "task" is "…"`)
  bool key = false;
  ast::Span span;
  int32_t module = 0;
};

// One tier's interval on its ladder's axis, in base units. A missing upper bound runs to the
// next tier's lower bound (the complement of its kind: `above x` ends this tier `up_to x`).
struct TierRange {
  bool has_lo = false, lo_inclusive = false;
  double lo = 0;
  bool has_hi = false, hi_inclusive = false;
  double hi = 0;
};

// The most tiers a ladder may have (`too-many-tiers`): the evaluators carry the set of tiers a
// range reaches, with "no tier", as the bits of one 64-bit word.
inline constexpr std::size_t kMaxTiers = 63;

struct Ladder {
  const ast::TiersDecl* decl = nullptr;
  std::vector<TierRange> ranges;        // one per tier
  std::vector<double> cuts;             // every tier bound, ascending, once each: where the tier can change
  std::vector<int32_t> escalations;     // indices into Program::escalations
};

struct Escalation {
  const ast::EscalateDecl* decl = nullptr;
  int32_t ladder = -1, tier = -1;
};

// What an exemption lifts: everything, a ladder's tier's obligations, or a trigger's.
struct ExemptionTarget {
  enum class Kind { All, Tier, Trigger } kind = Kind::All;
  int32_t index = -1, sub = -1;
};

struct Exemption {
  const ast::ExemptionDecl* decl = nullptr;
  std::vector<ExemptionTarget> targets;
};

struct Reference {
  const ast::ReferenceDecl* decl = nullptr;
  int32_t field = -1;        // Field kind: the slot holding the referenced model's name
  int32_t rank_field = -1;   // Frontier kind: the slot ranked
};

// An `assume` item: one dimension of the interpretation sweep (a list of choices, or a range whose
// two ends are the readings), or a value derived from others (`multiplier = progress(…)`).
struct AssumptionInfo {
  const ast::Assumption* decl = nullptr;
  int32_t module = 0;
  Type type;
};

// A unit declared with `unit`, resolved down to a built-in unit: one `decl->name` is `factor`
// `builtin` (`unit pfs_day = 1 petaflop_s_day` is 8.64e19 `FLOP`), which is `scale` of its
// dimension's base unit. `ok` is false when the declaration is in error (reported).
struct DeclaredUnit {
  const ast::UnitDecl* decl = nullptr;
  int32_t module = 0;
  Dim dim = Dim::Number;
  double scale = 0;
  std::string builtin;
  double factor = 0;
  bool ok = false;
};

// The sweep evaluates every combination of the assumptions' alternatives; past this many
// readings a policy is refused (`too-many-readings`), since each reading is a full evaluation.
inline constexpr std::size_t kMaxReadings = 64;

struct Program {
  std::vector<std::unique_ptr<syntax::SourceFile>> files;  // parallel to modules
  std::vector<std::unique_ptr<ast::Module>> modules;       // [0] is the main file
  std::vector<unsigned char> from_stdlib;                  // per module: embedded stdlib (not linted)

  std::string name, title, path;

  std::vector<Field> fields;
  int32_t key_field = -1;       // the field naming models
  int32_t released_field = -1;  // `released`, for time_since and frontier references
  std::vector<const ast::DefineDecl*> defines;
  std::vector<Type> define_types;
  std::vector<const ast::EffectiveComputeDecl*> effective_computes;
  // Terms of art used but never defined (`effective_compute` in a trigger with no definition):
  // the checker gives each an empty definition, so its value is unknown and the rest is checked.
  std::vector<std::unique_ptr<ast::EffectiveComputeDecl>> undefined_terms;
  std::vector<Reference> references;
  std::vector<Ladder> ladders;
  std::vector<Escalation> escalations;
  std::vector<const ast::TriggerDecl*> triggers;
  std::vector<Exemption> exemptions;
  std::vector<std::string> obligation_kinds;  // distinct `require` kinds, for `contains`
  std::vector<AssumptionInfo> assumptions;
  // An assumption named `multiplier` supplies the multiplier of every effective compute that
  // leaves it unspecified; -1 when there is none.
  int32_t multiplier_assumption = -1;
  std::vector<const ast::TestDecl*> tests;
  std::vector<int32_t> test_modules;          // the module each test is in
  std::vector<DeclaredUnit> units;            // every `unit` of every module

  Diagnostics diagnostics;  // errors and warnings from checking
  // Limits::max_diagnostics: the checker looks for no "did you mean" for an error the cap will
  // drop (compile.cpp keeps the first max(max_diagnostics, 1) errors).
  std::size_t max_diagnostics = 200;
  std::size_t max_rule_depth = 500;  // Limits::max_rule_depth (check/reach.cpp)
};

// Resolve names, check units and types, fill the tables. Diagnostics go to program.diagnostics.
void check_program(Program& program);

}  // namespace scalepol::check
