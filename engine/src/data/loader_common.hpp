// What the CSV and JSON loaders share: the wording of a value that cannot be read, and the last
// step of every load (index the model names, then order and cap the diagnostics).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/reporter.hpp"
#include "data/source_text.hpp"
#include "data/value_parse.hpp"
#include "model/record.hpp"

namespace scalepol::data {

// "field `training_compute` (column `Training compute (FLOP)`)"; the parenthesis is left out
// when the column is the field's own name. `origin` is "column" (CSV) or "key" (JSON).
std::string field_label(const model::FieldSpec& field, std::string_view origin, std::string_view column);

// `malformed-value`: "cannot read `abc` as a number for field `x` (column `X`)", with the
// reason as a note and a help line when there is one.
Diagnostic malformed_value(ParseError error, std::string_view text, const model::FieldSpec& field,
                           std::string_view origin, std::string_view column, Location location);

// A value and its bounds, each in the field's base unit and each possibly missing.
struct EstimateParts {
  std::optional<double> value, low, high;
  bool non_negative = false;  // a total (compute, parameters): a range with only its upper bound starts at 0
};
// The estimate they make: a missing bound is the value, and with no value the point estimate is
// the middle of the bounds. One bound and no value is a half-open range with no point estimate
// (NaN): `low` alone runs up to +infinity, `high` alone down to 0 for a total, -infinity otherwise. "" with `out` set, or what is wrong with them (for a message about
// `label`), with `out` set to what is read instead: the figure without its bounds, or unknown
// when there is no figure (read_as says which). `names` are how the file writes the three parts: `value`, `low`, `high` in a JSON
// range, the column names in CSV.
std::string combine_estimate(const EstimateParts& parts, std::string_view label,
                             const std::array<std::string_view, 3>& names, model::Value& out);

// The note of a `malformed-value` about bounds: what `combine_estimate` read instead.
std::string read_as(const model::Value& v);

// The origin list of a field's value or bound (RecordSet::FieldOrigin): `column` is added unless
// it is already there.
void note_origin(std::vector<std::string>& origins, std::string_view column);

// How a file may name the model's name (the schema's key field): "`Model` or `model`", its
// `column` names first, as the data sets write them.
std::string key_names(const model::FieldSpec& field);

// `missing-model-name`, a warning: a record whose name (`what`: "its cell in column `Model` is
// blank", …) is missing, named by its line instead.
Diagnostic missing_model_name(std::string_view what, uint32_t line, Location location);

// Index the model names (duplicates become warnings located on their line), then move the
// reporter's capped, ordered diagnostics into the set.
void finish(model::RecordSet& set, Reporter& reporter, SourceText& source);

}  // namespace scalepol::data
