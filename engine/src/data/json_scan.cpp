#include "data/json_scan.hpp"

#include "syntax/utf8.hpp"

#include <fmt/format.h>

#include <vector>

namespace scalepol::data {

namespace {

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The whole UTF-8 sequence starting at `i`, so a message never cuts a character in two.
std::string_view char_at(std::string_view text, std::size_t i) {
  std::size_t len = 1;
  while (i + len < text.size() && syntax::is_continuation(static_cast<unsigned char>(text[i + len])) && len < 4) ++len;
  return text.substr(i, len);
}

}  // namespace

std::optional<JsonScanError> scan_json_structure(std::string_view text) {
  std::vector<std::size_t> open;  // offsets of the brackets not closed yet
  bool seen_value = false;        // the top-level value has started
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const char c = text[i];
    if (is_json_space(c)) {
      ++i;
      continue;
    }
    if (seen_value && open.empty())
      return JsonScanError{i, char_at(text, i).size(),
                           fmt::format("unexpected `{}` after the end of the document", char_at(text, i))};
    if (c == '"') {
      const std::size_t quote = i++;
      for (;;) {
        if (i >= n) return JsonScanError{quote, 1, "string is never closed"};
        const char s = text[i];
        if (s == '"') break;
        if (s == '\\') {
          i += 2;
          continue;
        }
        // A line break in a string almost always means its closing quote is missing.
        if (s == '\n') return JsonScanError{quote, 1, "string is not closed before the end of its line"};
        if (static_cast<unsigned char>(s) < 0x20)
          return JsonScanError{i, 1,
                               fmt::format("control character U+{:04X} inside a string",
                                           static_cast<unsigned>(static_cast<unsigned char>(s)))};
        ++i;
      }
      ++i;
      seen_value = true;
      continue;
    }
    if (c == '[' || c == '{') {
      open.push_back(i);
      seen_value = true;
    } else if (c == ']' || c == '}') {
      const char want = (!open.empty() && text[open.back()] == '[') ? ']' : '}';
      if (open.empty() || c != want)
        return JsonScanError{i, 1, fmt::format("unexpected `{}`", c)};
      open.pop_back();
    } else if (c != ',' && c != ':') {
      // An atom (number, true, …): its validity is simdjson's business; skip all of it.
      while (i + 1 < n && !is_json_space(text[i + 1]) && text[i + 1] != ',' && text[i + 1] != ':' &&
             text[i + 1] != ']' && text[i + 1] != '}' && text[i + 1] != '[' && text[i + 1] != '{' &&
             text[i + 1] != '"')
        ++i;
      seen_value = true;
    }
    ++i;
  }
  if (!open.empty()) {
    const char b = text[open.back()];
    return JsonScanError{open.back(), 1, fmt::format("`{}` is never closed", b)};
  }
  return std::nullopt;
}

}  // namespace scalepol::data
