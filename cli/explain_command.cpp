// `scalepol explain POLICY --models DATA --model NAME` (or `--line N`): the trace of every verdict
// for one record.
//
// Exit 2 when the policy does not compile, DATA cannot be loaded, names no such model (with the
// closest name as a help line) or several records by that name (pick one with --line). Cells that
// cannot be read do not stop the explanation: they follow it on stderr as warnings, as for `run`.
#include <cstdio>
#include <string>
#include <iostream>

#include "commands.hpp"
#include "exit_code.hpp"
#include "print.hpp"
#include "scalepol/explain.hpp"
#include "scalepol/scalepol.hpp"

namespace scalepol::cli {

int run_explain(const ExplainOptions& options) {
  if (options.model.empty() && options.line == 0) {
    print_error("explain needs the model: --model NAME, or --line N for the record on line N of DATA", options.color);
    return kFailure;
  }
  auto inputs = load_inputs(options.inputs, options.color);
  if (!inputs) return kFailure;
  const Policy::EvalOptions eval{.as_of = options.as_of};
  auto explanation = options.line > 0 ? explain_line(inputs->policy, inputs->records, options.line, eval)
                                      : explain(inputs->policy, inputs->records, options.model, eval);
  if (!explanation) {
    print_diagnostics(explanation.error(), options.color);
    return kFailure;
  }
  if (options.line > 0 && !options.model.empty() && explanation->model != options.model) {
    print_error("line " + std::to_string(options.line) + " of " + options.inputs.models + " is the record of `" +
                    explanation->model + "`, not `" + options.model + "`",
                options.color);
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
