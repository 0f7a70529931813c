#include "report/verdict_json.hpp"

namespace scalepol::report {

void write_verdict_members(JsonWriter& json, const Verdict& v) {
  json.member("rule", v.rule);
  json.member("kind", verdict_kind_name(v.kind));
  json.member("value", v.value);
  json.member("status", status_name(v.status));
  if (!v.because.empty()) json.member("because", v.because);
  if (!v.unknown_fields.empty()) {
    json.key("unknown_fields");
    json.begin_array();
    for (const std::string& field : v.unknown_fields) json.string(field);
    json.end_array();
  }
  if (!v.quote.empty()) json.member("quote", v.quote);
  if (!v.source.empty()) json.member("source", v.source);
  // The interpretation sweep: always `robust` and `depends_on`; the readings only when they differ.
  json.key("robust");
  json.boolean(v.robust);
  json.key("depends_on");
  json.begin_array();
  for (const std::string& name : v.depends_on) json.string(name);
  json.end_array();
  if (!v.readings.empty()) {
    json.key("readings");
    json.begin_array();
    for (const Reading& r : v.readings) {
      json.begin_object();
      json.key("assumptions");
      json.begin_object();
      for (const auto& [name, value] : r.assumptions) json.member(name, value);
      json.end_object();
      json.member("value", r.value);
      json.member("status", status_name(r.status));
      json.end_object();
    }
    json.end_array();
  }
}

}  // namespace scalepol::report
