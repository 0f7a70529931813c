// bench_scalepol: scalepol's figures through its public API (bench/README.md). Each mode prints
// `key=value` lines for bench/run: times in seconds, the best of --repeat runs (check: the median).
//
//   bench_scalepol load  POLICY DATA [--repeat R]            load_records: load_s, records
//   bench_scalepol eval  POLICY DATA [--repeat R]            evaluate_table after one load: eval_s
//   bench_scalepol sweep SWEEP SINGLE DATA [--repeat R]      evaluate_table of each: sweep_s, single_s
//   bench_scalepol check FILE... [--repeat R]                compile_file + lint, per file: check_ms
//   bench_scalepol report POLICY DATA OUT                    Policy::evaluate's Report written in
//                                                            run_jsonl's format (a cross-check)
//   bench_scalepol whole-json POLICY DATA OUT                load_records, Policy::evaluate and
//                                                            render_report_json: the whole report in
//                                                            memory, as `run --format json` was made
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "handwritten.hpp"  // bench::append_json_string: the same escaping as the hand-written programs
#include "scalepol/scalepol.hpp"
#include "scalepol/stream.hpp"

namespace {

[[noreturn]] void usage(const std::string& why) {
  std::fprintf(stderr,
               "bench_scalepol: %s\n"
               "usage: bench_scalepol load|eval POLICY DATA [--repeat R]\n"
               "       bench_scalepol sweep SWEEP_POLICY SINGLE_POLICY DATA [--repeat R]\n"
               "       bench_scalepol check FILE... [--repeat R]\n"
               "       bench_scalepol report|whole-json POLICY DATA OUT\n",
               why.c_str());
  std::exit(2);
}

[[noreturn]] void fail(const std::string& what, const scalepol::Diagnostics& d) {
  std::fprintf(stderr, "bench_scalepol: %s\n", what.c_str());
  for (const auto& x : d.items)
    std::fprintf(stderr, "  %s:%u: %s[%s]: %s\n", x.location.file.c_str(), x.location.line,
                 x.severity == scalepol::Severity::Error ? "error" : "warning", x.code.c_str(), x.message.c_str());
  std::exit(1);
}

// The times of `repeat` runs of f, sorted: front() is the best, [size() / 2] the median.
std::vector<double> times(int repeat, const std::function<void()>& f) {
  std::vector<double> t;
  for (int i = 0; i < repeat; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(t.begin(), t.end());
  return t;
}
double best_seconds(int repeat, const std::function<void()>& f) { return times(repeat, f).front(); }
double median_seconds(int repeat, const std::function<void()>& f) {
  const auto t = times(repeat, f);
  return t[t.size() / 2];
}

scalepol::Policy compile(const std::string& path) {
  auto p = scalepol::compile_file(path);
  if (!p) fail("cannot compile " + path, p.error());
  return *p;
}

scalepol::Records load(const std::string& path, const scalepol::Policy& policy) {
  auto r = scalepol::load_records(path, policy);
  if (!r) fail("cannot load " + path, r.error());
  if (!r->diagnostics().empty()) fail("problems in " + path, r->diagnostics());
  return std::move(*r);
}

// Evaluate only: every verdict of every record, as small numbers.
std::size_t evaluate(const scalepol::Policy& policy, const scalepol::Records& records) {
  auto table = scalepol::evaluate_table(policy, records);
  if (!table) fail("evaluate_table failed", table.error());
  return table->cells.size();
}

// The report's verdicts as run_jsonl writes them (engine/include/scalepol/stream.hpp).
int write_report(const scalepol::Policy& policy, const scalepol::Records& records, const std::string& path) {
  auto report = policy.evaluate(records);
  if (!report) fail("evaluate failed", report.error());
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) {
    std::perror(path.c_str());
    return 1;
  }
  std::string line;
  for (const auto& r : report->results) {
    line = "{\"model\":";
    bench::append_json_string(line, r.model);
    line += ",\"verdicts\":{";
    for (std::size_t i = 0; i < r.verdicts.size(); ++i) {
      const auto& v = r.verdicts[i];
      if (i) line += ',';
      bench::append_json_string(line, v.rule);
      line += ":{\"value\":";
      bench::append_json_string(line, v.value);
      line += ",\"status\":";
      bench::append_json_string(line, scalepol::status_name(v.status));
      if (!v.robust) {
        line += ",\"depends_on\":[";
        for (std::size_t k = 0; k < v.depends_on.size(); ++k) {
          if (k) line += ',';
          bench::append_json_string(line, v.depends_on[k]);
        }
        line += ']';
      }
      line += '}';
    }
    line += "}}\n";
    std::fwrite(line.data(), 1, line.size(), f);
  }
  return std::fclose(f) == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) usage("no mode");
  const std::string mode = argv[1];
  std::vector<std::string> args;
  int repeat = 3;
  for (int i = 2; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--repeat") {
      if (i + 1 >= argc) usage("--repeat needs a value");
      repeat = std::max(1, std::atoi(argv[++i]));
    } else {
      args.emplace_back(a);
    }
  }

  if (mode == "load" || mode == "eval") {
    if (args.size() != 2) usage(mode + " takes POLICY DATA");
    const scalepol::Policy policy = compile(args[0]);
    if (mode == "load") {
      // The records are kept until the next run, so that freeing them is not timed.
      std::optional<scalepol::Records> kept;
      std::vector<double> t;
      for (int i = 0; i < repeat; ++i) {
        kept.reset();
        const auto t0 = std::chrono::steady_clock::now();
        kept.emplace(load(args[1], policy));
        t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
      }
      std::printf("records=%zu\nload_s=%.6f\n", kept->size(), *std::min_element(t.begin(), t.end()));
      return 0;
    }
    const scalepol::Records records = load(args[1], policy);
    std::size_t cells = 0;
    const double s = best_seconds(repeat, [&] { cells = evaluate(policy, records); });
    std::printf("records=%zu\ncells=%zu\neval_s=%.6f\n", records.size(), cells, s);
    return 0;
  }

  if (mode == "report") {
    if (args.size() != 3) usage("report takes POLICY DATA OUT");
    const scalepol::Policy policy = compile(args[0]);
    return write_report(policy, load(args[1], policy), args[2]);
  }

  if (mode == "whole-json") {
    if (args.size() != 3) usage("whole-json takes POLICY DATA OUT");
    const scalepol::Policy policy = compile(args[0]);
    const scalepol::Records records = load(args[1], policy);
    auto report = policy.evaluate(records);
    if (!report) fail("evaluate", report.error());
    std::ofstream out(args[2], std::ios::binary);
    scalepol::render_report_json(out, *report);
    return out ? 0 : 1;
  }

  if (mode == "sweep") {
    if (args.size() != 3) usage("sweep takes SWEEP_POLICY SINGLE_POLICY DATA");
    const scalepol::Policy sweep = compile(args[0]);
    const scalepol::Policy single = compile(args[1]);
    const scalepol::Records records = load(args[2], sweep);
    const scalepol::Records records_single = load(args[2], single);
    const double t_single = best_seconds(repeat, [&] { evaluate(single, records_single); });
    const double t_sweep = best_seconds(repeat, [&] { evaluate(sweep, records); });
    std::printf("records=%zu\nsingle_s=%.6f\nsweep_s=%.6f\n", records.size(), t_single, t_sweep);
    return 0;
  }

  if (mode == "check") {
    if (args.empty()) usage("check takes FILE...");
    int status = 0;
    for (const std::string& file : args) {
      std::size_t findings = 0;
      bool compiled = true;
      const double s = median_seconds(repeat, [&] {
        auto p = scalepol::compile_file(file);
        if (!p) {
          compiled = false;
          findings = p.error().items.size();
          return;
        }
        findings = scalepol::lint(*p).items.size();
      });
      if (!compiled) {
        std::fprintf(stderr, "bench_scalepol: %s does not compile\n", file.c_str());
        status = 1;
      }
      std::printf("check_ms %s %.3f findings=%zu%s\n", file.c_str(), s * 1000, findings, compiled ? "" : " error");
    }
    return status;
  }

  usage("unknown mode `" + mode + "`");
}
