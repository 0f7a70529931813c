#!/usr/bin/env bash
# Installs the Debian 12 packages that one command of the project needs, when any is missing:
#
#   scripts/setup.sh run     build the library and the `scalepol` program (`make run`)
#   scripts/setup.sh test    run's, and the test tooling (`make test`)
#   scripts/setup.sh fuzz    run's, and clang with libFuzzer (`make fuzz`)
#   scripts/setup.sh fresh   what tests/fresh/ needs to make a minimal Debian 12 root
#
# Several may be named at once. Safe to run repeatedly: apt-get runs only when a package is
# absent. Needs root, or sudo. Each package is listed with the reason the project needs it.
set -euo pipefail

run_packages=(
  make
  cmake                  # the build system
  g++                    # the C++23 compiler the engine is written for (GCC 12)
  antlr4                 # the ANTLR tool (4.7.2, Java) that generates the parser from grammar/Scalepol.g4
  default-jre-headless   # Java, to run the antlr4 tool at build time
  libantlr4-runtime-dev  # the ANTLR C++ runtime (4.9) the generated parser links against
  uuid-dev               # libuuid: libantlr4-runtime-dev's CMake files link it without depending on it
  libexpected-dev        # tl::expected: the Expected<T, E> of the public headers, usable from C++17 and clang
  libfmt-dev             # formatting of diagnostics, reasons and reports
  libsimdjson-dev        # fast JSON and JSON Lines record loading
  libcli11-dev           # the command line of the scalepol program
  nlohmann-json3-dev     # the language server's JSON-RPC (scalepol lsp); tests: parsing the JSON and SARIF written
)
test_packages=(
  doctest-dev            # the unit tests
  python3                # the drivers of the golden, bad-input, LSP, docs and browser tests
  python3-jsonschema     # the sarif.schema test: `check --format sarif` against the SARIF 2.1.0 schema
  pkg-config             # the embed.installed test: examples/embed built with `pkg-config --cflags --libs scalepol`
  dpkg-dev               # the package.deb test: `cpack -G DEB` computes Depends with dpkg-shlibdeps
  file                   # used by cpack's DEB generator to find the binaries to run dpkg-shlibdeps on
  clang                  # the embed.cxx17 test: the public headers compile as C++17 with clang 14 too
  chromium               # the browser test (tests/browser/): renders `run --format html` headless
  chromium-driver        # the browser test: WebDriver for Debian's chromium
  python3-selenium       # the browser test: drives chromium through chromium-driver
)
fuzz_packages=(
  clang                  # the libFuzzer targets of tests/fuzz/ are built with clang
  libclang-rt-14-dev     # libFuzzer and clang's sanitizer runtimes
)
fresh_packages=(
  debootstrap            # tests/fresh/: a minimal Debian 12 root, as a new user's machine
  git                    # tests/fresh/: the commit under test is cloned into that root
  ca-certificates        # copied into the root, as a new machine of the same kind has them
)

if [ $# -eq 0 ]; then
  echo "usage: scripts/setup.sh run|test|fuzz|fresh ..." >&2
  exit 2
fi
packages=()
for what in "$@"; do
  case "$what" in
    run) packages+=("${run_packages[@]}") ;;
    test) packages+=("${run_packages[@]}" "${test_packages[@]}") ;;
    fuzz) packages+=("${run_packages[@]}" "${fuzz_packages[@]}") ;;
    fresh) packages+=("${fresh_packages[@]}") ;;
    *) echo "setup.sh: unknown set \`$what\`: run, test, fuzz or fresh" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

# Each package once, in the order listed.
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | awk '!seen[$0]++')
echo "setup: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "setup: ${missing[*]} missing, and this is not root and has no sudo: install them as root" >&2
    exit 1
  fi
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
