// `scalepol explain POLICY --models DATA --model NAME`: the trace of every verdict for one model.
//
// Exit 2 when the policy does not compile, DATA cannot be loaded or names no such model (with
// the closest name as a help line). Malformed values in DATA do not stop the explanation: they
// follow it on stderr and the exit code is 2, as for `run`.
#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "exit_code.hpp"
#include "print.hpp"
#include "scalepol/explain.hpp"
#include "scalepol/scalepol.hpp"

namespace scalepol::cli {

int run_explain(const ExplainOptions& options) {
  auto inputs = load_inputs(options.inputs, options.color);
  if (!inputs) return kFailure;
  auto explanation = explain(inputs->policy, inputs->records, options.model, {.as_of = options.as_of});
  if (!explanation) {
    print_diagnostics(explanation.error(), options.color);
    return kFailure;
  }
  if (options.format == "json") {
    std::cout << render_explanation_json(*explanation);
  } else {
    std::cout << render_explanation_text(*explanation, {.color = use_color(options.color, stdout)});
  }
  std::cout.flush();
  if (!std::cout) {
    print_error("cannot write the explanation to standard output", options.color);
    return kFailure;
  }
  return finish_with_data_problems(inputs->records.diagnostics(), options.inputs.strict_data, options.color);
}

}  // namespace scalepol::cli
