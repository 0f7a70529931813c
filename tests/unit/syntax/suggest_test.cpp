// "Did you mean": the bounded edit distance agrees with the plain full-table one wherever the
// distance is within the bound, and says "more" past it; names too long to be typed get no
// suggestion, so comparing two hostile 30,000-character names costs nothing.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "syntax/suggest.hpp"

using scalepol::syntax::closest_match;
using scalepol::syntax::edit_distance;

namespace {

// The textbook optimal-string-alignment table, every cell computed: the reference.
std::size_t full_distance(const std::string& a, const std::string& b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i)
    for (std::size_t j = 1; j <= m; ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[n][m];
}

}  // namespace

TEST_CASE("edit distance: the usual typos") {
  CHECK(edit_distance("training_compte", "training_compute", 5) == 1);
  CHECK(edit_distance("hihg", "high", 3) == 1);  // a transposition is one edit
  CHECK(edit_distance("FLOOP", "FLOP", 2) == 1);
  CHECK(edit_distance("", "abc", 5) == 3);
  CHECK(edit_distance("abc", "abc", 0) == 0);
  CHECK(edit_distance("kitten", "sitting", 3) == 3);
  CHECK(edit_distance("kitten", "sitting", 2) == 3);  // over the bound: bound + 1
}

TEST_CASE("edit distance: the banded table agrees with the full one within every bound") {
  std::mt19937 rng(20261206);
  std::uniform_int_distribution<int> length(0, 12), letter(0, 3);
  for (int round = 0; round < 3000; ++round) {
    std::string a, b;
    for (int i = length(rng); i > 0; --i) a += static_cast<char>('a' + letter(rng));
    for (int i = length(rng); i > 0; --i) b += static_cast<char>('a' + letter(rng));
    const std::size_t truth = full_distance(a, b);
    for (std::size_t bound = 0; bound <= 13; ++bound) {
      INFO(a, " ", b, " bound ", bound);
      CHECK(edit_distance(a, b, bound) == std::min(truth, bound + 1));
    }
  }
}

TEST_CASE("closest match: a plausible typo, and nothing for names no one types") {
  const std::vector<std::string_view> names = {"training_compute", "parameters", "released"};
  CHECK(closest_match("training_compte", names) == "training_compute");
  CHECK(closest_match("Released", names) == "released");
  CHECK(closest_match("zzz", names).empty());
  const std::string long_name(30000, 'x');
  std::string near_miss = long_name;
  near_miss[15000] = 'y';
  const std::vector<std::string_view> hostile = {long_name};
  CHECK(closest_match(near_miss, hostile).empty());
}

TEST_CASE("candidate index: the same suggestion as closest_match over the same list, ties included") {
  // Words over a small alphabet, so that many are equally close; case variants, duplicates, the
  // empty word and words past kMaxSuggestedLength among them.
  std::mt19937 rng(20261207);
  std::uniform_int_distribution<int> length(0, 9), letter(0, 3), upper(0, 5), count(0, 40);
  const auto word = [&] {
    std::string w;
    for (int i = length(rng); i > 0; --i) {
      char c = static_cast<char>('a' + letter(rng));
      w += upper(rng) == 0 ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return w;
  };
  for (int round = 0; round < 400; ++round) {
    std::vector<std::string> owned;
    for (int i = count(rng); i > 0; --i) owned.push_back(word());
    if (round % 7 == 0 && !owned.empty()) owned.push_back(owned.front());  // a duplicate
    if (round % 11 == 0) owned.push_back(std::string(300, 'a'));          // too long to suggest
    std::vector<std::string_view> candidates(owned.begin(), owned.end());
    if (round % 2 == 0) std::sort(candidates.begin(), candidates.end());  // as the checker's names
    const scalepol::syntax::CandidateIndex index(candidates);
    for (int probe = 0; probe < 30; ++probe) {
      const std::string w = probe == 0 && !owned.empty() ? owned.back() : word();
      INFO("word `", w, "` over ", candidates.size(), " candidates");
      CHECK(index.closest(w) == closest_match(w, candidates));
    }
    CHECK(index.closest(std::string(300, 'a')).empty());
  }
  CHECK(scalepol::syntax::CandidateIndex().closest("abc").empty());
}
