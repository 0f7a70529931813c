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
#include <cstring>
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "data/json_loader.hpp"
#include "data/long_table.hpp"
#include "data/reporter.hpp"
#include "data/source_text.hpp"
#include "model/record.hpp"

namespace scalepol::data::detail {

namespace od = simdjson::ondemand;

// Keys → (slot, role), as Schema::find_column, but hashed: JSON looks every key of every record
// up. A key's entry is slot * 3 + role, so that one lookup gives both. An open-addressing table
// (linear probing, at most half full) rather than std::unordered_map: a lookup is a hash, a mask
// and one comparison, not a division and a walk through nodes (which would be an eighth of
// reading a record).
class ColumnIndex {
 public:
  explicit ColumnIndex(const model::Schema& schema) {
    std::size_t keys = 0;
    for (const auto& f : schema.fields) keys += 1 + f.columns.size() + f.low_columns.size() + f.high_columns.size();
    std::size_t size = 16;
    while (size < keys * 2) size *= 2;
    table_.resize(size);
    mask_ = size - 1;
    // Own names first, then `column` aliases, then bound columns, each only where no earlier
    // entry claimed the key: the same answers as Schema::find_column.
    const auto add = [&](const std::string& key, std::size_t slot, model::ColumnRole role) {
      if (key.find('\\') != std::string::npos) plain_keys_ = false;
      Slot& t = table_[probe(key)];
      if (t.used) return;
      t.used = true;
      t.key = key;
      t.entry.code = static_cast<int32_t>(slot * 3 + static_cast<std::size_t>(role));
    };
    for (std::size_t i = 0; i < schema.fields.size(); ++i) add(schema.fields[i].name, i, model::ColumnRole::Value);
    for (std::size_t i = 0; i < schema.fields.size(); ++i)
      for (const std::string& c : schema.fields[i].columns) add(c, i, model::ColumnRole::Value);
    for (std::size_t i = 0; i < schema.fields.size(); ++i) {
      for (const std::string& c : schema.fields[i].low_columns) add(c, i, model::ColumnRole::Low);
      for (const std::string& c : schema.fields[i].high_columns) add(c, i, model::ColumnRole::High);
    }
  }
  // slot * 3 + role, -1 for a key of no field, kIgnored for a key of a field not read.
  static constexpr int32_t kIgnored = -2;
  int32_t find(std::string_view key) const {
    const Slot& t = table_[probe(key)];
    return t.used ? t.entry.code : -1;
  }
  // The same, with the key's `noted` flag: its origin is noted once (note_origin), not compared
  // against the origins for every record. Null for a key of no field.
  int32_t find(std::string_view key, bool*& noted) {
    Slot& t = table_[probe(key)];
    if (!t.used) return -1;
    noted = &t.entry.noted;
    return t.entry.code;
  }
  // No key has a backslash: a key as written in JSON that matches one is its own unescaped text.
  bool plain_keys() const { return plain_keys_; }
  // Keys of fields not in `read` are ignored from now on (their values are still checked to be JSON).
  void read_only(const std::vector<bool>& read) {
    for (Slot& t : table_)
      if (t.used && t.entry.code >= 0 && !read[static_cast<std::size_t>(t.entry.code / 3)]) t.entry.code = kIgnored;
  }

 private:
  // A hash of the length and the first and last eight bytes is enough to tell a schema's few
  // dozen names apart, and costs a fraction of hashing every byte.
  static std::size_t hash(std::string_view s) {
    uint64_t head = 0, tail = 0;
    std::memcpy(&head, s.data(), std::min<std::size_t>(s.size(), 8));
    if (s.size() > 8) std::memcpy(&tail, s.data() + s.size() - 8, 8);
    const uint64_t h = (head * 0x9E3779B97F4A7C15ull) ^ (tail + 0x632BE59BD9B4E019ull + (uint64_t{s.size()} << 7));
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
  struct Entry {
    int32_t code = -1;  // slot * 3 + role, or kIgnored
    bool noted = false; // the key is in the field's origins (RecordSet::FieldOrigin) already
  };
  struct Slot {
    std::string key;
    Entry entry;
    bool used = false;
  };
  // The index of the key's slot, or of the free slot where it would go (the table is never full).
  std::size_t probe(std::string_view key) const {
    std::size_t i = hash(key) & mask_;
    for (;;) {
      const Slot& t = table_[i];
      if (!t.used || (t.key.size() == key.size() && std::memcmp(t.key.data(), key.data(), key.size()) == 0)) return i;
      i = (i + 1) & mask_;
    }
  }
  std::vector<Slot> table_;
  std::size_t mask_ = 0;
  bool plain_keys_ = true;
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
             std::shared_ptr<const model::Schema> schema);
  const model::RecordSet& loaded() const { return set_; }

