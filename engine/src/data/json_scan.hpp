// Finding where a JSON text goes wrong, for the errors simdjson reports without a position:
// invalid UTF-8, an unclosed string, a control character inside a string, an unclosed or
// mismatched bracket, content after the end. Only ever run on a text already known to be bad,
// so it is written for clarity, not speed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace scalepol::data {

struct JsonScanError {
  std::size_t offset = 0;  // where the problem is, in bytes from the start of the text
  std::size_t length = 1;  // how many bytes to underline
  std::string message;     // lowercase, no trailing period
};

// The first problem of string and bracket structure in `text` (one JSON document), if any:
// it does not check what is between the brackets (simdjson does, with positions).
std::optional<JsonScanError> scan_json_structure(std::string_view text);

}  // namespace scalepol::data
