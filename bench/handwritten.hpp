// The benchmark policy (bench/policies/bench.policy) written by hand in C++: what a programmer
// would write for this one policy with no engine, to be the limit scalepol's figures are compared
// with. Shared by bench_handwritten_jsonl and bench_handwritten_csv, which differ only in how
// they parse their file into `Model`s.
//
// The semantics are scalepol's (engine/src/eval/evaluator.cpp, obligations.cpp, verdicts.cpp),
// written out for this policy:
//   - three-valued: a missing field is unknown, never zero or false; `and`/`or` are Kleene's;
//   - a compute figure may be a range [lo, hi]: a comparison is definite when it holds (or fails)
//     over the whole range, otherwise undecided, which is reported as status `possible`; an
//     unknown that comes from missing data is status `unknown`;
//   - a tier ladder's value is the point estimate's tier, `possible` when lo and hi fall in
//     different tiers; a tier's obligation is possible only when the range reaches that tier;
//   - an obligation is listed when the rule imposing it is not definitely off, and is incurred
//     when it applies and no exemption targeting it lifts it.
// The report is the JSON Lines format of scalepol::run_jsonl (engine/include/scalepol/stream.hpp).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

// --- records ---------------------------------------------------------------------------------

struct Interval {
  double x = 0, lo = 0, hi = 0;
  bool known = false;
};

struct Model {
  uint32_t name_offset = 0, name_size = 0;  // in Models::names
  Interval compute;
  double score = 0;
  int32_t released = 0;
  bool released_known = false;
  bool score_known = false;
  int8_t open_weights = -1;  // accessibility starts with "Open weights": -1 unknown, 0, 1
  bool base_known = false;
};

struct Models {
  std::vector<Model> rows;
  std::string names;
  std::string_view name(const Model& m) const { return {names.data() + m.name_offset, m.name_size}; }
  void add_name(Model& m, std::string_view s) {
    m.name_offset = static_cast<uint32_t>(names.size());
    m.name_size = static_cast<uint32_t>(s.size());
    names.append(s);
  }
};

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

// "YYYY-MM-DD" → days since 1970-01-01 (Howard Hinnant's days_from_civil). The generator writes
// only valid dates; anything else is unknown.
inline bool parse_date(std::string_view s, int32_t& days) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  auto digits = [&](std::size_t at, std::size_t n, int& out) {
    out = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d) || m < 1 || m > 12 || d < 1 || d > 31) return false;
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * static_cast<unsigned>(m > 2 ? m - 3 : m + 9) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  days = era * 146097 + static_cast<int32_t>(doe) - 719468;
  return true;
}

// A compute figure from its parts, as scalepol combines a value with its bounds; false when the
// parts do not make a figure (no value and not both bounds, bounds that do not hold the value).
inline bool make_interval(bool has_value, double value, bool has_low, double low, bool has_high, double high,
                          Interval& out) {
  if (!has_value && !(has_low && has_high)) return false;
  const double lo = has_low ? low : value, hi = has_high ? high : value;
  if (has_low && has_high && lo > hi) return false;
  if (has_value && (value < lo || value > hi)) return false;
  out.x = has_value ? value : (lo + hi) / 2;
  out.lo = lo;
  out.hi = hi;
  if (lo == hi) out.x = lo;
  out.known = true;
  return true;
}

constexpr std::string_view kOpenWeights = "Open weights";
constexpr int32_t kOpenWeightsCutoff = 19822;  // 2024-04-09

// --- three-valued logic ----------------------------------------------------------------------

// false, true, or undecided; an undecided value is `possible` when it is undecided because a
// range straddles a line, not because data is missing.
struct Tri {
  int8_t v = 2;  // 0 false, 1 true, 2 undecided
  bool possible = false;
};
constexpr Tri kFalse{0, false}, kTrue{1, false}, kMissing{2, false}, kStraddles{2, true};
inline Tri of(bool b) { return b ? kTrue : kFalse; }

