#include "report/text_util.hpp"

#include <algorithm>

#include "syntax/bidi.hpp"
#include "syntax/utf8.hpp"

namespace scalepol::report {

namespace {
using syntax::is_continuation;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";     // U+2026
}  // namespace

namespace {

struct Range {
  char32_t first, last;
};

// East Asian Width W and F (Unicode's EastAsianWidth.txt), in the coarse ranges wcwidth
// implementations use: a table of our own keeps the output the same in every locale.
constexpr Range kWide[] = {
    {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0},
    {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F},
    {0x2693, 0x2693}, {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5},
    {0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
    {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728},
    {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
    {0x27B0, 0x27B0}, {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55},
    {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
    {0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F},
    {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF},
    {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251},
    {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF},
    {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

// Combining marks and zero-width characters: drawn on the character before, or not at all.
constexpr Range kZero[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A}, {0x064B, 0x065F},
    {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
    {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

template <std::size_t N>
bool in(const Range (&ranges)[N], char32_t cp) {
  const Range* it = std::upper_bound(ranges, ranges + N, cp, [](char32_t c, const Range& r) { return c < r.first; });
  return it != ranges && cp <= (it - 1)->last;
}

// The columns of the character at `i` (as append_printable prints it) and its length in bytes.
std::size_t width_at(std::string_view text, std::size_t i, std::size_t& length) {
  const auto byte = static_cast<unsigned char>(text[i]);
  length = 1;
  if (byte < 0x80) return 1;  // a control character is printed as U+FFFD: one column too
  char32_t cp = 0;
  const std::size_t n = syntax::utf8_sequence(text, i, cp);
  if (n == 0) return is_continuation(byte) ? 0 : 1;  // a stray continuation byte is dropped
  length = n;
  if (cp <= 0x9F || syntax::is_bidi_control(cp)) return 1;  // a C1 or text direction control: U+FFFD
  if (in(kZero, cp)) return 0;
  return in(kWide, cp) ? 2 : 1;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0, length = 0; i < text.size(); i += length) width += width_at(text, i, length);
  return width;
}

std::string_view take_display_width(std::string_view text, std::size_t width) {
  std::size_t used = 0;
  for (std::size_t i = 0, length = 0; i < text.size(); i += length) {
    const std::size_t w = width_at(text, i, length);
    if (used + w > width) return text.substr(0, i);
    used += w;
  }
  return text;
}

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
      // sequence on some terminals) and text direction controls (U+202E and the like reorder
      // what the terminal shows after them: syntax/bidi.hpp). Invalid UTF-8 (a data file's
      // Latin-1 `é`, a cut character) becomes U+FFFD for each byte that starts one, and a stray
      // continuation byte — which code_points() does not count as a column — becomes nothing,
      // so columns stay aligned.
      char32_t cp = 0;
      length = syntax::utf8_sequence(text, i, cp);
      if (length > 0 && cp > 0x9F && !syntax::is_bidi_control(cp)) {
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
  if (display_width(text) <= width) {
    append_printable(out, text);
    return;
  }
  if (width == 0) return;
  append_printable(out, take_display_width(text, width - 1));
  out.append(kEllipsis);
}

}  // namespace scalepol::report
