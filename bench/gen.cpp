// bench_gen: deterministic synthetic inputs for the benchmark (bench/README.md).
//
//   bench_gen records --seed S --count N --format jsonl|csv -o FILE
//   bench_gen policy --lines L -o FILE
//
// Records: model records for stdlib/std/model.policy plus the benchmark policy's `gpqa_diamond`
// score. Every record is a pure function of (seed, index), so a file is the same on every
// machine and a record can name an earlier one (its base model) without keeping any in memory;
// the output is written as it is made, so 10,000,000 records take a few MB of memory.
//
//   training compute  log-uniform 1e18–1e27 FLOP (0.5% exactly on a policy line: 1e23, 3e24, 1e25, 5e25)
//   publication date  2012-01-01 – 2026-12-31, more of them recent
//   parameters        log-uniform 1e7–2e12
//   gpqa_diamond      0–100 pp, rising with compute, with noise
//   base model        a quarter of the records name an earlier record (lineage)
//   accessibility     Epoch AI's labels ("Open weights (unrestricted)", "API access", …)
//   missing values    each field but the name and base model is missing in 10% of records
//                     (JSON: the key left out, or null for a third of them; CSV: a blank cell)
//   ranges            5% of compute figures come with bounds (JSON {"value","low","high"}; CSV
//                     the "Training compute lower/upper bound" columns): value and both bounds,
//                     both bounds without a value (the point estimate is their middle), or the
//                     value and one bound
//
// Policy: a syntactically plain, lint-clean policy of exactly L lines (ladders, triggers,
// exemptions, definitions), for timing `scalepol check` on a large file.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void usage(const char* why) {
  std::fprintf(stderr,
               "bench_gen: %s\n"
               "usage: bench_gen records --seed S --count N --format jsonl|csv -o FILE\n"
               "       bench_gen policy --lines L -o FILE\n",
               why);
  std::exit(2);
}

// splitmix64: a stream of 64-bit values from a state; one stream per (seed, record index).
struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  bool chance(double p) { return uniform() < p; }
  uint64_t below(uint64_t n) { return next() % n; }
};

Rng rng_for(uint64_t seed, uint64_t index) {
  Rng r{seed * 0xD1B54A32D192ED03ull ^ (index + 1) * 0x8CB92BA72F3D8DD7ull};
  r.next();
  return r;
}

constexpr const char* kFamilies[] = {"Orion",  "Atlas", "Nimbus", "Helix",  "Quasar", "Sable",  "Vega",
                                     "Lumen",  "Cirrus", "Tern",  "Basalt", "Kestrel", "Mistral", "Pallas",
                                     "Corvid", "Zephyr", "Ember", "Fjord",  "Gamma",  "Iris"};
// Two with a comma and one with quotes, so that CSV quoting and JSON escaping are exercised.
constexpr const char* kOrganizations[] = {"Google DeepMind", "OpenAI", "Anthropic", "Meta AI", "Mistral AI",
                                          "Alibaba", "DeepSeek", "xAI", "Microsoft",
                                          "Tsinghua University, Zhipu AI", "Allen Institute for AI",
                                          "Stanford, Berkeley and CMU", "Lab \"Zero\""};
struct Weighted {
  const char* label;
  double weight;
};
constexpr Weighted kAccessibility[] = {{"Open weights (unrestricted)", 0.25}, {"Open weights (restricted use)", 0.10},
                                       {"Open weights (non-commercial)", 0.05}, {"API access", 0.30},
                                       {"Hosted access (no API)", 0.10},       {"Unreleased", 0.20}};
// Compute figures exactly on the benchmark policy's lines.
constexpr double kOnTheLine[] = {1e23, 3e24, 1e25, 5e25};

constexpr int32_t kFirstDay = 15340;  // 2012-01-01, days since 1970-01-01
constexpr int32_t kLastDay = 20818;   // 2026-12-31

// Days since 1970-01-01 → "YYYY-MM-DD" (Howard Hinnant's civil_from_days).
void format_date(int32_t z, char out[11]) {
  z += 719468;
  const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int32_t y0 = static_cast<int32_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int32_t y = y0 + (m <= 2);
  const unsigned yy = static_cast<unsigned>(y);
  const char text[11] = {char('0' + yy / 1000 % 10), char('0' + yy / 100 % 10), char('0' + yy / 10 % 10),
                         char('0' + yy % 10), '-', char('0' + m / 10), char('0' + m % 10), '-',
                         char('0' + d / 10), char('0' + d % 10), 0};
  std::memcpy(out, text, sizeof text);
}

