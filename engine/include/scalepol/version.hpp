// The library's version.
#pragma once

#include "scalepol/export.hpp"

namespace scalepol {

// The library's version, "MAJOR.MINOR.PATCH".
SCALEPOL_API const char* version();

}  // namespace scalepol