  Expected<model::RecordSet, Diagnostics> load(JsonShape shape);

  // Block by block (data/stream.cpp): JSON Lines from `text`, which starts on line `first_line`
  // of the file and has readable padding up to `capacity`. Without `at_end` a last line with no
  // line end is left for the next block. Returns the bytes taken; records go to records().
  std::size_t load_lines_block(std::string_view text, std::size_t capacity, uint32_t first_line, bool at_end);
  std::vector<model::Record>& records() { return set_.records; }
  const std::vector<model::RecordSet::FieldOrigin>& origins() const { return set_.origins; }
  // Read only the fields in `read` (per slot); the others stay unknown and unchecked (streaming).
  void read_only(const std::vector<bool>& read) {
    columns_.read_only(read);
    written_.clear();
    for (std::size_t i = 0; i < read.size(); ++i)
      if (read[i]) written_.push_back(static_cast<int32_t>(i));
    read_only_ = true;
  }
  uint32_t line_at(std::size_t offset) { return source_.line_of(offset); }
  // A streamed file's diagnostics (model names are not indexed).
  Diagnostics finish_stream();

 private:
  // Documents (json_loader.cpp). Each returns false on a syntax error, kept in error_.
  bool load_array();
  void load_lines();
  // A bad line is reported and skipped. `line`: the line number of `begin`.
  void read_line(std::size_t begin, std::size_t end, uint32_t line);
  bool read_line_object(std::size_t begin, std::size_t end, model::Record& record);

  // Records and values (json_values.cpp). False on a syntax error; a value of the wrong type is
  // reported, read as unknown, and is no reason to stop.
  bool read_object(od::object& object, model::Record& record);
  // `is_null` (if given) is set when the value is JSON null.
  bool read_value(od::value& v, const model::FieldSpec& field, std::string_view key, model::Value& out,
                  bool* is_null = nullptr);
  // A bound key's value: a number, a numeric string or null (no bound), in the field's data unit.
  // False on a syntax error; a value that is not a number is reported and sets `failed`.
  bool read_bound(od::value& v, const model::FieldSpec& field, std::string_view key, std::optional<double>& out,
                  bool& failed);
  // After a record's keys: the bounds met into their fields' values (a problem is reported at
  // the first bound key).
  void apply_bounds(model::Record& record);
  bool read_range(od::value& v, const model::FieldSpec& field, std::string_view key, model::Value& out,
                  const char* at);
  // Records nest at most this deep (a record is depth 1; its values, 2; …): deeper is
  // `malformed-json`, before validate()'s recursion can exhaust the stack.
  static constexpr int kMaxJsonDepth = 256;
  bool validate(od::value& v, int depth = 2);
  bool validate_root(od::json_type type);

