#!/usr/bin/env python3
"""Derive examples/data/epoch_lineage_2025-05.csv from Epoch AI's "Notable AI Models" export.

Epoch AI's data records no safety assessments, so the lab frameworks' cadence clauses ("every
3 months", "every 6 months" since the last assessed model) cannot be evaluated on it as it is.
This script adds one column, `last_assessment`, and fills it with the model's `Base model`: a
fine-tune's base was released, and so (under the frameworks) evaluated, before the fine-tune.
That is an assumption made for the examples — not a fact from Epoch AI and not a sentence of any
framework — and the only change: the other columns are copied unchanged (a subset of them).

Credit: Epoch AI, "Notable AI Models", https://epoch.ai/data/notable-ai-models (CC BY).

Usage: make_epoch_lineage.py [SOURCE.csv] [OUT.csv]   (defaults: the files beside this script)
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = ["Model", "Organization", "Publication date", "Domain", "Training compute (FLOP)",
           "Confidence", "Base model", "Finetune compute (FLOP)", "Model accessibility"]


def main(argv):
    source = argv[1] if len(argv) > 1 else os.path.join(HERE, "epoch_notable_ai_models_2025-05.csv")
    out = argv[2] if len(argv) > 2 else os.path.join(HERE, "epoch_lineage_2025-05.csv")
    with open(source, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with open(out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(COLUMNS + ["last_assessment"])
        for row in rows:
            writer.writerow([row.get(c, "") for c in COLUMNS] + [row.get("Base model", "")])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
