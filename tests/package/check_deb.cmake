# The test `package.deb`: `cpack -G DEB` on the build tree builds a Debian package holding the
# library, the headers, the command line, the CMake and pkg-config files and the standard
# library, with the Depends of the shared libraries it links.
#
#   cmake -DBUILD_DIR=<main build tree> -DWORK_DIR=<scratch directory> -DCPACK=<cpack>
#         -DVERSION=<project version> -DSOVERSION=<library ABI version> -P check_deb.cmake
#
# The package and cpack's staging directory go to WORK_DIR (emptied first), not the build tree.
cmake_minimum_required(VERSION 3.25)

foreach(var BUILD_DIR WORK_DIR CPACK VERSION SOVERSION)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "check_deb.cmake: -D${var}=... is required")
  endif()
endforeach()
find_program(DPKG_DEB dpkg-deb)
if(NOT DPKG_DEB)
  message(FATAL_ERROR "package.deb: dpkg-deb not found")
endif()

function(step what)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "OUTPUT" "COMMAND")
  execute_process(COMMAND ${arg_COMMAND} WORKING_DIRECTORY "${BUILD_DIR}"
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc TIMEOUT 600)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " shown "${arg_COMMAND}")
    message(FATAL_ERROR "package.deb: ${what} failed (${rc}): ${shown}\n${out}${err}")
  endif()
  if(arg_OUTPUT)
    set(${arg_OUTPUT} "${out}" PARENT_SCOPE)
  endif()
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
step("cpack -G DEB" COMMAND "${CPACK}" -G DEB --config "${BUILD_DIR}/CPackConfig.cmake" -B "${WORK_DIR}")

file(GLOB debs "${WORK_DIR}/*.deb")
list(LENGTH debs n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "package.deb: expected one .deb in ${WORK_DIR}, found ${n}: ${debs}")
endif()
get_filename_component(deb_name "${debs}" NAME)
if(NOT deb_name MATCHES "^scalepol_${VERSION}_[a-z0-9]+\\.deb$")
  message(FATAL_ERROR "package.deb: unexpected file name ${deb_name}")
endif()

# The files: each pattern must match a line of `dpkg-deb -c` (lib/ may be lib/<multiarch>/).
step("dpkg-deb -c" OUTPUT contents COMMAND "${DPKG_DEB}" -c "${debs}")
foreach(pattern
    " \\./usr/lib/([^/ ]+/)?libscalepol\\.so\\.${SOVERSION}\\.?[0-9.]* "
    " \\./usr/lib/([^/ ]+/)?libscalepol\\.so -> "
    " \\./usr/include/scalepol/scalepol\\.hpp\n"
    " \\./usr/include/scalepol/records\\.hpp\n"
    " \\./usr/bin/scalepol\n"
    " \\./usr/lib/([^/ ]+/)?cmake/scalepol/scalepolConfig\\.cmake\n"
    " \\./usr/lib/([^/ ]+/)?cmake/scalepol/scalepolConfigVersion\\.cmake\n"
    " \\./usr/lib/([^/ ]+/)?cmake/scalepol/scalepolTargets\\.cmake\n"
    " \\./usr/lib/([^/ ]+/)?pkgconfig/scalepol\\.pc\n"
    " \\./usr/share/scalepol/stdlib/std/model\\.policy\n"
    " \\./usr/share/doc/scalepol/README\\.md\n"
    " \\./usr/share/doc/scalepol/LICENSE\n"
    " \\./usr/share/doc/scalepol/copyright\n")
  if(NOT contents MATCHES "${pattern}")
    message(FATAL_ERROR "package.deb: no file matching `${pattern}` in ${deb_name}:\n${contents}")
  endif()
endforeach()

# The control fields: the package's name, and Depends on the libraries the binaries link.
step("dpkg-deb -f" OUTPUT control COMMAND "${DPKG_DEB}" -f "${debs}" Package Version Depends)
foreach(pattern "Package: scalepol\n" "Version: ${VERSION}\n"
                "Depends: [^\n]*libantlr4-runtime4\\.9" "Depends: [^\n]*libfmt9"
                "Depends: [^\n]*libsimdjson14" "Depends: [^\n]*libstdc\\+\\+6")
  if(NOT control MATCHES "${pattern}")
    message(FATAL_ERROR "package.deb: the control fields do not match `${pattern}`:\n${control}")
  endif()
endforeach()

# The pkg-config file names /usr, where the package installs, not the build's default prefix.
step("dpkg-deb -x" COMMAND "${DPKG_DEB}" -x "${debs}" "${WORK_DIR}/root")
file(GLOB_RECURSE pc "${WORK_DIR}/root/*/scalepol.pc")
file(STRINGS "${pc}" pc_prefix REGEX "^prefix=")
if(NOT pc_prefix STREQUAL "prefix=/usr")
  message(FATAL_ERROR "package.deb: scalepol.pc says ${pc_prefix}, not prefix=/usr")
endif()

message(STATUS "package.deb: ${deb_name}\n${control}")
