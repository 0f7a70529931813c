// textDocument/formatting through the engine's formatter (`scalepol fmt`): one edit replacing
// the whole document, or none when it is formatted already.
#include "lsp/features.hpp"
#include "scalepol/format.hpp"

namespace scalepol::lsp {

Formatted formatting(const Document& doc) {
  auto formatted = format_source(doc.text.str(), doc.path);
  if (!formatted) {
    // The first error says why (a syntax error, most often); the editor shows the message.
    std::string why = "the document does not parse";
    for (const auto& d : formatted.error().items)
      if (d.severity == Severity::Error) {
        why = d.location.line ? std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + ": " + d.message
                              : d.message;
        break;
      }
    return {nullptr, "cannot format: " + why};
  }
  if (*formatted == doc.text.str()) return {nlohmann::json::array(), {}};
  nlohmann::json edit = {{"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", doc.text.end()}}},
                         {"newText", *formatted}};
  return {nlohmann::json::array({edit}), {}};
}

}  // namespace scalepol::lsp
