// Where a renderer's output goes: into a string it returns, or into a stream filled as rendering
// goes, in chunks, so a report of a million models never exists twice in memory.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

namespace scalepol::report {

class Sink {
 public:
  // A sink that keeps everything in buffer(); `stream` == nullptr.
  explicit Sink(std::ostream* stream = nullptr) : stream_(stream) {}

  std::string& buffer() { return buffer_; }

  // Call between units of output (a row, a result): hands a full buffer to the stream.
  void drain_if_large() {
    if (stream_ != nullptr && buffer_.size() >= kChunkBytes) drain();
  }
  // Call at the end: hands the rest to the stream (a string sink keeps it).
  void finish() {
    if (stream_ != nullptr) drain();
  }

 private:
  static constexpr std::size_t kChunkBytes = 64 * 1024;

  void drain() {
    stream_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

  std::ostream* stream_;
  std::string buffer_;
};

}  // namespace scalepol::report
