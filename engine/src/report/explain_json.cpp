// An explanation as JSON (docs/json-output.md): the heading's members, then one object per
// verdict on a line of its own: the verdict's members as in a report, then its condition, tests
// and values. Optional strings are left out when empty.
#include "report/json_writer.hpp"
#include "report/verdict_json.hpp"
#include "scalepol/explain.hpp"

namespace scalepol {

namespace {

constexpr std::size_t kOneLinePerVerdict = 2;

void write_step(report::JsonWriter& json, const TraceStep& s) {
  json.begin_object();
  json.member("test", s.test);
  json.member("result", s.result);
  if (!s.margin.empty()) json.member("margin", s.margin);
  if (!s.flip.empty()) json.member("flip", s.flip);
  json.end_object();
}

void write_value(report::JsonWriter& json, const TracedValue& v) {
  json.begin_object();
  json.member("name", v.name);
  json.member("value", v.value);
  json.member("origin", value_origin_name(v.origin));
  if (!v.source.empty()) json.member("source", v.source);
  if (!v.location.empty()) json.member("location", v.location);
  if (!v.note.empty()) json.member("note", v.note);
  if (v.numeric) {
    json.key("number");
    json.number(v.x);
    json.key("low");
    json.number(v.low);
    json.key("high");
    json.number(v.high);
    json.member("unit", v.unit);
  }
  json.end_object();
}

}  // namespace

std::string render_explanation_json(const Explanation& e) {
  std::string out;
  report::JsonWriter json(out, 2, kOneLinePerVerdict);
  json.begin_object();
  json.member("policy", e.policy);
  json.member("title", e.title);
  json.member("as_of", e.as_of);
  json.member("model", e.model);
  json.member("data", e.data);
  json.member("line", e.line);
  json.key("rows");
  json.begin_array();
  for (uint32_t row : e.rows) json.number(row);
  json.end_array();
  json.member("reading", e.reading);
  json.member("readings", e.readings);
  json.key("verdicts");
  json.begin_array();
  for (const VerdictTrace& t : e.verdicts) {
    json.begin_object();
    report::write_verdict_members(json, t.verdict);
    json.member("condition", t.condition);
    json.key("steps");
    json.begin_array();
    for (const TraceStep& s : t.steps) write_step(json, s);
    json.end_array();
    json.key("values");
    json.begin_array();
    for (const TracedValue& v : t.values) write_value(json, v);
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.end_object();
  out.push_back('\n');
  return out;
}

}  // namespace scalepol
