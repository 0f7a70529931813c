// The interpretation sweep: a record's verdicts under every reading of the policy's assumptions,
// folded into one verdict per rule that says whether it is robust or which assumptions it
// depends on.
#pragma once

#include "eval/readings.hpp"
#include "eval/verdicts.hpp"

namespace scalepol::eval {

class Sweep {
 public:
  Sweep(Evaluator& ev, const Readings& readings);
  ModelResult verdicts(const Record& record);

 private:
  Evaluator& ev_;
  const Readings& readings_;
  Evaluator::Frame frame_;
  std::vector<Value> values_;               // the current reading's assumption values
  std::vector<ModelResult> per_reading_;    // scratch, reused across records
};

}  // namespace scalepol::eval
