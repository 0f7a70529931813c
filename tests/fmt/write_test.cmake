# `scalepol fmt --write` on a copy of tests/golden/fmt_messy/input.policy: it must print nothing,
# exit 0 and leave the copy equal to that case's `expected` (the formatted text); a second
# --write must leave the file as it is, and --check must then find nothing.
#
#   cmake -DSCALEPOL=<binary> -DROOT=<repository root> -DWORK=<scratch dir> -P write_test.cmake
cmake_minimum_required(VERSION 3.25)

set(input "${ROOT}/tests/golden/fmt_messy/input.policy")
set(expected_file "${ROOT}/tests/golden/fmt_messy/expected")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(copy "${WORK}/messy.policy")
file(COPY_FILE "${input}" "${copy}")

function(run_fmt expect_exit)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env NO_COLOR=1 "${SCALEPOL}" fmt ${ARGN}
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE code TIMEOUT 60)
  if(NOT code STREQUAL "${expect_exit}" OR NOT out STREQUAL "" OR NOT err STREQUAL "")
    message(FATAL_ERROR "scalepol fmt ${ARGN}: exit ${code} (expected ${expect_exit})\nstdout: ${out}\nstderr: ${err}")
  endif()
endfunction()

run_fmt(0 --write "${copy}")
file(READ "${copy}" written)
file(READ "${expected_file}" expected)
if(NOT written STREQUAL expected)
  message(FATAL_ERROR "fmt --write wrote:\n${written}\nexpected (${expected_file}):\n${expected}")
endif()

file(TIMESTAMP "${copy}" before "%s")
run_fmt(0 --write "${copy}")
run_fmt(0 --check "${copy}")
file(READ "${copy}" again)
if(NOT again STREQUAL expected)
  message(FATAL_ERROR "a second fmt --write changed a formatted file")
endif()

# A file with a syntax error is left as it was.
set(bad "${WORK}/bad.policy")
file(COPY_FILE "${ROOT}/tests/golden/fmt_syntax_error/input.policy" "${bad}")
execute_process(COMMAND ${CMAKE_COMMAND} -E env NO_COLOR=1 "${SCALEPOL}" fmt --write "${bad}"
                RESULT_VARIABLE code OUTPUT_QUIET ERROR_QUIET TIMEOUT 60)
file(READ "${bad}" bad_after)
file(READ "${ROOT}/tests/golden/fmt_syntax_error/input.policy" bad_before)
if(NOT code STREQUAL "2" OR NOT bad_after STREQUAL bad_before)
  message(FATAL_ERROR "fmt --write on a syntax error: exit ${code} (expected 2), file changed: ${bad_after}")
endif()
