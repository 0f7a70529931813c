// A policy diff as JSON (docs/json-output.md): one line per model that differs.
#include <ostream>

#include "report/json_writer.hpp"
#include "report/sink.hpp"
#include "report/verdict_json.hpp"
#include "scalepol/diff.hpp"

namespace scalepol {

namespace {

constexpr std::size_t kOneLinePerModel = 2;

void write_version(report::JsonWriter& json, std::string_view key, const std::string& name, const std::string& path) {
  json.key(key);
  json.begin_object();
  json.member("policy", name);
  json.member("file", path);
  json.end_object();
}

void write_rules(report::JsonWriter& json, std::string_view key, const std::vector<RuleOnlyIn>& rules) {
  json.key(key);
  json.begin_array();
  for (const RuleOnlyIn& r : rules) {
    json.begin_object();
    json.member("rule", r.rule);
    json.member("kind", verdict_kind_name(r.kind));
    json.end_object();
  }
  json.end_array();
}

void write_verdict(report::JsonWriter& json, std::string_view key, const Verdict& v, bool present) {
  json.key(key);
  if (!present) {
    json.null();
    return;
  }
  json.begin_object();
  report::write_verdict_members(json, v);
  json.end_object();
}

void write_diff(report::Sink& sink, const PolicyDiff& d) {
  report::JsonWriter json(sink.buffer(), 2, kOneLinePerModel);
  json.begin_object();
  write_version(json, "old", d.old_policy, d.old_path);
  write_version(json, "new", d.new_policy, d.new_path);
  json.member("as_of", d.as_of);
  json.member("compared_models", d.compared_models);
  write_rules(json, "added", d.added);
  write_rules(json, "removed", d.removed);
  json.key("models");
  json.begin_array();
  for (const ModelDiff& m : d.models) {
    json.begin_object();
    json.member("model", m.model);
    json.key("changes");
    json.begin_array();
    for (const VerdictChange& c : m.changes) {
      json.begin_object();
      json.member("rule", c.rule);
      json.member("kind", verdict_kind_name(c.kind));
      json.member("old_condition", c.old_condition);
      json.member("new_condition", c.new_condition);
      write_verdict(json, "old", c.old_verdict, c.in_old);
      write_verdict(json, "new", c.new_verdict, c.in_new);
      json.end_object();
    }
    json.end_array();
    json.end_object();
    sink.drain_if_large();
  }
  json.end_array();
  json.member("models_differ", d.models.size());
  json.member("verdicts_differ", d.changed_verdicts());
  json.end_object();
  sink.buffer().push_back('\n');
  sink.finish();
}

}  // namespace

std::string render_diff_json(const PolicyDiff& diff) {
  report::Sink sink;
  write_diff(sink, diff);
  return std::move(sink.buffer());
}

void render_diff_json(std::ostream& out, const PolicyDiff& diff) {
  report::Sink sink(&out);
  write_diff(sink, diff);
}

}  // namespace scalepol
