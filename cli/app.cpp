#include "app.hpp"

#include <algorithm>
#include <cstdio>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "commands.hpp"
#include "exit_code.hpp"
#include "print.hpp"
#include "scalepol/scalepol.hpp"

namespace scalepol::cli {

namespace {

// CLI11's messages may span lines and start with a capital; a usage error is one line in the
// style of every other message (lowercase).
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  const auto upper = [&](std::size_t i) { return i < text.size() && text[i] >= 'A' && text[i] <= 'Z'; };
  if (upper(0) && !upper(1)) text[0] = static_cast<char>(text[0] - 'A' + 'a');  // not "FILE"
  return text;
}

// The word where a command was expected: the first argument that is neither an option nor the
// value of --color or --import-root (the options of the whole program that take a value).
std::string command_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--color" || arg == "--import-root") {
      ++i;
    } else if (!arg.starts_with('-')) {
      return std::string(arg);
    }
  }
  return {};
}

const std::vector<std::string> kFormats = {"text", "json"};
const std::vector<std::string> kRunFormats = {"text", "json", "jsonl", "csv", "html"};
const std::vector<std::string> kCheckFormats = {"text", "json", "sarif"};
const char* const kModelsHelp =
    "model records: CSV, JSON (an array) or JSON Lines; `-` reads standard input (name its --data-format)";

}  // namespace