inline Tri both(Tri a, Tri b) {
  if (a.v == 0 || b.v == 0) return kFalse;
  if (a.v == 1 && b.v == 1) return kTrue;
  return {2, (a.v != 2 || a.possible) && (b.v != 2 || b.possible)};
}
inline Tri either(Tri a, Tri b) {
  if (a.v == 1 || b.v == 1) return kTrue;
  if (a.v == 0 && b.v == 0) return kFalse;
  return {2, (a.v != 2 || a.possible) && (b.v != 2 || b.possible)};
}

inline Tri greater(const Interval& a, double line) {  // a > line
  if (!a.known) return kMissing;
  return a.lo > line ? kTrue : a.hi <= line ? kFalse : kStraddles;
}
inline Tri less(const Interval& a, double line) {  // a < line
  if (!a.known) return kMissing;
  return a.hi < line ? kTrue : a.lo >= line ? kFalse : kStraddles;
}

// applies and not exempt.
inline Tri incurred(Tri applies, Tri exempt) {
  Tri r = both(applies, exempt.v == 2 ? exempt : of(exempt.v == 0));
  if (r.v != 2) return r;
  return {2, (applies.v != 2 || applies.possible) && (exempt.v != 2 || exempt.possible)};
}

// --- the policy ------------------------------------------------------------------------------

enum Status : uint8_t { kDefinite = 0, kPossible = 1, kUnknown = 2, kNotListed = 3 };

// One verdict: for the ladder the tier (0 minimal, 1 general, 2 frontier), otherwise 0 false,
// 1 true; -1 unknown.
struct Cell {
  int8_t value = -1;
  uint8_t status = kUnknown;
};

constexpr std::size_t kRules = 7;
constexpr const char* kRuleNames[kRules] = {"compute_tier",
                                            "capability_evaluation",
                                            "existing_open_weights",
                                            "small_derivative",
                                            "compute_tier.general.report",
                                            "compute_tier.frontier.notify",
                                            "capability_evaluation.evaluate"};
constexpr const char* kTierNames[3] = {"minimal", "general", "frontier"};

inline int tier_of(double x) { return x < 1e23 ? 0 : x < 1e25 ? 1 : 2; }

inline Cell cell(Tri t) {
  if (t.v != 2) return {t.v, kDefinite};
  return {-1, static_cast<uint8_t>(t.possible ? kPossible : kUnknown)};
}

inline void evaluate(const Model& m, Cell* out) {
  // tiers compute_tier by training_compute: minimal below 1e23, general [1e23, 1e25), frontier from 1e25.
  int tier = -1, tier_lo = -1, tier_hi = -1;
  bool tier_possible = false;
  if (m.compute.known) {
    tier = tier_of(m.compute.x);
    tier_lo = tier_of(m.compute.lo);
    tier_hi = tier_of(m.compute.hi);
    tier_possible = tier_lo != tier_hi;
    out[0] = {static_cast<int8_t>(tier), static_cast<uint8_t>(tier_possible ? kPossible : kDefinite)};
  } else {
    out[0] = {-1, kUnknown};
  }
  // trigger capability_evaluation: gpqa_diamond >= 70 pp or training_compute > 5e25 FLOP
  const Tri score = m.score_known ? of(m.score >= 70) : kMissing;
  const Tri trigger = either(score, greater(m.compute, 5e25));
  out[1] = cell(trigger);
  // exemption existing_open_weights (all): open_weights and released < 2024-04-09
  const Tri open = m.open_weights < 0 ? kMissing : of(m.open_weights == 1);
  const Tri old = m.released_known ? of(m.released < kOpenWeightsCutoff) : kMissing;
  const Tri e1 = both(open, old);
  out[2] = cell(e1);
  // exemption small_derivative (compute_tier.general): base_model is known and training_compute < 3e24 FLOP
  const Tri e2 = both(of(m.base_known), less(m.compute, 3e24));
  out[3] = cell(e2);
  // Obligations of the tiers: they apply when the tier is decided and is theirs, possibly when the
  // range reaches their tier, and not when it cannot.
  auto tier_applies = [&](int t) {
    if (tier < 0) return kMissing;
    if (t < tier_lo || t > tier_hi) return of(false);
    if (tier_possible) return kStraddles;
    return of(tier == t);
  };
  auto obligation = [&](Tri applies, Tri exempt) -> Cell {
    if (applies.v == 0) return {0, kNotListed};
    return cell(incurred(applies, exempt));
  };
  out[4] = obligation(tier_applies(1), either(e1, e2));
  out[5] = obligation(tier_applies(2), e1);
  out[6] = obligation(trigger, e1);
}

