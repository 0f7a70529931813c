// textDocument/hover, /definition and /documentSymbol, from the engine's outline of the document.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "lsp/features.hpp"

namespace scalepol::lsp {

namespace {

// The declaration the name at the LSP position refers to, or the declaration whose name is there.
std::optional<OutlineSymbol> symbol_at(const Document& doc, const Outline& o, const nlohmann::json& position) {
  if (!position.is_object() || !position.value("line", nlohmann::json()).is_number_unsigned() ||
      !position.value("character", nlohmann::json()).is_number_unsigned())
    return std::nullopt;
  const auto [line, column] =
      doc.text.engine_position(position["line"].get<uint32_t>(), position["character"].get<uint32_t>());
  for (const auto& use : o.uses)
    if (contains(use.span, line, column)) return use.target;
  for (const auto& d : o.declarations)
    if (d.name_span.file == doc.path && d.kind != "test" && d.kind != "import" && contains(d.name_span, line, column))
      return d;
  return std::nullopt;
}

// The span of the name at the position, for hover's range.
std::optional<SourceSpan> name_at(const Document& doc, const Outline& o, const nlohmann::json& position) {
  const auto [line, column] =
      doc.text.engine_position(position["line"].get<uint32_t>(), position["character"].get<uint32_t>());
  for (const auto& use : o.uses)
    if (contains(use.span, line, column)) return use.span;
  for (const auto& d : o.declarations)
    if (d.name_span.file == doc.path && contains(d.name_span, line, column)) return d.name_span;
  return std::nullopt;
}

std::string kind_word(const std::string& kind) {
  if (kind == "effective_compute") return "effective compute";
  if (kind == "tiers") return "tier ladder";
  if (kind == "define") return "definition";
  if (kind == "not_encoded") return "not encoded";
  return kind;
}

std::string markdown(const OutlineSymbol& s, const std::string& here) {
  std::string md = fmt::format("**{}** `{}`", kind_word(s.kind), s.name);
  if (!s.detail.empty()) md += fmt::format("\n\n```scalepol\n{}\n```", s.detail);
  for (const auto& q : s.quotes) {
    if (!q.text.empty()) md += "\n\n> " + q.text;
    if (!q.source.empty()) md += "\n\n— " + q.source;
  }
  if (s.in_stdlib) {
    md += fmt::format("\n\n*from the standard library (`{}`)*", s.span.file);
  } else if (s.span.file != here) {
    md += fmt::format("\n\n*declared in `{}:{}`*", s.span.file, s.span.line);
  }
  return md;
}

// The text of a file the editor may not have open (for UTF-16 columns); "" when unreadable.
std::string read_text(const std::string& path, const Documents& open) {
  if (auto* doc = const_cast<Documents&>(open).find(path_to_uri(path))) return doc->text.str();
  std::error_code ec;
  if (std::filesystem::file_size(path, ec) > (1u << 20) || ec) return {};
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int symbol_kind(const std::string& kind) {
  // LSP's SymbolKind numbers.
  if (kind == "policy") return 2;             // Module
  if (kind == "header") return 7;             // Property
  if (kind == "import") return 4;             // Package
  if (kind == "field" || kind == "benchmark") return 8;  // Field
  if (kind == "effective_compute") return 12; // Function
  if (kind == "reference") return 13;         // Variable
  if (kind == "define") return 14;            // Constant
  if (kind == "trigger" || kind == "escalate") return 24;  // Event
  if (kind == "tiers") return 10;             // Enum
  if (kind == "tier") return 22;              // EnumMember
  if (kind == "obligation") return 7;         // Property
  if (kind == "exemption") return 19;         // Object
  if (kind == "assume") return 26;            // TypeParameter
  if (kind == "test") return 6;               // Method
  if (kind == "unit") return 16;              // Number
  if (kind == "not_encoded") return 15;       // String
  return 13;
}

nlohmann::json to_document_symbol(const Text& text, const OutlineSymbol& s) {
  std::string name = s.kind == "tier" ? s.name.substr(s.name.find('.') + 1) : s.name;
  if (name.empty()) name = "(" + s.kind + ")";  // LSP requires a name
  nlohmann::json out = {{"name", name},
                        {"kind", symbol_kind(s.kind)},
                        {"range", range(text, s.span)},
                        {"selectionRange", range(text, s.name_span)}};
  // The symbol's icon says its kind; the detail says what it is, or its kind when nothing is written.
  out["detail"] = s.detail.empty() ? kind_word(s.kind) : s.detail;
  if (!s.children.empty()) {
    nlohmann::json children = nlohmann::json::array();
    for (const auto& c : s.children) children.push_back(to_document_symbol(text, c));
    out["children"] = std::move(children);
  }
  return out;
}

}  // namespace

nlohmann::json hover(const Document& doc, const nlohmann::json& position, const CompileOptions& options) {
  const Outline o = outline(doc.text.str(), doc.path, options);
  const auto target = symbol_at(doc, o, position);
  if (!target) return nullptr;
  nlohmann::json out = {{"contents", {{"kind", "markdown"}, {"value", markdown(*target, doc.path)}}}};
  if (const auto span = name_at(doc, o, position)) out["range"] = range(doc.text, *span);
  return out;
}

nlohmann::json definition(const Document& doc, const nlohmann::json& position, const CompileOptions& options,
                          const Documents& open) {
  const Outline o = outline(doc.text.str(), doc.path, options);
  const auto target = symbol_at(doc, o, position);
  // The embedded standard library has no file to open: hover shows its declarations instead.
  if (!target || target->in_stdlib) return nullptr;
  if (target->name_span.file == doc.path) return {{"uri", doc.uri}, {"range", range(doc.text, target->name_span)}};
  const Text text(read_text(target->name_span.file, open));
  return {{"uri", path_to_uri(target->name_span.file)}, {"range", range(text, target->name_span)}};
}

nlohmann::json document_symbols(const Document& doc, const CompileOptions& options) {
  const Outline o = outline(doc.text.str(), doc.path, options);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : o.symbols) out.push_back(to_document_symbol(doc.text, s));
  return out;
}

}  // namespace scalepol::lsp
