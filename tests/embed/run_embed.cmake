# The test `embed.installed`: scalepol as a host sees it. Installs the build tree into a fresh
# prefix, builds examples/embed against the installed package (find_package), runs it and checks
# its verdicts; then the same program through pkg-config, as C++17, with g++ and with clang; and the
# installed command line.
#
#   cmake -DBUILD_DIR=<main build tree> -DSOURCE_DIR=<repository> -DWORK_DIR=<scratch directory>
#         -DCXX=<C++ compiler> -DGENERATOR=<CMake generator> [-DMAKE_PROGRAM=<make or ninja>]
#         -DVERSION=<project version> -P run_embed.cmake
#
# WORK_DIR is emptied first; it holds prefix/ (the installation), embed-build/ and embed-pc-*.
cmake_minimum_required(VERSION 3.25)

foreach(var BUILD_DIR SOURCE_DIR WORK_DIR CXX GENERATOR VERSION)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "run_embed.cmake: -D${var}=... is required")
  endif()
endforeach()

# step(<what> [OUTPUT <var>] [ENV <name=value>...] COMMAND <command>...): runs the command and
# stops the test, with everything it printed, when it fails.
function(step what)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "OUTPUT" "ENV;COMMAND")
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env ${arg_ENV} -- ${arg_COMMAND}
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc TIMEOUT 600)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " shown "${arg_COMMAND}")
    message(FATAL_ERROR "embed.installed: ${what} failed (${rc}): ${shown}\n${out}${err}")
  endif()
  message(STATUS "ok: ${what}")
  if(arg_OUTPUT)
    set(${arg_OUTPUT} "${out}" PARENT_SCOPE)
  endif()
endfunction()

# expect_lines(<what> <output> <line>...): every line is in the output, as a line of its own.
function(expect_lines what output)
  string(REPLACE "\r" "" output "${output}")
  set(missing "")
  foreach(line IN LISTS ARGN)
    string(FIND "\n${output}" "\n${line}\n" at)
    if(at EQUAL -1)
      string(APPEND missing "\n  ${line}")
    endif()
  endforeach()
  if(missing)
    message(FATAL_ERROR "embed.installed: ${what} is missing the lines:${missing}\n--- it printed ---\n${output}")
  endif()
endfunction()

