// What went wrong in a JSON text, as diagnostics with positions.
#include <fmt/format.h>

#include "data/json_loader_impl.hpp"
#include "data/json_scan.hpp"
#include "data/load.hpp"
#include "data/loader_common.hpp"
#include "data/value_parse.hpp"
#include "syntax/utf8.hpp"

namespace scalepol::data::detail {

namespace {

bool is_delimiter(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ':' || c == '[' || c == ']' ||
         c == '{' || c == '}';
}

// simdjson's own message as a last resort, in the diagnostics' style.
std::string lowercase(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
  while (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

}  // namespace

std::string_view type_noun(od::json_type t) {
  switch (t) {
    case od::json_type::array: return "an array";
    case od::json_type::object: return "an object";
    case od::json_type::number: return "a number";
    case od::json_type::string: return "a string";
    case od::json_type::boolean: return "a boolean";
    case od::json_type::null: return "null";
  }
  return "a value";
}

std::string_view token_at(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return {};
  const char c = text[offset];
  if (c == '[' || c == ']' || c == '{' || c == '}' || c == ',' || c == ':') return text.substr(offset, 1);
  std::size_t end = offset + 1;
  if (c == '"') {
    while (end < text.size() && text[end] != '"' && text[end] != '\n') end += text[end] == '\\' ? 2 : 1;
    end = std::min(end + 1, text.size());
  } else {
    while (end < text.size() && !is_delimiter(text[end])) ++end;
  }
  return text.substr(offset, end - offset);
}

bool JsonLoader::fail(simdjson::error_code code, const char* at) {
  error_.code = code;
  if (at) error_.offset = offset(at);
  else error_.offset.reset();
  return false;
}

// An error while moving between values: simdjson knows where it stopped, or that it ran off
// the end.
bool JsonLoader::fail_here(simdjson::error_code code) {
  const char* at = nullptr;
  if (doc_.current_location().get(at) != simdjson::SUCCESS) at = text_.data() + doc_end_;
  return fail(code, at);
}

// The last syntax error as a `malformed-json` diagnostic, in the current document
// [doc_begin_, doc_end_).
Diagnostic JsonLoader::syntax_diagnostic() {
  const std::string_view doc = text_.substr(doc_begin_, doc_end_ - doc_begin_);
  const simdjson::error_code code = error_.code;
  auto make = [&](std::size_t at, std::size_t length, std::string message) {
    return make_diagnostic(Code::MalformedJson, std::move(message),
                           source_.locate(doc_begin_ + at, doc_begin_ + at + length));
  };
  if (code == simdjson::UTF8_ERROR) {
    if (auto bad = syntax::find_invalid_utf8(doc)) return make(*bad, 1, "invalid UTF-8");
  }
  // Errors simdjson finds before it knows any position, or only at the end.
  const bool structural = code == simdjson::UNCLOSED_STRING || code == simdjson::UNESCAPED_CHARS ||
                          code == simdjson::INCOMPLETE_ARRAY_OR_OBJECT || code == simdjson::TRAILING_CONTENT ||
                          code == simdjson::TAPE_ERROR || code == simdjson::EMPTY;
  if (!error_.offset || structural) {
    if (auto found = scan_json_structure(doc)) {
      if (!error_.offset || code != simdjson::TAPE_ERROR || found->offset <= *error_.offset - doc_begin_)
        return make(found->offset, found->length, std::move(found->message));
    }
  }
  if (!error_.offset) {
    return make(0, 0, code == simdjson::EMPTY ? std::string("no JSON value") : lowercase(simdjson::error_message(code)));
  }
  const std::size_t at = *error_.offset - doc_begin_;
  if (at >= doc.size() || trim(doc.substr(at)).empty()) return make(doc.size(), 0, "unexpected end of input");
  const std::string_view token = token_at(doc, at);
  const std::string shown = excerpt(token);
  switch (code) {
    case simdjson::NUMBER_ERROR:
    case simdjson::NUMBER_OUT_OF_RANGE: return make(at, token.size(), fmt::format("invalid number `{}`", shown));
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
    case simdjson::INCORRECT_TYPE:  // a token that looked like true/false/null and was not
      return make(at, token.size(), fmt::format("invalid literal `{}`", shown));
    case simdjson::STRING_ERROR: {
      Diagnostic d = make(at, token.size(), fmt::format("invalid escape in string `{}`", shown));
      d.notes.push_back("a backslash starts one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
      return d;
    }
    case simdjson::DEPTH_ERROR: return make(at, 1, "arrays and objects are nested too deeply");
    case simdjson::TRAILING_CONTENT:
      return make(at, token.size(), fmt::format("unexpected `{}` after the end of the document", shown));
    default: return make(at, token.size(), fmt::format("unexpected `{}`", shown));
  }
}

void JsonLoader::report_not_an_object(od::json_type type, const char* at) {
  if (!reporter_.admit()) return;
  Diagnostic d = make_diagnostic(Code::MalformedJson,
                                 fmt::format("expected an object for a record, found {}", type_noun(type)),
                                 locate(at, token_at(text_, offset(at)).size()));
  d.notes.push_back("the value is skipped");
  reporter_.add(std::move(d));
}

void JsonLoader::report_wrong_type(const model::FieldSpec& field, std::string_view key, od::json_type type,
                                   std::string_view raw, const char* at) {
  if (!reporter_.admit()) return;
  const std::string found = (type == od::json_type::number || type == od::json_type::boolean)
                                ? fmt::format("`{}`", excerpt(raw))
                                : std::string(type_noun(type));
  Diagnostic d = make_diagnostic(
      Code::MalformedValue,
      fmt::format("expected {} for {}, found {}", expected_noun(field.kind), field_label(field, "key", key), found),
      locate(at, raw.size()));
  d.notes.push_back("the value is read as unknown");
  if (field.kind == ast::TypeKind::Date) d.help = "write dates as strings: \"2023-03-15\"";
  reporter_.add(std::move(d));
}

void JsonLoader::report_duplicate_key(std::size_t entry, std::string_view key, const char* key_quote) {
  if (!reporter_.admit()) return;
  const model::FieldSpec& field = schema_->fields[entry / 3];
  const std::string_view first = first_key_[entry];
  const char* part = entry % 3 == 1 ? "the lower bound of " : entry % 3 == 2 ? "the upper bound of " : "";
  std::string message = first == key ? fmt::format("duplicate key `{}`", excerpt(key))
                                     : fmt::format("keys `{}` and `{}` both give {}field `{}`", excerpt(first),
                                                   excerpt(key), part, field.name);
  Diagnostic d = make_diagnostic(Severity::Warning, Code::DuplicateKey, std::move(message),
                                 locate(key_quote, token_at(text_, offset(key_quote)).size()));
  d.notes.push_back("the first one is used");
  reporter_.add(std::move(d));
}

void JsonLoader::report_long_line(std::size_t begin) {
  if (!reporter_.admit()) return;
  Diagnostic d = make_diagnostic(Code::MalformedJson,
                                 fmt::format("the line is longer than {} bytes (16 MiB)", kMaxRecordBytes),
                                 source_.locate(begin, begin + 1));
  d.notes.push_back("the line is skipped");
  d.notes.push_back("a line of JSON Lines is one record, and a record is never this long: the line is most often "
                    "not a record, or the file's lines do not end in LF");
  reporter_.add(std::move(d));
}

void JsonLoader::check_name(const model::Record& record, const char* object) {
  if (schema_->key_slot < 0) return;
  const auto slot = static_cast<std::size_t>(schema_->key_slot);
  const model::Value& name = record.values[slot];
  const bool has_key = seen_[slot * 3] == stamp_;
  any_name_key_ = any_name_key_ || has_key;
  if (name.kind == model::Value::Kind::Text && !name.text.empty()) return;
  if (has_key) {
    // A value that could not be read is reported already; a blank string or null is not.
    if (name_reported_ || !reporter_.admit()) return;
    const std::string_view raw(name_at_, name_length_);
    reporter_.add(missing_model_name(
        fmt::format("key `{}` is {}", excerpt(first_key_[slot * 3]), raw == "null" ? "null" : "blank"), record.line,
        locate(name_at_, name_length_)));
    return;
  }
  if (unnamed_.size() < Reporter::kMaxDiagnostics) {
    unnamed_.push_back(missing_model_name(fmt::format("it has no key {}", key_names(schema_->fields[slot])),
                                          record.line, locate(object, 1)));
  } else {
    ++unnamed_more_;
  }
}

void JsonLoader::finish_names() {
  if (unnamed_.empty()) return;
  if (any_name_key_) {
    for (Diagnostic& d : unnamed_) reporter_.offer(std::move(d));
    for (std::size_t i = 0; i < unnamed_more_; ++i) reporter_.admit();  // past the cap: counted
  } else if (any_mapped_ && reporter_.admit()) {
    // No record has the key: one warning for the file, as for a CSV header without the column.
    // (When no key maps at all, no-matching-columns says so.)
    const model::FieldSpec& field = schema_->fields[static_cast<std::size_t>(schema_->key_slot)];
    const uint32_t line = unnamed_.front().location.line;
    Diagnostic d = make_diagnostic(Code::MissingModelName,
                                   fmt::format("no record has a key that gives the model's name (field `{}`)", field.name),
                                   std::move(unnamed_.front().location));
    d.notes.push_back(fmt::format("each record is named by its line instead, as `#{}` for the record on line {}", line, line));
    d.help = fmt::format("give each record its name under the key {}", key_names(field));
    reporter_.add(std::move(d));
  }
  unnamed_.clear();
  unnamed_more_ = 0;
}

void JsonLoader::warn_if_nothing_maps() {
  if (any_mapped_ || set_.records.empty() || schema_->fields.empty() || !reporter_.admit()) return;
  Diagnostic d = make_diagnostic(Code::NoMatchingColumns, "no key of any record is a field of the schema",
                                 source_.locate_line(set_.records.front().line));
  d.notes.push_back("every value of every record is unknown");
  reporter_.add(std::move(d));
}

}  // namespace scalepol::data::detail
