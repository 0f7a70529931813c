// What the grammar-aware mutator (ast_mutator.cpp) can work on in one parsed policy: its
// expressions, with whether any expression may stand in their place; its items, with the spans of
// their names; and the names an expression can read, with a guess at their type. Everything is
// a span into the text the module was parsed from, so that a mutation is a splice of that text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.hpp"
#include "syntax/source.hpp"

namespace fuzz::ast_mutator {

namespace ast = scalepol::ast;

// A policy that parsed without errors: its text (in `file`) and its AST, whose spans are byte
// offsets into that text.
struct Parsed {
  scalepol::syntax::SourceFile file;
  ast::Module module;
  const std::string& text() const { return file.text(); }
};

// Nothing when the text does not parse (any syntax error).
std::optional<Parsed> parse(std::string text);

// A rough type, from the AST alone (the checker is not run): enough to build expressions that
// mostly check, so that the later layers see them.
enum class Kind { Bool, Quantity, Date, Text, Other, Unknown };  // Other: a tier, the obligations

struct ExprRef {
  const ast::Expr* e = nullptr;
  // In an expression position: a parenthesised expression may replace it. False for a literal
  // where the grammar takes a literal only (a benchmark setting, a test record's value, the value
  // before `within`) and for the `4x` of `4x ec`, which is one token with what follows.
  bool replaceable = false;
  // In a tier's bound, which must be a constant: a number stands there, not a name.
  bool constant = false;
  // What its place asks for: a condition after `when`, a quantity in `tiers … by` or under `+`,
  // a text before `contains`, …; Unknown where anything goes (a definition) or it depends.
  Kind slot = Kind::Unknown;
  int parent = -1;  // the index in Index::exprs of the node it is an operand of; -1 for a root
};

// An item, or a part of a block that can be copied or left out on its own (a tier, an
// assumption, an obligation, a quote, a test record's entry).
struct ItemRef {
  // Where a copy may go: after any item (TopLevel), after a tier of a ladder, after an
  // assumption of an `assume` block; Part: nowhere else than next to itself.
  enum class Place { TopLevel, Tier, Assumption, Part };
  ast::Span span;
  std::optional<ast::Span> name;  // the name to change in a copy, when it has one
  bool copyable = true;           // false: only dropped (imports, quotes, obligations, …)
  Place place = Place::TopLevel;
};

// A name an expression may read.
struct NameRef {
  std::string text;
  Kind kind = Kind::Unknown;
  std::string unit;  // a quantity's unit as written ("FLOP"; "" for a plain number; "?" unknown)
  bool field = false;  // a record field (which a test record can set), not a definition
  bool key = false;    // the field that names a model
};

struct Index {
  std::vector<ExprRef> exprs;      // every expression node, parents before their operands
  std::vector<ItemRef> items;
  std::vector<NameRef> names;      // fields (std.model's too, when imported), definitions, …
  std::vector<std::string> references;  // for `x@r` and time_since(r)
  // Tier ladders with their tiers, for `escalate` and for tests' expectations.
  std::vector<std::pair<std::string, std::vector<std::string>>> ladders;
  std::vector<std::string> rules;  // triggers and exemptions, which a condition may read
};

Index index(const Parsed& p);

// The text of a span, or "" when the span is not within the text.
std::string_view slice(const Parsed& p, const ast::Span& s);

// The guessed type of an expression (Unknown for names, calls and `@`: see kind_of_name).
Kind kind_of(const ast::Expr& e);

}  // namespace fuzz::ast_mutator
