#include "data/loader_common.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace scalepol::data {

std::string field_label(const model::FieldSpec& field, std::string_view origin, std::string_view column) {
  if (column == field.name) return fmt::format("field `{}`", field.name);
  return fmt::format("field `{}` ({} `{}`)", field.name, origin, excerpt(column));
}

Diagnostic malformed_value(ParseError error, std::string_view text, const model::FieldSpec& field,
                           std::string_view origin, std::string_view column, Location location) {
  Diagnostic d = make_diagnostic(
      Code::MalformedValue,
      error == ParseError::Negative
          ? fmt::format("negative value `{}` for {}", excerpt(trim(text)), field_label(field, origin, column))
          : fmt::format("cannot read `{}` as {} for {}", excerpt(trim(text)), expected_noun(field.kind),
                        field_label(field, origin, column)),
      std::move(location));
  if (std::string why = explain(error, text); !why.empty()) d.notes.push_back(std::move(why));
  d.notes.push_back("the value is read as unknown");
  d.help = help_for(error);
  return d;
}

std::string combine_estimate(const EstimateParts& parts, std::string_view label,
                             const std::array<std::string_view, 3>& names, model::Value& out) {
  const auto& value = parts.value;
  const auto& low = parts.low;
  const auto& high = parts.high;
  // Bounds that cannot stand keep the figure they came with: it is the data's own estimate, and
  // the bounds' problem is reported.
  const auto keep_figure = [&](std::string problem) {
    out = parts.value ? model::Value::number(*parts.value) : model::Value::unknown();
    return problem;
  };
  if (!value && !low && !high)
    return keep_figure(fmt::format("the range of {} needs `{}`, or `{}` or `{}`", label, names[0], names[1], names[2]));
  if (!value && !(low && high)) {
    // "At least 1.3e24": every verdict the bound decides is decided; the others are possible.
    const double inf = std::numeric_limits<double>::infinity();
    const double lo = low ? *low : (parts.non_negative ? 0.0 : -inf);
    const double hi = high ? *high : inf;
    if (lo > hi) return keep_figure(fmt::format("the range of {} has `{}` below 0", label, names[2]));
    out = model::Value::estimate(std::nan(""), lo, hi);
    out.bounded = true;
    return "";
  }
  const double lo = low ? *low : *value;
  const double hi = high ? *high : *value;
  if (low && high && lo > hi) return keep_figure(fmt::format("the range of {} has `{}` above `{}`", label, names[1], names[2]));
  if (value && (*value < lo || *value > hi)) return keep_figure(fmt::format("the `{}` of {} is outside its range", names[0], label));
  const double x = value ? *value : (lo + hi) / 2;
  out = lo == hi ? model::Value::number(lo) : model::Value::estimate(x, lo, hi);
  out.bounded = low || high;
  return "";
}

std::string read_as(const model::Value& v) {
  if (v.is_unknown()) return "the value is read as unknown";
  return v.is_exact() ? "the figure is read without its bounds" : "the value's own range is read; the bounds are not";
}

void note_origin(std::vector<std::string>& origins, std::string_view column) {
  // Only names the schema declares get here, so the list stays as short as the declaration.
  if (std::find(origins.begin(), origins.end(), column) == origins.end()) origins.emplace_back(column);
}

std::string key_names(const model::FieldSpec& field) {
  std::vector<std::string_view> names(field.columns.begin(), field.columns.end());
  if (std::find(names.begin(), names.end(), field.name) == names.end()) names.push_back(field.name);
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += fmt::format("{}`{}`", i == 0 ? "" : i + 1 == names.size() ? " or " : ", ", excerpt(names[i]));
  return out;
}

Diagnostic missing_model_name(std::string_view what, uint32_t line, Location location) {
  Diagnostic d = make_diagnostic(Code::MissingModelName,
                                 fmt::format("the record has no model name: {}", what), std::move(location));
  d.notes.push_back(fmt::format("it is named by its line instead: `#{}`", line));
  return d;
}

void finish(model::RecordSet& set, Reporter& reporter, SourceText& source) {
  // index_names() knows record lines but not the text: give its warnings their line's text.
  set.diagnostics = {};
  set.index_names();
  for (Diagnostic& d : set.diagnostics.items) {
    if (!reporter.admit()) continue;
    if (d.location.line > 0 && d.location.line_text.empty()) {
      Location loc = source.locate_line(d.location.line);
      d.location.column = loc.column;
      d.location.line_text = std::move(loc.line_text);
    }
    reporter.add(std::move(d));
  }
  set.diagnostics = reporter.finish();
}

}  // namespace scalepol::data
