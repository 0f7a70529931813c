#!/usr/bin/env python3
"""The commands the documentation shows, run, and their output compared with what it shows.

    doc_commands.py --scalepol BIN --root REPO [FILE.md ...]

Reads README.md and every Markdown file under docs/ (or the FILEs given, relative to REPO) and
checks two kinds of fenced code block:

Shown commands. A block whose first line starts with `$ ` is a command with its output:

    ```
    $ scalepol check stdlib/regulations/eu_ai_act.policy
    …output lines…
    ```

  The command is run from REPO with `scalepol` (or `build/scalepol`) replaced by BIN; its stdout,
  then its stderr, must equal the lines under it. A line that is just `…` matches any run of zero
  or more lines; every other line must match exactly, trailing blanks aside. The command line is
  split like a shell splits words and quotes (a line ending in `\\` continues on the next one),
  but no shell runs it: pipes, redirections and variables are refused. A block may hold several
  `$ ` commands, each followed by its own output. The environment is fixed: NO_COLOR=1,
  SCALEPOL_PROGRESS=never, COLUMNS=100, LC_ALL=C.UTF-8. An output that contains today's date
  fails: the command needs `--as-of`.

File excerpts. A block preceded by `<!-- docs-test: file PATH -->` must equal the file PATH
  (relative to REPO) line for line, with the same `…` elision.

Markers are HTML comments (invisible on a rendered page) on the lines right above the fence, one
directive each:

  <!-- docs-test: exit N -->         the command exits N (default: 0); `exit any` accepts any
                                     code (in a block of several commands: every command)
  <!-- docs-test: file PATH -->      the block is an excerpt of PATH
  <!-- docs-test: skip (REASON) -->  the block is not checked, for REASON (reported)

A marker that is not right above a fence, an unknown directive or a skip without a reason is an
error. A block that only names a command (```sh, or a first line starting with `scalepol`)
without `$ ` shows no output: it is not run, but the summary lists it.

One line per block checked, then the lists of skipped and not-run blocks, then a last line
`N passed, M failed, K skipped`. A failure prints FILE:LINE, the exit codes and a unified diff
of the expected text (`…` filled in with the lines it could stand for) against the real one.
Exit 1 on any failure or error in the markers.
"""
import argparse
import datetime
import difflib
import os
import re
import shlex
import subprocess
import sys

ELLIPSIS = "…"
FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")
MARKER = re.compile(r"^\s*<!--\s*docs-test:\s*(.*?)\s*-->\s*$")
MARKER_LOOSE = re.compile(r"<!--\s*docs-test")
BINARIES = ("scalepol", "build/scalepol", "./build/scalepol")
SHELL_CHARS = re.compile(r"[|&;<>`$*]")
COMMAND_INFO = ("sh", "shell", "bash", "console", "shell-session")
TIMEOUT = 300


class Block:
    def __init__(self, path, line, info, lines, markers):
        self.path = path          # relative to the root
        self.line = line          # 1-based line of the opening fence
        self.info = info          # the info string (```sh → "sh")
        self.lines = lines        # the content, without the fences
        self.markers = markers    # [(line, directive text)]

    def where(self, offset=0):
        # The content starts on the line after the fence.
        return f"{self.path}:{self.line + 1 + offset}"


class MarkerError(Exception):
    pass


