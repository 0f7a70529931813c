#!/usr/bin/env python3
"""The test `embed.exports`: libscalepol exports its API and nothing of the engine's internals.

    exports.py --library build/libscalepol.so [--nm nm] [--cxxfilt c++filt]

CMakeLists.txt builds the library with -fvisibility=hidden and the public headers mark the API
SCALEPOL_API (engine/include/scalepol/export.hpp). Every defined dynamic symbol is classified by
the namespace of the function or object it names, after its return type: the engine's own are in
namespace `scalepol` itself, never in a folder's namespace (`scalepol::eval::`, ...), and none is
the generated parser's (`scalepol_gen::`) or of the libraries it links privately (antlr4, fmt,
simdjson).

Two kinds are not the engine's doing and are allowed. Type information of a type whose own header
declares it visible (`typeinfo for antlr4::tree::AbstractParseTreeVisitor`: the ANTLR runtime's
headers do); for scalepol's internal types it is not allowed. And instantiations of
standard-library templates (`std::__do_uninit_copy<std::move_iterator<antlr4::dfa::DFA*>, ...>`),
exported because libstdc++ declares namespace std visible, whatever their arguments; an -O1
build has more of them than -O2.
"""
import argparse
import re
import subprocess
import sys

PREFIXES = ("typeinfo name for ", "typeinfo for ", "vtable for ", "VTT for ", "construction vtable for ",
            "guard variable for ")
OURS = re.compile(r"^(scalepol::[a-z_]+::|scalepol_gen::)")
THEIRS = re.compile(r"^(antlr4::|fmt::|simdjson::)")
# What the API must export (a build that hid everything would pass the check above).
NEEDED = ("scalepol::compile_file(", "scalepol::Policy::evaluate(", "scalepol::RecordsBuilder::build() const",
          "scalepol::lint(", "scalepol::version()")


def qualified_name(symbol: str) -> str:
    """`ns::f` of `ret ns::f<args>(params) const`, or the type of `typeinfo for T`."""
    for prefix in PREFIXES:
        if symbol.startswith(prefix):
            symbol = symbol[len(prefix):]
            break
    # Brackets inside names are not nesting: `(anonymous namespace)` and the operators.
    s = symbol.replace("(anonymous namespace)", "anonymous")
    s = re.sub(r"operator(\(\)|\[\]|<=>|<<=?|>>=?|[<>=!+\-*/%&|^~,]+|\s+[\w:]+)", "operator@", s)
    depth = 0
    start = 0
    for i, c in enumerate(s):
        if c in "<(":
            if c == "(" and depth == 0:
                return s[start:i]
            depth += 1
        elif c in ">)":
            depth -= 1
        elif c == " " and depth == 0:
            start = i + 1  # what came before was the return type (or a qualifier)
    return s[start:] if depth == 0 else s


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--library", required=True)
    ap.add_argument("--nm", default="nm")
    ap.add_argument("--cxxfilt", default="c++filt")
    args = ap.parse_args()
    mangled = subprocess.run([args.nm, "-D", "--defined-only", "--format=just-symbols", args.library],
                             check=True, capture_output=True, text=True).stdout
    symbols = subprocess.run([args.cxxfilt], input=mangled, check=True, capture_output=True,
                             text=True).stdout.splitlines()
    internal = [s for s in symbols if OURS.match(qualified_name(s)) or
                (THEIRS.match(qualified_name(s)) and not s.startswith(PREFIXES))]
    api = [s for s in symbols if qualified_name(s).startswith("scalepol::")]
    missing = [n for n in NEEDED if not any(s.startswith(n) for s in symbols)]
    if internal:
        print("embed.exports: libscalepol exports internals:\n  " + "\n  ".join(internal[:50]))
        if len(internal) > 50:
            print(f"  ... and {len(internal) - 50} more")
    if missing:
        print("embed.exports: libscalepol does not export: " + ", ".join(missing))
    if internal or missing:
        return 1
    print(f"embed.exports: {len(api)} symbols of scalepol's API among {len(symbols)} exported; no internals")
    return 0


if __name__ == "__main__":
    sys.exit(main())
