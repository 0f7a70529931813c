// Writing an output file so that a reader never sees it half-written.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>

namespace scalepol::cli {

// Writes what `fill` produces to a temporary file beside `path` and renames it over `path`, so
// `path` holds either its old content or the whole new one. An existing file keeps its
// permissions. A symbolic link keeps being a link: the file it leads to is replaced. A device,
// FIFO or socket is written to, never replaced; a directory is refused. Returns an error
// message, or nothing on success.
std::optional<std::string> write_atomically(const std::string& path,
                                            const std::function<void(std::ostream&)>& fill);

// Reads the policy text of `name` (`-`: standard input) into `text`: at most `limit` bytes and
// one more, so that the caller reports a text over the limit without this reading a stream of
// any size first. Returns an error message when the input cannot be read: missing, a directory,
// standard input closed, or a read that fails; never an empty text in place of an error.
std::optional<std::string> read_policy_text(const std::string& name, std::size_t limit, std::string& text);

// Whether two paths name the same existing file (after links): an output must not be an input.
bool same_file(const std::string& a, const std::string& b);

}  // namespace scalepol::cli
