#include "data/column_not_found.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "data/reporter.hpp"
#include "syntax/suggest.hpp"

namespace scalepol::data {
namespace {

// Names compared as a person reads them: `GPQA diamond` and `gpqa_diamond` are one edit apart
// at most once case, spaces and underscores are set aside.
std::string folded(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == ' ' || c == '_' || c == '-') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// The file's name closest to the field's own name or to one of its declared columns, or "".
std::string closest_name(const eval::FieldSpec& field, const std::vector<std::string>& names) {
  std::vector<std::string> folded_names;
  folded_names.reserve(names.size());
  for (const auto& n : names) folded_names.push_back(folded(n));
  std::vector<std::string_view> candidates(folded_names.begin(), folded_names.end());
  std::vector<std::string> words{field.name};
  words.insert(words.end(), field.columns.begin(), field.columns.end());
  for (const auto& w : words) {
    const std::string found = syntax::closest_match(folded(w), candidates);
    if (found.empty()) continue;
    const auto at = std::find(folded_names.begin(), folded_names.end(), found);
    return names[static_cast<std::size_t>(at - folded_names.begin())];
  }
  return "";
}

std::string declared_names(const eval::FieldSpec& field) {
  std::string out = fmt::format("`{}`", field.name);
  for (const auto& c : field.columns)
    if (c != field.name) out += fmt::format(", `{}`", c);
  return out;
}

}  // namespace

Diagnostics columns_not_found(const eval::Schema& schema, const std::vector<eval::RecordSet::FieldOrigin>& origins,
                              const std::vector<std::string>& names, const std::vector<bool>& evaluated,
                              const std::string& source, const char* column_word, bool any_record) {
  Diagnostics out;
  if (!any_record) return out;
  // A file none of whose names maps is `no-matching-columns` already, once.
  const bool any_maps = std::any_of(origins.begin(), origins.end(), [](const eval::RecordSet::FieldOrigin& o) {
    return !o.value.empty() || !o.low.empty() || !o.high.empty();
  });
  if (!any_maps) return out;
  for (std::size_t slot = 0; slot < schema.fields.size() && slot < evaluated.size(); ++slot) {
    if (!evaluated[slot] || static_cast<int32_t>(slot) == schema.key_slot) continue;
    if (slot < origins.size()) {
      const auto& o = origins[slot];
      if (!o.value.empty() || !o.low.empty() || !o.high.empty()) continue;
    }
    const eval::FieldSpec& field = schema.fields[slot];
    Location loc;
    loc.file = source;
    Diagnostic d = make_diagnostic(Severity::Warning, "column-not-found",
                                   fmt::format("no {} of the data gives field `{}`, which the policy reads",
                                               column_word, field.name),
                                   std::move(loc));
    d.notes.push_back(fmt::format("`{}` is unknown for every model; the names looked for are {}", field.name,
                                  declared_names(field)));
    const std::string near = closest_name(field, names);
    d.help = near.empty()
                 ? fmt::format("name the {} that gives it in the field's declaration: `field {} … column \"…\"`",
                               column_word, field.name)
                 : fmt::format("did you mean the {} `{}`? name it in the field's declaration: `column \"{}\"`",
                               column_word, near, near);
    out.add(std::move(d));
  }
  return out;
}

}  // namespace scalepol::data
