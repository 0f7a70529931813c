// A data file's text as diagnostics see it: byte offsets turned into 1-based lines, columns in
// code points, and the line's text for the caret rendering. Loaders walk a file front to back,
// so the position is kept as a cursor that only moves forward; counting newlines between two
// offsets with memchr costs far less than building a line table for a file of millions of rows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "scalepol/diagnostic.hpp"

namespace scalepol::data {

class SourceText {
 public:
  SourceText(std::string file, std::string_view text) : file_(std::move(file)), text_(text) {}

  // Move on to the next block of a file read a block at a time: `text` starts on line
  // `first_line` of the file, and lines are counted from there.
  void rebase(std::string_view text, uint32_t first_line) {
    text_ = text;
    first_line_ = line_ = first_line;
    scanned_ = line_start_ = 0;
  }

  const std::string& file() const { return file_; }
  std::string_view text() const { return text_; }

  // The 1-based line holding the byte at `offset`. Cheap when offsets grow; a smaller offset
  // than the last one restarts the count from the top (correct, only slower).
  uint32_t line_of(std::size_t offset);

  // The location of the bytes [begin, end): line, column and end column in code points (the end
  // is exclusive), and the line's text. `end <= begin` gives a single point.
  Location locate(std::size_t begin, std::size_t end = 0);

  // The location of the first column of a 1-based line (for diagnostics that only know a line).
  Location locate_line(uint32_t line);

  // A diagnostic concerning the whole file (no line).
  Location whole_file() const;

 private:
  void seek(std::size_t offset);           // move the cursor to the line holding `offset`
  std::string_view line_at_cursor() const;  // the cursor line's text, without its terminator

  std::string file_;
  std::string_view text_;
  std::size_t scanned_ = 0;     // newlines before this offset have been counted
  uint32_t first_line_ = 1;     // the line the text starts on (a block of a file may start later)
  uint32_t line_ = 1;           // the line holding `scanned_`
  std::size_t line_start_ = 0;  // where that line starts
};

}  // namespace scalepol::data
