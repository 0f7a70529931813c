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
