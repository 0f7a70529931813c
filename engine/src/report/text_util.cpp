#include "report/text_util.hpp"

#include "syntax/utf8.hpp"

namespace scalepol::report {

namespace {
using syntax::is_continuation;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";     // U+2026
}  // namespace

std::string_view take_code_points(std::string_view text, std::size_t count) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_continuation(static_cast<unsigned char>(text[i]))) continue;
    if (seen == count) return text.substr(0, i);
    ++seen;
  }
  return text;
}

void append_printable(std::string& out, std::string_view text) {
  std::size_t clean_from = 0;  // copy runs of ordinary bytes in one go
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte != 0x7F) continue;
    out.append(text, clean_from, i - clean_from);
    if (byte == '\t') {
      out.push_back(' ');
    } else {
      out.append(kReplacement);
    }
    clean_from = i + 1;
  }
  out.append(text, clean_from, text.size() - clean_from);
}

void append_truncated(std::string& out, std::string_view text, std::size_t width) {
  if (code_points(text) <= width) {
    append_printable(out, text);
    return;
  }
  if (width == 0) return;
  append_printable(out, take_code_points(text, width - 1));
  out.append(kEllipsis);
}

}  // namespace scalepol::report