  // Diagnostics (json_diagnostics.cpp).
  std::size_t offset(const char* p) const { return static_cast<std::size_t>(p - text_.data()); }
  Location locate(const char* p, std::size_t length) { return source_.locate(offset(p), offset(p) + length); }
  bool fail(simdjson::error_code code, const char* at);  // record a syntax error; returns false
  bool fail_here(simdjson::error_code code);             // … where simdjson stopped
  Diagnostic syntax_diagnostic();                        // error_ as `malformed-json`
  void report_not_an_object(od::json_type type, const char* at);
  void report_wrong_type(const model::FieldSpec& field, std::string_view key, od::json_type type,
                         std::string_view raw, const char* at);
  void report_duplicate_key(std::size_t entry, std::string_view key, const char* key_quote);  // entry: slot * 3 + role
  void warn_if_nothing_maps();
  // A JSON Lines line longer than kMaxRecordBytes (data/load.hpp), starting at `begin`: skipped.
  void report_long_line(std::size_t begin);
  // After a record is read whole: `missing-model-name` when it has no name. `object` is its `{`.
  // A record without the key at all is held back until the end (finish_names): when no record
  // of the file has the key, one warning says so instead of one per record.
  void check_name(const model::Record& record, const char* object);
  void finish_names();

  std::string_view text_;
  std::size_t capacity_;
  std::shared_ptr<const model::Schema> schema_;
  ColumnIndex columns_;
  SourceText source_;
  Reporter reporter_;
  model::RecordSet set_;

  od::parser parser_;
  od::document doc_;
  std::size_t doc_begin_ = 0, doc_end_ = 0;  // the document being read: the text, or one line
  SyntaxError error_;

  // Duplicate keys: seen_[slot * 3 + role] == stamp_ when the current object already gave the
  // slot's value (role 0) or bound (1: low, 2: high).
  std::vector<uint32_t> seen_;
  std::vector<std::string_view> first_key_;  // the key that set it (in simdjson's string buffer)
  uint32_t stamp_ = 0;
  bool any_mapped_ = false;
  // Records are built in place in set_.records, reusing the storage of earlier blocks' records:
  // the first used_ are this block's.
  std::size_t used_ = 0;
  model::Record& start_record();
  // After read_only(): the slots a record's value can be written to. A reused record resets only
  // these (the others stay unknown): resetting all of a wide schema's values would cost a tenth
  // of reading a record.
  std::vector<int32_t> written_;
  bool read_only_ = false;
  uint32_t first_record_line_ = 0;  // streamed: the first record's line, for no-matching-columns
  bool skipping_ = false;           // streamed: the rest of a line too long to read comes first

  // The model's name (the key field) in the current object: where its value is, and whether
  // reading it reported a problem already.
  const char* name_at_ = nullptr;
  std::size_t name_length_ = 0;
  bool name_reported_ = false;
  bool any_name_key_ = false;         // some record of the file has the key
  std::vector<Diagnostic> unnamed_;   // records without the key (at most Reporter::kMaxDiagnostics)
  std::size_t unnamed_more_ = 0;      // … and how many more

  // The bounds the current object gave, per slot; `bounded_` lists the slots that have some.
  struct Bounds {
    std::optional<double> low, high;
    std::string_view low_key, high_key;
    const char* at = nullptr;  // the opening quote of the first bound key
    bool failed = false;       // a part could not be read: the field is unknown
    uint32_t stamp = 0;        // == stamp_ when the current object gave these
  };
  std::vector<Bounds> bounds_;
  std::vector<std::size_t> bounded_;
  std::vector<unsigned char> value_failed_;  // per slot: the current object's value could not be read

  // A long table's `where`s (data/long_table.hpp): the current object's text in each key they
  // read, and per key, the fields with a `where` that read it besides the one it maps to.
  RowSelector selector_;
  std::vector<std::optional<std::string_view>> filter_cells_;
  std::unordered_map<std::string, std::vector<std::pair<int32_t, model::ColumnRole>>> also_;
  // Before an object's values are read: which fields it gives (RowSelector::begin_row). The
  // object is read again from its start after.
  bool select_row(od::object& object);
  const std::vector<std::pair<int32_t, model::ColumnRole>>& also_for(std::string_view key, int32_t slot,
                                                                    model::ColumnRole role);
  // A second field's value from the key's text (its first field reads the value itself).
  void read_text(od::value& value, std::size_t slot, model::ColumnRole role, std::string_view key, model::Record& record);
  // At the end of a whole load (RowSelector::finish).
  void finish_filters();
};

}  // namespace scalepol::data::detail
