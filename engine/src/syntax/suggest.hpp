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
// most a third of the word's length, and at least 1); "" otherwise. Among equally close
// candidates, the first in the list.
std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

// The same search over one list of candidates for many words, without comparing each word with
// every candidate: the candidates are grouped by length, and a word is compared only with those
// whose length is within its limit of its own (an edit changes the length by at most one), the
// nearest lengths first. `closest` gives exactly what closest_match gives over the same list.
// The index holds views: the candidates' text must outlive it.
class CandidateIndex {
 public:
  CandidateIndex() = default;
  explicit CandidateIndex(const std::vector<std::string_view>& candidates);
  std::string closest(std::string_view word) const;

 private:
  // by_length_[n]: the candidates of n bytes, with their places in the list, in its order.
  std::vector<std::vector<std::pair<std::size_t, std::string_view>>> by_length_;
};

}  // namespace scalepol::syntax
