#!/usr/bin/env python3
"""Determinism of the command line: each command below is run twice (and once more under another
locale), and what it prints on stdout and stderr and its exit code must be byte-identical.

    cli_runs.py --scalepol BIN --root REPO

Exits 1 naming each command whose runs differ.
"""
import argparse
import os
import subprocess
import sys

EU = "stdlib/regulations/eu_ai_act.policy"
EPOCH = "examples/data/epoch_notable_ai_models_2025-05.csv"
RSP = "examples/policies/anthropic_rsp_v1_readings.policy"
LINEAGE = "examples/data/rsp_lineage.jsonl"
BAD = "tests/bad/data/policy.policy"
DAMAGED = "tests/bad/data/csv_quoted_newlines/models.csv"

COMMANDS = [
    ["run", EU, "--models", EPOCH],
    ["run", EU, "--models", EPOCH, "--format", "json", "--as-of", "2025-06-01"],
    ["run", EU, "--models", EPOCH, "--format", "json", "--confidence-ranges"],
    ["run", RSP, "--models", LINEAGE, "--format", "json", "--as-of", "2024-12-01"],
    ["run", EU, "--models", EPOCH, "--format", "html", "--confidence-ranges"],
    ["run", RSP, "--models", LINEAGE, "--format", "html", "--as-of", "2024-12-01"],
    ["run", BAD, "--models", DAMAGED, "--format", "json"],
    ["explain", EU, "--models", EPOCH, "--model", "GPT-4", "--format", "json"],
    ["explain", RSP, "--models", LINEAGE, "--model", "Lab-2"],
    ["check", "--format", "json", EU, RSP, "examples/policies/anthropic_rsp_v1.policy",
     "examples/policies/openai_preparedness_beta.policy", "examples/policies/gdm_fsf_v1.policy"],
    ["check", "--format", "sarif", "examples/policies/anthropic_rsp_v1.policy",
     "tests/bad/policy/record_wrong_types/input.policy"],
    ["check", "tests/bad/policy/definition_cycle/input.policy", "tests/bad/policy/import_cycle/a.policy"],
    ["test", "--format", "json", EU, RSP],
]


def run(binary, root, args, locale):
    env = dict(os.environ, NO_COLOR="1", LC_ALL=locale)
    r = subprocess.run([binary] + args, cwd=root, env=env, capture_output=True, timeout=300)
    return r.returncode, r.stdout, r.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scalepol", required=True)
    ap.add_argument("--root", required=True)
    a = ap.parse_args()
    failed = 0
    for args in COMMANDS:
        first = run(a.scalepol, a.root, args, "C")
        if first[0] not in (0, 1, 2) or not (first[1] or first[2]):
            print(f"scalepol {' '.join(args)}: exit {first[0]}, nothing printed\n"
                  f"{first[2].decode(errors='replace')[:2000]}")
            failed += 1
            continue
        for locale in ("C", "C.UTF-8"):
            again = run(a.scalepol, a.root, args, locale)
            if again != first:
                what = [n for n, x, y in zip(("exit code", "stdout", "stderr"), first, again) if x != y]
                print(f"scalepol {' '.join(args)}: a second run (LC_ALL={locale}) differs in {', '.join(what)}")
                failed += 1
    print(f"{len(COMMANDS)} commands, {failed} not deterministic")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
