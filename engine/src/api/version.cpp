#include "scalepol/scalepol.hpp"

namespace scalepol {

const char* version() { return "0.1.0"; }

}  // namespace scalepol
