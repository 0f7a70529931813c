#include "api/read_source.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace scalepol::api {

namespace {

std::string reason(int error) {
  std::string text = std::strerror(error);
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// The path of what `fd` is open on, as the kernel has it (Linux's /proc/self/fd); the
// canonical form of `path` where /proc is not mounted.
std::string opened_path(int fd, const std::string& path) {
  std::error_code ec;
  auto real = std::filesystem::read_symlink("/proc/self/fd/" + std::to_string(fd), ec);
  if (!ec && real.is_absolute()) return real.string();
  auto canonical = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : canonical.string();
}

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

SourceRead read_source(const std::string& path, std::size_t limit, bool regular_only) {
  SourceRead r;
  // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
  Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)};
  if (f.fd < 0) {
    r.status = SourceRead::Status::CannotOpen;
    r.error = reason(errno);
    return r;
  }
  struct stat st {};
  if (::fstat(f.fd, &st) != 0) {
    r.status = SourceRead::Status::ReadError;
    r.error = reason(errno);
    return r;
  }
  if (S_ISDIR(st.st_mode) || (regular_only && !S_ISREG(st.st_mode))) {
    r.status = SourceRead::Status::NotRegular;
    r.kind = kind_of(st.st_mode);
    return r;
  }
  r.real_path = opened_path(f.fd, path);
  // Reads block again from here on: a FIFO's reader waits for its writer, as `cat` would.
  const int flags = ::fcntl(f.fd, F_GETFL);
  if (flags >= 0) ::fcntl(f.fd, F_SETFL, flags & ~O_NONBLOCK);
  if (S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > limit) {
    r.status = SourceRead::Status::TooLarge;
    r.size = static_cast<std::uintmax_t>(st.st_size);
    return r;
  }
  std::string text;
  if (S_ISREG(st.st_mode)) text.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(f.fd, buffer, sizeof buffer);
    if (got < 0) {
      if (errno == EINTR) continue;
      r.status = SourceRead::Status::ReadError;
      r.error = reason(errno);
      return r;
    }
    if (got == 0) break;
    // A file that grows while it is read, a FIFO or a device is cut at the bound, not read on.
    if (text.size() + static_cast<std::size_t>(got) > limit) {
      r.status = SourceRead::Status::TooLarge;
      return r;
    }
    text.append(buffer, static_cast<std::size_t>(got));
  }
  r.text = std::move(text);
  return r;
}

std::string too_large_message(const std::string& name, const SourceRead& r, std::size_t limit) {
  if (r.size > 0)
    return "`" + name + "` is " + std::to_string(r.size) + " bytes, over the limit of " + std::to_string(limit);
  return "`" + name + "` is more than " + std::to_string(limit) + " bytes, the limit";
}

}  // namespace scalepol::api