def read_blocks(root, rel):
    """The fenced blocks of one Markdown file, each with the markers right above it."""
    with open(os.path.join(root, rel), encoding="utf-8") as f:
        text = f.read().split("\n")
    blocks, errors = [], []
    pending = []  # markers seen on the lines right above the current line
    i = 0
    while i < len(text):
        line = text[i]
        m = MARKER.match(line)
        if m:
            pending.append((i + 1, m.group(1)))
            i += 1
            continue
        if MARKER_LOOSE.search(line):
            errors.append(f"{rel}:{i + 1}: a `docs-test:` marker must be a line of its own: "
                          f"<!-- docs-test: DIRECTIVE -->")
        fence = FENCE.match(line)
        if fence:
            indent, mark, info = len(fence.group(1)), fence.group(2), fence.group(3).strip()
            close = re.compile(r"^ {0,3}" + re.escape(mark[0]) + "{" + str(len(mark)) + r",}\s*$")
            j = i + 1
            while j < len(text) and not close.match(text[j]):
                j += 1
            content = [l[indent:] if l[:indent].strip() == "" else l.lstrip()
                       for l in text[i + 1:j]]
            blocks.append(Block(rel, i + 1, info.split()[0] if info else "", content, pending))
            pending = []
            i = j + 1
            continue
        for number, directive in pending:
            errors.append(f"{rel}:{number}: marker `{directive}` is not right above a code fence")
        pending = []
        i += 1
    for number, directive in pending:
        errors.append(f"{rel}:{number}: marker `{directive}` is not right above a code fence")
    return blocks, errors


def parse_markers(block):
    """{'skip': reason, 'file': path, 'exit': int or 'any'} from the block's markers."""
    out = {}
    for number, directive in block.markers:
        where = f"{block.path}:{number}"
        word, _, rest = directive.partition(" ")
        rest = rest.strip()
        if word in out:
            raise MarkerError(f"{where}: `{word}` given twice for one block")
        if word == "skip":
            reason = rest[1:-1].strip() if rest.startswith("(") and rest.endswith(")") else rest
            if not reason:
                raise MarkerError(f"{where}: `skip` needs a reason: <!-- docs-test: skip (why) -->")
            out["skip"] = reason
        elif word == "file":
            if not rest:
                raise MarkerError(f"{where}: `file` needs a path: <!-- docs-test: file PATH -->")
            out["file"] = rest
        elif word == "exit":
            if rest == "any":
                out["exit"] = "any"
            elif re.fullmatch(r"\d+", rest):
                out["exit"] = int(rest)
            else:
                raise MarkerError(f"{where}: `exit` takes a number or `any`, not `{rest}`")
        else:
            raise MarkerError(f"{where}: unknown directive `{word}` (skip, file or exit)")
    is_command = bool(block.lines) and block.lines[0].startswith("$ ")
    if "file" in out and is_command:
        raise MarkerError(f"{block.where(-1)}: a `file` block cannot also be a `$ ` command")
    if "exit" in out and not is_command:
        raise MarkerError(f"{block.where(-1)}: `exit` is for a block of `$ ` commands")
    if "skip" in out and not is_command and "file" not in out:
        raise MarkerError(f"{block.where(-1)}: `skip` on a block that would not be checked anyway")
    return out


def is_ellipsis(line):
    return line.strip() == ELLIPSIS


def normalise(text):
    lines = [l.rstrip(" \t") for l in text.split("\n")]
    if lines and lines[-1] == "":
        lines.pop()  # the final newline
    return lines


def matches(expected, actual):
    """Whether `expected` (with `…` lines matching any run of lines) matches `actual` whole."""
    n, m = len(expected), len(actual)
    nxt = [False] * m + [True]  # row n: the empty pattern matches only the empty rest
    for i in range(n - 1, -1, -1):
        row = [False] * (m + 1)
        if is_ellipsis(expected[i]):
            row[m] = nxt[m]
            for j in range(m - 1, -1, -1):
                row[j] = nxt[j] or row[j + 1]
        else:
            for j in range(m - 1, -1, -1):
                row[j] = expected[i] == actual[j] and nxt[j + 1]
        nxt = row
    return nxt[0]


def change_cost(old, new):
    """The cost of pairing a line of the doc with a different line of the output: under 1 (the
    cost of a missing line) only for lines alike enough to be read as one line changed."""
    if old == new:
        return 0.0
    a, b = " ".join(old.split()), " ".join(new.split())
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if sm.real_quick_ratio() < 0.5 or sm.quick_ratio() < 0.5:
        return 2.0
    return 2.0 * (1.0 - sm.ratio())


