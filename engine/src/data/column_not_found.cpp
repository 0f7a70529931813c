#include "data/column_not_found.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "data/reporter.hpp"
#include "model/describe.hpp"
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

// The name of `names` closest to `word` as a person reads them, or "": one that differs only in
// case, spaces, underscores or hyphens first, else the closest by edits. Never `word` itself.
std::string nearest(std::string_view word, const std::vector<std::string>& names) {
  const std::string w = folded(word);
  for (const auto& n : names)
    if (n != word && folded(n) == w) return n;
  std::vector<std::string> folded_names;
  folded_names.reserve(names.size());
  for (const auto& n : names) folded_names.push_back(folded(n));
  std::vector<std::string_view> candidates(folded_names.begin(), folded_names.end());
  const std::string found = syntax::closest_match(w, candidates);
  if (found.empty()) return "";
  const auto at = std::find(folded_names.begin(), folded_names.end(), found);
  return names[static_cast<std::size_t>(at - folded_names.begin())];
}

// The file's name closest to the field's own name or to one of its declared columns, or "".
std::string closest_name(const model::FieldSpec& field, const std::vector<std::string>& names) {
  std::vector<std::string> words{field.name};
  words.insert(words.end(), field.columns.begin(), field.columns.end());
  for (const auto& w : words)
    if (std::string found = nearest(w, names); !found.empty()) return found;
  return "";
}

std::string declared_names(const model::FieldSpec& field) {
  std::string out = fmt::format("`{}`", field.name);
  for (const auto& c : field.columns)
    if (c != field.name) out += fmt::format(", `{}`", c);
  return out;
}

// The first column a field's `where` reads that is not among the file's names, or "".
std::string missing_filter_column(const model::FieldSpec& field, const std::vector<std::string>& names) {
  for (const auto& f : field.where)
    if (std::find(names.begin(), names.end(), f.column) == names.end()) return f.column;
  return "";
}

Diagnostic filter_column_not_found(const model::FieldSpec& field, const std::string& missing,
                                   const std::vector<std::string>& names, const char* column_word, Location loc) {
  Diagnostic d = make_diagnostic(Code::ColumnNotFound,
                                 fmt::format("no {} of the data is `{}`, which the `where` of field `{}` reads",
                                             column_word, excerpt(missing), field.name),
                                 std::move(loc));
  d.notes.push_back(fmt::format("`{}` is unknown for every model", field.name));
  if (const std::string near = nearest(missing, names); !near.empty()) {
    d.help = fmt::format("did you mean the {} `{}`? write it as the file does: `where \"{}\" is \"…\"`", column_word,
                         excerpt(near), excerpt(near));
  } else {
    d.help = fmt::format("name a {} of the file in the `where`, as the file writes it", column_word);
  }
  return d;
}

// Every column the `where` reads is there, but no row has the values it asks for. `seen` are
// values the file's rows had in those columns, for a "did you mean".
Diagnostic no_row_meets(const model::FieldSpec& field, const std::vector<std::string>& seen, Location loc) {
  Diagnostic d = make_diagnostic(Code::ColumnNotFound,
                                 fmt::format("no row of the data meets the `where` of field `{}`: {}", field.name,
                                             excerpt(model::where_text(field.where), 200)),
                                 std::move(loc));
  d.notes.push_back(fmt::format("`{}` is unknown for every model", field.name));
  for (const auto& f : field.where) {
    if (const std::string near = nearest(f.value, seen); !near.empty()) {
      d.help = fmt::format("did you mean `{}`? the `where` compares whole cells exactly, as the file writes them",
                           excerpt(near));
      return d;
    }
  }
  d.help = "the `where` compares whole cells exactly, as the file writes them (case and spaces count)";
  return d;
}

}  // namespace

Diagnostics columns_not_found(const model::RecordSet& set, const std::vector<bool>& evaluated, bool any_record) {
  const model::Schema& schema = *set.schema;
  const auto& origins = set.origins;
  const auto& names = set.names_in_file;
  const std::string& source = set.source;
  const char* column_word = set.column_word;
  Diagnostics out;
  if (!any_record) return out;
  // A file none of whose names maps is `no-matching-columns` already, once.
  const bool any_maps = std::any_of(origins.begin(), origins.end(), [](const model::RecordSet::FieldOrigin& o) {
    return !o.value.empty() || !o.low.empty() || !o.high.empty();
  });
  if (!any_maps) return out;
  for (std::size_t slot = 0; slot < schema.fields.size() && slot < evaluated.size(); ++slot) {
    if (!evaluated[slot] || static_cast<int32_t>(slot) == schema.key_slot) continue;
    if (slot < origins.size()) {
      const auto& o = origins[slot];
      if (!o.value.empty() || !o.low.empty() || !o.high.empty()) continue;
    }
    const model::FieldSpec& field = schema.fields[slot];
    Location loc;
    loc.file = source;
    if (std::string missing = missing_filter_column(field, names); !missing.empty()) {
      out.add(filter_column_not_found(field, missing, names, column_word, std::move(loc)));
      continue;
    }
    if (!field.where.empty()) {
      out.add(no_row_meets(field, slot < set.where_values.size() ? set.where_values[slot] : std::vector<std::string>{},
                           std::move(loc)));
      continue;
    }
    Diagnostic d = make_diagnostic(Code::ColumnNotFound,
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
