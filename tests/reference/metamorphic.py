#!/usr/bin/env python3
"""Metamorphic tests of scalepol: relations between runs that must hold whatever the right answer
is, so they need no reference. For each generated policy and its records (generate.py), scalepol
runs over the records as they are and over changed copies:

  widen     every range made wider (a value with no range gets one around it; the point stays):
            a verdict definite on the wider records is the same on the narrower ones (widening
            never turns a definite verdict into another definite value)
  narrow    every range made narrower, or dropped for its value: a verdict definite on the
            records as they are stays so (narrowing never turns definite into possible)
            both also: where neither run says `unknown`, the value (at the point estimate, which
            neither change moves) is the same; an obligation not listed on the wider records is
            not listed on the narrower ones
  shuffle   the rows reordered and every model renamed (references renamed with them): the same
            verdicts per model, in the new order
  restate   every threshold and tier bound of the policy restated in another unit of its
            dimension, where the number and the unit's multiple are both binary64 values
            (`3640 petaflop_s_day` for `3.14496e23 FLOP`, `48 hours` for `2 days`): the same
            verdicts

    metamorphic.py --scalepol BIN --root REPO [--work DIR] [--policies N] [--records M]
                   [--seed S] [--jobs J] [--relations widen,narrow,shuffle,restate]

Exit 0 when every relation holds, 1 otherwise; violations are printed with the policy and both
versions of the record, and kept under WORK/metamorphic/. See README.md.
"""
import argparse
import collections
import concurrent.futures
import copy
import json
import math
import os
import random
import shutil
import sys
import tempfile
import time
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # nothing written into the source tree

import differential  # noqa: E402
import engine  # noqa: E402
import generate  # noqa: E402
import units  # noqa: E402

RELATIONS = ("widen", "narrow", "shuffle", "restate")
NONNEGATIVE = {"compute", "params", "money", "score", "duration", "number"}


# ----------------------------------------------------------------------------------------------
# Changes to records

def numeric_fields(p):
    return {f["name"]: f for f in p["fields"] if f["dim"] in generate.DIMENSIONS}


def widen(p, records, rng):
    fields = numeric_fields(p)
    out = []
    for r in records:
        r = dict(r)
        for name, f in fields.items():
            cell = r.get(name)
            if cell is None or rng.random() < 0.3:
                continue
            if isinstance(cell, dict):
                if "value" not in cell:
                    continue  # the point is the middle of the bounds: widening would move it
                v = cell["value"]
                lo, hi = cell.get("low", v), cell.get("high", v)
            else:
                v = lo = hi = cell
            k = rng.choice([1.0000001, 1.5, 2.0, 10.0, 1000.0])
            lo2 = lo / k if lo > 0 else lo - abs(v) * (k - 1) - 1
            hi2 = hi * k if hi > 0 else hi + abs(v) * (k - 1) + 1
            if f["dim"] == "score":
                lo2, hi2 = max(0.0, min(lo, lo - rng.uniform(0, 30))), min(100.0, max(hi, hi + rng.uniform(0, 30)))
            if f["dim"] in NONNEGATIVE:
                lo2 = max(lo2, 0.0)
            r[name] = {"value": v, "low": min(lo2, lo), "high": max(hi2, hi)}
        out.append(r)
    return out


def narrow(p, records, rng):
    fields = numeric_fields(p)
    out = []
    for r in records:
        r = dict(r)
        for name in fields:
            cell = r.get(name)
            if not isinstance(cell, dict) or "value" not in cell:
                continue
            v = cell["value"]
            lo, hi = cell.get("low", v), cell.get("high", v)
            c = rng.random()
            if c < 0.4:
                r[name] = v
            elif c < 0.6:
                r[name] = {"value": v, "low": v, "high": v}
            else:
                lo2 = v - (v - lo) / 2
                hi2 = v + (hi - v) / 2
                r[name] = {"value": v, "low": min(max(lo2, lo), v), "high": max(min(hi2, hi), v)}
        out.append(r)
    return out


def shuffle_rename(p, records, rng):
    names = {r["model"]: "Renamed model %d, ç (%s)" % (i, rng.choice(["v2", "β", "x"])) for i, r in enumerate(records)}
    refs = [r["field"] for r in p["references"]]
    out = []
    for r in records:
        r = dict(r)
        r["model"] = names[r["model"]]
        for f in refs:
            if r.get(f) in names:
                r[f] = names[r[f]]
        out.append(r)
    rng.shuffle(out)
    return out, names