// --- the report ------------------------------------------------------------------------------

inline const char* status_name(uint8_t s) { return s == kDefinite ? "definite" : s == kPossible ? "possible" : "unknown"; }

inline void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
}

// {"model":"…","verdicts":{"compute_tier":{"value":"general","status":"definite"},…}}
inline void append_line(std::string& out, std::string_view name, const Cell* cells) {
  out += "{\"model\":";
  append_json_string(out, name);
  out += ",\"verdicts\":{";
  bool first = true;
  for (std::size_t k = 0; k < kRules; ++k) {
    const Cell c = cells[k];
    if (c.status == kNotListed) continue;
    if (!first) out += ',';
    first = false;
    out += '"';
    out += kRuleNames[k];
    out += "\":{\"value\":\"";
    out += c.value < 0 ? "unknown" : k == 0 ? kTierNames[c.value] : c.value ? "true" : "false";
    out += "\",\"status\":\"";
    out += status_name(c.status);
    out += "\"}";
  }
  out += "}}\n";
}

// --- the program -----------------------------------------------------------------------------

inline double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Evaluates every model (`repeat` times, the median timed: bench/run uses 1, since repeats would
// count in the end-to-end time), writes the report, and prints the timings of each phase on
// stdout: load_s (given: reading and parsing the file into Models), eval_s, write_s.
inline int evaluate_and_write(const Models& models, double load_s, const char* out_path, int repeat) {
  const std::size_t n = models.rows.size();
  std::vector<Cell> cells(n * kRules);
  std::vector<double> times;
  for (int r = 0; r < repeat; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < n; ++i) evaluate(models.rows[i], &cells[i * kRules]);
    times.push_back(seconds_since(t0));
  }
  std::sort(times.begin(), times.end());
  const double eval_s = times[times.size() / 2];

  const auto t0 = std::chrono::steady_clock::now();
  std::FILE* f = std::fopen(out_path, "wb");
  if (!f) {
    std::perror(out_path);
    return 1;
  }
  std::string buf;
  buf.reserve(1u << 21);
  for (std::size_t i = 0; i < n; ++i) {
    append_line(buf, models.name(models.rows[i]), &cells[i * kRules]);
    if (buf.size() > (1u << 20)) {
      std::fwrite(buf.data(), 1, buf.size(), f);
      buf.clear();
    }
  }
  std::fwrite(buf.data(), 1, buf.size(), f);
  if (std::fclose(f) != 0) {
    std::perror(out_path);
    return 1;
  }
  const double write_s = seconds_since(t0);
  std::printf("records=%zu load_s=%.6f eval_s=%.6f write_s=%.6f\n", n, load_s, eval_s, write_s);
  return 0;
}

inline int parse_args(int argc, char** argv, const char*& data, const char*& out, int& repeat) {
  repeat = 1;
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DATA REPORT.jsonl [EVAL_REPEAT]\n", argv[0]);
    return 2;
  }
  data = argv[1];
  out = argv[2];
  if (argc > 3) repeat = std::max(1, std::atoi(argv[3]));
  return 0;
}

}  // namespace bench
