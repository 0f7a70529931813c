// build_columns (columns.hpp): one pass over the rows per field.
#include "eval/columns.hpp"

#include <string_view>
#include <unordered_map>

namespace scalepol::eval {

namespace {

using TK = ast::TypeKind;
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

struct ColumnBuilder::Indexes {
  std::vector<Index> by_column;
};

ColumnBuilder::ColumnBuilder(std::vector<ColumnRequest> requests)
    : requests_(std::move(requests)), indexes_(std::make_unique<Indexes>()) {}

ColumnBuilder::~ColumnBuilder() = default;

void ColumnBuilder::build(const RecordSet& set, Columns& out) {
  const std::size_t n = set.records.size();
  out.records = n;
  const std::size_t width = set.schema ? set.schema->fields.size() : 0;
  out.by_slot.assign(width, -1);
  std::size_t count = 0;
  for (const ColumnRequest& req : requests_) {
    if (req.slot < 0 || static_cast<std::size_t>(req.slot) >= width || out.by_slot[req.slot] >= 0) continue;
    const TK kind = set.schema->fields[static_cast<std::size_t>(req.slot)].kind;
    if (kind != TK::Bool && kind != TK::Quantity && kind != TK::Date && kind != TK::Text) continue;
    if (out.fields.size() <= count) out.fields.emplace_back();
    FieldColumn& col = out.fields[count];
    col.slot = req.slot;
    col.kind = kind;
    col.state_only = req.state_only;
    col.state.resize(n);
    const bool numeric = kind == TK::Quantity || kind == TK::Date;
    col.x.resize(!col.state_only && numeric ? n : 0);
    col.lo.resize(col.x.size());
    col.hi.resize(col.x.size());
    col.text.resize(!col.state_only && kind == TK::Text ? n : 0);
    col.dictionary.clear();
    out.by_slot[static_cast<std::size_t>(req.slot)] = static_cast<int32_t>(count++);
  }
  out.fields.resize(count);
  auto& indexes = indexes_->by_column;
  indexes.resize(count);
  for (auto& index : indexes) index.clear();
  std::vector<bool> bad(count, false);
  // Row by row: a row's values are one heap block, read once for every column; the rows a few
  // ahead are fetched meanwhile, since each is a block of its own.
  constexpr std::size_t kAhead = 8;
  for (std::size_t r = 0; r < n; ++r) {
    if (r + kAhead < n) {
      const Value* ahead = set.records[r + kAhead].values.data();
      for (const FieldColumn& col : out.fields) __builtin_prefetch(ahead + col.slot);
    }
    const Value* values = set.records[r].values.data();
    for (std::size_t c = 0; c < count; ++c)
      if (!put(out.fields[c], indexes[c], r, values[out.fields[c].slot])) bad[c] = true;
  }
  // Leave out the columns with a value of the wrong kind.
  for (std::size_t c = count; c-- > 0;)
    if (bad[c]) out.fields.erase(out.fields.begin() + static_cast<std::ptrdiff_t>(c));
  std::fill(out.by_slot.begin(), out.by_slot.end(), -1);
  for (std::size_t c = 0; c < out.fields.size(); ++c) out.by_slot[static_cast<std::size_t>(out.fields[c].slot)] = static_cast<int32_t>(c);
}

Columns build_columns(const RecordSet& set, const std::vector<ColumnRequest>& requests) {
  Columns out;
  ColumnBuilder(requests).build(set, out);
  return out;
}

}  // namespace scalepol::eval
