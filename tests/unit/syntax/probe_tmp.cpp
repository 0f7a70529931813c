#include <doctest/doctest.h>
#include <iostream>
#include "syntax_helpers.hpp"
using namespace scalepol::syntax::test;
TEST_CASE("probe") {
  for (auto t : {"define x =\ndefine y = 1\n", "define x =\ndefine y =\ndefine z = 1", "trigger t { when a b }", "define x = \ntrigger t {}"}) {
    auto r = parse_text(t);
    std::cout << "---- " << t << "\n" << dump(r) << "defines:";
    for (auto& d : r.module.defines) std::cout << " " << d.name.text << (d.value ? "(v)" : "(null)");
    std::cout << " triggers " << r.module.triggers.size() << "\n";
  }
}