def resolved(expected, actual):
    """The expected lines with each `…` replaced by the actual lines it most likely stands for,
    so that a diff shows only the real differences: the alignment of least cost, where a `…`
    takes any lines for free, a missing or extra line costs 1 and a changed line less the more
    alike the two are (so a changed line is paired with its new version, not elided)."""
    n, m = len(expected), len(actual)
    cache = {}

    def change(i, j):
        key = (i, j)
        if key not in cache:
            cache[key] = change_cost(expected[i], actual[j])
        return cache[key]

    cost = [[0.0] * (m + 1) for _ in range(n + 1)]
    for j in range(m + 1):
        cost[n][j] = float(m - j)
    for i in range(n - 1, -1, -1):
        row, below = cost[i], cost[i + 1]
        if is_ellipsis(expected[i]):
            row[m] = below[m]
            for j in range(m - 1, -1, -1):
                row[j] = min(below[j], row[j + 1])
        else:
            row[m] = 1 + below[m]
            for j in range(m - 1, -1, -1):
                row[j] = min(change(i, j) + below[j + 1], 1 + below[j], 1 + row[j + 1])
    same = lambda x, y: abs(x - y) < 1e-9
    out, i, j = [], 0, 0
    while i < n:
        here = cost[i][j]
        if is_ellipsis(expected[i]):
            if j < m and same(cost[i][j + 1], here):
                out.append(actual[j])
                j += 1
            else:
                i += 1
        elif j < m and same(change(i, j) + cost[i + 1][j + 1], here):
            out.append(expected[i])  # the same line, or a changed one: the diff pairs them
            i, j = i + 1, j + 1
        elif same(1 + cost[i + 1][j], here):
            out.append(expected[i])  # a line the output lacks
            i += 1
        else:
            j += 1  # a line the output has and the doc does not
    return out


def diff(expected, actual, label):
    lines = difflib.unified_diff(resolved(expected, actual), actual,
                                 f"{label} (expected)", f"{label} (actual)", lineterm="")
    return "\n".join(lines)


def split_commands(block):
    """[(offset of the `$ ` line in the block, command text, expected output lines)]."""
    commands = []
    lines = block.lines
    k = 0
    while k < len(lines):
        if not lines[k].startswith("$ "):
            raise MarkerError(f"{block.where(k)}: expected a `$ ` command line")
        start = k
        cmd = lines[k][2:]
        while cmd.endswith("\\") and k + 1 < len(lines):
            k += 1
            cmd = cmd[:-1] + " " + lines[k].strip()
        k += 1
        out_start = k
        while k < len(lines) and not lines[k].startswith("$ "):
            k += 1
        commands.append((start, cmd.strip(), [l.rstrip(" \t") for l in lines[out_start:k]]))
    return commands


