#!/usr/bin/env python3
"""The 2 GB case of the bad-input catalogue (test `bad.stream_2gb`, label `slow`): a CSV file of
2 GiB is written at test time (never committed), with malformed values on its second line and on
its last line, past byte 2^31, and streamed through `scalepol run --format jsonl`.

    stream_2gb.py --scalepol BIN --root REPO --work DIR [--size BYTES]

Checks: the exit code (0: the report is produced, and cells that cannot be read are warnings); one
output line per record, in order, the last one the record after the 2 GiB mark; both diagnostics
exactly, with the right line numbers; and the peak memory of scalepol, which must stay flat (under 256 MiB) however
large the file. The file is deleted afterwards.
"""
import argparse
import os
import resource
import subprocess
import sys
import time

ROW = b"Model %010d,1.5e24,2023-05-01,false\n"
HEADER = b"Model,Training compute (FLOP),Publication date,Frontier model\n"
FIRST_BAD = b"First,lots,2023-05-01,false\n"
LAST_BAD = b"Last,3e25,2024-02-30,true\n"
POLICY = "tests/bad/data/policy.policy"
MAX_RSS_KIB = 256 * 1024


def write(path, size):
    rows_per_chunk = 50000
    rows = (size - len(HEADER) - len(FIRST_BAD) - len(LAST_BAD)) // len(ROW % 0) + 1
    with open(path, "wb") as f:
        f.write(HEADER + FIRST_BAD)
        for start in range(0, rows, rows_per_chunk):
            f.write(b"".join(ROW % i for i in range(start, min(rows, start + rows_per_chunk))))
        f.write(LAST_BAD)
    return rows + 2  # records


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scalepol", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--size", type=int, default=2 * 1024**3)
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    path = os.path.join(os.path.abspath(a.work), "stream_2gb.csv")
    started = time.monotonic()
    try:
        records = write(path, a.size)
        size = os.path.getsize(path)
        written = time.monotonic()
        proc = subprocess.Popen([a.scalepol, "run", POLICY, "--models", path, "--format", "jsonl"], cwd=a.root,
                                env=dict(os.environ, NO_COLOR="1"), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        # Count the report's lines as they come, without keeping them.
        lines, last, tail = 0, b"", b""
        while chunk := proc.stdout.read(1 << 20):
            lines += chunk.count(b"\n")
            tail = (tail + chunk)[-4096:]
        err = proc.stderr.read()
        code = proc.wait()
        last = tail.rstrip(b"\n").rsplit(b"\n", 1)[-1]
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    finally:
        if os.path.exists(path):
            os.remove(path)
    done = time.monotonic()

    last_line = records + 1  # the header is line 1
    expected_err = (
        f"{path}:2:7: warning[malformed-value]: cannot read `lots` as a number for field `training_compute` "
        f"(column `Training compute (FLOP)`)\n"
        f"  2 | First,lots,2023-05-01,false\n"
        f"    |       ^^^^\n"
        f"  = note: the value is read as unknown\n"
        f"  = help: write a plain number such as `2.1e25` or `135000000000`, without units or thousands separators\n"
        f"{path}:{last_line}:11: warning[malformed-value]: cannot read `2024-02-30` as a date for field `released` "
        f"(column `Publication date`)\n"
        f"  {last_line} | Last,3e25,2024-02-30,true\n"
        f"  {' ' * len(str(last_line))} |           ^^^^^^^^^^\n"
        f"  = note: February 2024 has 29 days\n"
        f"  = note: the value is read as unknown\n").encode()
    expected_last = (b'{"model":"Last","verdicts":{"gpai_tier":{"value":"systemic_risk","status":"definite"},'
                     b'"recent_frontier":{"value":"unknown","status":"unknown"}}}')

    failures = []
    if code != 0:
        failures.append(f"exit code: expected 0, got {code}")
    if lines != records:
        failures.append(f"report lines: expected {records}, got {lines}")
    if last != expected_last:
        failures.append(f"last report line:\n  expected {expected_last.decode()}\n  got      {last.decode(errors='replace')}")
    if err != expected_err:
        failures.append("stderr differs:\n----- expected -----\n" + expected_err.decode() +
                        "----- actual -------\n" + err.decode(errors="replace")[:5000])
    if rss > MAX_RSS_KIB:
        failures.append(f"peak memory {rss // 1024} MiB, over {MAX_RSS_KIB // 1024} MiB: the file was not streamed")
    print(f"{size} bytes, {records} records: written in {written - started:.1f} s, streamed in "
          f"{done - written:.1f} s, peak memory {rss // 1024} MiB")
    for f in failures:
        print(f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
