#include "data/cell_encoding.hpp"

#include <fmt/format.h>
#include <simdjson.h>

#include <cstring>

#include "syntax/utf8.hpp"

namespace scalepol::data {

namespace {
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Below this many bytes a plain loop beats simdjson's dispatch to its vectorised kernel.
constexpr std::size_t kShortCell = 64;

// True when every byte is ASCII other than NUL: 0x01..0x7F. (c - 1) wraps 0 to 0xFF, so one
// comparison rejects both NUL and bytes from 0x80.
bool plain_ascii(std::string_view raw) {
  unsigned char bad = 0;
  for (const char c : raw) bad |= static_cast<unsigned char>(static_cast<unsigned char>(c) - 1) >= 0x7F ? 1 : 0;
  return bad == 0;
}

std::optional<BadByte> scan(std::string_view raw) {
  for (std::size_t i = 0; i < raw.size();) {
    const auto byte = static_cast<unsigned char>(raw[i]);
    if (byte == 0) return BadByte{i, 0};
    if (byte < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    const std::size_t n = syntax::utf8_sequence(raw, i, cp);
    if (n == 0) return BadByte{i, byte};
    i += n;
  }
  return std::nullopt;
}
}  // namespace

std::optional<BadByte> find_bad_byte(std::string_view raw) {
  if (raw.size() < kShortCell) {
    if (plain_ascii(raw)) return std::nullopt;
  } else if (std::memchr(raw.data(), 0, raw.size()) == nullptr && simdjson::validate_utf8(raw.data(), raw.size())) {
    return std::nullopt;
  }
  return scan(raw);
}

void replace_bad_bytes(std::string_view text, std::string& out) {
  out.clear();
  std::size_t clean_from = 0;  // copy runs of good bytes in one go
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t n = 1;
    if (byte != 0) {
      char32_t cp;
      n = byte < 0x80 ? 1 : syntax::utf8_sequence(text, i, cp);
      if (n > 0) {
        i += n;
        continue;
      }
    }
    out.append(text, clean_from, i - clean_from);
    out.append(kReplacement);
    clean_from = ++i;
  }
  out.append(text, clean_from, text.size() - clean_from);
}

Diagnostic bad_byte_diagnostic(const BadByte& bad, Location location) {
  if (bad.byte == 0) {
    Diagnostic d = make_diagnostic(Severity::Warning, Code::NulByte, "the file contains a nul byte", std::move(location));
    d.help = "a data file is text: remove the byte, or check that this is the right file";
    return d;
  }
  Diagnostic d = make_diagnostic(Severity::Warning, Code::InvalidUtf8,
                                 fmt::format("invalid UTF-8: byte 0x{:02x} does not start a character here", bad.byte),
                                 std::move(location));
  d.help = "save the file as UTF-8";
  return d;
}

}  // namespace scalepol::data
