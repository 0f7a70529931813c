// build_columns (columns.hpp): one pass over the rows per field.
#include "eval/columns.hpp"

#include <string_view>
#include <unordered_map>

namespace scalepol::eval {

namespace {

using TK = check::TypeKind;
using K = Value::Kind;

K value_kind(TK kind) {
  switch (kind) {
    case TK::Bool: return K::Bool;
    case TK::Quantity: return K::Number;
    case TK::Date: return K::Date;
    default: return K::Text;
  }
}

// Text columns' dictionaries while they are made: the index of each distinct text. The keys
// view the records' own strings, which outlive the build; the dictionary holds copies.
using Index = std::unordered_map<std::string_view, uint32_t>;

// Lane r of `col` from its row's value; false when the value's kind is not the field's.
bool put(FieldColumn& col, Index& index, std::size_t r, const Value& v) {
  if (v.kind == K::Unknown) {
    col.state[r] = kMissing;
    return true;
  }
  if (v.kind != value_kind(col.kind)) return false;
  if (col.state_only) {
    col.state[r] = col.kind == TK::Bool ? (v.boolean ? kTrue : kFalse) : kKnown;
    return true;
  }
  switch (col.kind) {
    case TK::Bool: col.state[r] = v.boolean ? kTrue : kFalse; break;
    case TK::Quantity:
    case TK::Date:
      col.state[r] = kKnown;
      col.x[r] = v.x;
      col.lo[r] = v.lo;
      col.hi[r] = v.hi;
      break;
    default: {
      col.state[r] = kKnown;
      auto [it, added] = index.try_emplace(std::string_view(v.text), static_cast<uint32_t>(col.dictionary.size()));
      if (added) col.dictionary.push_back(v.text);
      col.text[r] = it->second;
      break;
    }
  }
  return true;
}

}  // namespace

Columns build_columns(const RecordSet& set, const std::vector<ColumnRequest>& requests) {
  Columns out;
  const std::size_t n = set.records.size();
  out.records = n;
  const std::size_t width = set.schema ? set.schema->fields.size() : 0;
  out.by_slot.assign(width, -1);
  for (const ColumnRequest& req : requests) {
    if (req.slot < 0 || static_cast<std::size_t>(req.slot) >= width || out.by_slot[req.slot] >= 0) continue;
    FieldColumn col;
    col.slot = req.slot;
    col.kind = set.schema->fields[static_cast<std::size_t>(req.slot)].kind;
    col.state_only = req.state_only;
    if (col.kind != TK::Bool && col.kind != TK::Quantity && col.kind != TK::Date && col.kind != TK::Text) continue;
    col.state.resize(n);
    if (!col.state_only && (col.kind == TK::Quantity || col.kind == TK::Date)) {
      col.x.resize(n);
      col.lo.resize(n);
      col.hi.resize(n);
    }
    if (!col.state_only && col.kind == TK::Text) col.text.resize(n);
    out.by_slot[static_cast<std::size_t>(req.slot)] = static_cast<int32_t>(out.fields.size());
    out.fields.push_back(std::move(col));
  }
  std::vector<Index> indexes(out.fields.size());
  std::vector<bool> bad(out.fields.size(), false);
  // Row by row: a row's values are one heap block, read once for every column; the rows a few
  // ahead are fetched meanwhile, since each is a block of its own.
  constexpr std::size_t kAhead = 8;
  for (std::size_t r = 0; r < n; ++r) {
    if (r + kAhead < n) {
      const Value* ahead = set.records[r + kAhead].values.data();
      for (const FieldColumn& col : out.fields) __builtin_prefetch(ahead + col.slot);
    }
    const Value* values = set.records[r].values.data();
    for (std::size_t c = 0; c < out.fields.size(); ++c)
      if (!put(out.fields[c], indexes[c], r, values[out.fields[c].slot])) bad[c] = true;
  }
  // Leave out the columns with a value of the wrong kind.
  for (std::size_t c = out.fields.size(); c-- > 0;) {
    if (!bad[c]) continue;
    out.fields.erase(out.fields.begin() + static_cast<std::ptrdiff_t>(c));
  }
  std::fill(out.by_slot.begin(), out.by_slot.end(), -1);
  for (std::size_t c = 0; c < out.fields.size(); ++c) out.by_slot[static_cast<std::size_t>(out.fields[c].slot)] = static_cast<int32_t>(c);
  return out;
}

}  // namespace scalepol::eval
