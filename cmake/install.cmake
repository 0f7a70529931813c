# Installation: `cmake --install build [--prefix PREFIX]` puts
#
#   lib/libscalepol.so.*                     the engine (its dependencies are system libraries)
#   include/scalepol/*.hpp                   the public headers
#   bin/scalepol                             the command line
#   share/scalepol/stdlib/**/*.policy        the standard library (also embedded in the library)
#   share/doc/scalepol/                      README.md, docs/, examples/embed/
#   lib/cmake/scalepol/                      the CMake package: find_package(scalepol CONFIG)
#   lib/pkgconfig/scalepol.pc                the pkg-config file
#
# with the directories GNUInstallDirs chooses (lib/ may be lib/<multiarch>/ under /usr).
# docs/embedding.md describes how a host uses them. Included from the top-level CMakeLists.txt.
include(CMakePackageConfigHelpers)

set(SCALEPOL_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/scalepol)
set(SCALEPOL_STDLIB_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/scalepol/stdlib)

# The installed command line finds the installed library next to it, wherever the prefix is
# (`cmake --install --prefix` decides it after configuration): $ORIGIN/../lib. The build tree's
# binaries keep CMake's build RPATH; the library itself needs none (its dependencies are in the
# system's directories).
if(NOT IS_ABSOLUTE "${CMAKE_INSTALL_BINDIR}" AND NOT IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  file(RELATIVE_PATH _bin_to_lib /prefix/${CMAKE_INSTALL_BINDIR} /prefix/${CMAKE_INSTALL_LIBDIR})
  set_target_properties(scalepol_cli PROPERTIES INSTALL_RPATH "$ORIGIN/${_bin_to_lib}")
endif()
# A host can name the command line as scalepol::cli (to check its policies at build time).
set_target_properties(scalepol_cli PROPERTIES EXPORT_NAME cli)

install(TARGETS scalepol scalepol_cli EXPORT scalepolTargets
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  FILE_SET HEADERS DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

install(DIRECTORY ${CMAKE_SOURCE_DIR}/stdlib/ DESTINATION ${SCALEPOL_STDLIB_INSTALL_DIR}
  FILES_MATCHING PATTERN "*.policy")

install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/LICENSE ${CMAKE_SOURCE_DIR}/CHANGELOG.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
# Debian's machine-readable copyright file, where Debian policy puts it (the package's doc folder).
install(FILES ${CMAKE_SOURCE_DIR}/packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${CMAKE_SOURCE_DIR}/examples/embed/CMakeLists.txt ${CMAKE_SOURCE_DIR}/examples/embed/main.cpp
              ${CMAKE_SOURCE_DIR}/examples/embed/README.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples/embed)

# --- The CMake package ----------------------------------------------------------------------
install(EXPORT scalepolTargets NAMESPACE scalepol:: DESTINATION ${SCALEPOL_CMAKE_DIR})
configure_package_config_file(${CMAKE_SOURCE_DIR}/cmake/scalepolConfig.cmake.in
  ${CMAKE_BINARY_DIR}/package/scalepolConfig.cmake
  INSTALL_DESTINATION ${SCALEPOL_CMAKE_DIR}
  PATH_VARS SCALEPOL_STDLIB_INSTALL_DIR CMAKE_INSTALL_INCLUDEDIR)
# Semantic versioning: a request for 1.2 accepts any 1.x at or above it. Before 1.0 a minor
# release may break the API, so 0.1 accepts only 0.1.x.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(_compatibility SameMinorVersion)
else()
  set(_compatibility SameMajorVersion)
endif()
write_basic_package_version_file(${CMAKE_BINARY_DIR}/package/scalepolConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY ${_compatibility})
install(FILES ${CMAKE_BINARY_DIR}/package/scalepolConfig.cmake
              ${CMAKE_BINARY_DIR}/package/scalepolConfigVersion.cmake
        DESTINATION ${SCALEPOL_CMAKE_DIR})

# --- The pkg-config file --------------------------------------------------------------------
# Written when installing, not when configuring, so that it names the prefix actually installed
# into (`cmake --install --prefix P`, cpack's /usr) rather than CMAKE_INSTALL_PREFIX's default.
install(CODE "
  set(SCALEPOL_PC_TEMPLATE \"${CMAKE_SOURCE_DIR}/cmake/scalepol.pc.in\")
  set(SCALEPOL_PC_WORK_DIR \"${CMAKE_BINARY_DIR}/package/pkgconfig\")
  set(SCALEPOL_PC_LIBDIR \"${CMAKE_INSTALL_LIBDIR}\")
  set(SCALEPOL_PC_INCLUDEDIR \"${CMAKE_INSTALL_INCLUDEDIR}\")
  set(SCALEPOL_PC_VERSION \"${PROJECT_VERSION}\")
  include(\"${CMAKE_SOURCE_DIR}/cmake/install_pkgconfig.cmake\")
")
