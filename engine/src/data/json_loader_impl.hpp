// The JSON loader's internals, shared by its three files: json_loader.cpp reads documents (an
// array, or JSON Lines one line at a time), json_values.cpp reads records and values, and
// json_diagnostics.cpp turns what went wrong into diagnostics.
//
// It uses simdjson's On Demand API, which (unlike its DOM) points into the text, so every record
// and every problem has a line and column; and only its error-code API: no exception leaves
// simdjson. On Demand checks only what is read, so every value is read, including those of keys
// no field maps (validate()): a file with `tru` in an ignored key is still not JSON.
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "data/json_loader.hpp"
#include "data/reporter.hpp"
#include "data/source_text.hpp"
#include "eval/record.hpp"

namespace scalepol::data::detail {

namespace od = simdjson::ondemand;

// Keys → slots, as Schema::find_column, but hashed: JSON looks every key of every record up.
class ColumnIndex {
 public:
  explicit ColumnIndex(const eval::Schema& schema) {
    // Own names first, then `column` aliases that no earlier entry claimed: the same answers as
    // Schema::find_column.
    for (std::size_t i = 0; i < schema.fields.size(); ++i)
      map_.try_emplace(schema.fields[i].name, static_cast<int32_t>(i));
    for (std::size_t i = 0; i < schema.fields.size(); ++i)
      for (const std::string& c : schema.fields[i].columns) map_.try_emplace(c, static_cast<int32_t>(i));
  }
  int32_t find(std::string_view key) const {
    auto it = map_.find(key);
    return it == map_.end() ? -1 : it->second;
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int32_t, Hash, std::equal_to<>> map_;
};

// A syntax error as found: its simdjson code and, when simdjson said, where.
struct SyntaxError {
  simdjson::error_code code = simdjson::SUCCESS;
  std::optional<std::size_t> offset;
};

// "an array", "a number", …: a JSON type for messages.
std::string_view type_noun(od::json_type t);

// The token at `offset` of `text`, for messages: one punctuation character, a string, or an
// atom up to the next delimiter.
std::string_view token_at(std::string_view text, std::size_t offset);

class JsonLoader {
 public:
  // `text` must be followed by readable padding up to `capacity` (see load_json_padded).
  JsonLoader(std::string_view text, std::size_t capacity, const std::string& name,
             std::shared_ptr<const eval::Schema> schema);

  Expected<eval::RecordSet, Diagnostics> load(JsonShape shape);

 private:
  // Documents (json_loader.cpp). Each returns false on a syntax error, kept in error_.
  bool load_array();
  void load_lines();
  void read_line(std::size_t begin, std::size_t end);  // a bad line is reported and skipped
  bool read_line_object(std::size_t begin, std::size_t end, eval::Record& record);

  // Records and values (json_values.cpp). False on a syntax error; a value of the wrong type is
  // reported, read as unknown, and is no reason to stop.
  bool read_object(od::object& object, eval::Record& record);
  bool read_value(od::value& v, const eval::FieldSpec& field, std::string_view key, eval::Value& out);
  bool read_range(od::value& v, const eval::FieldSpec& field, std::string_view key, eval::Value& out,
                  const char* at);
  bool validate(od::value& v);
  bool validate_root(od::json_type type);

  // Diagnostics (json_diagnostics.cpp).
  std::size_t offset(const char* p) const { return static_cast<std::size_t>(p - text_.data()); }
  Location locate(const char* p, std::size_t length) { return source_.locate(offset(p), offset(p) + length); }
  bool fail(simdjson::error_code code, const char* at);  // record a syntax error; returns false
  bool fail_here(simdjson::error_code code);             // … where simdjson stopped
  Diagnostic syntax_diagnostic();                        // error_ as `malformed-json`
  void report_not_an_object(od::json_type type, const char* at);
  void report_wrong_type(const eval::FieldSpec& field, std::string_view key, od::json_type type,
                         std::string_view raw, const char* at);
  void report_duplicate_key(std::size_t slot, std::string_view key, const char* key_quote);
  void warn_if_nothing_maps();

  std::string_view text_;
  std::size_t capacity_;
  std::shared_ptr<const eval::Schema> schema_;
  ColumnIndex columns_;
  SourceText source_;
  Reporter reporter_;
  eval::RecordSet set_;

  od::parser parser_;
  od::document doc_;
  std::size_t doc_begin_ = 0, doc_end_ = 0;  // the document being read: the text, or one line
  SyntaxError error_;

  // Duplicate keys: seen_[slot] == stamp_ when the current object already set the slot.
  std::vector<uint32_t> seen_;
  std::vector<std::string_view> first_key_;  // the key that set it (in simdjson's string buffer)
  uint32_t stamp_ = 0;
  bool any_mapped_ = false;
};

}  // namespace scalepol::data::detail
