# Initial cache for the sanitizer build (`make asan`, and the second half of `make test`):
#
#   cmake -C cmake/sanitizers.cmake -S . -B build-asan
#
# The whole tree — engine, CLI, unit tests — is compiled with AddressSanitizer (with
# LeakSanitizer) and UndefinedBehaviorSanitizer; any undefined behaviour stops the program
# (-fno-sanitize-recover) instead of printing a warning a test would not notice. The ANTLR
# runtime, fmt and simdjson come from Debian packages and stay uninstrumented: ASan still sees
# their allocations through operator new/malloc, it only misses overflows inside them.
#
# Tests that cannot work in this tree are disabled by tests/CMakeLists.txt when
# SCALEPOL_SANITIZE is set (see there for the reasons); the ThreadSanitizer test has a build of its
# own in the normal tree and cannot be combined with ASan.
set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "")
# -O1: fast enough to keep the sanitizer run short, and keeps stack traces readable.
set(CMAKE_CXX_FLAGS_RELWITHDEBINFO "-O1 -g" CACHE STRING "")
set(_scalepol_sanitize "-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined")
set(CMAKE_CXX_FLAGS "${_scalepol_sanitize}" CACHE STRING "")
set(CMAKE_EXE_LINKER_FLAGS "-fsanitize=address,undefined" CACHE STRING "")
set(CMAKE_SHARED_LINKER_FLAGS "-fsanitize=address,undefined" CACHE STRING "")
set(SCALEPOL_SANITIZE "address,undefined" CACHE STRING "the sanitizers this tree is built with")
set(SCALEPOL_TSAN_TEST OFF CACHE BOOL "")
