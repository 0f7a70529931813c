// The members of one verdict in JSON (docs/json-output.md), shared by the documents that carry
// verdicts: the evaluation report and the explanation of one model.
#pragma once

#include "report/json_writer.hpp"
#include "scalepol/report.hpp"

namespace scalepol::report {

// rule, kind, value, status, because, unknown_fields, quote, source, robust, depends_on,
// readings, in that order, inside an object the caller has opened; the optional ones are left
// out when empty.
void write_verdict_members(JsonWriter& json, const Verdict& v);

}  // namespace scalepol::report
