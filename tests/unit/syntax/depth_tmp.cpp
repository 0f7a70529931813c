#include <doctest/doctest.h>
#include <cstdlib>
#include <iostream>
#include "syntax_helpers.hpp"
using namespace scalepol::syntax::test;
TEST_CASE("depth probe") {
  const char* n_env = std::getenv("DEPTH");
  const char* kind = std::getenv("KIND");
  if (!n_env) return;
  int n = std::atoi(n_env);
  std::string k = kind ? kind : "paren";
  std::string text = "define x = ";
  if (k == "paren") text += std::string(n, '(') + "1" + std::string(n, ')');
  else if (k == "neg") { for (int i = 0; i < n; ++i) text += "- "; text += "1"; }
  else if (k == "not") { for (int i = 0; i < n; ++i) text += "not "; text += "a"; }
  else if (k == "ratio") { for (int i = 0; i < n; ++i) text += "2x "; text += "a"; }
  else if (k == "bad") text += std::string(n, '(') + "1 +";  // error path: LL + recovery
  scalepol::Limits limits;
  limits.max_nesting = 1u << 30;
  auto r = parse_text(text, limits);
  std::cout << k << " " << n << " ok, " << r.diagnostics.items.size() << " diagnostics\n" << dump(r).substr(0, 300);
}