def run_command(scalepol, root, cmd):
    """(exit code, stdout then stderr) or MarkerError when the command cannot be run as shown."""
    try:
        argv = shlex.split(cmd)
    except ValueError as e:
        raise MarkerError(f"cannot split the command: {e}")
    if not argv or argv[0] not in BINARIES:
        raise MarkerError(f"only scalepol commands are run, not `{argv[0] if argv else ''}`")
    if any(SHELL_CHARS.search(a) for a in shlex.split(cmd, posix=False)
           if not (a[:1] in "'\"" and a[-1:] == a[:1])):
        raise MarkerError("no shell runs the command: pipes, redirections, `;`, `&&` and "
                          "variables cannot be used")
    env = dict(os.environ)
    env.update({"NO_COLOR": "1", "SCALEPOL_PROGRESS": "never", "COLUMNS": "100",
                "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"})
    p = subprocess.run([scalepol] + argv[1:], cwd=root, env=env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    if out and not out.endswith("\n") and err:
        out += "\n"
    return p.returncode, out + err


def check_command_block(block, markers, scalepol, root):
    """A list of failure messages (empty: passed)."""
    failures = []
    want_exit = markers.get("exit", 0)
    today = {datetime.date.today().isoformat(),
             datetime.datetime.now(datetime.timezone.utc).date().isoformat()}
    for offset, cmd, expected in split_commands(block):
        where = block.where(offset)
        try:
            code, text = run_command(scalepol, root, cmd)
        except MarkerError as e:
            failures.append(f"{where}: {e}")
            continue
        except subprocess.TimeoutExpired:
            failures.append(f"{where}: `{cmd}` took over {TIMEOUT} s")
            continue
        actual = normalise(text)
        problems = []
        if want_exit != "any" and code != want_exit:
            problems.append(f"exit code {code}, the doc expects {want_exit}"
                            + ("" if "exit" in markers else
                               " (mark another with <!-- docs-test: exit N --> above the fence)"))
        if not matches(expected, actual):
            problems.append("output differs:\n" + diff(expected, actual, where))
        dated = sorted(d for d in today if d in text and "--as-of" not in cmd)
        if dated:
            problems.append(f"the output holds today's date ({dated[0]}): pass --as-of")
        if problems:
            failures.append(f"{where}: $ {cmd}\n" + "\n".join("  " + p if not p.startswith(
                "output") else p for p in problems))
    return failures


def check_file_block(block, path, root):
    full = os.path.join(root, path)
    if not os.path.isfile(full):
        return [f"{block.where(-1)}: the block is marked as an excerpt of `{path}`, which does "
                f"not exist"]
    with open(full, encoding="utf-8") as f:
        actual = normalise(f.read())
    expected = [l.rstrip(" \t") for l in block.lines]
    if matches(expected, actual):
        return []
    return [f"{block.where(-1)}: the block differs from {path}:\n"
            + diff(expected, actual, path)]


def names_a_command(block):
    first = block.lines[0].strip() if block.lines else ""
    return block.info in COMMAND_INFO or first.split(" ")[0] in BINARIES


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scalepol", required=True, help="the binary under test")
    ap.add_argument("--root", required=True, help="the repository root")
    ap.add_argument("files", nargs="*", help="Markdown files, relative to the root "
                    "(default: README.md and docs/**/*.md)")
    a = ap.parse_args()
    root = os.path.abspath(a.root)
    scalepol = os.path.abspath(a.scalepol)
    files = a.files or ["README.md"] + sorted(
        os.path.relpath(os.path.join(d, f), root)
        for d, _, names in os.walk(os.path.join(root, "docs")) for f in names if f.endswith(".md"))

    passed, failed, skipped, not_run, errors = 0, 0, [], [], []
    for rel in files:
        blocks, marker_errors = read_blocks(root, rel)
        errors.extend(marker_errors)
        for block in blocks:
            try:
                markers = parse_markers(block)
            except MarkerError as e:
                errors.append(str(e))
                continue
            is_command = bool(block.lines) and block.lines[0].startswith("$ ")
            first = block.lines[0] if block.lines else ""
            if "skip" in markers:
                skipped.append((block, markers["skip"]))
                print(f"SKIP {block.where(-1)}  {first}  ({markers['skip']})")
                continue
            if is_command:
                try:
                    failures = check_command_block(block, markers, scalepol, root)
                except MarkerError as e:
                    failures = [str(e)]
                label = first
            elif "file" in markers:
                failures = check_file_block(block, markers["file"], root)
                label = f"= {markers['file']}"
            else:
                if names_a_command(block):
                    not_run.append(block)
                continue
            if failures:
                failed += 1
                print(f"FAIL {block.where(-1)}  {label}")
                for f in failures:
                    print("\n".join("     " + l for l in f.split("\n")))
            else:
                passed += 1
                print(f"PASS {block.where(-1)}  {label}")

    if skipped:
        print(f"\nskipped ({len(skipped)}):")
        for block, reason in skipped:
            print(f"  {block.where(-1)}: {reason}")
    if not_run:
        print(f"\nnot run: blocks that name a command without `$ ` (no output shown) "
              f"({len(not_run)}):")
        for block in not_run:
            first = block.lines[0].strip() if block.lines else ""
            print(f"  {block.where(-1)}: {first}")
    if errors:
        print(f"\nerrors in the markers or blocks ({len(errors)}):")
        for e in errors:
            print(f"  {e}")
        failed += len(errors)
    print(f"\n{passed} passed, {failed} failed, {len(skipped)} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
