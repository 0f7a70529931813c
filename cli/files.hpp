// Writing an output file so that a reader never sees it half-written.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>

namespace scalepol::cli {

// Writes what `fill` produces to a temporary file beside `path` and renames it over `path`, so
// `path` holds either its old content or the whole new one. An existing file keeps its
// permissions. Returns an error message, or nothing on success.
std::optional<std::string> write_atomically(const std::string& path,
                                            const std::function<void(std::ostream&)>& fill);

}  // namespace scalepol::cli
