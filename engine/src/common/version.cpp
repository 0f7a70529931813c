// The library's version, from the build.
#include "scalepol/version.hpp"

// The build passes the project's version (CMakeLists.txt); a build of these sources without it
// (the ThreadSanitizer copy in tests/) says so rather than guess.
#ifndef SCALEPOL_VERSION_STRING
#define SCALEPOL_VERSION_STRING "unknown"
#endif

namespace scalepol {

const char* version() { return SCALEPOL_VERSION_STRING; }

}  // namespace scalepol