# ----------------------------------------------------------------------------------------------
# Restating thresholds in other units

def decimal_units(p):
    """Every unit the restated policy may use, with its dimension and exact decimal size, and
    whether that size is a binary64 value (so that the engine holds it exactly)."""
    table = {name: (dim, size) for name, (dim, size) in units.BUILTIN.items()}
    declared = [tuple(u) for u in units.STD_UNITS] + [u for d in generate.DECLARED.values() for u in d] + \
        [tuple(u) for u in p["units"]]
    pending = declared
    while pending:
        rest = []
        for name, mult, of in pending:
            if of in table:
                table.setdefault(name, (table[of][0], Fraction(mult) * table[of][1]))
            else:
                rest.append((name, mult, of))
        if len(rest) == len(pending):
            break
        pending = rest
    return table


def exact_binary64(q):
    return Fraction(float(q)) == q


def restate(p, rng):
    """The program with its quantity literals restated in other units, where that is exact; and
    how many were restated."""
    q = copy.deepcopy(p)
    table = decimal_units(q)
    needed = set()
    count = 0
    skip = {"FLOPs", "FLOPS", "FLOP/s", "OP/s", "operations_per_second"}

    def visit(e):
        nonlocal count
        if not isinstance(e, list) or not e:
            return
        if e[0] == "num" and e[2] is not None and e[2] in table and e[2] != "%":
            dim, size = table[e[2]]
            t = Fraction(e[1])
            if exact_binary64(size) and (exact_binary64(t) or size == 1):
                value = t * size
                options = []
                for u, (d, s) in table.items():
                    if d != dim or u == e[2] or u in skip or not exact_binary64(s):
                        continue
                    n = value / s
                    if exact_binary64(n) and n != 0:
                        options.append((u, n))
                if options:
                    u, n = rng.choice(options)
                    e[1], e[2] = generate.num_text(float(n)), u
                    if u not in units.BUILTIN:
                        needed.add(u)
                    count += 1
            return
        for x in e[1:]:
            if isinstance(x, list):
                visit(x)

    for d in q["defines"]:
        visit(d["expr"])
    for l in q["ladders"]:
        visit(l["by"])
        for t in l["tiers"]:
            for b in (t["lower"], t["upper"]):
                if b:
                    visit(b[1])
    for x in q["escalations"] + q["triggers"] + q["exemptions"]:
        visit(x["when"])
    # declare what the restated literals use
    std = {u[0] for u in units.STD_UNITS}
    declared = {u[0] for u in q["units"]}
    catalogue = {u[0]: list(u) for d in generate.DECLARED.values() for u in d}
    for u in sorted(needed):
        if u in std:
            q["import_std_units"] = True
    todo = [u for u in needed if u not in std and u not in declared]
    while todo:
        u = todo.pop()
        if u in declared:
            continue
        q["units"].append(catalogue[u])
        declared.add(u)
        of = catalogue[u][2]
        if of not in units.BUILTIN and of not in declared and of not in std:
            todo.append(of)
        if of in std:
            q["import_std_units"] = True
    # a declared unit named like a std.units one cannot be imported twice: the catalogue has none
    return q, count


# ----------------------------------------------------------------------------------------------
# The relations

def more_decided(narrow_v, wide_v, kinds, model, relation):
    """The wide run may know less than the narrow one, never more or otherwise."""
    bad = []
    for rule in sorted(set(narrow_v) | set(wide_v)):
        n, w = narrow_v.get(rule), wide_v.get(rule)
        kind = kinds.get(rule, "unknown rule")
        if kind == "obligation":
            # an obligation not listed is definitely not incurred (nothing imposes it)
            if w is None and n is not None:
                bad.append((rule, "an obligation not listed on the wider records is listed on the narrower ones", n, w))
                continue
            n = n or ("false", "definite", ())
            w = w or ("false", "definite", ())
        if False:
            bad.append((rule, "an obligation not listed on the wider records is listed on the narrower ones", n, w))
        elif w is not None and w[1] == "definite" and n != w:
            bad.append((rule, "definite on the wider records, %s on the narrower ones" % (
                "absent" if n is None else n[1] if n[0] == w[0] else "another value"), n, w))
        elif n is not None and w is not None and "unknown" not in (n[1], w[1]) and \
                "unknown" not in (n[0], w[0]) and n[0] != w[0]:
            bad.append((rule, "the values at the point estimate differ", n, w))
    return bad


