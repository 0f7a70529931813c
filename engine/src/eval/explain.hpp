// The trace behind one record's verdicts (scalepol/explain.hpp): for each rule, the tests that
// decided it with their margins to the line, and every value it read with where that value came
// from. It only reads: it evaluates, through the Evaluator's public methods, the expressions the
// verdicts were computed from.
#pragma once

#include <vector>

#include "eval/evaluator.hpp"
#include "scalepol/explain.hpp"
#include "scalepol/report.hpp"

namespace scalepol::eval {

// One trace per verdict of `verdicts` (the record's verdicts as a run gives them, in that
// order). The evaluator must be set to the reading the values are to be shown under.
std::vector<VerdictTrace> trace_verdicts(Evaluator& ev, const Record& record, const ModelResult& verdicts);

// A ratio as a person writes it: two significant digits (2.1x, 4.8x, 32x), four close to 1
// (1.001x), so that a figure just over a line does not read as equal to it.
std::string ratio_text(double r);

}  // namespace scalepol::eval
