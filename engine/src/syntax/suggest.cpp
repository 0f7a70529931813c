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

std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
  if (word.size() > kMaxSuggestedLength) return {};
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  std::string best;
  std::size_t best_distance = limit + 1;
  for (auto c : candidates) {
    if (c == word || c.size() > kMaxSuggestedLength) continue;
    // Differences of case alone are the likeliest typo of all: count them as one edit.
    bool same_ignoring_case = c.size() == word.size() &&
        std::equal(c.begin(), c.end(), word.begin(), [](char x, char y) {
          return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
        });
    std::size_t d = same_ignoring_case ? 1 : edit_distance(word, c, best_distance - 1);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(c);
    }
  }
  return best;
}

}  // namespace scalepol::syntax
