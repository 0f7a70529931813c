// The interpretation sweep: a record's verdicts under every reading of the policy's assumptions,
// folded into one verdict per rule that says whether it is robust or which assumptions it
// depends on.
#pragma once

#include <string>
#include <unordered_map>

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
  // Each rule's place in a reading's verdicts (verdicts_for: ladders, triggers, exemptions, then
  // obligations as Evaluator::obligation_sites lists them): the combined verdicts keep it, as a
  // single reading and the batch evaluator do, whichever reading first reports an obligation.
  std::unordered_map<std::string, std::size_t> place_;
};

}  // namespace scalepol::eval
