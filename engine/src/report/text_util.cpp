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
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {
      ++i;
      continue;
    }
    std::size_t length = 1;
    if (byte >= 0x80) {
      // A valid character is kept, except C1 controls (U+0080..U+009F: U+009B starts an escape
      // sequence on some terminals). Invalid UTF-8 (a data file's Latin-1 `é`, a cut character)
      // becomes U+FFFD for each byte that starts one, and a stray continuation byte — which
      // code_points() does not count as a column — becomes nothing, so columns stay aligned.
      char32_t cp = 0;
      length = syntax::utf8_sequence(text, i, cp);
      if (length > 0 && cp > 0x9F) {
        i += length;
        continue;
      }
      if (length == 0) length = 1;
    }
    out.append(text, clean_from, i - clean_from);
    if (byte == '\t') {
      out.push_back(' ');
    } else if (!is_continuation(byte) || length > 1) {
      out.append(kReplacement);
    }
    i += length;
    clean_from = i;
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
