// Property: a comparison on a range agrees with the comparison at every point inside it.
// Definitely true means true at every sampled point; definitely false, false at every point;
// possible means some points go each way (for the sampled grid, at least one of each when the
// range straddles the line strictly).
#include "test_support.hpp"

#include <fmt/format.h>

#include <random>

using namespace scalepol;
using namespace scalepol::testing;

namespace {

const char* kOps[] = {"<", "<=", ">", ">=", "==", "!="};

bool point_holds(const std::string& op, double x, double line) {
  if (op == "<") return x < line;
  if (op == "<=") return x <= line;
  if (op == ">") return x > line;
  if (op == ">=") return x >= line;
  if (op == "==") return x == line;
  return x != line;
}

}  // namespace

TEST_CASE("interval comparison agrees with point evaluation inside the bounds") {
  std::string policy = "import std.model\n";
  for (int i = 0; i < 6; ++i) policy += fmt::format("trigger t{} {{ when training_compute {} 1e25 FLOP }}\n", i, kOps[i]);
  auto p = compile_ok(policy);

  std::mt19937_64 rng(20261126);
  std::uniform_real_distribution<double> exponent(23.0, 27.0);
  int checked = 0;
  for (int trial = 0; trial < 300; ++trial) {
    double a = std::pow(10.0, exponent(rng)), b = std::pow(10.0, exponent(rng));
    if (trial % 10 == 0) a = 1e25;  // ranges that touch the line exactly
    double lo = std::min(a, b), hi = std::max(a, b);
    auto r = run_json(p, fmt::format(R"j([{{"model": "m", "training_compute": {{"low": {}, "high": {}}}}}])j", lo, hi));
    for (int i = 0; i < 6; ++i) {
      const auto* v = verdict(r, "m", fmt::format("t{}", i));
      REQUIRE(v != nullptr);
      // Sample the range: both ends and points between.
      bool any_true = false, any_false = false;
      for (int k = 0; k <= 20; ++k) {
        double x = k == 20 ? hi : lo + (hi - lo) * k / 20.0;
        (point_holds(kOps[i], x, 1e25) ? any_true : any_false) = true;
      }
      INFO("range " << lo << ".." << hi << " " << kOps[i] << " 1e25: " << v->value << " " << status_name(v->status));
      if (v->status == Status::Definite) {
        CHECK_FALSE((v->value == "true" ? any_false : any_true));
      } else {
        CHECK(v->status == Status::Possible);
        // Undecided only when the range really has points on both sides, or touches the line.
        CHECK((lo <= 1e25 && hi >= 1e25));
      }
      ++checked;
    }
  }
  CHECK(checked == 1800);
}
