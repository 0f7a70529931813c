# Runs one golden test: scalepol with the arguments in CASE/cmd, from the repository root, and
# compares what it printed and how it exited with CASE/expected and CASE/exit.
#
#   cmake -DSCALEPOL=<binary> -DCASE=<case dir> -DROOT=<repository root> -P run_case.cmake
#
# CASE/cmd      the arguments, on one line, split like a shell splits simple words and quotes
# CASE/expected stdout, then (only when stderr is not empty) a line `--- stderr ---` and stderr
# CASE/exit     the exit code (absent: 0)
#
# With SCALEPOL_UPDATE_GOLDEN=1 in the environment the case is rewritten from the actual run
# instead of compared: review the change (git diff) before committing it.
cmake_minimum_required(VERSION 3.25)

foreach(var SCALEPOL CASE ROOT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_case.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT EXISTS "${SCALEPOL}")
  message(FATAL_ERROR "run_case.cmake: no scalepol binary at ${SCALEPOL}")
endif()
get_filename_component(case_name "${CASE}" NAME)

# --- The command ------------------------------------------------------------------------------
# Only the first line counts; file(READ) rather than file(STRINGS) keeps non-ASCII and `;` intact.
file(READ "${CASE}/cmd" cmd_line)
string(FIND "${cmd_line}" "\n" newline)
if(newline GREATER_EQUAL 0)
  string(SUBSTRING "${cmd_line}" 0 ${newline} cmd_line)
endif()
string(STRIP "${cmd_line}" cmd_line)
if(cmd_line STREQUAL "")
  message(FATAL_ERROR "golden ${case_name}: ${CASE}/cmd is empty")
endif()
separate_arguments(args UNIX_COMMAND "${cmd_line}")

# NO_COLOR keeps the output free of escape codes whatever terminal ctest runs from.
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env NO_COLOR=1 "${SCALEPOL}" ${args}
  WORKING_DIRECTORY "${ROOT}"
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  RESULT_VARIABLE actual_exit
  TIMEOUT 120)

set(actual "${out}")
if(NOT err STREQUAL "")
  # The marker starts a line of its own even when stdout did not end with a newline.
  if(NOT out STREQUAL "" AND NOT out MATCHES "\n$")
    string(APPEND actual "\n")
  endif()
  string(APPEND actual "--- stderr ---\n${err}")
endif()

# --- Update mode --------------------------------------------------------------------------------
if("$ENV{SCALEPOL_UPDATE_GOLDEN}" STREQUAL "1")
  file(WRITE "${CASE}/expected" "${actual}")
  # `exit` is written when it says something: a non-zero code, or a file that already exists.
  if(NOT actual_exit STREQUAL "0" OR EXISTS "${CASE}/exit")
    file(WRITE "${CASE}/exit" "${actual_exit}\n")
  endif()
  message(STATUS "golden ${case_name}: updated (exit ${actual_exit})")
  return()
endif()

# --- Compare ------------------------------------------------------------------------------------
set(expected "")
if(EXISTS "${CASE}/expected")
  file(READ "${CASE}/expected" expected)
endif()
set(expected_exit 0)
if(EXISTS "${CASE}/exit")
  file(READ "${CASE}/exit" expected_exit)
  string(STRIP "${expected_exit}" expected_exit)
endif()

set(failures "")
if(NOT actual_exit STREQUAL expected_exit)
  string(APPEND failures "exit code: expected ${expected_exit}, got ${actual_exit}\n")
endif()
if(NOT actual STREQUAL expected)
  # Write the actual output beside the build, so it can be diffed or copied after review.
  set(actual_file "${CMAKE_CURRENT_BINARY_DIR}/golden-${case_name}.actual")
  file(WRITE "${actual_file}" "${actual}")
  find_program(DIFF_TOOL diff)
  set(hint "")
  if(NOT EXISTS "${CASE}/expected")
    set(hint "${CASE}/expected does not exist\n")
  elseif(DIFF_TOOL)
    execute_process(
      COMMAND "${DIFF_TOOL}" -u --label expected --label actual "${CASE}/expected" "${actual_file}"
      OUTPUT_VARIABLE hint
      ERROR_QUIET)
  else()
    # No diff on this machine: point at the first line that differs.
    string(LENGTH "${expected}" expected_length)
    string(LENGTH "${actual}" actual_length)
    set(line 1)
    set(i 0)
    while(i LESS expected_length AND i LESS actual_length)
      string(SUBSTRING "${expected}" ${i} 1 e)
      string(SUBSTRING "${actual}" ${i} 1 a)
      if(NOT e STREQUAL a)
        break()
      endif()
      if(e STREQUAL "\n")
        math(EXPR line "${line} + 1")
      endif()
      math(EXPR i "${i} + 1")
    endwhile()
    set(hint "first difference at line ${line}\n")
  endif()
  string(APPEND failures
    "output differs from ${CASE}/expected\n"
    "----- expected -----\n${expected}"
    "----- actual -------\n${actual}"
    "----- diff ---------\n${hint}"
    "(actual output saved to ${actual_file}; SCALEPOL_UPDATE_GOLDEN=1 ctest -R golden.${case_name} rewrites the case)\n")
endif()

if(NOT failures STREQUAL "")
  # message(NOTICE) prints text as it is; FATAL_ERROR would re-wrap it and lose the alignment
  # the comparison is about, so it only carries the verdict.
  string(JOIN " " shown_args ${args})
  message(NOTICE "golden ${case_name}: scalepol ${shown_args} (in ${ROOT})\n${failures}")
  message(FATAL_ERROR "golden ${case_name} failed")
endif()
