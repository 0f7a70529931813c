// An evaluation report as JSON (docs/json-output.md), one line per model. Keys come in a fixed
// order; the optional strings and lists of a verdict (because, unknown_fields, quote, source)
// are left out when empty, which keeps a report over many models small without losing anything.
#include "report/report_json.hpp"

#include "report/verdict_json.hpp"

namespace scalepol {

namespace report {

namespace {

// The root object and its `results` list are laid out on lines; each result (depth 2) is one
// line of its own.
constexpr std::size_t kOneLinePerResult = 2;

void write_verdict(JsonWriter& json, const Verdict& v) {
  json.begin_object();
  write_verdict_members(json, v);
  json.end_object();
}

}  // namespace

ReportJsonWriter::ReportJsonWriter(Sink& sink, std::string_view policy, std::string_view title, std::string_view as_of)
    : sink_(sink), json_(sink.buffer(), 2, kOneLinePerResult) {
  json_.begin_object();
  json_.member("policy", policy);
  json_.member("title", title);
  json_.member("as_of", as_of);
  json_.key("results");
  json_.begin_array();
}

void ReportJsonWriter::result(const ModelResult& result) {
  json_.begin_object();
  json_.member("model", result.model);
  json_.key("verdicts");
  json_.begin_array();
  for (const Verdict& v : result.verdicts) write_verdict(json_, v);
  json_.end_array();
  json_.end_object();
  sink_.drain_if_large();
}

void ReportJsonWriter::finish() {
  json_.end_array();
  json_.end_object();
  sink_.buffer().push_back('\n');
  sink_.finish();
}

}  // namespace report

namespace {

void write_report(report::Sink& sink, const Report& r) {
  report::ReportJsonWriter writer(sink, r.policy, r.title, r.as_of);
  for (const ModelResult& result : r.results) writer.result(result);
  writer.finish();
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
