// Diagnostics as JSON, in the shape documented in docs/json-output.md, one line per diagnostic.
// Every key is always present (so a consumer needs no existence checks) except `help`, which
// is omitted when empty.
#include "report/json_writer.hpp"
#include "scalepol/diagnostic.hpp"

namespace scalepol {

namespace {

// The root object and its list are laid out on lines; each diagnostic (depth 2) is one line.
constexpr std::size_t kOneLinePerDiagnostic = 2;

void write_diagnostic(report::JsonWriter& json, const Diagnostic& d) {
  json.begin_object();
  json.member("code", d.code);
  json.member("severity", severity_name(d.severity));
  json.member("message", d.message);
  json.member("file", d.location.file);
  json.member("line", d.location.line);
  json.member("column", d.location.column);
  json.member("end_line", d.location.end_line);
  json.member("end_column", d.location.end_column);
  json.key("notes");
  json.begin_array();
  for (const std::string& note : d.notes) json.string(note);
  json.end_array();
  if (!d.help.empty()) json.member("help", d.help);
  json.end_object();
}
}  // namespace

std::string render_json(const Diagnostics& diagnostics) {
  std::string out;
  report::JsonWriter json(out, 2, kOneLinePerDiagnostic);
  json.begin_object();
  json.key("diagnostics");
  json.begin_array();
  for (const Diagnostic& d : diagnostics.items) write_diagnostic(json, d);
  json.end_array();
  json.end_object();
  out.push_back('\n');
  return out;
}

}  // namespace scalepol
