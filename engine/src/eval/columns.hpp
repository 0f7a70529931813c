// A columnar copy of loaded records, for the batch evaluator (batch.hpp): for each field the
// rules read, one array per part of its values — state, point estimate, bounds, text — in
// record order, so that evaluating a batch of records reads a few dense arrays instead of
// every record's whole row (a row holds every field of the schema, ~1.4 KB for std.model).
// Texts are dictionary-encoded: a column holds an index per record into its distinct values,
// so a text test against a constant is computed once per distinct value (batch.cpp).
//
// Made once when records are loaded (api/records.cpp), for the slots the policy's rules read
// (CompiledPolicy::slots_evaluated); the rows stay, for the interpreter and explanations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ast/types.hpp"
#include "eval/model_names.hpp"

namespace scalepol::eval {

// A lane's state in a column or a batch (batch.cpp): a bool's value is its state.
inline constexpr uint8_t kFalse = 0;      // Bool: false
inline constexpr uint8_t kTrue = 1;       // Bool: true
inline constexpr uint8_t kKnown = 0;      // any other kind: known
inline constexpr uint8_t kUndecided = 2;  // unknown because a range straddles a line (status `possible`)
inline constexpr uint8_t kMissing = 3;    // unknown for want of data

struct FieldColumn {
  int32_t slot = -1;
  ast::TypeKind kind = ast::TypeKind::Text;      // Bool, Quantity, Date or Text
  // Only `state` is filled: the rules only ask whether the field is known (`base_model is
  // known`), so its values, a text of every record's own, are not copied.
  bool state_only = false;
  std::vector<uint8_t> state;                    // per record: kFalse/kTrue, kKnown or kMissing
  std::vector<double> x, lo, hi;                 // Quantity and Date: the value and its range
  std::vector<uint32_t> text;                    // Text: index into `dictionary`
  std::vector<std::string> dictionary;           // Text: the distinct values, in order of first use
};

struct Columns {
  std::size_t records = 0;
  std::vector<FieldColumn> fields;
  std::vector<int32_t> by_slot;  // slot → index into `fields`, -1 when the slot is not held

  const FieldColumn* find(int32_t slot) const {
    if (slot < 0 || static_cast<std::size_t>(slot) >= by_slot.size() || by_slot[slot] < 0) return nullptr;
    return &fields[static_cast<std::size_t>(by_slot[slot])];
  }
};

// A column to make: a slot, and whether its states are enough.
struct ColumnRequest {
  int32_t slot = -1;
  bool state_only = false;
};

// Makes the columns of record sets for some requests, in one pass over the rows (each row's
// block is read once, the next rows' fetched ahead). A slot whose values do not have its
// field's kind (never from the loaders; checked rather than trusted) is left out, so the batch
// evaluator is not used for it. Reused for each block of a streamed file, it reuses the
// columns' storage.
class ColumnBuilder {
 public:
  explicit ColumnBuilder(std::vector<ColumnRequest> requests);
  ~ColumnBuilder();
  void build(const RecordSet& set, Columns& out);

 private:
  struct Indexes;  // the text columns' dictionaries while they are made
  std::vector<ColumnRequest> requests_;
  std::unique_ptr<Indexes> indexes_;
};

// The columns of a whole record set.
Columns build_columns(const RecordSet& set, const std::vector<ColumnRequest>& requests);

}  // namespace scalepol::eval
