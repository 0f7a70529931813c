// The body of the records targets (fuzz_records_json.cpp, fuzz_records_csv.cpp): the input is a
// data file and, in its last byte, a choice (see `Choice`): one of three fixed policies —
// stdlib/regulations/eu_ai_act.policy (tiers, triggers, exemptions, obligations over std.model),
// examples/policies/anthropic_rsp_v1_readings.policy (an `assume` sweep and `@` references) and
// tests/golden/data_long_table/input.policy (a long table: `where`, rows joined by model) — and, for JSON, whether the file is read as a JSON array or as JSON Lines. The data is loaded
// with load_records_from_string, then evaluated three ways that must agree:
//
//   1. the interpreter: Policy::evaluate, the full Report;
//   2. the compiled evaluator: evaluate_table — same value, status and robustness for every
//      record and every rule the Report shows;
//   3. streaming: run_jsonl over the same bytes in a temporary file, with a block size of a few
//      bytes (records, quoted newlines and CRLFs cut everywhere) and with one block for the whole
//      file — both must write exactly the Report's lines (rules shown, depends_on included), and
//      the streamed diagnostics must be the loader's (code, line, column). A policy with `@`
//      references is never streamed (run_jsonl loads the file whole before it looks at the block
//      size), so for it the one-block run alone is made: a tiny-block run would repeat it;
//   4. the text table and the HTML page, streamed (run_text, run_html), byte for byte the ones
//      render_report_text and render_report_html make from the Report.
//
// Any disagreement aborts with the two sides printed, so libFuzzer saves the input.
//
// check_records is the same body for any policy and data: fuzz_policy_ast runs it with fuzzed
// policies over fixed records.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "api/impl.hpp"
#include "report/json_writer.hpp"
#include "scalepol/policy.hpp"
#include "scalepol/records.hpp"
#include "scalepol/report.hpp"
#include "scalepol/stream.hpp"

namespace fuzz {

[[noreturn]] inline void fail(const std::string& what, const std::string& a = "", const std::string& b = "") {
  std::fprintf(stderr, "\n=== scalepol fuzz: %s\n--- one side:\n%s\n--- other side:\n%s\n", what.c_str(), a.c_str(),
               b.c_str());
  std::abort();
}

struct Fixed {
  std::vector<scalepol::Policy> policies;
};

inline const Fixed& fixed() {
  static const Fixed f = [] {
    Fixed out;
    const std::string root = SCALEPOL_SOURCE_DIR;
    for (const char* p : {"/stdlib/regulations/eu_ai_act.policy", "/examples/policies/anthropic_rsp_v1_readings.policy",
                          "/tests/golden/data_long_table/input.policy"}) {
      auto policy = scalepol::compile_file(root + p);
      if (!policy) fail(std::string("fixed policy does not compile: ") + p, scalepol::render_text(policy.error()));
      out.policies.push_back(*policy);
    }
    return out;
  }();
  return f;
}

// Where run_jsonl's input is written: per process, /dev/shm (or $TMPDIR) + pid, then the
// extension.
inline const std::string& temp_base() {
  static const std::string base = [] {
    const char* shm = "/dev/shm";
    const char* tmp = std::getenv("TMPDIR");
    std::string dir = access(shm, W_OK) == 0 ? shm : (tmp ? tmp : "/tmp");
    std::string out = dir + "/scalepol_fuzz_" + std::to_string(getpid());
    // Removed at exit. (A buffer of its own: this handler may run after `base` is destroyed.)
    static char copy[512];
    std::snprintf(copy, sizeof copy, "%s", out.c_str());
    std::atexit([] {
      char path[600];
      for (const char* ext : {".csv", ".json", ".jsonl"}) {
        std::snprintf(path, sizeof path, "%s%s", copy, ext);
        std::remove(path);
      }
    });
    return out;
  }();
  return base;
}

// What one execution runs. The choice is the input's last byte, not part of the data: bit 0 the
// policy (bit 2 set: the third, a long table's), bit 1 (JSON only) JSON Lines rather than a JSON
// array. One execution runs one
// pipeline, not one per choice (four for JSON, two for CSV, at four or two times the cost);
// libFuzzer keeps an input for the coverage it gives under its own choice, and a mutation of the
// last byte moves it to another (the seeds carry every choice: make_seeds.py).
struct Choice {
  std::string text;        // the data
  std::size_t policy = 0;  // index into Fixed::policies
  bool second_format = false;
};

inline Choice choose(const uint8_t* data, std::size_t size) {
  Choice c;
  if (size == 0) return c;
  const unsigned selector = data[size - 1];
  c.text.assign(reinterpret_cast<const char*>(data), size - 1);
  c.policy = (selector >> 2) & 1u ? 2 : selector & 1u;
  c.second_format = (selector >> 1) & 1u;
  return c;
}

// The Report's verdicts in run_jsonl's format (as tests/unit/api/stream_test.cpp writes them,
// with the engine's JSON string escaping, since fuzzed model names hold anything).
inline std::string report_lines(const scalepol::Report& report) {
  using scalepol::report::append_json_string;
  std::string out;
  for (const auto& m : report.results) {
    out += "{\"model\":";
    append_json_string(out, m.model);
    out += ",\"verdicts\":{";
    bool first = true;
    for (const auto& v : m.verdicts) {
      if (!first) out += ",";
      first = false;
      append_json_string(out, v.rule);
      out += ":{\"value\":";
      append_json_string(out, v.value);
      out += ",\"status\":\"";
      out += scalepol::status_name(v.status);
      out += "\"";
      if (!v.robust) {
        out += ",\"depends_on\":[";
        for (std::size_t i = 0; i < v.depends_on.size(); ++i) {
          if (i) out += ",";
          append_json_string(out, v.depends_on[i]);
        }
        out += "]";
      }
      out += "}";
    }
    out += "}}\n";
  }
  return out;
}

// Diagnostics as "code line:column" lines, for comparison.
inline std::vector<std::string> diag_keys(const scalepol::Diagnostics& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds.items) {
    // Streaming looks for duplicate model names only until the names take 4 MB (stream.hpp), and
    // the count in the cap's note depends on what was read.
    if (d.code == "duplicate-model" || d.code == "too-many-problems") continue;
    out.push_back(d.code + " " + std::to_string(d.location.line) + ":" + std::to_string(d.location.column));
  }
  return out;
}

