// The one place the engine chooses its `expected` type: tl::expected (Debian's libexpected-dev),
// the interface std::expected standardised, usable from C++17 and from clang 14, whose
// libstdc++ <expected> is empty. A host never needs C++23 to include scalepol's headers.
//
//   Expected<Policy, Diagnostics> p = compile_file(path);
//   if (!p) print(p.error());
//   return make_unexpected(std::move(diagnostics));   // an error, where a value was expected
#pragma once

#include <type_traits>
#include <utility>

#include <tl/expected.hpp>

namespace scalepol {

template <class T, class E>
using Expected = tl::expected<T, E>;

template <class E>
using Unexpected = tl::unexpected<E>;

// An error for an Expected. A function rather than `Unexpected(e)`: deducing the type through an
// alias template (P1814) is C++20, and clang 14 does not have it.
template <class E>
Unexpected<std::decay_t<E>> make_unexpected(E&& e) {
  return Unexpected<std::decay_t<E>>(std::forward<E>(e));
}

}  // namespace scalepol
