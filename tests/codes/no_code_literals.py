#!/usr/bin/env python3
"""No part of the engine or the command line writes a diagnostic code as a string of its own.

    no_code_literals.py SOURCE_DIR

Every code is a row of engine/include/scalepol/codes.def and is named in code as `Code::Id`, so
the compiler checks it: a misspelt code does not build, and a diagnostic cannot carry a code the
table (and so docs/diagnostics.md and the SARIF rules) does not know. This scans engine/src/ and
cli/ for a C++ string literal equal to a code's name and prints each as FILE:LINE; exit 1 if any.
"""
import pathlib
import re
import sys

ROW = re.compile(r'^SCALEPOL_(?:RULE|CODE)\(\w+, "([a-z0-9-]+)"', re.M)
LITERAL = re.compile(r'"([a-z0-9-]+)"')


def main():
    root = pathlib.Path(sys.argv[1])
    codes = set(ROW.findall((root / "engine/include/scalepol/codes.def").read_text(encoding="utf-8")))
    if len(codes) < 50:
        print(f"codes.def: found {len(codes)} codes; the table's format changed?")
        return 1
    hits = []
    for folder in ("engine/src", "cli"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in (".cpp", ".hpp"):
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if line.lstrip().startswith("//"):
                    continue
                for name in LITERAL.findall(line):
                    if name in codes:
                        hits.append(f"{path.relative_to(root)}:{number}: \"{name}\": write Code::... instead")
    for hit in hits:
        print(hit)
    print(f"{len(codes)} codes; {len(hits)} written as strings")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
