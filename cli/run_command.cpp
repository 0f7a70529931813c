// `scalepol run POLICY --models DATA`: evaluate a policy over model records and print the report.
//
// Anything that stops the report (a policy that does not compile, data that cannot be loaded)
// exits 2 with the diagnostics. Problems with single values in the data do not stop it: the
// report is produced and the problems follow on stderr as warnings (exit 0); a lost row is an
// error (exit 2), and --strict-data makes every problem one.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <iostream>
#include <optional>

#include "commands.hpp"
#include "exit_code.hpp"
#include "files.hpp"
#include "inputs.hpp"
#include "print.hpp"
#include "scalepol/scalepol.hpp"

namespace scalepol::cli {

namespace {

// Writes what `produce` makes to -o FILE (atomically: the old file stays whole if anything fails)
// or to standard output. The one line to report when it could not be written, or nothing.
// `produce` sets the stream's failbit to keep an existing file when its report fails.
std::optional<std::string> write_output(const std::string& output, const std::function<void(std::ostream&)>& produce) {
  if (!output.empty()) return write_atomically(output, produce);
  produce(std::cout);
  std::cout.flush();
  if (!std::cout) return "cannot write the report to standard output";
  return std::nullopt;
}

// "eu_ai_act.policy over models.csv": what the progress line says runs.
std::string progress_label(const RunOptions& options) {
  const auto base = [](const std::string& path) {
    if (path == "-") return std::string("standard input");
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
  };
  return base(options.inputs.policy) + " over " + base(options.inputs.models);
}

// A report written as records are read (stream.hpp).
using StreamedReport = std::function<Expected<StreamSummary, Diagnostics>(const Policy&, const std::string&,
                                                                          std::ostream&, const StreamOptions&)>;

// What writes each format: records are read, evaluated and written a block at a time, so a file
// of any size runs in flat memory.
StreamedReport streamed_report(const RunOptions& options) {
  if (options.format == "jsonl") return run_jsonl;
  if (options.format == "csv") return run_csv;
  if (options.format == "json") return run_json;
  if (options.format == "text") {
    const auto shows = [&](const char* what) { return std::ranges::find(options.show, what) != options.show.end(); };
    // Colour belongs to terminals: a report written to a file never carries it.
    const ReportTextOptions text{.color = options.output.empty() && use_color(options.color, stdout),
                                 .exemptions = shows("exemptions"),
                                 .obligations = shows("obligations")};
    return [text](const Policy& policy, const std::string& data, std::ostream& out, const StreamOptions& stream) {
      return run_text(policy, data, out, stream, text);
    };
  }
  return [](const Policy& policy, const std::string& data, std::ostream& out, const StreamOptions& stream) {
    return run_html(policy, data, out, stream);
  };
}

int run_streaming(const RunOptions& options, const StreamedReport& write) {
  // Every format is written as it is made: on a terminal, no progress line between its rows.
  Progress progress(progress_label(options), options.output.empty());
  auto policy = compile_policy(options.inputs.policy, options.inputs.compile);
  if (!policy) {
    progress.finish();
    print_diagnostics(policy.error(), options.color);
    return kFailure;
  }
  const StreamOptions stream{.load = {.format = parse_data_format(options.inputs.data_format),
                                      .confidence_ranges = options.inputs.confidence_ranges},
                             .eval = {.as_of = options.as_of},
                             .on_progress = [&](std::size_t records) { progress.records(records); }};
  progress.phase("evaluating");
  std::optional<Expected<StreamSummary, Diagnostics>> result;
  auto produce = [&](std::ostream& out) {
    result = write(*policy, options.inputs.models, out, stream);
    // A run that stops (unreadable data) must not replace the file with half a report.
    if (!*result) out.setstate(std::ios::failbit);
  };
  const std::optional<std::string> write_error = write_output(options.output, produce);
  progress.finish();
  if (result && !*result) {
    print_diagnostics(result->error(), options.color);
    return kFailure;
  }
  // Also an output that could not be opened, before the report was begun (no result).
  if (write_error) {
    print_error(*write_error, options.color);
    return kFailure;
  }
  if (!result) return kFailure;
  return finish_with_data_problems((*result)->diagnostics, options.inputs.strict_data, options.color);
}

}  // namespace

int run_run(const RunOptions& options) {
  // The report replaces -o's file; when that file is the policy or the data, the input is lost.
  for (const std::string* input : {&options.inputs.policy, &options.inputs.models}) {
    if (!options.output.empty() && same_file(options.output, *input)) {
      print_error("`-o " + options.output + "` names an input of this run (`" + *input + "`): write the report to another file",
                  options.color);
      return kFailure;
    }
  }
  if (!options.show.empty() && options.format != "text") {
    print_error("--show chooses columns of the text table; --format " + options.format + " gives every verdict",
                options.color);
    return kFailure;
  }
  return run_streaming(options, streamed_report(options));
}

}  // namespace scalepol::cli
