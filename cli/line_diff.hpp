// A unified diff of two texts, line by line (`scalepol fmt --check`).
#pragma once

#include <string>
#include <string_view>

namespace scalepol::cli {

// `--- old_name` / `+++ new_name`, then hunks with three lines of context, as `diff -u` writes
// them; "" when the texts are equal. Lines are matched by a longest common subsequence after
// the common start and end are set aside; past a size where that table would be large, the
// differing middle is shown as one replacement. `color`: removed lines red, added green.
std::string unified_diff(std::string_view old_text, std::string_view new_text, const std::string& old_name,
                         const std::string& new_name, bool color);

}  // namespace scalepol::cli