int run_app(int argc, char** argv) {
  // The name is fixed so that usage lines say `scalepol`, not the path the binary was run by.
  CLI::App app{"scalepol: check AI scaling policies and evaluate them against model records", "scalepol"};
  app.set_version_flag("--version", fmt::format("scalepol {}", scalepol::version()));
  app.require_subcommand(1);
  // Options of the whole program (--color) may follow the command's own.
  app.fallthrough();
  app.footer("Exit codes: 0 clean, 1 findings or failed tests, 2 usage or input errors.\n"
             "Run `scalepol COMMAND --help` for a command's options.");

  std::vector<std::string> import_roots;
  app.add_option("--import-root", import_roots,
                 "a directory imports may read (repeatable); by default only the policy's own directory")
      ->check(CLI::ExistingDirectory);  // a mistyped root would silently allow nothing
  std::string color = "auto";
  app.add_option("--color", color, "colour: auto (on a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();

  CheckOptions check;
  CLI::App* check_cmd =
      app.add_subcommand("check", "parse, check and lint policies; report errors and warnings");
  check_cmd->add_option("FILE", check.files, "policy files (`-`: standard input)");
  check_cmd->add_option("--format", check.format, "output: text (on stderr), json or sarif (on stdout)")
      ->check(CLI::IsMember(kCheckFormats))
      ->capture_default_str();
  check_cmd->add_flag("--deny-warnings", check.deny_warnings, "report warnings as errors");
  // One code per occurrence (or a comma-separated list), so `--disable CODE FILE` leaves FILE alone.
  check_cmd->add_option("--disable", check.disabled, "do not report CODE (repeatable; CODE,CODE also works)")
      ->type_name("CODE")
      ->allow_extra_args(false)
      ->delimiter(',');
  check_cmd->add_option("--sarif-help-base", check.sarif_help_base,
                        fmt::format("with --format sarif: where docs/lint/CODE.md pages are (default {})",
                                    kDefaultSarifHelpBase))
      ->type_name("URL");
  check_cmd->add_flag("--list-codes", check.list_codes, "print every code: code, severity, family, summary");
  check_cmd->add_flag("--coverage", check.coverage,
                      "instead of the findings: per file, which constructs carry a quote and which carry none (text or json)");
  check_cmd->footer("Examples:\n  scalepol check eu_ai_act.policy rsp.policy --format json\n"
                    "  scalepol check policies/*.policy --format sarif > scalepol.sarif");

  RunOptions run;
  CLI::App* run_cmd = app.add_subcommand("run", "evaluate a policy against model records");
  run_cmd->add_option("POLICY", run.inputs.policy, "policy file (`-`: standard input)")->required();
  run_cmd->add_option("--models", run.inputs.models, kModelsHelp)->required();
  run_cmd->add_option("--format", run.format,
                      "report: text (a table), json, jsonl (one line per model, verdicts without reasons, "
                      "for large files), csv (one row per model, four columns per rule: value, status, "
                      "robust, depends_on), or html (one self-contained page: a chart and a table)")
      ->check(CLI::IsMember(kRunFormats))
      ->capture_default_str();
  run_cmd->add_option("--as-of", run.as_of, "evaluation date YYYY-MM-DD (what `time_since` measures to)");
  run_cmd->add_option("--data-format", run.inputs.data_format, "how to read --models: auto (by extension), csv, json, jsonl")
      ->check(CLI::IsMember({"auto", "csv", "json", "jsonl"}))
      ->capture_default_str();
  run_cmd->add_option("-o,--output", run.output, "write the report to FILE (replaced atomically) instead of stdout")
      ->check(CLI::Validator([](std::string& s) { return s.empty() ? std::string("needs a file name") : std::string(); },
                             "FILE"));
  run_cmd->add_flag("--confidence-ranges", run.inputs.confidence_ranges,
                    "read Epoch AI's Confidence labels as ranges around compute figures (Confident 3x, Likely 10x, "
                    "Speculative 30x; see docs/uncertainty-confidence.md)");
  run_cmd->add_option("--show", run.show,
                      "columns of the text table besides tier ladders and triggers: exemptions (one per exemption), "
                      "obligations (the kinds each model incurs); comma-separated")
      ->delimiter(',')
      ->check(CLI::IsMember({"exemptions", "obligations"}));
  run_cmd->add_flag("--strict-data", run.inputs.strict_data,
                 "fail (exit 2) on any problem in the data; without it a value that cannot be read is a warning "
                 "and read as unknown");
  run_cmd->footer(
      "Examples:\n  scalepol run eu_ai_act.policy --models models.csv --as-of 2025-06-01 -o report.txt\n"
      "  scalepol run eu_ai_act.policy --models all_models.jsonl --format jsonl -o verdicts.jsonl\n"
      "  scalepol run eu_ai_act.policy --models models.csv --format html -o report.html\n"
      "  gunzip -c all_models.csv.gz | scalepol run eu_ai_act.policy --models - --data-format csv\n"
      "A progress line appears on standard error (a terminal) when a run takes over a second.");

  ExplainOptions explain;
  CLI::App* explain_cmd = app.add_subcommand("explain", "show why each verdict for one model is what it is");
  explain_cmd->add_option("POLICY", explain.inputs.policy, "policy file (`-`: standard input)")->required();
  explain_cmd->add_option("--models", explain.inputs.models, kModelsHelp)->required();
  explain_cmd->add_option("--model", explain.model, "the model to explain, as the data names it");
  explain_cmd->add_option("--line", explain.line,
                          "the record that starts on line N of DATA (as diagnostics count): for a file with "
                          "several rows per model")
      ->check(CLI::PositiveNumber);
  explain_cmd->add_option("--format", explain.format, "output: text or json")
      ->check(CLI::IsMember(kFormats))
      ->capture_default_str();
  explain_cmd->add_option("--as-of", explain.as_of, "evaluation date YYYY-MM-DD (what `time_since` measures to)");
  explain_cmd->add_option("--data-format", explain.inputs.data_format, "how to read --models: auto (by extension), csv, json, jsonl")
      ->check(CLI::IsMember({"auto", "csv", "json", "jsonl"}))
      ->capture_default_str();
  explain_cmd->add_flag("--confidence-ranges", explain.inputs.confidence_ranges,
                        "read Epoch AI's Confidence labels as ranges around compute figures (as for `run`)");
  explain_cmd->add_flag("--strict-data", explain.inputs.strict_data,
                 "fail (exit 2) on any problem in the data; without it a value that cannot be read is a warning "
                 "and read as unknown");
  explain_cmd->footer("Examples:\n  scalepol explain eu_ai_act.policy --models models.csv --model GPT-4 --format json\n"
                      "  curl -s https://example.org/models.jsonl | scalepol explain eu_ai_act.policy --models - "
                      "--data-format jsonl --model GPT-4");

  TestOptions test;
  CLI::App* test_cmd = app.add_subcommand("test", "run the `test` blocks of policies");
  test_cmd->add_option("FILE", test.files, "policy files (`-`: standard input)")->required();
  test_cmd->add_option("--format", test.format, "output: text (PASS/FAIL lines) or json")
      ->check(CLI::IsMember(kFormats))
      ->capture_default_str();
  test_cmd->footer("Exit codes: 0 every test passed, 1 a test failed, 2 usage or input errors.\n"
                   "Examples:\n  scalepol test eu_ai_act.policy\n  scalepol test policies/*.policy --format json");

  DiffOptions diff;
  CLI::App* diff_cmd =
      app.add_subcommand("diff", "evaluate two versions of a policy over the same models; list the verdicts that differ");
  diff_cmd->add_option("OLD", diff.old_policy, "the old version's policy file (`-`: standard input)")->required();
  diff_cmd->add_option("NEW", diff.new_policy, "the new version's policy file (`-`: standard input)")->required();
  diff_cmd->add_option("--models", diff.inputs.models, "model records: CSV, JSON (an array) or JSON Lines")->required();
  diff_cmd->add_option("--format", diff.format, "output: text or json")
      ->check(CLI::IsMember(kFormats))
      ->capture_default_str();
  diff_cmd->add_option("--as-of", diff.as_of, "evaluation date YYYY-MM-DD (what `time_since` measures to)");
  diff_cmd->add_option("--data-format", diff.inputs.data_format, "how to read --models: auto (by extension), csv, json, jsonl")
      ->check(CLI::IsMember({"auto", "csv", "json", "jsonl"}))
      ->capture_default_str();
  diff_cmd->add_flag("--confidence-ranges", diff.inputs.confidence_ranges,
                     "read Epoch AI's Confidence labels as ranges around compute figures (as for `run`)");
  diff_cmd->add_flag("--strict-data", diff.inputs.strict_data,
                 "fail (exit 2) on any problem in the data; without it a value that cannot be read is a warning "
                 "and read as unknown");
  diff_cmd->footer("Exit codes: 0 no verdict differs, 1 verdicts or rules differ, 2 usage or input errors.\n"
                   "Example:\n  scalepol diff rsp_v1.policy rsp_v2.policy --models models.jsonl --as-of 2024-06-01");

  FmtOptions fmt_options;
  CLI::App* fmt_cmd = app.add_subcommand("fmt", "rewrite policies in the canonical layout (docs/fmt.md)");
  fmt_cmd->add_option("FILE", fmt_options.files, "policy files; `-` or none reads standard input");
  fmt_cmd->add_flag("--check", fmt_options.check, "print a diff for each file not formatted, and exit 1 if there is one");
  fmt_cmd->add_flag("--write", fmt_options.write, "rewrite the files that are not formatted, in place");
  fmt_cmd->add_option("--width", fmt_options.width, "the line width expressions are wrapped at")
      ->check(CLI::Range(20, 1000))
      ->capture_default_str();
  fmt_cmd->footer("Exit codes: 0 formatted, 1 with --check: some file is not, 2 syntax or input errors.\n"
                  "Examples:\n  scalepol fmt eu_ai_act.policy                 # the formatted text on stdout\n"
                  "  scalepol fmt --check stdlib/regulations/*.policy\n"
                  "  scalepol fmt --write policies/*.policy");

  LspOptions lsp;
  CLI::App* lsp_cmd = app.add_subcommand(
      "lsp", "a language server over stdin and stdout: diagnostics as you type, hover, go to definition, symbols, formatting");
  lsp_cmd->footer("Editors start it themselves (docs/editor.md; for VS Code, the extension in editors/vscode/).\n"
                  "Exit codes: 0 after `shutdown` then `exit`, 1 when the client goes away without them.\n"
                  "Examples:\n  scalepol lsp\n  scalepol --import-root policies lsp\n"
                  "  in Helix's languages.toml: [language-server.scalepol] command = \"scalepol\" args = [\"lsp\"]");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::string message = one_line(e.what());
    // A mistyped command reaches CLI11 as a stray positional; name it for what it is.
    if (const std::string word = command_word(argc, argv); !word.empty() && app.get_subcommands().empty()) {
      message = fmt::format("unknown command `{}`", word);
    }
    print_error(message + " (see `scalepol --help`)", parse_color_mode(color));
    return kFailure;
  }

  const ColorMode mode = parse_color_mode(color);
  // Standard input can be read once: at most one `-` among the files a command reads.
  using Paths = std::vector<std::string>;
  const Paths reads = check_cmd->parsed()     ? check.files
                      : run_cmd->parsed()     ? Paths{run.inputs.policy, run.inputs.models}
                      : explain_cmd->parsed() ? Paths{explain.inputs.policy, explain.inputs.models}
                      : diff_cmd->parsed()    ? Paths{diff.old_policy, diff.new_policy, diff.inputs.models}
                                              : test.files;
  if (diff_cmd->parsed() && diff.inputs.models == "-") {
    // Each version declares its own fields, so the data is read once per version.
    print_error("`diff` reads --models once for each version: save standard input to a file first", mode);
    return kFailure;
  }
  if (const auto error = stdin_usage_error(reads)) {
    print_error(*error, mode);
    return kFailure;
  }
  CompileOptions compile;
  compile.import_roots = import_roots;
  check.compile = run.inputs.compile = explain.inputs.compile = test.compile = diff.inputs.compile = lsp.compile = compile;
  if (check_cmd->parsed() && check.coverage) {
    if (check.format == "sarif" || check.list_codes) {
      print_error(check.list_codes ? "--coverage and --list-codes do not go together"
                                   : "--coverage writes text or json, not sarif",
                  mode);
      return kFailure;
    }
    if (check.files.empty()) {
      print_error("--coverage needs at least one FILE", mode);
      return kFailure;
    }
    check.color = mode;
    return run_coverage(check);
  }
  if (check_cmd->parsed()) {
    if (const auto error = check_usage_error(check)) {
      print_error(*error, mode);
      return kFailure;
    }
    check.color = mode;
    return run_check(check);
  }
  if (run_cmd->parsed()) {
    run.color = mode;
    return run_run(run);
  }
  if (explain_cmd->parsed()) {
    explain.color = mode;
    return run_explain(explain);
  }
  if (lsp_cmd->parsed()) return run_lsp(lsp);
  if (diff_cmd->parsed()) {
    diff.color = mode;
    return run_diff(diff);
  }
  if (fmt_cmd->parsed()) {
    if (fmt_options.check && fmt_options.write) {
      print_error("--check and --write do not go together", mode);
      return kFailure;
    }
    fmt_options.color = mode;
    return run_fmt(fmt_options);
  }
  test.color = mode;
  return run_test(test);
}

}  // namespace scalepol::cli
