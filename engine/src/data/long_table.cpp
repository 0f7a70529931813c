#include "data/long_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "model/describe.hpp"

namespace scalepol::data {
namespace {

bool same_number(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

bool same_value(const model::Value& a, const model::Value& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case model::Value::Kind::Unknown: return true;
    case model::Value::Kind::Bool: return a.boolean == b.boolean;
    case model::Value::Kind::Text: return a.text == b.text;
    case model::Value::Kind::Tier: return a.tier == b.tier;
    case model::Value::Kind::Date: return a.x == b.x;
    case model::Value::Kind::Number: return same_number(a.x, b.x) && a.lo == b.lo && a.hi == b.hi;
  }
  return false;
}

// The range of both values, with no point estimate: which row is meant, the data does not say.
model::Value spanning(const model::Value& a, const model::Value& b) {
  model::Value v = model::Value::estimate(std::numeric_limits<double>::quiet_NaN(), std::min(a.lo, b.lo),
                                        std::max(a.hi, b.hi));
  v.bounded = true;  // the data's own range: --confidence-ranges leaves it
  return v;
}

}  // namespace

RowSelector::RowSelector(const model::Schema& schema) {
  const std::size_t n = schema.fields.size();
  filters_.assign(n, {});
  seen_.assign(n, {});
  for (std::size_t slot = 0; slot < n; ++slot) {
    const auto& where = schema.fields[slot].where;
    if (where.empty()) continue;
    for (const ast::RowFilter& f : where) {
      auto at = std::find(columns_.begin(), columns_.end(), f.column);
      if (at == columns_.end()) at = columns_.insert(columns_.end(), f.column);
      filters_[slot].emplace_back(static_cast<std::size_t>(at - columns_.begin()), f.value);
    }
    filtered_.push_back(slot);
  }
  if (filtered_.empty()) return;
  meets_.assign(n, 1);
  matched_.assign(n, 0);
}

void RowSelector::begin_row(const std::vector<std::optional<std::string_view>>& cells) {
  for (std::size_t slot : filtered_) {
    bool meets = true;
    for (const auto& [column, value] : filters_[slot]) {
      const std::optional<std::string_view>& cell = cells[column];
      if (cell && *cell == value) continue;
      meets = false;
      // Until a row meets the `where`, what the rows had instead, for a "did you mean".
      auto& seen = seen_[slot];
      const std::string_view text = cell ? *cell : std::string_view{};
      if (!matched_[slot] && seen.size() < 64 && std::find(seen.begin(), seen.end(), text) == seen.end())
        seen.emplace_back(text);
      break;
    }
    meets_[slot] = meets;
    matched_[slot] = matched_[slot] || meets;
  }
}

void RowSelector::finish(model::RecordSet& set) const {
  if (filtered_.empty()) return;
  set.where_values.assign(set.origins.size(), {});
  for (std::size_t slot : filtered_) {
    if (matched_[slot] || slot >= set.origins.size()) continue;
    set.origins[slot] = {};
    set.where_values[slot] = seen_[slot];
  }
}

std::vector<std::pair<int32_t, model::ColumnRole>> also_read_by(const model::Schema& schema, std::string_view column,
                                                                int32_t first, model::ColumnRole first_role) {
  std::vector<std::pair<int32_t, model::ColumnRole>> out;
  for (std::size_t slot = 0; slot < schema.fields.size(); ++slot) {
    const model::FieldSpec& f = schema.fields[slot];
    if (f.where.empty()) continue;
    const auto names = [&](const std::vector<std::string>& list) {
      return std::find(list.begin(), list.end(), column) != list.end();
    };
    model::ColumnRole role;
    if (f.name == column || names(f.columns)) role = model::ColumnRole::Value;
    else if (names(f.low_columns)) role = model::ColumnRole::Low;
    else if (names(f.high_columns)) role = model::ColumnRole::High;
    else continue;
    if (static_cast<int32_t>(slot) == first && role == first_role) continue;
    out.emplace_back(static_cast<int32_t>(slot), role);
  }
  return out;
}

void join_rows(model::RecordSet& set, Reporter& reporter, SourceText& source) {
  if (!set.schema || set.schema->key_slot < 0) return;
  const auto key = static_cast<std::size_t>(set.schema->key_slot);
  const auto& fields = set.schema->fields;
  std::vector<model::Record> joined;
  joined.reserve(set.records.size());
  std::unordered_map<std::string, uint32_t> index;
  // (joined record, slot) pairs whose rows disagree: reported once, and no later row settles them.
  std::unordered_set<uint64_t> conflicted;
  for (model::Record& row : set.records) {
    const model::Value& name = row.values[key];
    if (name.kind != model::Value::Kind::Text || name.text.empty()) {
      joined.push_back(std::move(row));
      continue;
    }
    auto [it, inserted] = index.try_emplace(name.text, static_cast<uint32_t>(joined.size()));
    if (inserted) {
      joined.push_back(std::move(row));
      continue;
    }
    set.joined_lines.emplace_back(row.line, it->second);
    model::Record& into = joined[it->second];
    for (std::size_t slot = 0; slot < fields.size(); ++slot) {
      if (slot == key) continue;
      model::Value& have = into.values[slot];
      model::Value& more = row.values[slot];
      if (more.is_unknown()) continue;
      const uint64_t pair = (uint64_t{it->second} << 32) | slot;
      if (conflicted.count(pair)) {
        if (have.kind == model::Value::Kind::Number && more.kind == model::Value::Kind::Number) have = spanning(have, more);
        set.value_lines[pair].push_back(row.line);
        continue;
      }
      auto& lines = set.value_lines;
      if (have.is_unknown()) {
        have = std::move(more);
        lines[pair] = {row.line};
        continue;
      }
      if (same_value(have, more)) continue;
      conflicted.insert(pair);
      auto given = lines.find(pair);  // the row `have` came from: the record's first, or a later one
      const uint32_t first_line = given != lines.end() ? given->second.front() : into.line;
      if (given != lines.end()) given->second.push_back(row.line);
      else lines[pair] = {into.line, row.line};
      const model::FieldSpec& field = fields[slot];
      const bool numbers = have.kind == model::Value::Kind::Number && more.kind == model::Value::Kind::Number;
      if (reporter.admit()) {
        const model::Lines lines{std::min(have.lo, more.lo), std::max(have.hi, more.hi)};
        Location loc = source.locate_line(row.line);
        Diagnostic d = make_diagnostic(
            Code::ConflictingRows,
            fmt::format("rows on lines {} and {} give model `{}` two values of `{}`: {} and {}", first_line, row.line,
                        excerpt(name.text), field.name, model::format_value(have, field.dim, lines),
                        model::format_value(more, field.dim, lines)),
            std::move(loc));
        d.notes.push_back(numbers ? "read as the range of the values, with no point estimate: the data does not say "
                                    "which row is meant"
                                  : "read as unknown: the data does not say which row is meant");
        d.help = field.where.empty()
                     ? fmt::format("give `{}` a `where` that picks one row of each model (`where \"COLUMN\" is \"…\"`), "
                                   "or keep one of the rows",
                                   field.name)
                     : fmt::format("add a condition that tells the rows apart to the `where` of `{}` "
                                   "(`and \"COLUMN\" is \"…\"`), or keep one of the rows",
                                   field.name);
        reporter.add(std::move(d));
      }
      have = numbers ? spanning(have, more) : model::Value::unknown();
    }
  }
  set.records = std::move(joined);
}

}  // namespace scalepol::data
