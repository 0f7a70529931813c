// Reading a policy file from disk: opened once, then judged by what was opened (its kind and its
// real path), and read with a bound, so that neither a swapped link, a FIFO, a device nor a file
// that grows while it is read can make the engine hang, read outside its roots or run out of
// memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace scalepol::api {

struct SourceRead {
  enum class Status {
    Ok,
    CannotOpen,  // missing, no permission, …: `error` says which
    NotRegular,  // a directory, or (when only regular files are allowed) a FIFO, device or socket
    TooLarge,    // more than the limit: `text` is empty
    ReadError,   // the read itself failed: `error` says why
  };
  Status status = Status::Ok;
  std::string text;
  std::string real_path;  // the opened file's own path, links resolved
  std::string kind;       // for NotRegular: "a directory", "a FIFO", "a device", "a socket"
  std::string error;      // for CannotOpen and ReadError: the system's reason, lowercase
  std::uintmax_t size = 0;  // for TooLarge: a regular file's size; 0 for a stream cut at the bound
};

// "`NAME` is 1234 bytes, over the limit of 1000" (or "is more than 1000 bytes" for a stream).
std::string too_large_message(const std::string& name, const SourceRead& r, std::size_t limit);

// Opens `path` (without blocking on a FIFO) and reads at most `limit` bytes of it. With
// `regular_only`, anything but a regular file is refused before a byte is read; otherwise FIFOs
// and devices are read (to the bound), and only directories refused.
SourceRead read_source(const std::string& path, std::size_t limit, bool regular_only);

}  // namespace scalepol::api