class Config:
    def __init__(self, args):
        self.scalepol = os.path.abspath(args.scalepol)
        self.records = args.records
        self.features = (set(generate.FEATURES) - generate.DEFAULT_OFF | set(args.with_)) - set(args.without)
        # `x is definite` turns false when x's range widens: a status test is not monotone in a
        # range, so widen and narrow do not hold of policies that use one.
        self.features.discard("status_tests")
        self.relations = set(args.relations.split(","))
        self.work = args.work


def check_seed(seed, cfg):
    t0 = time.time()
    g = generate.Generator(seed, cfg.features)
    p = g.program()
    records = g.records(cfg.records)
    rng = random.Random(seed * 7919 + 1)
    kinds = differential.rule_kinds(p)
    stats = collections.Counter()
    violations = []
    d = tempfile.mkdtemp(prefix="meta%d-" % seed, dir=cfg.work)

    def run(program, recs, tag):
        policy = os.path.join(d, tag + ".policy")
        data = os.path.join(d, tag + ".jsonl")
        with open(policy, "w") as f:
            f.write(generate.render_policy(program))
        with open(data, "w") as f:
            f.write(generate.jsonl_text(recs))
        rc, out, err = engine.run(cfg.scalepol, ["run", policy, "--models", data, "--format", "jsonl"]
                                  + generate.run_args(program))
        stats["processes"] += 1
        if rc != 0:
            violations.append({"seed": seed, "relation": tag, "signature": "%s: exit %d: %s" % (
                tag, rc, differential.first_error(err)), "detail": err[-1500:]})
            return None, None
        return engine.read_jsonl(out)

    def violation(relation, model, rule, what, a, b, program, recs_a, recs_b):
        violations.append({"seed": seed, "relation": relation, "model": model, "rule": rule,
                           "signature": "%s, %s: %s" % (relation, kinds.get(rule, "unknown rule"), what),
                           "a": a, "b": b, "program": program,
                           "record_a": [r for r in recs_a if r["model"] == model][:1],
                           "record_b": [r for r in recs_b if r["model"] == model][:1] if recs_b else []})

    try:
        base, order = run(p, records, "base")
        if base is None:
            return {"stats": stats, "violations": violations}
        stats["pairs"] += len(records)
        if "widen" in cfg.relations:
            wide = widen(p, records, rng)
            got, _ = run(p, wide, "widen")
            if got is not None:
                for m in base:
                    for rule, what, n, w in more_decided(base[m], got.get(m, {}), kinds, m, "widen"):
                        violation("widen", m, rule, what, n, w, p, records, wide)
        if "narrow" in cfg.relations:
            nar = narrow(p, records, rng)
            got, _ = run(p, nar, "narrow")
            if got is not None:
                for m in base:
                    for rule, what, n, w in more_decided(got.get(m, {}), base[m], kinds, m, "narrow"):
                        violation("narrow", m, rule, what, n, w, p, nar, records)
        if "shuffle" in cfg.relations:
            moved, names = shuffle_rename(p, records, rng)
            got, order2 = run(p, moved, "shuffle")
            if got is not None:
                if order2 != [r["model"] for r in moved]:
                    violation("shuffle", None, None, "the output is not in the order of the data", order2, None,
                              p, [], [])
                for m in base:
                    if got.get(names[m]) != base[m]:
                        rules = [k for k in set(base[m]) | set(got.get(names[m], {}))
                                 if base[m].get(k) != got.get(names[m], {}).get(k)]
                        violation("shuffle", m, rules[0], "a verdict changes with the row's place or the model's name",
                                  base[m].get(rules[0]), got.get(names[m], {}).get(rules[0]), p, records, moved)
        if "restate" in cfg.relations:
            q, count = restate(p, rng)
            stats["restated"] += count
            if count:
                got, _ = run(q, records, "restate")
                if got is not None:
                    for m in base:
                        if got.get(m) != base[m]:
                            rules = [k for k in set(base[m]) | set(got.get(m, {})) if base[m].get(k) != got.get(m, {}).get(k)]
                            violation("restate", m, rules[0], "a verdict changes when thresholds are restated in other units",
                                      base[m].get(rules[0]), got.get(m, {}).get(rules[0]), q, records, records)
                            violations[-1]["original"] = p
    finally:
        shutil.rmtree(d, ignore_errors=True)
    stats["policies"] += 1
    stats["seconds"] += time.time() - t0
    return {"stats": stats, "violations": violations}