inline std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "\n";
  return out;
}

// Streaming reads only the fields the policy reads (RecordStream::read_only: the others stay
// unknown and unchecked), so its diagnostics are those of the whole-file loader less the ones
// about other fields: a subsequence, each on the same line and column. None may be new.
inline bool is_subsequence(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
  std::size_t j = 0;
  for (const auto& s : part) {
    while (j < whole.size() && whole[j] != s) ++j;
    if (j == whole.size()) return false;
    ++j;
  }
  return true;
}

inline void compare_report_and_table(const scalepol::Report& report, const scalepol::VerdictTable& table,
                                     const std::string& what) {
  if (table.records != report.results.size())
    fail(what + ": record counts differ", std::to_string(report.results.size()), std::to_string(table.records));
  std::map<std::string, std::size_t> column;
  for (std::size_t k = 0; k < table.rules.size(); ++k) column[table.rules[k].name] = k;
  for (std::size_t r = 0; r < report.results.size(); ++r) {
    const auto& m = report.results[r];
    for (const auto& v : m.verdicts) {
      auto it = column.find(v.rule);
      if (it == column.end()) fail(what + ": rule missing from the table: " + v.rule);
      const auto& cell = table.at(r, it->second);
      const std::string& value = table.value_name(it->second, cell);
      if (value != v.value || cell.status != v.status || cell.robust != v.robust)
        fail(what + ": verdicts differ, record " + std::to_string(r) + " (" + m.model + "), rule " + v.rule,
             std::string("interpreter: ") + v.value + " " + scalepol::status_name(v.status) + (v.robust ? "" : " not robust"),
             std::string("compiled: ") + value + " " + scalepol::status_name(cell.status) + (cell.robust ? "" : " not robust"));
    }
  }
}

// Streams `path` through `run` (run_jsonl by default, or another writer of stream.hpp); "" and
// the error when it fails.
template <class Run = decltype(&scalepol::run_jsonl)>
inline std::string stream(const scalepol::Policy& policy, const std::string& path, scalepol::DataFormat format,
                          const scalepol::Policy::EvalOptions& eval, std::size_t block, scalepol::Diagnostics* diags,
                          bool* ok, Run run = &scalepol::run_jsonl) {
  std::ostringstream out;
  scalepol::StreamOptions options;
  options.load.format = format;
  options.eval = eval;
  options.block_bytes = block;
  auto r = run(policy, path, out, options);
  *ok = r.has_value();
  if (!r) {
    *diags = r.error();
    return "";
  }
  *diags = r->diagnostics;
  return out.str();
}

// What check_records loaded and evaluated, for a caller that goes on with it (explain, HTML).
struct Evaluated {
  scalepol::Records records;
  scalepol::Report report;
  scalepol::Policy::EvalOptions eval;
};

