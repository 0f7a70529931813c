#include "lsp/documents.hpp"

#include <cctype>
#include <filesystem>

namespace scalepol::lsp {

namespace {

// The length in bytes of the UTF-8 sequence led by `c` (1 for a stray continuation byte, so
// that invalid text still advances).
std::size_t sequence_length(unsigned char c) {
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Text::Text(std::string text) : text_(std::move(text)) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\r') {
      if (i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    } else if (text_[i] == '\n') {
      starts_.push_back(i + 1);
    }
  }
}

std::string_view Text::line(uint32_t index0) const {
  if (index0 >= starts_.size()) return {};
  std::size_t begin = starts_[index0];
  std::size_t end = index0 + 1 < starts_.size() ? starts_[index0 + 1] : text_.size();
  if (index0 + 1 < starts_.size()) {
    if (end > begin && text_[end - 1] == '\n') --end;
    if (end > begin && text_[end - 1] == '\r') --end;
  }
  return std::string_view(text_).substr(begin, end - begin);
}

nlohmann::json Text::position(uint32_t line, uint32_t column) const {
  if (line == 0) return {{"line", 0}, {"character", 0}};
  const std::string_view l = this->line(line - 1);
  // The BOM is no character of the engine's first line, and editors do not show it either.
  std::size_t i = (line == 1 && l.starts_with("\xEF\xBB\xBF")) ? 3 : 0;
  uint32_t units = 0;
  for (uint32_t cp = 1; cp < column && i < l.size(); ++cp) {
    const std::size_t n = sequence_length(static_cast<unsigned char>(l[i]));
    units += n == 4 ? 2 : 1;  // outside the BMP: a surrogate pair
    i += n;
  }
  return {{"line", line - 1}, {"character", units}};
}

std::pair<uint32_t, uint32_t> Text::engine_position(uint32_t line0, uint32_t utf16_column) const {
  const std::string_view l = line(line0);
  std::size_t i = (line0 == 0 && l.starts_with("\xEF\xBB\xBF")) ? 3 : 0;
  uint32_t units = 0, column = 1;
  while (units < utf16_column && i < l.size()) {
    const std::size_t n = sequence_length(static_cast<unsigned char>(l[i]));
    units += n == 4 ? 2 : 1;
    i += n;
    ++column;
  }
  return {line0 + 1, column};
}

nlohmann::json Text::end() const {
  const auto last = static_cast<uint32_t>(starts_.size() - 1);
  uint32_t units = 0;
  for (std::size_t i = starts_.back(); i < text_.size();) {
    const std::size_t n = sequence_length(static_cast<unsigned char>(text_[i]));
    units += n == 4 ? 2 : 1;
    i += n;
  }
  return {{"line", last}, {"character", units}};
}

nlohmann::json range(const Text& text, const SourceSpan& span) {
  const auto start = text.position(span.line, span.column);
  const auto end = span.end_line ? text.position(span.end_line, span.end_column) : start;
  return {{"start", start}, {"end", end}};
}

bool contains(const SourceSpan& span, uint32_t line, uint32_t column) {
  if (span.line == 0) return false;
  const auto at = std::pair(line, column);
  const auto end = span.end_line ? std::pair(span.end_line, span.end_column) : std::pair(span.line, span.column);
  return std::pair(span.line, span.column) <= at && at <= end;
}

Document& Documents::open(const std::string& uri, std::string text, int64_t version) {
  Document& d = docs_[uri];
  d.uri = uri;
  d.path = uri_to_path(uri).value_or(uri);
  d.text = Text(std::move(text));
  d.version = version;
  return d;
}

Document* Documents::find(const std::string& uri) {
  auto it = docs_.find(uri);
  return it == docs_.end() ? nullptr : &it->second;
}

std::optional<std::string> uri_to_path(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (!uri.starts_with(scheme)) return std::nullopt;
  uri.remove_prefix(scheme.size());
  // file://localhost/x and file:///x name the same file; another host is not on this machine.
  if (uri.starts_with("localhost/")) uri.remove_prefix(9);
  if (!uri.starts_with('/')) return std::nullopt;
  std::string path;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%') {
      if (i + 2 >= uri.size()) return std::nullopt;
      const int hi = hex(uri[i + 1]), lo = hex(uri[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      path.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (uri[i] == '?' || uri[i] == '#') {
      break;
    } else {
      path.push_back(uri[i]);
    }
  }
  if (path.find('\0') != std::string::npos) return std::nullopt;
  return path;
}

std::string path_to_uri(const std::string& path) {
  std::error_code ec;
  auto absolute = std::filesystem::absolute(path, ec);
  const std::string p = ec ? path : absolute.lexically_normal().string();
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (unsigned char c : p) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      uri.push_back(static_cast<char>(c));
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri;
}

}  // namespace scalepol::lsp