enum class Missing : unsigned char { No, Absent, Null };

struct ModelRecord {
  std::string name;
  Missing organization_missing, released_missing, parameters_missing, accessibility_missing, score_missing;
  const char* organization;
  int32_t released;
  double parameters;
  // Compute: a value and optional bounds; value_missing with both bounds is a range without a
  // point estimate; value_missing without bounds is a missing figure.
  Missing compute_missing;
  double compute;
  bool has_low, has_high;
  double low, high;
  int64_t base;  // index of the base model's record, or -1
  const char* accessibility;
  double score;
};

Missing missing(Rng& r) {
  if (!r.chance(0.10)) return Missing::No;
  return r.chance(1.0 / 3.0) ? Missing::Null : Missing::Absent;
}

// Rounds to 4 significant digits, as the files write it, so that bounds computed from the value
// stay on the right side of it.
double round4(double x) { return std::stod(fmt::format("{:.4g}", x)); }

ModelRecord make_record(uint64_t seed, uint64_t i) {
  Rng r = rng_for(seed, i);
  ModelRecord m{};
  const char* family = kFamilies[r.below(std::size(kFamilies))];
  const int version = 1 + static_cast<int>(r.below(5));
  m.parameters = std::pow(10.0, 7.0 + r.uniform() * (std::log10(2e12) - 7.0));
  const double billions = m.parameters / 1e9;
  m.name = billions >= 1 ? fmt::format("{} {} {:.0f}B-{}", family, version, billions, i)
                         : fmt::format("{} {} {:.0f}M-{}", family, version, billions * 1000, i);
  m.parameters = round4(m.parameters);

  m.organization = kOrganizations[r.below(std::size(kOrganizations))];
  m.organization_missing = missing(r);
  // sqrt: more models in recent years, as in Epoch's data.
  m.released = kFirstDay + static_cast<int32_t>(std::sqrt(r.uniform()) * (kLastDay - kFirstDay));
  m.released_missing = missing(r);
  m.parameters_missing = missing(r);

  const double log_c = 18.0 + 9.0 * r.uniform();
  double c = std::pow(10.0, log_c);
  if (r.chance(0.005)) c = kOnTheLine[r.below(std::size(kOnTheLine))];
  m.compute = round4(c);
  m.compute_missing = missing(r);
  if (r.chance(0.05)) {
    const double f = std::pow(10.0, 0.2 + 0.8 * r.uniform());  // 1.6x–10x either side
    const double variant = r.uniform();
    m.compute_missing = Missing::No;
    m.low = round4(m.compute / f);
    m.high = round4(m.compute * f);
    if (variant < 0.7) {
      m.has_low = m.has_high = true;
    } else if (variant < 0.9) {
      m.has_low = m.has_high = true;
      m.compute_missing = Missing::Absent;
    } else if (variant < 0.95) {
      m.has_low = true;
    } else {
      m.has_high = true;
    }
  }

  m.base = -1;
  if (i > 0 && r.chance(0.25)) m.base = static_cast<int64_t>(i - 1 - r.below(i < 1000 ? i : 1000));

  double u = r.uniform(), acc = 0;
  m.accessibility = kAccessibility[std::size(kAccessibility) - 1].label;
  for (const auto& a : kAccessibility) {
    acc += a.weight;
    if (u < acc) {
      m.accessibility = a.label;
      break;
    }
  }
  m.accessibility_missing = missing(r);

  // A logistic curve in log compute (half-way at 1e23.5 FLOP), plus noise, on 0–100.
  const double noise = (r.uniform() + r.uniform() + r.uniform() - 1.5) * 16.0;
  double s = 100.0 / (1.0 + std::exp(-(log_c - 23.5) * 1.2)) + noise;
  s = std::clamp(s, 0.0, 100.0);
  m.score = std::round(s * 10.0) / 10.0;
  m.score_missing = missing(r);
  return m;
}

std::string model_name(uint64_t seed, uint64_t i) { return make_record(seed, i).name; }

// --- writers ------------------------------------------------------------------------------

