// The one place the engine chooses its `expected` type. The design names tl-expected; C++23's
// std::expected is its standard form and is what GCC 12 ships, so the alias points there.
#pragma once

#include <expected>

namespace scalepol {

template <class T, class E>
using Expected = std::expected<T, E>;

template <class E>
using Unexpected = std::unexpected<E>;

}  // namespace scalepol
