// The one place the engine chooses its `expected` type: C++23's std::expected, which GCC 12
// ships (tl-expected offers the same interface where the standard one is missing).
#pragma once

#include <expected>

namespace scalepol {

template <class T, class E>
using Expected = std::expected<T, E>;

template <class E>
using Unexpected = std::unexpected<E>;

}  // namespace scalepol