class Out {
 public:
  explicit Out(const std::string& path) : f_(std::fopen(path.c_str(), "wb")), path_(path) {
    if (!f_) {
      std::perror(path.c_str());
      std::exit(1);
    }
  }
  ~Out() {
    flush();
    if (std::fclose(f_) != 0) {
      std::perror(path_.c_str());
      std::exit(1);
    }
  }
  fmt::memory_buffer& buf() { return buf_; }
  void maybe_flush() {
    if (buf_.size() > (1u << 20)) flush();
  }
  void flush() {
    if (buf_.size() && std::fwrite(buf_.data(), 1, buf_.size(), f_) != buf_.size()) {
      std::perror(path_.c_str());
      std::exit(1);
    }
    buf_.clear();
  }

 private:
  std::FILE* f_;
  std::string path_;
  fmt::memory_buffer buf_;
};

void append(fmt::memory_buffer& b, std::string_view s) { b.append(s.data(), s.data() + s.size()); }

void json_string(fmt::memory_buffer& b, std::string_view s) {
  b.push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') b.push_back('\\');
    b.push_back(c);
  }
  b.push_back('"');
}

void csv_cell(fmt::memory_buffer& b, std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
    append(b, s);
    return;
  }
  b.push_back('"');
  for (char c : s) {
    if (c == '"') b.push_back('"');
    b.push_back(c);
  }
  b.push_back('"');
}

void write_jsonl(uint64_t seed, uint64_t count, Out& out) {
  auto& b = out.buf();
  char date[11];
  for (uint64_t i = 0; i < count; ++i) {
    const ModelRecord m = make_record(seed, i);
    append(b, "{\"model\":");
    json_string(b, m.name);
    // A missing value: the key left out, or null.
    auto key = [&](Missing miss, std::string_view k) {
      if (miss == Missing::Absent) return false;
      b.push_back(',');
      json_string(b, k);
      b.push_back(':');
      if (miss == Missing::Null) append(b, "null");
      return miss == Missing::No;
    };
    if (key(m.organization_missing, "organization")) json_string(b, m.organization);
    if (key(m.released_missing, "released")) {
      format_date(m.released, date);
      b.push_back('"');
      append(b, date);
      b.push_back('"');
    }
    if (key(m.parameters_missing, "parameters")) fmt::format_to(fmt::appender(b), "{:.4g}", m.parameters);
    if (m.has_low || m.has_high) {
      append(b, ",\"training_compute\":{");
      const char* sep = "";
      if (m.compute_missing == Missing::No) {
        fmt::format_to(fmt::appender(b), "\"value\":{:.4g}", m.compute);
        sep = ",";
      }
      if (m.has_low) {
        fmt::format_to(fmt::appender(b), "{}\"low\":{:.4g}", sep, m.low);
        sep = ",";
      }
      if (m.has_high) fmt::format_to(fmt::appender(b), "{}\"high\":{:.4g}", sep, m.high);
      b.push_back('}');
    } else if (key(m.compute_missing, "training_compute")) {
      fmt::format_to(fmt::appender(b), "{:.4g}", m.compute);
    }
    if (m.base >= 0) {
      append(b, ",\"base_model\":");
      json_string(b, model_name(seed, static_cast<uint64_t>(m.base)));
    }
    if (key(m.accessibility_missing, "accessibility")) json_string(b, m.accessibility);
    if (key(m.score_missing, "gpqa_diamond")) fmt::format_to(fmt::appender(b), "{:.1f}", m.score);
    append(b, "}\n");
    out.maybe_flush();
  }
}

void write_csv(uint64_t seed, uint64_t count, Out& out) {
  auto& b = out.buf();
  append(b,
         "Model,Organization,Publication date,Parameters,Training compute (FLOP),Training compute lower bound,"
         "Training compute upper bound,Base model,Model accessibility,GPQA Diamond\n");
  char date[11];
  for (uint64_t i = 0; i < count; ++i) {
    const ModelRecord m = make_record(seed, i);
    csv_cell(b, m.name);
    b.push_back(',');
    if (m.organization_missing == Missing::No) csv_cell(b, m.organization);
    b.push_back(',');
    if (m.released_missing == Missing::No) {
      format_date(m.released, date);
      append(b, date);
    }
    b.push_back(',');
    if (m.parameters_missing == Missing::No) fmt::format_to(fmt::appender(b), "{:.4g}", m.parameters);
    b.push_back(',');
    if (m.compute_missing == Missing::No) fmt::format_to(fmt::appender(b), "{:.4g}", m.compute);
    b.push_back(',');
    if (m.has_low) fmt::format_to(fmt::appender(b), "{:.4g}", m.low);
    b.push_back(',');
    if (m.has_high) fmt::format_to(fmt::appender(b), "{:.4g}", m.high);
    b.push_back(',');
    if (m.base >= 0) csv_cell(b, model_name(seed, static_cast<uint64_t>(m.base)));
    b.push_back(',');
    if (m.accessibility_missing == Missing::No) csv_cell(b, m.accessibility);
    b.push_back(',');
    if (m.score_missing == Missing::No) fmt::format_to(fmt::appender(b), "{:.1f}", m.score);
    b.push_back('\n');
    out.maybe_flush();
  }
}

