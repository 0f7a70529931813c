// The standard library's modules, embedded in the engine at build time (cmake/embed_stdlib.cmake)
// so that `import std.model` works in a host with no scalepol files on disk.
#pragma once

#include <string_view>
#include <vector>

namespace scalepol::stdlib {

struct Module {
  std::string_view name;  // "std.model", "regulations.eu_ai_act"
  std::string_view path;  // "stdlib/std/model.policy": the name diagnostics use
  std::string_view text;
};

const std::vector<Module>& modules();

// The module with this name, or nullptr.
const Module* find(std::string_view name);

}  // namespace scalepol::stdlib
