// Quote coverage as text and as JSON.
#include <fmt/format.h>

#include "report/json_writer.hpp"
#include "scalepol/coverage.hpp"

namespace scalepol {

namespace {

std::string constructs(std::size_t n) { return fmt::format("{} construct{}", n, n == 1 ? "" : "s"); }

}  // namespace

std::string render_coverage_text(const std::vector<QuoteCoverage>& files) {
  std::string out;
  std::size_t quoted = 0, total = 0;
  for (const QuoteCoverage& f : files) {
    out += fmt::format("{}: {} of {} carry a quote\n", f.file, f.quoted(), constructs(f.constructs.size()));
    for (const CoveredConstruct& k : f.constructs) {
      if (!k.quoted) out += fmt::format("  line {}: {} {} has no quote\n", k.line, k.kind, k.name);
    }
    quoted += f.quoted();
    total += f.constructs.size();
  }
  if (files.size() > 1) {
    out += fmt::format("{} files: {} of {} carry a quote\n", files.size(), quoted, constructs(total));
  }
  return out;
}

std::string render_coverage_json(const std::vector<QuoteCoverage>& files) {
  std::string out;
  report::JsonWriter json(out, 2, 4);  // one line per construct (depth 4)
  std::size_t quoted = 0, unquoted = 0;
  json.begin_object();
  json.key("files");
  json.begin_array();
  for (const QuoteCoverage& f : files) {
    json.begin_object();
    json.member("file", f.file);
    json.member("quoted", f.quoted());
    json.member("unquoted", f.unquoted());
    json.key("constructs");
    json.begin_array();
    for (const CoveredConstruct& k : f.constructs) {
      json.begin_object();
      json.member("kind", k.kind);
      json.member("name", k.name);
      json.member("line", k.line);
      json.key("quoted");
      json.boolean(k.quoted);
      json.end_object();
    }
    json.end_array();
    json.end_object();
    quoted += f.quoted();
    unquoted += f.unquoted();
  }
  json.end_array();
  json.member("quoted", quoted);
  json.member("unquoted", unquoted);
  json.end_object();
  out.push_back('\n');
  return out;
}

}  // namespace scalepol
