#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora from the repository's own files (nothing is committed
twice): tests/fuzz/make_seeds.py OUT_DIR  ->  OUT_DIR/{policy,csv,json}/.

policy: examples/policies, stdlib, and the policies of tests/golden, tests/bad and tests/sarif.
csv:    slices of Epoch AI's export (examples/data), whole and cut down to std.model's columns,
        and the small CSV files of tests/bad/data.
json:   examples/data/rsp_lineage.jsonl, the same Epoch slices as JSON arrays and JSON Lines,
        and the small JSON / JSON Lines files of tests/bad/data.
Both also get a long table: Epoch AI's benchmark runs of tests/golden/data_long_table.
Files over MAX_BYTES are left out (the targets are for small inputs; tests/bad covers huge ones).

A data seed is written once per choice of the records targets (records_common.hpp, `Choice`):
the data plus one last byte, 0-3 for JSON (policy, JSON array or JSON Lines), 0-1 for CSV, and 4
(JSON: 4 and 6) for the long-table policy.
"""
import csv
import io
import json
import pathlib
import sys

MAX_BYTES = 16 * 1024
ROOT = pathlib.Path(__file__).resolve().parents[2]


def small_files(patterns):
    for pattern in patterns:
        for p in sorted(ROOT.glob(pattern)):
            if p.is_file() and p.stat().st_size <= MAX_BYTES:
                yield p


# The last byte's values (records_common.hpp, Choice): bit 0 the policy, bit 1 JSON Lines, bit 2
# the long-table policy.
CHOICES = {"policy": None, "csv": [0, 1, 4], "json": [0, 1, 2, 3, 4, 6]}


def write(dir_, name, data):
    if isinstance(data, str):
        data = data.encode()
    if len(data) > MAX_BYTES:
        return
    choices = CHOICES[dir_.name]
    if choices is None:
        (dir_ / name).write_bytes(data)
        return
    for choice in choices:
        (dir_ / f"{name}.choice{choice}").write_bytes(data + bytes([choice]))


def main():
    out = pathlib.Path(sys.argv[1])
    dirs = {k: out / k for k in ("policy", "csv", "json")}
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)

    for p in small_files(["examples/policies/*.policy", "stdlib/**/*.policy", "tests/golden/**/*.policy",
                          "tests/bad/policy/**/*.policy", "tests/sarif/*.policy", "tests/bad/data/policy.policy"]):
        write(dirs["policy"], "_".join(p.relative_to(ROOT).parts), p.read_bytes())

    for p in small_files(["tests/bad/data/**/*.csv"]):
        write(dirs["csv"], "_".join(p.relative_to(ROOT).parts), p.read_bytes())
    for p in small_files(["tests/bad/data/**/*.json", "tests/bad/data/**/*.jsonl", "examples/data/*.jsonl"]):
        write(dirs["json"], "_".join(p.relative_to(ROOT).parts), p.read_bytes())

    epoch = ROOT / "examples/data/epoch_notable_ai_models_2025-05.csv"
    with open(epoch, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    keep = ["Model", "Organization", "Publication date", "Domain", "Parameters", "Training compute (FLOP)",
            "Confidence", "Base model", "Finetune compute (FLOP)", "Model accessibility", "Frontier model",
            "Training time (hours)", "Hardware quantity", "Training compute cost (2023 USD)"]
    idx = [header.index(c) for c in keep if c in header]
    # Slices spread over the file: rows with and without compute, base models, accessibility.
    for start in range(0, len(body), max(1, len(body) // 12)):
        chunk = body[start:start + 6]
        s = io.StringIO()
        w = csv.writer(s, lineterminator="\r\n" if start % 2 else "\n")
        w.writerow([header[i] for i in idx])
        for r in chunk:
            w.writerow([r[i] if i < len(r) else "" for i in idx])
        write(dirs["csv"], f"epoch_cols_{start}.csv", s.getvalue())
        s = io.StringIO()
        csv.writer(s, lineterminator="\n").writerows([header] + chunk[:3])
        write(dirs["csv"], f"epoch_full_{start}.csv", s.getvalue())
        objs = [{header[i]: r[i] for i in idx if i < len(r) and r[i] != ""} for r in chunk]
        write(dirs["json"], f"epoch_{start}.json", json.dumps(objs, indent=1))
        write(dirs["json"], f"epoch_{start}.jsonl", "".join(json.dumps(o) + "\n" for o in objs))
    # A long table: Epoch AI's benchmark runs, one row per model and task (tests/golden/data_long_table).
    runs = ROOT / "tests/golden/data_long_table/models.csv"
    write(dirs["csv"], "long_table.csv", runs.read_bytes())
    with open(runs, newline="", encoding="utf-8") as f:
        run_rows = list(csv.DictReader(f))
    write(dirs["json"], "long_table.json", json.dumps(run_rows, indent=1))
    write(dirs["json"], "long_table.jsonl", "".join(json.dumps(r) + "\n" for r in run_rows))
    # Ranges and lineage, in std.model's own field names.
    write(dirs["json"], "ranges.jsonl",
          '{"model": "a", "training_compute": {"low": 1e24, "high": 1e26}, "released": "2024-05-01"}\n'
          '{"model": "b", "training_compute": 3e25, "base_model": "a", "finetune_compute": 1e23}\n'
          '{"model": "c", "last_assessment": "b", "training_compute": 1.2e26, "frontier_model": true}\n')
    write(dirs["csv"], "ranges.csv",
          "Model,Training compute (FLOP),Training compute lower bound,Training compute upper bound,Publication date,Base model,last_assessment\n"
          "a,1e25,1e24,1e26,2024-05-01,,\n"
          "b,3e25,,,2024-07-01,a,a\n"
          "c,,,,,b,b\n")


if __name__ == "__main__":
    main()
