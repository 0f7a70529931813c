#include "syntax/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace scalepol::syntax {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t bound) {
  // Optimal string alignment: insertions, deletions, substitutions and transpositions of two
  // neighbours (`hihg` → `high`) each cost one edit. Only cells within `bound` of the diagonal
  // can end at most `bound` away, so only those are computed, over three rows: time
  // O(len · bound), memory O(len), whatever two hostile 30,000-character names ask.
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > bound) return bound + 1;
  const std::size_t over = bound + 1;
  std::vector<std::size_t> before(m + 1, over), prev(m + 1, over), cur(m + 1, over);
  for (std::size_t j = 0; j <= std::min(m, bound); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    const std::size_t lo = i > bound ? i - bound : 1, hi = std::min(m, i + bound);
    // The rows are reused: only the band and the cell on each side of it are read next, so only
    // those are written (a fill of the whole row would cost O(len) a row again).
    cur[lo - 1] = lo == 1 && i <= bound ? i : over;
    if (hi < m) cur[hi + 1] = over;
    std::size_t row_best = cur[lo - 1];
    for (std::size_t j = lo; j <= hi; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = std::min(d, before[j - 2] + 1);
      cur[j] = std::min(d, over);
      row_best = std::min(row_best, cur[j]);
    }
    if (row_best > bound) return over;  // every later row only grows
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], over);
}

namespace {

std::size_t suggestion_limit(std::string_view word) { return std::max<std::size_t>(1, word.size() / 3); }

// Differences of case alone are the likeliest typo of all: they count as one edit.
bool same_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
  if (word.size() > kMaxSuggestedLength) return {};
  const std::size_t limit = suggestion_limit(word);
  std::string best;
  std::size_t best_distance = limit + 1;
  for (auto c : candidates) {
    if (c == word || c.size() > kMaxSuggestedLength) continue;
    std::size_t d = same_ignoring_case(word, c) ? 1 : edit_distance(word, c, best_distance - 1);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(c);
    }
  }
  return best;
}

CandidateIndex::CandidateIndex(const std::vector<std::string_view>& candidates) : by_length_(kMaxSuggestedLength + 1) {
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (candidates[i].size() <= kMaxSuggestedLength) by_length_[candidates[i].size()].emplace_back(i, candidates[i]);
}

std::string CandidateIndex::closest(std::string_view word) const {
  // closest_match keeps the first candidate at the least distance: the least (distance, place).
  // A candidate whose length differs from the word's by `gap` is at least `gap` away, so the
  // lengths are taken by increasing gap, and the search ends past the best distance found (a
  // candidate at a gap equal to it may still tie, earlier in the list).
  if (word.size() > kMaxSuggestedLength || by_length_.empty()) return {};
  const std::size_t limit = suggestion_limit(word);
  std::size_t best_distance = limit + 1, best_place = 0;
  bool found = false;
  std::string_view best;
  for (std::size_t gap = 0; gap <= limit && gap <= best_distance; ++gap) {
    for (int side = 0; side < (gap == 0 ? 1 : 2); ++side) {
      if (side == 0 && word.size() < gap) continue;
      const std::size_t length = side == 0 ? word.size() - gap : word.size() + gap;
      if (length > kMaxSuggestedLength) continue;
      for (const auto& [place, c] : by_length_[length]) {
        if (c == word) continue;
        // Ties are settled by place: a candidate earlier than the best may equal its distance.
        const bool earlier = !found || place < best_place;
        const std::size_t bound = earlier ? std::min(best_distance, limit) : best_distance - 1;
        const std::size_t d = same_ignoring_case(word, c) ? 1 : edit_distance(word, c, bound);
        if (d <= limit && (d < best_distance || (d == best_distance && earlier))) {
          best_distance = d;
          best_place = place;
          best = c;
          found = true;
        }
      }
    }
  }
  return std::string(best);
}

}  // namespace scalepol::syntax
