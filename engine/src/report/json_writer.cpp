#include "report/json_writer.hpp"

#include <cassert>
#include <cmath>

#include "syntax/bidi.hpp"
#include "syntax/utf8.hpp"

namespace scalepol::report {

namespace {

void append_escape(std::string& out, unsigned char byte) {
  switch (byte) {
    case '"': out.append("\\\""); return;
    case '\\': out.append("\\\\"); return;
    case '\b': out.append("\\b"); return;
    case '\f': out.append("\\f"); return;
    case '\n': out.append("\\n"); return;
    case '\r': out.append("\\r"); return;
    case '\t': out.append("\\t"); return;
    default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", byte);
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  std::size_t clean_from = 0;  // copy runs that need no escaping in one go
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte != '"' && byte != '\\' && byte < 0x80) {
      ++i;
      continue;
    }
    if (byte >= 0x80) {
      char32_t code_point;
      std::size_t length = syntax::utf8_sequence(text, i, code_point);
      if (length > 0 && code_point > 0x9F && !syntax::is_bidi_control(code_point)) {
        i += length;  // well-formed: passes through unchanged
        continue;
      }
      out.append(text, clean_from, i - clean_from);
      if (length > 0) {
        // A C1 control or a text direction control: escaped, so that the same text reaches a
        // reader of the JSON and none of them a terminal the JSON is printed on.
        fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<uint32_t>(code_point));
        i += length;
        clean_from = i;
        continue;
      }
      out.append("\\ufffd");
    } else {
      out.append(text, clean_from, i - clean_from);
      append_escape(out, byte);
    }
    ++i;
    clean_from = i;
  }
  out.append(text, clean_from, text.size() - clean_from);
  out.push_back('"');
}

void JsonWriter::newline_and_indent(std::size_t depth) {
  out_.push_back('\n');
  out_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::separate_element() {
  Frame& frame = stack_.back();
  if (!frame.empty) out_.push_back(',');
  frame.empty = false;
  if (!frame.flat) newline_and_indent(stack_.size());
}

void JsonWriter::before_value() {
  if (after_key_) {  // the member's key already placed us
    after_key_ = false;
    return;
  }
  assert((stack_.empty() || !stack_.back().object) && "a value inside an object needs a key");
  if (stack_.empty()) {
    assert(!wrote_root_ && "a JSON text has one root value");
    wrote_root_ = true;
    return;
  }
  separate_element();
}

void JsonWriter::key(std::string_view name) {
  assert(!stack_.empty() && stack_.back().object && !after_key_ && "a key belongs in an object");
  separate_element();
  append_json_string(out_, name);
  out_.append(flat() ? ":" : ": ");
  after_key_ = true;
}

void JsonWriter::open(char bracket, bool object) {
  before_value();
  const bool flat_container = flat() || stack_.size() >= flat_depth_;
  out_.push_back(bracket);
  stack_.push_back({object, true, flat_container});
}

void JsonWriter::close(char bracket, bool object) {
  assert(!stack_.empty() && stack_.back().object == object && !after_key_ && "unbalanced JSON");
  (void)object;
  const Frame frame = stack_.back();
  stack_.pop_back();
  if (!frame.empty && !frame.flat) newline_and_indent(stack_.size());  // `[]`, `{}` stay as they are
  out_.push_back(bracket);
}

void JsonWriter::begin_object() { open('{', true); }
void JsonWriter::end_object() { close('}', true); }
void JsonWriter::begin_array() { open('[', false); }
void JsonWriter::end_array() { close(']', false); }

void JsonWriter::string(std::string_view text) {
  before_value();
  append_json_string(out_, text);
}

void JsonWriter::number(double value) {
  before_value();
  if (!std::isfinite(value)) {
    out_.append("null");
    return;
  }
  // fmt's "{}" is the shortest text that reads back to the same double; it never writes a
  // form JSON rejects (no leading '+', no bare '.', exponent as 'e+NN').
  fmt::format_to(std::back_inserter(out_), "{}", value);
}

void JsonWriter::boolean(bool value) {
  before_value();
  out_.append(value ? "true" : "false");
}

void JsonWriter::null() {
  before_value();
  out_.append("null");
}

}  // namespace scalepol::report
