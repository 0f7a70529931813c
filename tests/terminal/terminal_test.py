#!/usr/bin/env python3
"""Terminal manners (docs/cli.md): colour only on a terminal and never with NO_COLOR, the progress
line only where it belongs, and a `--help` with an example for every command.

    terminal_test.py --scalepol BIN --root REPO

A pseudo-terminal (Python's pty module) stands in for a terminal, so the test does not depend on
where ctest runs.
"""
import argparse
import os
import pty
import re
import subprocess
import sys

ESC = b"\x1b["
failures = []


def expect(condition, what):
    if not condition:
        failures.append(what)


def run(args, env_extra=None, stderr_tty=False, stdout_tty=False):
    """Runs scalepol; returns (exit code, stdout bytes, stderr bytes)."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "SCALEPOL_PROGRESS")}
    env.update(env_extra or {})
    ptys = []
    out_fd = err_fd = subprocess.PIPE
    if stdout_tty:
        master, slave = pty.openpty()
        ptys.append(("out", master, slave))
        out_fd = slave
    if stderr_tty:
        master, slave = pty.openpty()
        ptys.append(("err", master, slave))
        err_fd = slave
    p = subprocess.Popen([A.scalepol] + args, cwd=A.root, env=env, stdin=subprocess.DEVNULL,
                         stdout=out_fd, stderr=err_fd)
    for _, _, slave in ptys:
        os.close(slave)
    got = {"out": b"", "err": b""}
    for name, master, _ in ptys:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the other side closed
                break
            if not chunk:
                break
            got[name] += chunk
        os.close(master)
    out, err = p.communicate(timeout=120)
    return p.wait(), out if out is not None else got["out"], err if err is not None else got["err"]


def colour():
    # A policy with a warning, so `check` prints a coloured severity on a terminal.
    args = ["check", "tests/golden/unit_mismatch/input.policy"]
    _, _, err = run(args, stderr_tty=True)
    expect(ESC in err, "colour: no escape codes on a terminal")
    _, _, err = run(args, {"NO_COLOR": "1"}, stderr_tty=True)
    expect(ESC not in err, "colour: escape codes on a terminal despite NO_COLOR")
    _, _, err = run(args)
    expect(ESC not in err, "colour: escape codes in a pipe")
    _, _, err = run(args + ["--color", "always"])
    expect(ESC in err, "colour: --color always gave no escape codes")
    _, _, err = run(args + ["--color", "never"], stderr_tty=True)
    expect(ESC not in err, "colour: --color never gave escape codes")


def progress():
    args = ["run", "stdlib/regulations/eu_ai_act.policy", "--models",
            "examples/data/epoch_notable_ai_models_2025-05.csv"]
    code, plain_out, plain_err = run(args)
    expect(code in (0, 2), f"progress: the run exited {code}")
    expect(b"scalepol: " not in plain_err, "progress: a progress line in a pipe without SCALEPOL_PROGRESS")
    code, out, err = run(args, {"SCALEPOL_PROGRESS": "always"})
    expect(out == plain_out, "progress: the report changed when a progress line was shown")
    expect(re.search(rb"\r\x1b\[Kscalepol: eu_ai_act\.policy over epoch_notable_ai_models_2025-05\.csv"
                     rb"(: [a-z ]+)?(, [0-9,]+ records?)? \([0-9]+\.[0-9] s\)", err) is not None,
           f"progress: no progress line with SCALEPOL_PROGRESS=always: {err[:300]!r}")
    # Erased before anything else is printed: the line's last write is the erase sequence,
    # followed only by the diagnostics a plain run prints too.
    expect(err.endswith(b"\r\x1b[K" + plain_err), "progress: the line was not erased before the diagnostics")
    _, _, err = run(args, {"SCALEPOL_PROGRESS": "never"}, stderr_tty=True)
    expect(b"scalepol: eu_ai_act" not in err, "progress: a progress line with SCALEPOL_PROGRESS=never")
    # Streaming counts the records as it goes.
    code, out, err = run(args + ["--format", "jsonl"], {"SCALEPOL_PROGRESS": "always"})
    _, plain_jsonl, _ = run(args + ["--format", "jsonl"])
    expect(out == plain_jsonl, "progress: the JSON Lines changed when a progress line was shown")


def help_examples():
    code, out, _ = run(["--help"])
    expect(code == 0, "help: `scalepol --help` failed")
    # The command list: two-space indented words after the "Subcommands:" heading.
    section = out.decode().split("Subcommands:", 1)[-1]
    commands = re.findall(r"^  ([a-z]+) ", section, re.M)
    expect(len(commands) >= 5, f"help: found only {commands} in `scalepol --help`")
    for command in commands:
        code, out, _ = run([command, "--help"])
        text = out.decode()
        expect(code == 0, f"help: `scalepol {command} --help` exited {code}")
        expect(re.search(r"^Examples?:\n  (\S.*\n  )*.*scalepol " + command, text, re.M) is not None,
               f"help: `scalepol {command} --help` shows no example of `scalepol {command}`")


def main():
    global A
    ap = argparse.ArgumentParser()
    ap.add_argument("--scalepol", required=True)
    ap.add_argument("--root", required=True)
    A = ap.parse_args()
    A.scalepol = os.path.abspath(A.scalepol)
    colour()
    progress()
    help_examples()
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print("terminal manners: ok")


if __name__ == "__main__":
    main()
