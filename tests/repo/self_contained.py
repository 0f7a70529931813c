#!/usr/bin/env python3
"""The repository builds and tests with nothing beside it: no test, benchmark or build file may
read a path outside it.

    self_contained.py SOURCE_DIR

Scans the build and test files (tests/, bench/, cmake/, scripts/, .ci/, CMakeLists.txt, Makefile)
for paths that leave the repository: the folder of background notes that sits beside the
repository on the development machines, a path that climbs above the source root (the source
directory's variable followed by a `..` step), and absolute paths under a developer's home or work folders.
Prints each hit as FILE:LINE and exits 1 if there is one. A clone has none of these, so a test that reads one passes only where it was
written; this check fails it everywhere.
"""
import os
import re
import subprocess
import sys

SCANNED = ("tests/", "bench/", "cmake/", "scripts/", ".ci/", "CMakeLists.txt", "Makefile")
# The expected output of a golden or bad-input case is data the program prints, not a path read.
NOT_SCANNED = re.compile(r"^tests/(golden|bad)/.*/(expected|exit)$")
TEXT_SUFFIXES = (".cpp", ".hpp", ".h", ".py", ".cmake", ".txt", ".sh", ".mjs", ".js", ".json", "cmd",
                 "gen", "Makefile", "run", ".policy")

# The names are written in pieces so that this file does not hold the very paths it looks for.
NOTES = "sha" "red"
HOMES = "|".join(("ho" "me", "ro" "ot", "wo" "rk"))
LEAVING = [
    (re.compile(r"\.\./" + NOTES + r"\b|\b" + NOTES + r"/(data|design|domain)\b"),
     "the development machines' folder beside the repository"),
    (re.compile(r"((?<!CURRENT_)SOURCE_DIR|SOURCE_ROOT|source_dir|ROOT|root)\b[^\n]{0,12}?[\"'/]\.\.(/|[\"'])"),
     "a path above the repository's root"),
    (re.compile(r"(?<![\w.})$])/(" + HOMES + ")/"), "an absolute path of one machine"),
]


def tracked_files(root):
    try:
        out = subprocess.run(["git", "-C", root, "ls-files", "-z"], capture_output=True, check=True)
        return [p for p in out.stdout.decode("utf-8", "replace").split("\0") if p]
    except (OSError, subprocess.CalledProcessError):
        files = []
        for top in SCANNED:
            full = os.path.join(root, top)
            if os.path.isfile(full):
                files.append(top)
            for dirpath, _, names in os.walk(full):
                files += [os.path.relpath(os.path.join(dirpath, n), root) for n in names]
        return files


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    root = sys.argv[1]
    hits, scanned = [], 0
    for rel in tracked_files(root):
        if not rel.startswith(SCANNED) or NOT_SCANNED.search(rel) or not rel.endswith(TEXT_SUFFIXES):
            continue
        try:
            with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
                lines = f.readlines()
        except OSError:
            continue
        scanned += 1
        for number, line in enumerate(lines, 1):
            for pattern, what in LEAVING:
                if pattern.search(line):
                    hits.append(f"{rel}:{number}: {what}: {line.strip()[:160]}")
    for hit in hits:
        print(hit)
    print(f"{scanned} build and test files scanned, {len(hits)} path{'s' if len(hits) != 1 else ''} outside the repository")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
