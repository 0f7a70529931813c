// What the CSV and JSON loaders share: the wording of a value that cannot be read, and the last
// step of every load (index the model names, then order and cap the diagnostics).
#pragma once

#include <string>
#include <string_view>

#include "data/reporter.hpp"
#include "data/source_text.hpp"
#include "data/value_parse.hpp"
#include "eval/record.hpp"

namespace scalepol::data {

// "field `training_compute` (column `Training compute (FLOP)`)"; the parenthesis is left out
// when the column is the field's own name. `origin` is "column" (CSV) or "key" (JSON).
std::string field_label(const eval::FieldSpec& field, std::string_view origin, std::string_view column);

// `malformed-value`: "cannot read `abc` as a number for field `x` (column `X`)", with the
// reason as a note and a help line when there is one.
Diagnostic malformed_value(ParseError error, std::string_view text, const eval::FieldSpec& field,
                           std::string_view origin, std::string_view column, Location location);

// Index the model names (duplicates become warnings located on their line), then move the
// reporter's capped, ordered diagnostics into the set.
void finish(eval::RecordSet& set, Reporter& reporter, SourceText& source);

}  // namespace scalepol::data
