#!/usr/bin/env python3
"""Runs one case of the bad-input catalogue (tests/bad/README.md) and compares, byte for byte,
what scalepol printed and how it exited with what the case expects.

    run_case.py --scalepol BIN --root REPO --case tests/bad/CATEGORY/NAME --work DIR

CASE/cmd       the arguments, on one line, split like a shell splits simple words and quotes;
               run from the repository root. `@GEN@` stands for the directory the case's
               generated inputs are written to (under --work).
CASE/gen       (optional) inputs too large to commit, written before the run: one `NAME = EXPR`
               a line, EXPR a Python expression giving the file's bytes (`b'(' * 100000`).
CASE/stdin     (optional) what scalepol reads on standard input (else it reads nothing).
CASE/expected  stdout, then (only when stderr is not empty) a line `--- stderr ---` and stderr,
               with the generated directory written `@GEN@` and the repository root `@ROOT@`.
CASE/exit      the exit code (absent: 0).

A run that takes longer than --timeout seconds fails as a hang. With SCALEPOL_UPDATE_BAD=1 in the
environment the case's `expected` and `exit` are rewritten from the run instead: read the new
output line by line (the code, the line, the column, the caret) before committing it.
"""
import argparse
import difflib
import os
import shlex
import shutil
import subprocess
import sys

MARKER = b"--- stderr ---\n"


def generate(case, gen_dir):
    spec = os.path.join(case, "gen")
    if not os.path.exists(spec):
        return
    shutil.rmtree(gen_dir, ignore_errors=True)
    os.makedirs(gen_dir)
    with open(spec, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, sep, expr = line.partition("=")
            if not sep:
                sys.exit(f"{spec}:{number}: expected `NAME = EXPR`")
            data = eval(expr, {"__builtins__": {"range": range}}, {})  # the case's own committed file
            if not isinstance(data, bytes):
                sys.exit(f"{spec}:{number}: the expression must give bytes")
            with open(os.path.join(gen_dir, name.strip()), "wb") as out:
                out.write(data)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scalepol", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--case", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--timeout", type=float, default=60)
    a = ap.parse_args()

    case = os.path.abspath(a.case)
    name = os.path.relpath(case, os.path.join(a.root, "tests", "bad"))
    gen_dir = os.path.join(os.path.abspath(a.work), name.replace(os.sep, "."))
    generate(case, gen_dir)

    with open(os.path.join(case, "cmd"), encoding="utf-8") as f:
        line = f.readline().strip()  # may be empty: scalepol with no arguments
    args = [w.replace("@GEN@", gen_dir) for w in shlex.split(line)]

    env = dict(os.environ)
    env["NO_COLOR"] = "1"  # no escape codes, whatever terminal ctest runs from
    try:
        stdin_path = os.path.join(case, "stdin")
        stdin = open(stdin_path, "rb") if os.path.exists(stdin_path) else subprocess.DEVNULL
        run = subprocess.run([a.scalepol] + args, cwd=a.root, env=env, stdin=stdin,
                             capture_output=True, timeout=a.timeout)
    except subprocess.TimeoutExpired:
        sys.exit(f"bad {name}: no answer after {a.timeout:g} s (a hang): scalepol {line}")

    actual = run.stdout
    if run.stderr:
        if actual and not actual.endswith(b"\n"):
            actual += b"\n"
        actual += MARKER + run.stderr
    actual = actual.replace(gen_dir.encode(), b"@GEN@")
    actual = actual.replace(os.path.abspath(a.root).encode() + b"/", b"@ROOT@/")
    code = run.returncode if run.returncode >= 0 else 128 - run.returncode

    expected_path = os.path.join(case, "expected")
    exit_path = os.path.join(case, "exit")
    if os.environ.get("SCALEPOL_UPDATE_BAD") == "1":
        with open(expected_path, "wb") as f:
            f.write(actual)
        if code != 0 or os.path.exists(exit_path):
            with open(exit_path, "w") as f:
                f.write(f"{code}\n")
        print(f"bad {name}: updated (exit {code})")
        return 0

    expected = open(expected_path, "rb").read() if os.path.exists(expected_path) else None
    expected_code = int(open(exit_path).read().strip()) if os.path.exists(exit_path) else 0
    failures = []
    if code != expected_code:
        failures.append(f"exit code: expected {expected_code}, got {code}")
    if expected is None:
        failures.append(f"{expected_path} does not exist")
    elif actual != expected:
        diff = difflib.diff_bytes(difflib.unified_diff, expected.splitlines(keepends=True),
                                  actual.splitlines(keepends=True), b"expected", b"actual", n=2)
        text = b"".join(diff).decode("utf-8", "backslashreplace")
        if len(text) > 20000:
            text = text[:20000] + "\n… (diff cut)\n"
        failures.append(f"output differs from {expected_path}:\n{text}")
    if failures:
        print(f"bad {name}: scalepol {line} (in {a.root})")
        for f in failures:
            print(f)
        print(f"(SCALEPOL_UPDATE_BAD=1 ctest -R 'bad\\.{re_escape(name)}$' rewrites the case)")
        return 1
    return 0


def re_escape(name):
    return name.replace(os.sep, "\\.")


if __name__ == "__main__":
    sys.exit(main())
