#include "files.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <vector>

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

namespace scalepol::cli {

namespace fs = std::filesystem;

namespace {

// strerror's text in the diagnostics' style: lowercase ("no such file or directory").
std::string error_text(int error) {
  std::string text = std::strerror(error);
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

std::string system_error(const std::string& what) { return what + ": " + error_text(errno); }

// The mode the file will get: the replaced file's, or what a plain create would give (mkstemp
// makes 0600 files, which would surprise whoever reads the report next).
mode_t target_mode(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) return st.st_mode & 07777;
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// Where a write to `path` lands: the file at the end of its symbolic links (relative links
// resolve against the link's folder), so that replacing it keeps the links. `path` itself when it
// is no link, or when the chain is longer than the kernel would follow.
std::string follow_links(const std::string& path) {
  fs::path current(path);
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(current, ec)) || ec) return current.string();
    fs::path next = fs::read_symlink(current, ec);
    if (ec) return current.string();
    current = next.is_absolute() ? next : current.parent_path() / next;
  }
  return path;
}

// A device, FIFO or socket is written to as it is (as a shell's `>` would), never replaced by a
// regular file: `-o /dev/null` discards the report, `-o fifo` feeds a reader.
std::optional<std::string> write_through(const std::string& path, const std::function<void(std::ostream&)>& fill) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return system_error("cannot open `" + path + "`");
  fill(out);
  out.flush();
  if (!out) return system_error("cannot write `" + path + "`");
  return std::nullopt;
}

// The temporary file being written, for the signal handler to remove: a report interrupted by
// Ctrl-C, `kill` or a closed terminal leaves no `.NAME.tmp.XXXXXX` of up to its full size behind.
// A fixed buffer and a flag, so that the handler touches nothing that is not async-signal-safe.
char pending_temp[4096];
volatile std::sig_atomic_t pending = 0;
constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_pending_temp(int signal) {
  if (pending) ::unlink(pending_temp);
  // The default action, so that the exit status still says which signal ended the program.
  ::signal(signal, SIG_DFL);
  ::raise(signal);
}

// Holds back the cleanup signals while it lives, so that none arrives between the temporary file
// being made and its name being handed to the handler (a signal then would leave the file behind).
class CleanupSignalsBlocked {
 public:
  CleanupSignalsBlocked() {
    sigset_t set;
    sigemptyset(&set);
    for (int s : kCleanupSignals) sigaddset(&set, s);
    ::pthread_sigmask(SIG_BLOCK, &set, &previous_);
  }
  ~CleanupSignalsBlocked() { ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
  CleanupSignalsBlocked(const CleanupSignalsBlocked&) = delete;
  CleanupSignalsBlocked& operator=(const CleanupSignalsBlocked&) = delete;

 private:
  sigset_t previous_{};
};

// Removes the temporary file if a signal ends the program while the guard lives.
class TempFileGuard {
 public:
  explicit TempFileGuard(const std::string& path) {
    if (path.size() >= sizeof pending_temp) return;
    std::memcpy(pending_temp, path.c_str(), path.size() + 1);
    struct sigaction action {};
    action.sa_handler = remove_pending_temp;
    sigemptyset(&action.sa_mask);
    for (int s : kCleanupSignals) {
      struct sigaction old {};
      ::sigaction(s, nullptr, &old);
      if (old.sa_handler == SIG_IGN) continue;  // a signal the caller ignores stays ignored
      ::sigaction(s, &action, nullptr);
    }
    pending = 1;
  }
  ~TempFileGuard() { pending = 0; }
  TempFileGuard(const TempFileGuard&) = delete;
  TempFileGuard& operator=(const TempFileGuard&) = delete;
};

}  // namespace

std::optional<std::string> read_policy_text(const std::string& name, std::size_t limit, std::string& text) {
  const bool is_stdin = name == "-";
  const std::string shown = is_stdin ? std::string("standard input") : "`" + name + "`";
  const int fd = is_stdin ? STDIN_FILENO : ::open(name.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return system_error("cannot read " + shown);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int error = errno;
    if (!is_stdin) ::close(fd);
    return error == EBADF && is_stdin ? std::string("standard input is closed")
                                      : "cannot read " + shown + ": " + error_text(error);
  }
  std::optional<std::string> failure;
  if (S_ISDIR(st.st_mode)) failure = shown + " is a directory";
  text.clear();
  char buffer[1 << 16];
  while (!failure && text.size() <= limit) {
    const std::size_t want = std::min(sizeof buffer, limit + 1 - text.size());
    const ssize_t got = ::read(fd, buffer, want);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) failure = system_error("cannot read " + shown);
    if (got <= 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
  }
  if (!is_stdin) ::close(fd);
  return failure;
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {}, sb {};
  if (a.empty() || b.empty() || ::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

std::optional<std::string> write_atomically(const std::string& requested,
                                            const std::function<void(std::ostream&)>& fill) {
  if (requested.empty()) return std::string("no file name to write to");
  const std::string path = follow_links(requested);
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return "`" + requested + "` is a directory";
    if (!S_ISREG(st.st_mode)) return write_through(path, fill);
  }
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  std::optional<CleanupSignalsBlocked> blocked(std::in_place);
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return system_error("cannot create a temporary file in `" + dir.string() + "`");
  temp = name.data();
  const TempFileGuard guard(temp);
  blocked.reset();  // a signal held back meanwhile is delivered now, and the handler removes the file

  // From here on, every failure removes the temporary file.
  auto fail = [&](std::string message) -> std::optional<std::string> {
    ::close(fd);
    ::unlink(temp.c_str());
    return message;
  };
  if (::fchmod(fd, target_mode(path)) != 0) return fail(system_error("cannot set permissions"));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return fail(system_error("cannot open `" + temp + "`"));
    fill(out);
    out.flush();
    if (!out) return fail(system_error("cannot write `" + temp + "`"));
  }
  // The data must be on disk before the rename makes it visible under the final name.
  if (::fsync(fd) != 0) return fail(system_error("cannot write `" + temp + "`"));
  if (::close(fd) != 0) {
    ::unlink(temp.c_str());
    return system_error("cannot write `" + temp + "`");
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string message = system_error("cannot replace `" + path + "`");
    ::unlink(temp.c_str());
    return message;
  }
  return std::nullopt;
}

}  // namespace scalepol::cli
