#include "syntax/lines.hpp"

#include "syntax/utf8.hpp"

namespace scalepol::syntax {

std::vector<uint32_t> line_starts(std::string_view text) {
  std::vector<uint32_t> starts{static_cast<uint32_t>(bom_length(text))};
  for (std::size_t i = starts[0]; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;  // \r\n is one terminator
      starts.push_back(static_cast<uint32_t>(i + 1));
    } else if (text[i] == '\n') {
      starts.push_back(static_cast<uint32_t>(i + 1));
    }
  }
  return starts;
}

std::string_view line_text(std::string_view text, const std::vector<uint32_t>& starts, std::size_t index) {
  if (index >= starts.size()) return {};
  std::size_t begin = starts[index];
  std::size_t end = index + 1 < starts.size() ? starts[index + 1] : text.size();
  // Only a line that has a successor ends with a terminator; strip it (\n, \r\n or \r).
  if (index + 1 < starts.size()) {
    if (end > begin && text[end - 1] == '\n') --end;
    if (end > begin && text[end - 1] == '\r') --end;
  }
  return text.substr(begin, end - begin);
}

}  // namespace scalepol::syntax
