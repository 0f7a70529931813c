// "Did you mean": the closest of a set of candidate words, by edit distance.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace scalepol::syntax {

// Words longer than this get no suggestion, and are suggested for none: a typo is found in a
// name a person types, and the cost of comparing stays bounded whatever a file holds.
inline constexpr std::size_t kMaxSuggestedLength = 256;

// The optimal-string-alignment distance (Levenshtein with transpositions), case-sensitive, when
// it is at most `bound`; `bound + 1` when it is more.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t bound);

// The candidate closest to `word`, if it is close enough to be a plausible typo (distance at
// most a third of the word's length, and at least 1); "" otherwise.
std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace scalepol::syntax
