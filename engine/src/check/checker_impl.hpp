// The checker's working state, shared by its files: declaration collection (checker.cpp),
// expression typing (check_expr.cpp) and rule-cycle detection (cycles.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "check/constant.hpp"
#include "check/program.hpp"
#include "syntax/suggest.hpp"

namespace scalepol::check {

struct Symbol {
  RefKind kind = RefKind::None;
  int32_t index = -1;
  ast::Span span;
  int32_t module = 0;
};

// A rule of the policy that can depend on others: the nodes of the dependency graph.
struct Node {
  RefKind kind = RefKind::None;  // Define, EffectiveCompute, Ladder, Trigger, Exemption
  int32_t index = -1;
  bool operator==(const Node&) const = default;
};

// "Did you mean" searches per compilation (see Checker::may_suggest). Above the default cap of
// 200 diagnostics, so it binds only for a host that raises the cap.
inline constexpr std::size_t kMaxSuggestionSearches = 1000;

class Checker {
 public:
  explicit Checker(Program& p) : p_(p) {
    for (const auto& d : p.diagnostics.items) errors_ += d.severity == Severity::Error ? 1 : 0;
  }
  void run();

  // --- used by check_expr.cpp ---
  Type check_expr(ast::Expr& e);

 private:
  friend struct ExprChecker;

  void collect(int32_t module);
  // Declared units (declared_units.cpp): collected and resolved before anything else, since
  // field types use them.
  void collect_units(int32_t module);
  void resolve_unit(int32_t index);
  // A built-in unit, or a declared one (resolved), by the word written; nothing if neither.
  std::optional<UnitInfo> lookup_unit(const std::string& word);
  void report_unknown_unit(const ast::Span& span, const std::string& word);
  // Checks a range's units and rewrites declared ones as the built-in units they come down to
  // (`1..2 pfs_day` becomes `8.64e19..1.728e20 FLOP`), so that the evaluator reads any range
  // with built-in units only. Returns the range's dimension, or nothing when a unit is unknown.
  std::optional<Dim> resolve_range(ast::Range& r);
  void check_not_encoded(int32_t module);  // not_encoded.cpp
  void declare(const std::string& name, RefKind kind, int32_t index, const ast::Span& span);
  void check_module(int32_t module);
  void check_header(const ast::PolicyHeader& h);
  void check_row_filters(const std::vector<ast::RowFilter>& where, const std::string& field, bool key);
  void check_benchmark(ast::BenchmarkDecl& b);
  void check_effective_compute(int32_t index);
  void check_reference(int32_t index);
  void check_define(int32_t index);
  void check_ladder(int32_t index);
  void check_trigger(int32_t index);
  void check_exemption(int32_t index);
  void check_escalation(int32_t index);
  void check_test(int32_t index);
  void check_assumption(int32_t index);
  void check_readings();
  void check_obligation(ast::Obligation& o);
  void compute_tier_ranges(Ladder& ladder);
  void check_cycles();
  void check_rule_depth();  // reach.cpp
  // Types the definitions and assumptions at the far end of long chains before the rest, so that
  // typing one never recurses far into the rules it reads (reach.cpp).
  void check_long_chains_first();
  // A rule's name and the module it is declared in; null for a kind that is not a rule.
  std::pair<const ast::Ident*, int32_t> rule_name(RefKind kind, int32_t index) const;

  Type field_type(const ast::TypeRef& t, double& scale, std::string& unit);
  Type expect_bool(ast::Expr* e, const char* what);
  Type check_name(ast::Expr& e);
  Type check_compare(ast::Expr& e);
  Type check_arith(ast::Expr& e);
  Type check_call(ast::Expr& e);
  bool try_tier_name(ast::Expr& e, const Type& other);
  static bool is_term_of_art(const std::string& name);
  std::unordered_map<std::string, Symbol>::iterator declare_undefined_term(const ast::Ident& use);
  bool compatible(const Type& a, const Type& b, const ast::Expr& at);
  std::string describe(const Type& t) const;
  std::string suggestion(const std::string& word);
  // Whether to look for a "did you mean" for an error about to be reported. The searches compare
  // a word with lists as long as the policy (its names, fields, tiers, units), so none is made
  // for an error the diagnostic cap will drop, nor past kMaxSuggestionSearches in a compilation:
  // without that, n unknown names against n known ones cost n^2.
  bool may_suggest();
  // Whether an error reported now is one of those the cap keeps (the first max(limit, 1)).
  bool error_shown() const;
  // The words a unit may be, for "did you mean": the built-in units then the declared ones
  // sorted, after the type words (date, bool, text, number) for a field's type. Indexed once
  // (the units are all collected before any is looked up), not sorted again for each unknown one.
  const syntax::CandidateIndex& unit_words(bool with_types);
  // The first tier of ladder `ladder` named `name`, or -1; by an index built on first use.
  int32_t find_tier(int32_t ladder, std::string_view name);

 public:
  // A diagnostic of `code` at its severity in the table of codes.
  void report(const ast::Span& span, Code code, std::string message, std::string help = {},
              std::vector<std::string> notes = {});

 private:
  Program& p_;
  int32_t module_ = 0;                 // the module being checked, for diagnostics
  bool in_test_ = false;               // `obligations` is allowed in test expectations only
  std::unordered_map<std::string, Symbol> symbols_;
  std::unordered_map<std::string, int32_t> obligation_kind_index_;
  std::unordered_map<std::string, int32_t> unit_index_;  // declared units, by name
  std::vector<unsigned char> unit_state_;                // 0 unresolved, 1 in progress, 2 done
  std::vector<int32_t> define_module_, ec_module_, reference_module_, ladder_module_, trigger_module_,
      exemption_module_, escalation_module_;
  std::vector<unsigned char> define_state_;  // 0 unchecked, 1 in progress, 2 done
  std::vector<unsigned char> assumption_state_;
  std::size_t expr_depth_ = 0;               // check_expr levels on the stack, across rules
  std::optional<Node> current_;              // the rule whose expressions are being checked
  std::vector<std::pair<Node, Node>> edges_; // rule → rule it reads
  std::size_t errors_ = 0;                   // errors reported so far (report() counts them)
  std::size_t suggestion_searches_ = 0;
  // suggestion()'s candidates: the names of symbols_, sorted, indexed by length; rebuilt when
  // symbols_ has grown since (it only grows: undefined terms of art are declared as met).
  std::vector<std::string_view> symbol_names_;
  syntax::CandidateIndex symbol_index_;
  std::size_t symbol_index_size_ = 0;
  bool symbol_index_built_ = false;
  std::vector<std::unordered_map<std::string_view, int32_t>> tier_index_;  // per ladder, for find_tier
  std::vector<std::string> declared_units_sorted_;                         // for unit_words
  std::vector<std::string_view> unit_words_[2];
  syntax::CandidateIndex unit_words_index_[2];
  std::size_t unit_words_size_ = 0;  // unit_index_.size() when they were built
  bool unit_words_built_ = false;
};

}  // namespace scalepol::check
