#include "model/record.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace scalepol::model {

// Schemas are small (tens of fields), so a linear scan is as fast as a map and keeps Schema a
// plain aggregate. Loaders that look columns up per cell build their own index once.
int32_t Schema::find(std::string_view name) const {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == name) return static_cast<int32_t>(i);
  return -1;
}

int32_t Schema::find_column(std::string_view column) const {
  // A field's own name wins over another field's alias, so that adding a `column` to one field
  // can never steal the column that is another field's name.
  if (int32_t slot = find(column); slot >= 0) return slot;
  for (std::size_t i = 0; i < fields.size(); ++i)
    for (const std::string& c : fields[i].columns)
      if (c == column) return static_cast<int32_t>(i);
  return -1;
}

int32_t Schema::find_column(std::string_view column, ColumnRole& role) const {
  role = ColumnRole::Value;
  if (int32_t slot = find_column(column); slot >= 0) return slot;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    for (ColumnRole r : {ColumnRole::Low, ColumnRole::High}) {
      const auto& names = r == ColumnRole::Low ? fields[i].low_columns : fields[i].high_columns;
      if (std::find(names.begin(), names.end(), column) != names.end()) {
        role = r;
        return static_cast<int32_t>(i);
      }
    }
  }
  return -1;
}

bool RecordSet::range_from_confidence(uint32_t record, int32_t slot) const {
  return std::binary_search(confidence_ranged.begin(), confidence_ranged.end(), std::make_pair(record, slot));
}

const std::vector<uint32_t>* RecordSet::lines_of(uint32_t record, int32_t slot) const {
  if (value_lines.empty() || slot < 0) return nullptr;
  const auto it = value_lines.find((uint64_t{record} << 32) | static_cast<uint32_t>(slot));
  return it == value_lines.end() ? nullptr : &it->second;
}

std::vector<uint32_t> RecordSet::rows_of(uint32_t record) const {
  std::vector<uint32_t> out;
  for (const auto& [line, joined] : joined_lines)
    if (joined == record) out.push_back(line);
  if (!out.empty() && record < records.size()) out.insert(out.begin(), records[record].line);
  return out;
}

std::string RecordSet::model_name(const Record& r) const {
  if (schema && schema->key_slot >= 0 && static_cast<std::size_t>(schema->key_slot) < r.values.size()) {
    const Value& v = r.values[static_cast<std::size_t>(schema->key_slot)];
    if (v.kind == Value::Kind::Text && !v.text.empty()) return v.text;
  }
  return fmt::format("#{}", r.line);
}

void RecordSet::index_names() {
  by_name.clear();
  if (!schema || schema->key_slot < 0) return;
  const auto slot = static_cast<std::size_t>(schema->key_slot);
  by_name.reserve(records.size());  // no rehash while filling: it would be a third of a large load
  for (std::size_t i = 0; i < records.size(); ++i) {
    const Record& r = records[i];
    if (slot >= r.values.size()) continue;
    const Value& v = r.values[slot];
    if (v.kind != Value::Kind::Text || v.text.empty()) continue;
    auto [it, inserted] = by_name.try_emplace(v.text, static_cast<uint32_t>(i));
    if (inserted) continue;
    // First occurrence wins: a later duplicate would otherwise silently shadow it.
    diagnostics.add(duplicate_model(v.text, records[it->second].line, r.line, source));
  }
}

Diagnostic duplicate_model(std::string_view name, uint32_t first_line, uint32_t line, const std::string& source) {
  Diagnostic d;
  d.code = code_name(Code::DuplicateModel);
  d.severity = Severity::Warning;
  d.message = (first_line > 0 && line > 0) ? fmt::format("model `{}` appears on lines {} and {}", name, first_line, line)
                                           : fmt::format("model `{}` appears more than once", name);
  d.location.file = source;
  d.location.line = line;
  d.notes.push_back(first_line > 0 ? fmt::format("a lookup by name finds the first one (line {})", first_line)
                                   : std::string("a lookup by name finds the first one"));
  // A long table (Epoch's benchmark data: one row per model and benchmark) read without `where`
  // is many partial records of one model, none of which a policy can judge whole.
  d.help = "each row is evaluated on its own; in a long table (one row per model and benchmark), say which rows "
           "give a field with `where \"task\" is \"…\"` and each model's rows are joined; `explain --line N` "
           "explains one row";
  return d;
}

}  // namespace scalepol::model
