// JSON documents: an array of records, or JSON Lines read one line at a time.
#include <fmt/format.h>

#include "data/json_loader_impl.hpp"
#include "data/load.hpp"
#include "data/loader_common.hpp"
#include "data/long_table.hpp"
#include "syntax/utf8.hpp"

namespace scalepol::data {

namespace detail {

JsonLoader::JsonLoader(std::string_view text, std::size_t capacity, const std::string& name,
                       std::shared_ptr<const model::Schema> schema)
    : text_(text),
      capacity_(capacity),
      schema_(std::move(schema)),
      columns_(*schema_),
      source_(name, text),
      reporter_(name),
      seen_(schema_->fields.size() * 3, 0),
      first_key_(schema_->fields.size() * 3),
      bounds_(schema_->fields.size()),
      value_failed_(schema_->fields.size(), 0),
      selector_(*schema_) {
  set_.schema = schema_;
  set_.source = name;
  set_.origins.resize(schema_->fields.size());
  set_.column_word = "key";
  filter_cells_.assign(selector_.columns().size(), std::nullopt);
}

Expected<model::RecordSet, Diagnostics> JsonLoader::load(JsonShape shape) {
  const std::size_t first = text_.find_first_not_of(" \t\r\n");
  if (shape == JsonShape::Detect && first == std::string_view::npos) return make_unexpected(empty_json_file(set_.source, text_));
  if (shape == JsonShape::Detect && first != std::string_view::npos && text_[first] == '[') {
    if (!load_array()) {
      Diagnostics fatal;
      Diagnostic d = syntax_diagnostic();
      d.notes.push_back("no records are read from a JSON array that is not valid JSON");
      fatal.add(std::move(d));
      return make_unexpected(std::move(fatal));
    }
  } else {
    load_lines();
  }
  warn_if_nothing_maps();
  finish_names();
  finish_filters();
  if (schema_->long_table) join_rows(set_, reporter_, source_);
  finish(set_, reporter_, source_);
  return std::move(set_);
}

bool JsonLoader::load_array() {
  doc_begin_ = 0;
  doc_end_ = text_.size();
  const simdjson::padded_string_view view(text_.data(), text_.size(), capacity_);
  if (auto e = parser_.iterate(view).get(doc_)) return fail(e, nullptr);
  od::array records;
  if (auto e = doc_.get_array().get(records)) return fail(e, nullptr);
  for (auto element : records) {
    od::value v;
    if (auto e = std::move(element).get(v)) return fail_here(e);
    const char* at = v.raw_json_token().data();
    od::json_type type;
    if (auto e = v.type().get(type)) return fail(e, at);
    if (type != od::json_type::object) {
      report_not_an_object(type, at);
      if (!validate(v)) return false;
      continue;
    }
    od::object object;
    if (auto e = v.get_object().get(object)) return fail(e, at);
    model::Record record;
    record.line = source_.line_of(offset(at));
    if (!read_object(object, record)) return false;
    check_name(record, at);
    set_.records.push_back(std::move(record));
  }
  // On Demand stops at the array's end: anything after it is reported here.
  const char* after = nullptr;
  if (doc_.current_location().get(after) == simdjson::SUCCESS) return fail(simdjson::TRAILING_CONTENT, after);
  return true;
}

void JsonLoader::load_lines() {
  used_ = 0;
  std::size_t pos = 0;
  uint32_t line = 1;
  while (pos < text_.size()) {
    const std::size_t nl = text_.find('\n', pos);
    const std::size_t end = nl == std::string_view::npos ? text_.size() : nl;
    if (end - pos > kMaxRecordBytes) {
      report_long_line(pos);
    } else if (!trim(text_.substr(pos, end - pos)).empty()) {
      read_line(pos, end, line);
    }
    pos = end + 1;
    ++line;
  }
  set_.records.resize(used_);
}

model::Record& JsonLoader::start_record() {
  if (used_ == set_.records.size()) {
    set_.records.emplace_back();
  } else {  // a record of an earlier block, whose storage is reused
    model::Record& r = set_.records[used_];
    if (read_only_ && r.values.size() == schema_->fields.size()) {
      for (int32_t slot : written_) model::reset(r.values[static_cast<std::size_t>(slot)]);
    } else {
      for (model::Value& v : r.values) model::reset(v);
    }
  }
  return set_.records[used_++];
}

std::size_t JsonLoader::load_lines_block(std::string_view text, std::size_t capacity, uint32_t first_line,
                                         bool at_end) {
  used_ = 0;
  text_ = text;
  capacity_ = capacity;
  source_.rebase(text, first_line);
  std::size_t pos = 0;
  uint32_t line = first_line;
  if (skipping_) {  // the rest of a line too long to read, reported already
    const std::size_t nl = text_.find('\n');
    if (nl == std::string_view::npos) {
      skipping_ = !at_end;
      pos = text_.size();
    } else {
      skipping_ = false;
      pos = nl + 1;
      ++line;
    }
  }
  while (pos < text_.size()) {
    const std::size_t nl = text_.find('\n', pos);
    if (nl == std::string_view::npos && !at_end) {
      // The line may go on in the next block, and is taken whole unless it is too long already
      // (then it is decided as the whole-file loader decides it: no line end in the first
      // kMaxRecordBytes + 1 bytes). The rest of it is skipped as later blocks bring it.
      if (text_.size() - pos > kMaxRecordBytes) {
        report_long_line(pos);
        skipping_ = true;
        pos = text_.size();
      }
      break;
    }
    const std::size_t end = nl == std::string_view::npos ? text_.size() : nl;
    if (end - pos > kMaxRecordBytes) {
      report_long_line(pos);
    } else if (!trim(text_.substr(pos, end - pos)).empty()) {
      read_line(pos, end, line);
    }
    pos = end + 1;
    ++line;
  }
  set_.records.resize(used_);
  if (first_record_line_ == 0 && used_ > 0) first_record_line_ = set_.records.front().line;
  return std::min(pos, text_.size());
}

Diagnostics JsonLoader::finish_stream() {
  if (!any_mapped_ && first_record_line_ != 0 && !schema_->fields.empty() && reporter_.admit()) {
    Diagnostic d = make_diagnostic(Code::NoMatchingColumns,
                                   "no key of any record is a field of the schema", source_.locate_line(first_record_line_));
    d.notes.push_back("every value of every record is unknown");
    reporter_.add(std::move(d));
  }
  finish_names();
  return reporter_.finish();
}

// One JSON Lines record: a bad line is reported and skipped, the others are kept.
void JsonLoader::read_line(std::size_t begin, std::size_t end, uint32_t line) {
  doc_begin_ = begin;
  doc_end_ = end;
  error_ = {};
  const Reporter::Mark mark = reporter_.mark();
  model::Record& record = start_record();
  record.line = line;  // counted by the caller, which has found every line end already
  if (read_line_object(begin, end, record)) {
    check_name(record, text_.data() + begin + text_.substr(begin).find_first_not_of(" \t\r"));
    return;
  }
  --used_;  // not a record after all
  if (error_.code == simdjson::SUCCESS) return;  // not an object: already reported
  reporter_.rollback(mark);
  if (!reporter_.admit()) return;
  Diagnostic d = syntax_diagnostic();
  d.notes.push_back("the line is skipped");
  if (used_ == 0 && text_.substr(begin, end - begin).find_first_not_of(" \t\r{[") == std::string_view::npos)
    d.help = "a JSON file of records is an array `[{…}, {…}]`, or one object per line (JSON Lines)";
  reporter_.add(std::move(d));
}

bool JsonLoader::read_line_object(std::size_t begin, std::size_t end, model::Record& record) {
  const simdjson::padded_string_view view(text_.data() + begin, end - begin, capacity_ - begin);
  if (auto e = parser_.iterate(view).get(doc_)) return fail(e, nullptr);
  od::json_type type;
  if (auto e = doc_.type().get(type)) return fail(e, nullptr);
  if (type != od::json_type::object) {
    // Only a line that is valid JSON is "not an object"; anything else is a syntax error.
    if (!validate_root(type)) return false;
    report_not_an_object(type, text_.data() + begin + text_.substr(begin).find_first_not_of(" \t\r"));
    return false;
  }
  od::object object;
  if (auto e = doc_.get_object().get(object)) return fail(e, nullptr);
  if (!read_object(object, record)) return false;
  const char* after = nullptr;
  if (doc_.current_location().get(after) == simdjson::SUCCESS) return fail(simdjson::TRAILING_CONTENT, after);
  return true;
}

}  // namespace detail

std::size_t json_padding() { return simdjson::SIMDJSON_PADDING; }

bool blank_json(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

Diagnostics empty_json_file(const std::string& name, std::string_view text) {
  Location loc;
  loc.file = name;
  loc.line = loc.column = 1;
  loc.line_text = std::string(text.substr(0, std::min(text.find_first_of("\r\n"), std::size_t{240})));
  Diagnostic d = make_diagnostic(Code::MalformedJson,
                                 text.empty() ? "the file is empty" : "the file holds only whitespace", std::move(loc));
  d.notes.push_back("a `.json` data file is one JSON array of records");
  d.help = "write `[]` for a file of no records, or name the file `.jsonl` for JSON Lines";
  Diagnostics out;
  out.add(std::move(d));
  return out;
}

Expected<model::RecordSet, Diagnostics> load_json_padded(std::string_view text, std::size_t capacity,
                                                        const std::string& name,
                                                        std::shared_ptr<const model::Schema> schema,
                                                        JsonShape shape) {
  // The BOM is dropped by moving the view, which leaves the padding behind the text as it was.
  const std::string_view body = syntax::strip_bom(text);
  capacity -= static_cast<std::size_t>(body.data() - text.data());
  detail::JsonLoader loader(body, capacity, name, std::move(schema));
  return loader.load(shape);
}

namespace {

Expected<model::RecordSet, Diagnostics> load_copy(std::string_view text, const std::string& name,
                                                 std::shared_ptr<const model::Schema> schema, JsonShape shape) {
  // simdjson reads a little past the end of what it parses: one copy into a padded buffer.
  const simdjson::padded_string padded(text.data(), text.size());
  return load_json_padded(std::string_view(padded.data(), padded.size()), padded.size() + simdjson::SIMDJSON_PADDING,
                          name, std::move(schema), shape);
}

}  // namespace

Expected<model::RecordSet, Diagnostics> load_json(std::string_view text, const std::string& name,
                                                 std::shared_ptr<const model::Schema> schema) {
  return load_copy(text, name, std::move(schema), JsonShape::Detect);
}

Expected<model::RecordSet, Diagnostics> load_json_lines(std::string_view text, const std::string& name,
                                                       std::shared_ptr<const model::Schema> schema) {
  return load_copy(text, name, std::move(schema), JsonShape::Lines);
}

}  // namespace scalepol::data
