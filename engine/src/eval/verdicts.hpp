// From rule values to the report's verdicts: one per tier ladder, trigger and exemption, and one
// per obligation a record may incur, each with its status and a one-line reason.
#pragma once

#include "eval/evaluator.hpp"
#include "scalepol/report.hpp"

namespace scalepol::eval {

// `frame` is scratch memory reused from one record to the next.
ModelResult verdicts_for(Evaluator& ev, const Record& record, Evaluator::Frame& frame);

}  // namespace scalepol::eval
