// textDocument/publishDiagnostics: the engine's diagnostics as LSP ones.
#include <fmt/format.h>

#include "lsp/features.hpp"
#include "scalepol/lint.hpp"

namespace scalepol::lsp {

namespace {

int severity(Severity s) {
  switch (s) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    case Severity::Note: return 3;  // Information
  }
  return 1;
}

nlohmann::json to_lsp(const Document& doc, const Diagnostic& d) {
  std::string message = d.message;
  SourceSpan span{d.location.file, d.location.line, d.location.column, d.location.end_line, d.location.end_column};
  if (d.location.file != doc.path) {
    // In an imported file (or in none): shown at the top of this one, saying where.
    if (!d.location.file.empty())
      message = d.location.line ? fmt::format("in `{}:{}:{}`: {}", d.location.file, d.location.line,
                                              d.location.column, message)
                                : fmt::format("in `{}`: {}", d.location.file, message);
    span = {};
  }
  // Notes and help follow the message, as the terminal shows them under the caret.
  for (const auto& note : d.notes) message += "\nnote: " + note;
  if (!d.help.empty()) message += "\nhelp: " + d.help;
  nlohmann::json out = {{"range", range(doc.text, span)},
                        {"severity", severity(d.severity)},
                        {"source", "scalepol"},
                        {"message", message}};
  if (!d.code.empty()) out["code"] = d.code;
  return out;
}

}  // namespace

nlohmann::json diagnostics(const Document& doc, const CompileOptions& options) {
  Diagnostics found;
  auto compiled = compile_source(doc.text.str(), doc.path, options);
  if (compiled) {
    found = lint(*compiled);
  } else {
    found = compiled.error();
  }
  nlohmann::json list = nlohmann::json::array();
  for (const auto& d : found.items) list.push_back(to_lsp(doc, d));
  return {{"uri", doc.uri}, {"version", doc.version}, {"diagnostics", std::move(list)}};
}

}  // namespace scalepol::lsp