# --- Install the build tree into a fresh prefix ---------------------------------------------
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
step("cmake --install" COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")

# GNUInstallDirs decides lib/ or lib/<multiarch>/: find the directories as installed.
file(GLOB_RECURSE config_files "${prefix}/*/scalepolConfig.cmake")
file(GLOB_RECURSE pc_files "${prefix}/*/scalepol.pc")
file(GLOB_RECURSE libraries "${prefix}/*/libscalepol.so")
foreach(list config_files pc_files libraries)
  list(LENGTH ${list} n)
  if(NOT n EQUAL 1)
    message(FATAL_ERROR "embed.installed: expected one installed ${list}, found ${n}: ${${list}}")
  endif()
endforeach()
get_filename_component(pc_dir "${pc_files}" DIRECTORY)
get_filename_component(lib_dir "${libraries}" DIRECTORY)
foreach(file include/scalepol/scalepol.hpp bin/scalepol share/scalepol/stdlib/std/model.policy
             share/doc/scalepol/README.md share/doc/scalepol/examples/embed/main.cpp)
  if(NOT EXISTS "${prefix}/${file}")
    message(FATAL_ERROR "embed.installed: ${file} was not installed")
  endif()
endforeach()

# The public headers name no type of the library's private dependencies.
file(GLOB headers "${prefix}/include/scalepol/*.hpp")
foreach(header IN LISTS headers)
  file(STRINGS "${header}" includes REGEX "^[ \t]*#[ \t]*include")
  foreach(include IN LISTS includes)
    if(include MATCHES "[<\"](antlr4|antlr4-runtime|fmt|simdjson|nlohmann|CLI)[/.]")
      message(FATAL_ERROR "embed.installed: ${header} includes a private dependency: ${include}")
    endif()
  endforeach()
endforeach()

# --- The installed command line finds the installed library (RPATH $ORIGIN/../lib) ---------
step("installed scalepol --version" OUTPUT cli_version COMMAND "${prefix}/bin/scalepol" --version)
expect_lines("scalepol --version" "${cli_version}" "scalepol ${VERSION}")
step("installed scalepol check" COMMAND "${prefix}/bin/scalepol" check
     "${prefix}/share/scalepol/stdlib/regulations/eu_ai_act.policy")

# --- examples/embed through find_package(scalepol CONFIG REQUIRED) --------------------------
set(embed_build "${WORK_DIR}/embed-build")
set(configure_args -S "${SOURCE_DIR}/examples/embed" -B "${embed_build}" -G "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_PREFIX_PATH=${prefix}"
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
if(MAKE_PROGRAM)
  list(APPEND configure_args "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
step("configure examples/embed" COMMAND ${CMAKE_COMMAND} ${configure_args})
# It must have found this installation, not one elsewhere on the machine.
file(STRINGS "${embed_build}/CMakeCache.txt" found_dir REGEX "^scalepol_DIR:")
get_filename_component(config_dir "${config_files}" DIRECTORY)
if(NOT found_dir STREQUAL "scalepol_DIR:PATH=${config_dir}")
  message(FATAL_ERROR "embed.installed: examples/embed found ${found_dir}, not ${config_dir}")
endif()
step("build examples/embed" COMMAND ${CMAKE_COMMAND} --build "${embed_build}")

# The verdicts of the records main.cpp builds: a range that straddles a line is possible, a
# model without a compute figure is unknown.
set(expected
  "scalepol ${VERSION}"
  "GPT-4: gpai_tier = systemic_risk (possible)"
  "GPT-4: frontier_evaluation = false (definite)"
  "Grok-3: gpai_tier = systemic_risk (definite)"
  "Grok-3: frontier_evaluation = true (definite)"
  "Grok-3: gpai_tier.systemic_risk.notify = true (definite)"
  "GPT-3: gpai_tier = gpai (definite)"
  "o3: gpai_tier = unknown (unknown)"
  "o3: frontier_evaluation = unknown (unknown)"
  "lint: 0 findings")
step("run examples/embed" OUTPUT embed_out COMMAND "${embed_build}/embed")
expect_lines("examples/embed (CMake)" "${embed_out}" ${expected})
message(STATUS "examples/embed printed:\n${embed_out}")

# --- The same program through pkg-config ----------------------------------------------------
find_program(PKG_CONFIG pkg-config)
if(NOT PKG_CONFIG)
  message(FATAL_ERROR "embed.installed: pkg-config not found (scripts/setup.sh installs it)")
endif()
step("pkg-config --cflags --libs scalepol" OUTPUT pc_flags ENV "PKG_CONFIG_PATH=${pc_dir}"
     COMMAND "${PKG_CONFIG}" --cflags --libs scalepol)
string(STRIP "${pc_flags}" pc_flags)
separate_arguments(pc_args UNIX_COMMAND "${pc_flags}")
foreach(flag "-I${prefix}/include" "-L${lib_dir}" "-lscalepol")
  if(NOT flag IN_LIST pc_args)
    message(FATAL_ERROR "embed.installed: `pkg-config --cflags --libs scalepol` gave `${pc_flags}`, without ${flag}")
  endif()
endforeach()
# pkg-config cannot require a language standard: the user adds -std=c++17 or later
# (docs/embedding.md). The headers are C++17, and compile with clang as well as with g++.
find_program(CLANGXX NAMES clang++ clang++-14)
if(NOT CLANGXX)
  message(FATAL_ERROR "embed.installed: clang++ not found (scripts/setup.sh test installs it)")
endif()
foreach(compiler "${CXX}" "${CLANGXX}")
  get_filename_component(compiler_name "${compiler}" NAME)
  set(program "${WORK_DIR}/embed-pc-${compiler_name}")
  step("compile examples/embed as C++17 with ${compiler_name} and pkg-config's flags"
       COMMAND "${compiler}" -std=c++17 -Wall -Wextra -Werror "${SOURCE_DIR}/examples/embed/main.cpp" ${pc_args}
               -o "${program}")
  step("run examples/embed (pkg-config, ${compiler_name})" OUTPUT pc_out ENV "LD_LIBRARY_PATH=${lib_dir}"
       COMMAND "${program}")
  expect_lines("examples/embed (pkg-config, ${compiler_name})" "${pc_out}" ${expected})
endforeach()

message(STATUS "embed.installed: passed")
