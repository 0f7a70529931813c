// The encoding of a CSV cell the loader reads: a NUL byte or invalid UTF-8 is found (where it
// first is, for a located diagnostic) and replaced by U+FFFD, so the value and its row are kept
// but nothing that is not text reaches a report. JSON needs none of this: simdjson refuses both.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "data/reporter.hpp"

namespace scalepol::data {

struct BadByte {
  std::size_t offset = 0;  // in the text searched
  unsigned char byte = 0;  // 0 for a NUL; otherwise the byte that starts no character
};

// The first NUL byte or byte of invalid UTF-8 in `raw`, if any. Cheap for the common case (a
// short ASCII cell); long cells go through simdjson's vectorised validator.
std::optional<BadByte> find_bad_byte(std::string_view raw);

// `text` with each NUL byte and each byte that starts no well-formed UTF-8 sequence replaced by
// U+FFFD, into `out` (its storage is reused).
void replace_bad_bytes(std::string_view text, std::string& out);

// `nul-byte` or `invalid-utf8` (the policy front end's codes and wording) at `location`; the
// caller adds what the value was read as.
Diagnostic bad_byte_diagnostic(const BadByte& bad, Location location);

}  // namespace scalepol::data
