#include "files.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include <fcntl.h>
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

}  // namespace

std::optional<std::string> write_atomically(const std::string& path,
                                            const std::function<void(std::ostream&)>& fill) {
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return system_error("cannot create a temporary file in `" + dir.string() + "`");
  temp = name.data();

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
