// The documents the editor has open (full text sync), and the conversions between the engine's
// positions (1-based lines, columns in Unicode code points) and LSP's (0-based lines, columns in
// UTF-16 code units), and between file URIs and paths.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "scalepol/outline.hpp"

namespace scalepol::lsp {

// A text with its lines split as the engine splits them (\n, \r\n or \r end a line).
class Text {
 public:
  explicit Text(std::string text);
  const std::string& str() const { return text_; }
  std::string_view line(uint32_t index0) const;  // 0-based; "" past the end

  // An engine position (1-based line, 1-based code-point column) as an LSP position.
  nlohmann::json position(uint32_t line, uint32_t column) const;
  // An LSP position as an engine one: {line, column}, 1-based.
  std::pair<uint32_t, uint32_t> engine_position(uint32_t line0, uint32_t utf16_column) const;
  // The LSP position just after the last character (the end of a whole-document edit).
  nlohmann::json end() const;

 private:
  std::string text_;
  std::vector<std::size_t> starts_;
};

// A span as an LSP range, in `text` (the file the span is in). A span with no line is the
// file's start.
nlohmann::json range(const Text& text, const SourceSpan& span);

// Whether the 1-based engine position (line, column) is inside `span` (its end included, so that
// a cursor just after a name still hovers it).
bool contains(const SourceSpan& span, uint32_t line, uint32_t column);

struct Document {
  std::string uri;
  std::string path;  // the file path for a file: URI; the URI itself otherwise
  Text text{""};
  int64_t version = 0;
};

class Documents {
 public:
  Document& open(const std::string& uri, std::string text, int64_t version);
  Document* find(const std::string& uri);
  void close(const std::string& uri) { docs_.erase(uri); }

 private:
  std::map<std::string, Document> docs_;
};

// file:///a/b%20c.policy → /a/b c.policy; nothing for another scheme or a malformed escape.
std::optional<std::string> uri_to_path(std::string_view uri);
// /a/b c.policy → file:///a/b%20c.policy (the path made absolute first).
std::string path_to_uri(const std::string& path);

}  // namespace scalepol::lsp
