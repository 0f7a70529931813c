// "Did you mean": the closest of a set of candidate words, by edit distance.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace scalepol::syntax {

// Levenshtein distance, case-sensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a plausible typo (distance at
// most a third of the word's length, and at least 1); "" otherwise.
std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace scalepol::syntax
