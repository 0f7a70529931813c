# The test `embed.exports`: libscalepol exports its public API and nothing of the engine's
# internals (CMakeLists.txt builds it with -fvisibility=hidden; scalepol/export.hpp marks the API).
#
#   cmake -DLIBRARY=<libscalepol.so> -DNM=<nm> -DCXXFILT=<c++filt> -DWORK_DIR=<dir> -P exports.cmake
#
# Every defined dynamic symbol of the engine's own code is in namespace scalepol itself: none in a
# folder's namespace (scalepol::eval::, scalepol::check::, ...), none of the generated parser
# (scalepol_gen::). The standard library's template instantiations the engine uses are exported
# as weak symbols because libstdc++ declares them visible; they are not the engine's.
cmake_minimum_required(VERSION 3.25)

foreach(var LIBRARY NM CXXFILT WORK_DIR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "exports.cmake: -D${var}=... is required")
  endif()
endforeach()

file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(COMMAND "${NM}" -D --defined-only --format=just-symbols "${LIBRARY}"
  OUTPUT_FILE "${WORK_DIR}/mangled.txt" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "embed.exports: `${NM} -D` failed on ${LIBRARY}")
endif()
execute_process(COMMAND "${CXXFILT}" INPUT_FILE "${WORK_DIR}/mangled.txt"
  OUTPUT_FILE "${WORK_DIR}/symbols.txt" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "embed.exports: ${CXXFILT} failed")
endif()
file(STRINGS "${WORK_DIR}/symbols.txt" symbols)

set(internal "")
set(api 0)
foreach(s IN LISTS symbols)
  # The name a symbol is declared under: after "typeinfo for ", "vtable for " and the like.
  string(REGEX REPLACE "^(typeinfo name for |typeinfo for |vtable for |VTT for |guard variable for )" "" name "${s}")
  if(name MATCHES "^scalepol::[a-z_]+::" OR name MATCHES "^scalepol_gen::" OR name MATCHES "(^| )(antlr4|fmt|simdjson)::[^<]*\\(")
    string(APPEND internal "\n  ${s}")
  elseif(name MATCHES "^scalepol::")
    math(EXPR api "${api} + 1")
  endif()
endforeach()
if(internal)
  message(FATAL_ERROR "embed.exports: libscalepol exports internals:${internal}")
endif()
# The API itself is there (a build that hid everything would pass the check above).
foreach(needed "scalepol::compile_file(" "scalepol::Policy::evaluate(" "scalepol::RecordsBuilder::build() const"
               "scalepol::lint(" "scalepol::version()")
  string(FIND "${symbols}" "${needed}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "embed.exports: libscalepol does not export ${needed}")
  endif()
endforeach()
list(LENGTH symbols total)
message(STATUS "embed.exports: ${api} symbols of scalepol's API among ${total} exported; no internals")
