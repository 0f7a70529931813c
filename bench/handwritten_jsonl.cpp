// bench_handwritten_jsonl DATA.jsonl REPORT.jsonl [EVAL_REPEAT]: the benchmark policy by hand
// over JSON Lines, parsed with simdjson On Demand (the library scalepol uses). See handwritten.hpp.
#include <simdjson.h>

#include "handwritten.hpp"

namespace od = simdjson::ondemand;

namespace {

// A number, or null (missing); anything else the generator does not write.
bool read_number(od::value v, double& out) {
  if (v.is_null()) return false;
  return v.get_double().get(out) == simdjson::SUCCESS;
}

bool read_compute(od::value v, bench::Interval& out) {
  od::json_type type;
  if (v.type().get(type)) return false;
  if (type == od::json_type::number) {
    double x = 0;
    if (v.get_double().get(x)) return false;
    out = {x, x, x, true};
    return true;
  }
  if (type != od::json_type::object) return false;  // null
  bool has[3] = {false, false, false};
  double part[3] = {0, 0, 0};
  for (auto field : v.get_object()) {
    const od::raw_json_string key = field.key();
    const int which = key == "value" ? 0 : key == "low" ? 1 : key == "high" ? 2 : -1;
    if (which >= 0) has[which] = read_number(field.value(), part[which]);
  }
  return bench::make_interval(has[0], part[0], has[1], part[1], has[2], part[2], out);
}

}  // namespace

int main(int argc, char** argv) {
  const char *data = nullptr, *out = nullptr;
  int repeat = 1;
  if (int rc = bench::parse_args(argc, argv, data, out, repeat)) return rc;

  const auto t0 = std::chrono::steady_clock::now();
  simdjson::padded_string text;
  if (auto error = simdjson::padded_string::load(data).get(text)) {
    std::fprintf(stderr, "%s: %s\n", data, simdjson::error_message(error));
    return 1;
  }
  bench::Models models;
  od::parser parser;
  od::document_stream docs;
  if (auto error = parser.iterate_many(text, 1u << 20).get(docs)) {
    std::fprintf(stderr, "%s: %s\n", data, simdjson::error_message(error));
    return 1;
  }
  try {
    for (auto doc : docs) {
      bench::Model m;
      for (auto field : doc.get_object()) {
        // The raw key, compared without unescaping (the generator writes keys without escapes).
        const od::raw_json_string key = field.key();
        od::value v = field.value();
        if (key == "model") {
          models.add_name(m, v.get_string().value());
        } else if (key == "training_compute") {
          read_compute(v, m.compute);
        } else if (key == "released") {
          std::string_view s;
          if (!v.is_null() && !v.get_string().get(s)) m.released_known = bench::parse_date(bench::trim(s), m.released);
        } else if (key == "gpqa_diamond") {
          m.score_known = read_number(v, m.score);
        } else if (key == "accessibility") {
          std::string_view s;
          if (!v.is_null() && !v.get_string().get(s) && !bench::trim(s).empty())
            m.open_weights = bench::trim(s).starts_with(bench::kOpenWeights) ? 1 : 0;
        } else if (key == "base_model") {
          std::string_view s;
          m.base_known = !v.is_null() && !v.get_string().get(s) && !bench::trim(s).empty();
        }
      }
      models.rows.push_back(m);
    }
  } catch (const simdjson::simdjson_error& e) {
    std::fprintf(stderr, "%s: record %zu: %s\n", data, models.rows.size() + 1, e.what());
    return 1;
  }
  const double load_s = bench::seconds_since(t0);
  return bench::evaluate_and_write(models, load_s, out, repeat);
}
