#!/usr/bin/env bash
# Installs the Debian 12 packages scalepol needs to build and test, when any is missing.
# Safe to run repeatedly: it only calls apt-get when a package is absent.
set -euo pipefail

packages=(
  antlr4                 # the ANTLR tool (4.7.2, Java) that generates the parser from grammar/*.g4
  libantlr4-runtime-dev  # the ANTLR C++ runtime (4.9) the generated parser links against
  default-jre-headless   # Java, to run the antlr4 tool at build time
  libfmt-dev             # formatting of diagnostics and reports
  doctest-dev            # unit-test framework
  libcli11-dev           # command-line parsing for the scalepol CLI
  libsimdjson-dev        # fast JSON / JSON Lines record loading
  nlohmann-json3-dev     # the language server's JSON-RPC (scalepol lsp); tests: parsing the JSON and SARIF the engine writes
  python3                # runs tests/sarif/validate.py
  python3-jsonschema     # the sarif.schema test: validates `check --format sarif` against the SARIF 2.1.0 schema
  cmake                  # build system
  g++                    # C++23 compiler (GCC 12: std::expected)
  make
  pkg-config             # the embed.installed test: builds examples/embed with `pkg-config --cflags --libs scalepol`
  dpkg-dev               # `cpack -G DEB` (test package.deb): dpkg-shlibdeps computes the package's Depends
  file                   # used by cpack's DEB generator to find the binaries to run dpkg-shlibdeps on
  clang                  # `make fuzz`: the libFuzzer targets of tests/fuzz/ are built with clang
  libclang-rt-14-dev     # `make fuzz`: libFuzzer and clang's sanitizer runtimes
  chromium               # the browser test (tests/browser/): renders `run --format html` headless
)
# The browser test drives chromium with playwright-core, installed by `npm ci`: Debian's npm (and
# its nodejs) unless a Node.js with npm is already there (NodeSource's nodejs ships its own npm
# and conflicts with Debian's npm package).
if ! command -v npm >/dev/null 2>&1; then
  packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
