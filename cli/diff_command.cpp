// `scalepol diff OLD NEW --models DATA`: evaluate two versions of a policy over the same models
// and list the verdicts that differ, model by model.
//
// Like diff(1): exit 0 when the versions decide every model alike (and have the same rules), 1
// when they differ, 2 when either policy or the data cannot be used. The data is loaded once
// per policy, since each version declares its own fields. Problems with single values in the
// data do not stop the diff: they follow on stderr and the exit code is 2, as for `run`.
#include <algorithm>
#include <iostream>

#include "commands.hpp"
#include "exit_code.hpp"
#include "print.hpp"
#include "scalepol/diff.hpp"
#include "scalepol/scalepol.hpp"

namespace scalepol::cli {

int run_diff(const DiffOptions& options) {
  InputOptions old_inputs = options.inputs;
  old_inputs.policy = options.old_policy;
  InputOptions new_inputs = options.inputs;
  new_inputs.policy = options.new_policy;
  auto old_side = load_inputs(old_inputs, options.color);
  if (!old_side) return kFailure;
  auto new_side = load_inputs(new_inputs, options.color);
  if (!new_side) return kFailure;

  auto d = diff(old_side->policy, new_side->policy, old_side->records, new_side->records, {.as_of = options.as_of});
  if (!d) {
    print_diagnostics(d.error(), options.color);
    return kFailure;
  }
  if (options.format == "json") {
    render_diff_json(std::cout, *d);
  } else {
    render_diff_text(std::cout, *d);
  }
  std::cout.flush();
  if (!std::cout) {
    print_error("cannot write the diff to standard output", options.color);
    return kFailure;
  }

  // The same data loaded twice reports a problem twice when both schemas read the field: each
  // problem is shown once (the new version's, then those only the old version's schema saw).
  Diagnostics problems = new_side->records.diagnostics();
  for (const Diagnostic& p : old_side->records.diagnostics().items) {
    const bool seen = std::any_of(problems.items.begin(), problems.items.end(), [&](const Diagnostic& q) {
      return q.code == p.code && q.message == p.message && q.location.file == p.location.file &&
             q.location.line == p.location.line && q.location.column == p.location.column;
    });
    if (!seen) problems.add(p);
  }
  if (finish_with_data_problems(std::move(problems), options.inputs.strict_data, options.color) != kClean)
    return kFailure;
  return d->empty() ? kClean : kFindings;
}

}  // namespace scalepol::cli
