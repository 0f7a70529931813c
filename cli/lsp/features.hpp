// What the server computes for a document: its diagnostics; from its outline the hover,
// definition and symbols answers; its formatting. Each returns the `result` (or notification params) as LSP
// defines it; none throws on any text.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "lsp/documents.hpp"
#include "scalepol/policy.hpp"

namespace scalepol::lsp {

// `textDocument/publishDiagnostics` params: compilation's errors, or the checker's and the
// linter's warnings when it compiles; an empty list when the document is clean.
nlohmann::json diagnostics(const Document& doc, const CompileOptions& options);

// `textDocument/hover`: Markdown for the name at `position` (a use or a declaration), or null.
nlohmann::json hover(const Document& doc, const nlohmann::json& position, const CompileOptions& options);

// `textDocument/definition`: the declaration of the name at `position` as a Location, or null
// (nothing there, or a declaration of the embedded standard library, which has no file).
nlohmann::json definition(const Document& doc, const nlohmann::json& position, const CompileOptions& options,
                          const Documents& open);

// `textDocument/documentSymbol`: DocumentSymbol[], hierarchical.
nlohmann::json document_symbols(const Document& doc, const CompileOptions& options);

// `textDocument/formatting` through the engine's formatter (`scalepol fmt`): `edits` is a list of
// one TextEdit replacing the whole document, or an empty list when it is formatted already; when
// the document does not parse, `edits` is null and `error` says why.
struct Formatted {
  nlohmann::json edits;
  std::string error;
};
Formatted formatting(const Document& doc);

}  // namespace scalepol::lsp
