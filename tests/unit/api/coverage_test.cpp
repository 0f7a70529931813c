// scalepol::quote_coverage: which constructs of a policy's own file carry a quote.
#include "test_support.hpp"

#include <tuple>

#include "scalepol/coverage.hpp"

using namespace scalepol;

TEST_CASE("quote coverage: each construct of the file, quoted or not, with its line") {
  const Policy policy = scalepol::testing::compile_ok(R"(import std.model
define big = training_compute > 1e25 FLOP
  quote "big"
tiers t by training_compute {
  tier low below 1e25 FLOP
  tier high from 1e25 FLOP
    quote "high"
    require notify "someone"
}
trigger review {
  when big
  require evaluate "it"
    quote "evaluate it"
}
exemption none_really {
  applies_to all
  when domain == "x"
    source "a source alone is not a quote"
}
)", "cov.policy");
  const QuoteCoverage c = quote_coverage(policy);
  CHECK(c.file == "cov.policy");
  REQUIRE(c.constructs.size() == 7);  // std.model's define is in an import: not counted
  const std::vector<std::tuple<std::string, std::string, uint32_t, bool>> expected = {
      {"define", "big", 2, true},
      {"tier", "t.low", 5, false},
      {"tier", "t.high", 6, true},
      {"obligation", "t.high.notify", 8, false},
      {"trigger", "review", 10, false},
      {"obligation", "review.evaluate", 12, true},
      {"exemption", "none_really", 15, false},
  };
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(c.constructs[i].kind == std::get<0>(expected[i]));
    CHECK(c.constructs[i].name == std::get<1>(expected[i]));
    CHECK(c.constructs[i].line == std::get<2>(expected[i]));
    CHECK(c.constructs[i].quoted == std::get<3>(expected[i]));
  }
  CHECK(c.quoted() == 3);
  CHECK(c.unquoted() == 4);
  CHECK(render_coverage_text({c}).starts_with("cov.policy: 3 of 7 constructs carry a quote\n"));
  CHECK(render_coverage_json({c}).find("\"unquoted\": 4") != std::string::npos);
}