// The three evaluations of `text` (data in `format`) under `policy`, which must agree. With
// `with_as_of`, they measure to 2025-06-01; otherwise no evaluation date is set. Nothing when
// the data does not load (with an error, as it must).
inline std::optional<Evaluated> check_records(const scalepol::Policy& policy, const std::string& text,
                                              scalepol::DataFormat format, const char* ext, bool with_as_of) {
  const std::string what = std::string(ext) + " / " + policy.name();
  auto records = scalepol::load_records_from_string(text, std::string("fuzz") + ext, policy, format);
  if (!records) {
    if (!records.error().has_errors()) fail(what + ": loading failed without an error", scalepol::render_text(records.error()));
    return std::nullopt;
  }
  (void)scalepol::render_text(records->diagnostics());

  scalepol::Policy::EvalOptions eval;
  if (with_as_of) eval.as_of = "2025-06-01";
  auto report = policy.evaluate(*records, eval);
  if (!report) fail(what + ": evaluate failed", scalepol::render_text(report.error()));
  auto table = scalepol::evaluate_table(policy, *records, eval);
  if (!table) fail(what + ": evaluate_table failed", scalepol::render_text(table.error()));
  compare_report_and_table(*report, *table, what);
  (void)scalepol::render_report_json(*report);

  // Streaming, through a file (run_jsonl reads a path). Only for small inputs: it costs a write
  // and two reads of the file per input.
  Evaluated done{*records, *report, eval};
  if (text.size() > 16384) return done;
  const std::string expected = report_lines(*report);
  const std::string path = temp_base() + ext;
  {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!file) fail("cannot write " + path);
  }
  const std::vector<std::string> expected_diags = diag_keys(records->diagnostics());
  // A block of 1 to 64 bytes, chosen by the input, and one block for the whole file.
  const std::size_t tiny = 1 + (text.size() * 7 + (text.empty() ? 0 : static_cast<unsigned char>(text[0]))) % 64;
  // (Not a fixed 1 MiB: run_jsonl allocates and clears its block, which would cost more than all
  // the rest.)
  // RecordStream raises a block to at least 16 bytes: an input that fits in the tiny block is
  // read in one block either way, and the second run could not differ from the first.
  // And a policy with `@` references is loaded whole whatever the block (stream.cpp).
  const bool one_block =
      text.size() <= std::max<std::size_t>(tiny, 16) || internals(policy).compiled->uses_references();
  for (int run = one_block ? 1 : 0; run < 2; ++run) {
    const std::size_t block = run == 0 ? tiny : text.size() + 16;
    scalepol::Diagnostics diags;
    bool ok = false;
    std::string got = stream(policy, path, format, eval, block, &diags, &ok);
    if (!ok) fail(what + ": run_jsonl failed (block " + std::to_string(block) + ") where loading succeeded", scalepol::render_text(diags));
    if (got != expected) fail(what + ": run_jsonl (block " + std::to_string(block) + ") differs from the Report", expected, got);
    if (records->diagnostics().items.size() < 100 && !is_subsequence(diag_keys(diags), expected_diags))
      fail(what + ": run_jsonl (block " + std::to_string(block) + ") diagnostics that the loader does not give",
           joined(expected_diags), joined(diag_keys(diags)));
  }

  // The text table and the HTML page, streamed, are those made from the Report (with every
  // optional column, and the page named alike: the Report's file is not the temporary one). A
  // table of no models differs by design: the streamed one has the policy's columns.
  const std::size_t block = one_block ? text.size() + 16 : tiny;
  const auto same_streamed = [&](const char* name, const std::string& expected, auto run) {
    scalepol::Diagnostics diags;
    bool ok = false;
    const std::string got = stream(policy, path, format, eval, block, &diags, &ok, run);
    if (!ok) fail(what + ": " + name + " failed where loading succeeded", scalepol::render_text(diags));
    if (got != expected) fail(what + ": " + name + " differs from the one made from the Report", expected, got);
  };
  const scalepol::ReportTextOptions columns{.exemptions = true, .obligations = true};
  if (!report->results.empty())
    same_streamed("run_text", scalepol::render_report_text(*report, columns),
                  [&](const scalepol::Policy& p, const std::string& f, std::ostream& out, const scalepol::StreamOptions& o) {
                    return scalepol::run_text(p, f, out, o, columns);
                  });
  const scalepol::ReportHtmlOptions named{.data_name = "fuzz"};
  auto page = scalepol::render_report_html(*report, policy, *records, named);
  if (!page) fail(what + ": render_report_html failed", scalepol::render_text(page.error()));
  same_streamed("run_html", *page,
                [&](const scalepol::Policy& p, const std::string& f, std::ostream& out, const scalepol::StreamOptions& o) {
                  return scalepol::run_html(p, f, out, o, named);
                });
  return done;
}

// One input of the records targets: the data under one of the fixed policies, some inputs with a
// date to measure to and some without.
inline void check_one(const std::string& text, scalepol::DataFormat format, const char* ext, std::size_t policy_index) {
  (void)check_records(fixed().policies[policy_index], text, format, ext, text.size() % 2);
}

}  // namespace fuzz
