// The record model (model/): values, records, schemas and how they are described. Evaluation
// works on them throughout, so eval's code names them unqualified.
#pragma once

#include "model/describe.hpp"
#include "model/record.hpp"
#include "model/value.hpp"

namespace scalepol::eval {

using model::ColumnRole;
using model::expr_text;
using model::FieldSpec;
using model::format_date;
using model::format_number;
using model::format_quantity;
using model::format_value;
using model::half_open_text;
using model::keep_sides;
using model::kNoPointTier;
using model::Lines;
using model::policy_lines;
using model::reach_text;
using model::Record;
using model::RecordSet;
using model::reset;
using model::round_significant;
using model::Schema;
using model::status_test_holds;
using model::tier_bit;
using model::tier_set;
using model::TierSet;
using model::Tri;
using model::tri_and;
using model::tri_not;
using model::tri_of;
using model::tri_or;
using model::Value;
using model::value_missing;
using model::value_open;
using model::where_text;

}  // namespace scalepol::eval
