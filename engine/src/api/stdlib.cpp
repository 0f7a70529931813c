#include "api/stdlib.hpp"

namespace scalepol::stdlib {

const Module* find(std::string_view name) {
  for (const auto& m : modules())
    if (m.name == name) return &m;
  return nullptr;
}

}  // namespace scalepol::stdlib