def show(v, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    lines = ["seed %d: %s" % (v["seed"], v["signature"])]
    if v.get("model") is not None:
        lines.append("model %s, rule %s: %s vs %s" % (v["model"], v["rule"], v["a"], v["b"]))
    if "program" in v:
        text = generate.render_policy(v["program"])
        with open(os.path.join(out_dir, "policy.policy"), "w") as f:
            f.write(text)
        lines.append("--- policy\n" + text)
        if "original" in v:
            with open(os.path.join(out_dir, "original.policy"), "w") as f:
                f.write(generate.render_policy(v["original"]))
            lines.append("--- the policy before restating: original.policy")
        lines.append("--- record (first run)\n" + generate.jsonl_text(v["record_a"]))
        lines.append("--- record (second run)\n" + generate.jsonl_text(v["record_b"]))
        with open(os.path.join(out_dir, "a.jsonl"), "w") as f:
            f.write(generate.jsonl_text(v["record_a"]))
        with open(os.path.join(out_dir, "b.jsonl"), "w") as f:
            f.write(generate.jsonl_text(v["record_b"]))
    if v.get("detail"):
        lines.append(v["detail"])
    text = "\n".join(lines)
    with open(os.path.join(out_dir, "README"), "w") as f:
        f.write(text + "\n")
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scalepol", required=True)
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(HERE)))
    ap.add_argument("--work", default=None)
    ap.add_argument("--policies", type=int, default=150)
    ap.add_argument("--records", type=int, default=200)
    ap.add_argument("--pairs", type=int, default=None)
    ap.add_argument("--long", action="store_true", help="5,000 policies x 200 records")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--seeds", default=None)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--relations", default=",".join(RELATIONS))
    ap.add_argument("--without", action="append", default=[], choices=sorted(generate.FEATURES), metavar="FEATURE",
                    help="leave a construct out (generate.FEATURES)")
    ap.add_argument("--with", dest="with_", action="append", default=[], choices=sorted(generate.FEATURES),
                    metavar="FEATURE", help="generate a construct left out by default (generate.DEFAULT_OFF)")
    ap.add_argument("--strict", action="store_true", help="generate the constructs of generate.KNOWN_ENGINE_BUGS too")
    ap.add_argument("--show", type=int, default=3)
    args = ap.parse_args()
    if args.strict:
        args.with_ = sorted(set(args.with_) | generate.KNOWN_ENGINE_BUGS)
    if args.long:
        args.policies, args.records = 5000, 200
    if args.pairs:
        args.policies = -(-args.pairs // args.records)
    work_is_temp = args.work is None
    args.work = os.path.abspath(args.work or tempfile.mkdtemp(prefix="scalepol-metamorphic-"))
    os.makedirs(args.work, exist_ok=True)
    shutil.rmtree(os.path.join(args.work, "metamorphic"), ignore_errors=True)  # a previous run's cases
    cfg = Config(args)
    seeds = [int(s) for s in args.seeds.split(",")] if args.seeds else list(range(args.seed, args.seed + args.policies))
    t0 = time.time()
    total = collections.Counter()
    groups = collections.OrderedDict()
    with concurrent.futures.ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for res in pool.map(check_seed, seeds, [cfg] * len(seeds), chunksize=1):
            total.update(res["stats"])
            for v in res["violations"]:
                g = groups.setdefault(v["signature"], {"count": 0, "seeds": set(), "first": v})
                g["count"] += 1
                g["seeds"].add(v["seed"])
    elapsed = time.time() - t0
    if groups:
        print("VIOLATIONS, by kind:")
        for sig, g in sorted(groups.items(), key=lambda kv: -kv[1]["count"]):
            print("  %6d  %s  (%d policies, e.g. seed %d)" % (g["count"], sig, len(g["seeds"]), min(g["seeds"])))
        print()
        root = os.path.join(args.work, "metamorphic")
        for n, (sig, g) in enumerate(sorted(groups.items(), key=lambda kv: -kv[1]["count"])):
            text = show(g["first"], os.path.join(root, "%02d" % n))
            if n < args.show:
                print("=" * 100)
                print(text)
        print("cases under %s" % root)
    print("metamorphic: %d policies, %d (policy, record) pairs, each run %s; %d thresholds restated; "
          "%d scalepol processes; %.1f s; %s" % (
              total["policies"], total["pairs"], "/".join(r for r in RELATIONS if r in cfg.relations),
              total["restated"], total["processes"], elapsed,
              "FAILED: %d kinds of violation" % len(groups) if groups else "every relation holds"))
    if work_is_temp and not groups:
        shutil.rmtree(args.work, ignore_errors=True)
    return 1 if groups else 0


if __name__ == "__main__":
    sys.exit(main())