// --- a large policy ------------------------------------------------------------------------

// Blocks of about 20 lines, each with its own ladder, trigger, exemption and definition, all
// reading std.model's fields and one benchmark, each name used so the linter stays quiet.
void write_policy(uint64_t lines, Out& out) {
  auto& b = out.buf();
  append(b,
         "// Generated by bench_gen policy: a large policy for timing `scalepol check`. Not a real policy.\n"
         "policy bench_large \"A large generated policy\" {\n"
         "  issuer    \"scalepol benchmark\"\n"
         "  version   \"generated\"\n"
         "  published 2025-01-01\n"
         "}\n"
         "\n"
         "import std.model\n"
         "\n"
         "benchmark gpqa_diamond {\n"
         "  version          \"2023-11\"\n"
         "  scale            0..100 pp\n"
         "  shots            0\n"
         "  chain_of_thought allowed\n"
         "  tools            none\n"
         "  scaffolding      none\n"
         "  column           \"GPQA Diamond\"\n"
         "}\n");
  uint64_t written = 18;
  for (uint64_t k = 0; written + 21 <= lines; ++k) {
    // Lines per block: keep in step with the text below.
    const double a = std::pow(10.0, 20 + static_cast<double>(k % 5));
    const double c = a * 100;
    const int score = 40 + static_cast<int>(k % 50);
    fmt::format_to(fmt::appender(b),
                   "\n"
                   "// Block {0}.\n"
                   "define cumulative_{0}: FLOP = training_compute + finetune_compute\n"
                   "\n"
                   "tiers ladder_{0} by training_compute {{\n"
                   "  tier low_{0}  below {1:g} FLOP\n"
                   "  tier mid_{0}  from {1:g} FLOP below {2:g} FLOP\n"
                   "    require report \"model card {0}\" within 30 days\n"
                   "  tier high_{0} from {2:g} FLOP\n"
                   "    require notify \"regulator {0}\" within 2 weeks\n"
                   "}}\n"
                   "\n"
                   "trigger evaluation_{0} {{\n"
                   "  when gpqa_diamond >= {3} pp or cumulative_{0} > {2:g} FLOP\n"
                   "  require evaluate \"capability evaluations {0}\"\n"
                   "}}\n"
                   "\n"
                   "exemption old_open_weights_{0} {{\n"
                   "  applies_to ladder_{0}.mid_{0}, evaluation_{0}\n"
                   "  when open_weights and released < 2024-04-09\n"
                   "}}\n",
                   k, a, c, score);
    written += 21;
    out.maybe_flush();
  }
  for (; written < lines; ++written) append(b, "// (padding to the requested number of lines)\n");
}

uint64_t number(const char* s, const char* what) {
  char* end = nullptr;
  const unsigned long long v = std::strtoull(s, &end, 10);
  if (!end || *end) usage(fmt::format("{} must be a whole number, not `{}`", what, s).c_str());
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) usage("what to generate: records or policy");
  const std::string_view what = argv[1];
  uint64_t seed = 42, count = 0, lines = 0;
  std::string format, output;
  for (int i = 2; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (i + 1 >= argc) usage(fmt::format("`{}` needs a value", a).c_str());
    const char* v = argv[++i];
    if (a == "--seed") seed = number(v, "--seed");
    else if (a == "--count") count = number(v, "--count");
    else if (a == "--lines") lines = number(v, "--lines");
    else if (a == "--format") format = v;
    else if (a == "-o") output = v;
    else usage(fmt::format("unknown option `{}`", a).c_str());
  }
  if (output.empty()) usage("-o FILE is required");
  if (what == "records") {
    if (format != "jsonl" && format != "csv") usage("--format must be jsonl or csv");
    Out out(output);
    if (format == "jsonl") write_jsonl(seed, count, out);
    else write_csv(seed, count, out);
  } else if (what == "policy") {
    if (lines == 0) usage("--lines L is required");
    Out out(output);
    write_policy(lines, out);
  } else {
    usage("what to generate: records or policy");
  }
  return 0;
}
