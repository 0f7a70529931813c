// A streaming JSON writer: values are appended to a caller's buffer as they are written, with no
// document tree in between, so a report of a million records costs its output and nothing more.
// The caller may drain the buffer to a stream whenever it likes (between array elements, say):
// the writer keeps no pointer into it.
//
// Output is always valid JSON: strings are escaped (quotes, backslash, control characters, C1
// controls and text direction controls such as U+202E, as `\u202e`) and invalid UTF-8 becomes
// U+FFFD; numbers are printed shortest-round-trip and a NaN or an infinity
// (which JSON cannot express) becomes null. Misuse (a value where a key is due, an unbalanced
// end) is a programming error and is caught by assertions in debug builds.
#pragma once

#include <concepts>
#include <iterator>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace scalepol::report {

class JsonWriter {
 public:
  // `indent` spaces per level; 0 writes everything on one line. Containers opened at nesting
  // depth `flat_depth` or deeper (the root is depth 0) are written on one line, without blanks:
  // with 2, a list of records under the root gets one line per record, which keeps a large
  // document small, greppable and diffable line by line.
  static constexpr std::size_t kNeverFlat = static_cast<std::size_t>(-1);
  explicit JsonWriter(std::string& out, int indent = 2, std::size_t flat_depth = kNeverFlat)
      : out_(out), indent_(indent), flat_depth_(flat_depth) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();

  // The key of the next member; must be inside an object.
  void key(std::string_view name);

  void string(std::string_view text);
  void number(double value);
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  void number(T value) {
    before_value();
    fmt::format_to(std::back_inserter(out_), "{}", value);
  }
  void boolean(bool value);
  void null();

  // Shorthands for a member: key then value.
  void member(std::string_view name, std::string_view text) { key(name); string(text); }
  void member(std::string_view name, const char* text) { key(name); string(text); }
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  void member(std::string_view name, T value) {
    key(name);
    number(value);
  }

  // True once every container that was opened has been closed.
  bool complete() const { return stack_.empty() && wrote_root_; }

 private:
  struct Frame {
    bool object = false;
    bool empty = true;
    bool flat = false;  // elements on the container's own line
  };

  void before_value();   // comma, newline and indentation before an element
  void open(char bracket, bool object);
  void close(char bracket, bool object);
  void separate_element();  // before an element of the innermost container
  bool flat() const { return indent_ <= 0 || (!stack_.empty() && stack_.back().flat); }
  void newline_and_indent(std::size_t depth);

  std::string& out_;
  int indent_;
  std::size_t flat_depth_;
  std::vector<Frame> stack_;
  bool after_key_ = false;
  bool wrote_root_ = false;
};

// Appends `text` as a JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view text);

}  // namespace scalepol::report
