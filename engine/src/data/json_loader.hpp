// The JSON loader's entry point for text that already has simdjson's padding after it (a file
// read by load_file), so that it is parsed where it lies instead of being copied once more.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "model/record.hpp"
#include "scalepol/diagnostic.hpp"
#include "scalepol/expected.hpp"

namespace scalepol::data {

// simdjson reads up to this many bytes past the end of the text it parses.
std::size_t json_padding();

enum class JsonShape {
  Detect,  // an array when the first non-space character is `[`, else JSON Lines
  Lines,   // JSON Lines, whatever the first character (the format was named)
};

// True when `text` (the BOM dropped) holds nothing but JSON whitespace.
bool blank_json(std::string_view text);

// `malformed-json` at 1:1 for a `.json` file that is empty or blank: that is not JSON (an empty
// JSON Lines file is, and holds no records). `text` is the file's first line or less.
Diagnostics empty_json_file(const std::string& name, std::string_view text);

// As load_json; the `capacity - text.size()` bytes after `text` must be readable and at least
// json_padding() of them.
Expected<model::RecordSet, Diagnostics> load_json_padded(std::string_view text, std::size_t capacity,
                                                        const std::string& name,
                                                        std::shared_ptr<const model::Schema> schema,
                                                        JsonShape shape = JsonShape::Detect);

}  // namespace scalepol::data
