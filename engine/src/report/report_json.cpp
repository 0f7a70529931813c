// An evaluation report as JSON (docs/json-output.md), one line per model. Keys come in a fixed
// order; the optional strings and lists of a verdict (because, unknown_fields, quote, source)
// are left out when empty, which keeps a report over many models small without losing anything.
#include "report/json_writer.hpp"
#include "report/verdict_json.hpp"
#include "report/sink.hpp"
#include "scalepol/report.hpp"

namespace scalepol {

namespace {

// The root object and its `results` list are laid out on lines; each result (depth 2) is one
// line of its own.
constexpr std::size_t kOneLinePerResult = 2;


void write_verdict(report::JsonWriter& json, const Verdict& v) {
  json.begin_object();
  report::write_verdict_members(json, v);
  json.end_object();
}

void write_report(report::Sink& sink, const Report& r) {
  report::JsonWriter json(sink.buffer(), 2, kOneLinePerResult);
  json.begin_object();
  json.member("policy", r.policy);
  json.member("title", r.title);
  json.member("as_of", r.as_of);
  json.key("results");
  json.begin_array();
  for (const ModelResult& result : r.results) {
    json.begin_object();
    json.member("model", result.model);
    json.key("verdicts");
    json.begin_array();
    for (const Verdict& v : result.verdicts) write_verdict(json, v);
    json.end_array();
    json.end_object();
    sink.drain_if_large();
  }
  json.end_array();
  json.end_object();
  sink.buffer().push_back('\n');
  sink.finish();
}

}  // namespace

std::string render_report_json(const Report& report) {
  report::Sink sink;
  write_report(sink, report);
  return std::move(sink.buffer());
}

void render_report_json(std::ostream& out, const Report& report) {
  report::Sink sink(&out);
  write_report(sink, report);
}

}  // namespace scalepol
