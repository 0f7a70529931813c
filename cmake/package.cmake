# CPack: `cd build && cpack -G DEB` builds scalepol_<version>_<arch>.deb from what
# `cmake --install` installs (cmake/install.cmake), under /usr. One package holds the library, the
# headers, the CMake and pkg-config files, the command line, the standard library and the docs.
# Included from the top-level CMakeLists.txt.

set(SCALEPOL_PACKAGE_MAINTAINER "scalepol developers <scalepol@example.org>" CACHE STRING
    "The Maintainer field of the Debian package (a placeholder until the project has a public home)")

set(CPACK_PACKAGE_NAME scalepol)
set(CPACK_PACKAGE_VENDOR scalepol)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${SCALEPOL_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "embeddable rules engine for AI scaling policies")
# The Debian package's long description (each line is indented by CPack).
set(CPACK_PACKAGE_DESCRIPTION
"scalepol compiles policies written in a small language (compute thresholds, tier ladders,
triggers, exemptions, obligations) and evaluates them over records of AI models. Every verdict
is definite, possible (an estimate's range straddles the line) or unknown (it rests on missing
data, and says which).

This package holds the C++23 library (libscalepol), its headers, CMake and pkg-config files,
the scalepol command line, the standard library of policies, and the documentation.")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/out/" "\\\\.swp$")

set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # scalepol_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/scalepol/scalepol")
# With dpkg-shlibdeps (package dpkg-dev) and `file`, both in scripts/setup.sh: Depends computed
# from the binaries, a shlibs file (so that packages built against libscalepol depend on this
# one), and postinst/postrm scripts that run ldconfig for the library in /usr/lib. Without them:
# Depends lists the Debian 12 packages of the shared libraries the binaries link.
find_program(SCALEPOL_DPKG_SHLIBDEPS dpkg-shlibdeps)
find_program(SCALEPOL_FILE file)
if(SCALEPOL_DPKG_SHLIBDEPS AND SCALEPOL_FILE)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
  set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
  # The public headers include <tl/expected.hpp>; dpkg-shlibdeps adds the libraries to this.
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libexpected-dev")
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libexpected-dev, libantlr4-runtime4.9, libfmt9, libsimdjson14, libstdc++6 (>= 12), libgcc-s1, libc6")
endif()

include(CPack)
