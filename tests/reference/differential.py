#!/usr/bin/env python3
"""Differential tests: generated policies and records (generate.py), evaluated by scalepol and by
the reference evaluator (reference.py); every verdict's value and status must agree, in every
output format: `run --format jsonl`, `run --format json`, the text table of `run` (values and
`~` and `*` marks), `explain --format json` for a sample of models, `run` over the same records
written as CSV with bound columns, and `scalepol test` on test blocks whose expectations are the
reference's verdicts.

    differential.py --scalepol BIN --root REPO [--work DIR] [--policies N] [--records M]
                    [--pairs N] [--long] [--seed S] [--jobs J] [--without FEATURE]...

On a mismatch it prints the seed, the policy, the record and both answers, and writes a
reproduction reduced as far as it still fails (the record and what it references, the rules the
mismatch does not need left out) under WORK/repro/; the last line counts pairs and mismatches.
Exit 0 when everything agrees, 1 otherwise. See README.md.
"""
import argparse
import collections
import concurrent.futures
import copy
import json
import os
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # nothing written into the source tree

import engine  # noqa: E402
import generate  # noqa: E402
import reference  # noqa: E402
import units  # noqa: E402

FORMATS = ("jsonl", "json", "html", "text", "explain", "csv", "long", "test", "api")


# ----------------------------------------------------------------------------------------------
# What is compared

def rule_kinds(p):
    kinds = {}
    for l in p["ladders"]:
        kinds[l["name"]] = "tier"
        for t in l["tiers"]:
            for ob in t["obligations"]:
                kinds["%s.%s.%s" % (l["name"], t["name"], ob["kind"])] = "obligation"
    for t in p["triggers"]:
        kinds[t["name"]] = "trigger"
        for ob in t["obligations"]:
            kinds["%s.%s" % (t["name"], ob["kind"])] = "obligation"
    for x in p["exemptions"]:
        kinds[x["name"]] = "exemption"
    return kinds


def expected_listing(ref, kinds):
    """The verdicts the engine lists for a record: docs/json-output.md, "one object per tier
    ladder, trigger and exemption of the policy, then one per obligation the model may incur":
    an obligation that is definitely not incurred is not listed. Gives (expected, skipped)."""
    exp, skipped = {}, set()
    for rule, (value, status, deps, listed) in ref.items():
        if value == "unsupported":
            skipped.add(rule)
        elif listed:  # an obligation nothing imposes is not listed
            exp[rule] = (value, status, deps)
    return exp, skipped


# Known engine bugs the comparison can be told to overlook (`--tolerate NAME`), so that the rest
# of the suite stays useful while they are fixed. README.md says which are in the default run.
TOLERATE = {}
# Overlooked unless --strict: the engine bugs of TOLERATE not fixed yet.
DEFAULT_TOLERATE = set()
TOLERATED = set()


def same(have, want):
    return have == want


def compare(exp, skipped, got, kinds):
    """[(rule, engine answer or None, reference answer or None)] for every verdict that differs."""
    diffs = []
    for rule, want in exp.items():
        have = got.get(rule)
        if not same(have, want):
            diffs.append((rule, have, want))
    for rule, have in got.items():
        if rule not in exp and rule not in skipped:
            diffs.append((rule, have, None))
    return diffs


def text_expected(exp, kinds):
    """The text table shows ladders and triggers: the value, `~` when possible, `*` when it
    depends on the assumptions."""
    return {rule: (v, ("~" if s == "possible" else "") + ("*" if deps else "")) for rule, (v, s, deps) in exp.items()
            if kinds.get(rule) in ("tier", "trigger")}


def from_text(cell):
    """A text cell as (value, status, depends): `~` possible, `unknown` unknown, else definite;
    depends is ("*",) for a cell marked `*`."""
    if cell is None:
        return None
    v, marks = cell
    return (v, "possible" if "~" in marks else "unknown" if v == "unknown" else "definite",
            ("*",) if "*" in marks else ())


def signature(kind, have, want):
    """A mismatch's category, to group thousands of instances of one bug (over all formats)."""
    def shape(a):
        return "absent" if a is None else a[1] + (" depending on the assumptions" if a[2:] and a[2] else "")
    same = have is not None and want is not None and have[0] == want[0]
    detail = "same value" if same else (
        "engine value `unknown`" if have is not None and have[0] == "unknown" else
        "values differ" if have is not None and want is not None else "")
    return "%s: reference %s, engine %s%s" % (kind, shape(want), shape(have), ", " + detail if detail else "")


# ----------------------------------------------------------------------------------------------
# One seed

class Config:
    def __init__(self, args):
        self.scalepol = os.path.abspath(args.scalepol)
        self.api = os.path.abspath(args.api) if args.api else None  # api_verdicts, for the `api` format
        self.records = args.records
        self.features = (set(generate.FEATURES) - generate.DEFAULT_OFF | set(args.with_)) - set(args.without)
        self.formats = set(args.formats.split(","))
        self.explain_sample = args.explain_sample
        self.every = max(1, args.every)
        self.tests = args.tests
        self.work = args.work
        self.tolerate = set(args.tolerate) | (set() if args.strict else DEFAULT_TOLERATE)
        self.numbers = args.numbers


def write_case(d, p, records):
    """policy.policy and data.jsonl; one policy in three has its data under column names, with
    ranges in bound columns (generate.jsonl_text)."""
    policy = os.path.join(d, "policy.policy")
    data = os.path.join(d, "data.jsonl")
    with open(policy, "w") as f:
        f.write(generate.render_policy(p))
    with open(data, "w") as f:
        f.write(generate.jsonl_text(records, p, "columns" if p["seed"] % 3 == 1 else "nested"))
    return policy, data


def reference_verdicts(p, records):
    ev = reference.Evaluator(p, records)
    return {r["model"]: ev.verdicts(r) for r in records}


def check_seed(seed, cfg):
    """Generate one program and its records, run every format, compare. Returns a dict of
    counts and the mismatches (each with what is needed to reproduce it)."""
    t0 = time.time()
    TOLERATED.update(cfg.tolerate)
    units.NUMBERS["mode"] = cfg.numbers
    g = generate.Generator(seed, cfg.features)
    p = g.program()
    records = g.records(cfg.records)
    kinds = rule_kinds(p)
    stats = collections.Counter()
    mismatches = []
    t1 = time.time()
    ref = reference_verdicts(p, records)
    stats["reference_seconds"] += time.time() - t1
    d = tempfile.mkdtemp(prefix="seed%d-" % seed, dir=cfg.work)
    if "test" in cfg.formats and seed % cfg.every == 0:
        import random
        p["tests"] = generate.make_tests(p, records, random.Random(seed), cfg.tests)
    try:
        policy, data = write_case(d, p, records)
        expected = {m: expected_listing(v, kinds) for m, v in ref.items()}
        models = [r["model"] for r in records]
        formats = cfg.formats if seed % cfg.every == 0 else cfg.formats & {"jsonl"}

        def note(fmt, model, diffs):
            for rule, have, want in diffs:
                kind = kinds.get(rule, "unknown rule")
                mismatches.append({"seed": seed, "format": fmt, "model": model, "rule": rule, "engine": have,
                                   "reference": want, "signature": signature(kind, have, want)})

        def engine_failed(fmt, rc, err):
            mismatches.append({"seed": seed, "format": fmt, "model": None, "rule": None, "engine": None,
                               "reference": None, "signature": "%s: exit %d: %s" % (fmt, rc, first_error(err)),
                               "stderr": err[-2000:]})

        def run_report(fmt, data_file, reader, policy_file=None):
            rc, out, err = engine.run(cfg.scalepol, ["run", policy_file or policy, "--models", data_file, "--format",
                                                     "jsonl" if fmt == "long" else fmt] + generate.run_args(p))
            stats["processes"] += 1
            if rc != 0:
                engine_failed(fmt, rc, err)
                return None
            got, order = reader(out)
            if order != models:
                mismatches.append({"seed": seed, "format": fmt, "model": None, "rule": None, "engine": None,
                                   "reference": None, "signature": "%s: models not in the order of the data" % fmt})
            return got

        for fmt, reader in (("jsonl", engine.read_jsonl), ("json", engine.read_json), ("html", engine.read_html)):
            if fmt not in formats:
                continue
            got = run_report(fmt, data, reader)
            if got is None:
                continue
            for m in models:
                exp, skipped = expected[m]
                if fmt == "jsonl":
                    stats["verdicts"] += len(exp)
                    stats["skipped"] += len(skipped)
                note(fmt, m, compare(exp, skipped, got.get(m, {}), kinds))
            stats["pairs"] += len(models) if fmt == "jsonl" else 0

        if "api" in formats and cfg.api:
            # Policy::evaluate, as a host calls it: the same verdicts as `run --format jsonl`
            rc, out, err = engine.run(cfg.api, [policy, data] + generate.run_args(p))
            stats["processes"] += 1
            if rc != 0:
                engine_failed("api", rc, err)
            else:
                got = engine.read_jsonl(out)[0]
                for m in models:
                    exp, skipped = expected[m]
                    note("api", m, compare(exp, skipped, got.get(m, {}), kinds))
            # evaluate_table: every rule, an obligation not imposed as "false"; `robust` for
            # depends_on
            rc, out, err = engine.run(cfg.api, [policy, data, "--table"] + generate.run_args(p))
            stats["processes"] += 1
            if rc != 0:
                engine_failed("api-table", rc, err)
            else:
                for line in out.splitlines():
                    o = json.loads(line)
                    exp, skipped = expected[o["model"]]
                    diffs = []
                    for rule, v in o["verdicts"].items():
                        have = (v["value"], v["status"], () if v["robust"] else ("*",))
                        want = exp.get(rule)
                        if want is not None:
                            want = (want[0], want[1], ("*",) if want[2] else ())
                        elif rule in skipped or have == ("false", "definite", ()):
                            continue
                        if not same(have, want):
                            diffs.append((rule, have, want))
                    note("api-table", o["model"], diffs)

        if "csv" in formats and g.has("csv"):
            text = generate.csv_text(p, records)
            if text is not None:
                csv = os.path.join(d, "data.csv")
                with open(csv, "w") as f:
                    f.write(text)
                got = run_report("jsonl", csv, engine.read_jsonl)
                if got is not None:
                    for m in models:
                        exp, skipped = expected[m]
                        note("csv", m, compare(exp, skipped, got.get(m, {}), kinds))
                    stats["csv_pairs"] += len(models)

        # The same records as a long table, each benchmark from its own rows (`where`), the rows
        # joined by model: the verdicts must not change.
        text = generate.long_jsonl_text(p, records) if "long" in formats else None
        if text is not None:
            long_policy = os.path.join(d, "policy_long.policy")
            with open(long_policy, "w") as f:
                f.write(generate.render_policy(generate.long_program(p)))
            long_data = os.path.join(d, "data_long.jsonl")
            with open(long_data, "w") as f:
                f.write(text)
            got = run_report("long", long_data, engine.read_jsonl, long_policy)
            if got is not None:
                for m in models:
                    exp, skipped = expected[m]
                    note("long", m, compare(exp, skipped, got.get(m, {}), kinds))
                stats["long_pairs"] += len(models)

        if "text" in formats and (p["ladders"] or p["triggers"]):
            rc, out, err = engine.run(cfg.scalepol, ["run", policy, "--models", data] + generate.run_args(p))
            stats["processes"] += 1
            if rc != 0:
                engine_failed("text", rc, err)
            else:
                table = engine.read_text(out)
                for m in models:
                    exp, skipped = expected[m]
                    want = text_expected(exp, kinds)
                    have = table.get(m, {})
                    for rule, w in want.items():
                        if not same(from_text(have.get(rule)), from_text(w)):
                            mismatches.append({"seed": seed, "format": "text", "model": m, "rule": rule,
                                               "engine": have.get(rule), "reference": w,
                                               "signature": signature(kinds[rule], from_text(have.get(rule)),
                                                                      from_text(w))})

        if p.get("tests"):
            rc, out, err = engine.run(cfg.scalepol, ["test", policy, "--format", "json"])
            stats["processes"] += 1
            stats["expectations"] += sum(len(t["expects"]) for t in p["tests"])
            if rc not in (0, 1):
                engine_failed("test", rc, err)
            else:
                check_tests(seed, p, out, mismatches)

        if "explain" in formats and models:
            import random
            rng = random.Random(seed)
            for m in rng.sample(models, min(cfg.explain_sample, len(models))):
                rc, out, err = engine.run(cfg.scalepol, ["explain", policy, "--models", data, "--model", m,
                                                         "--format", "json"] + generate.run_args(p))
                stats["processes"] += 1
                if rc != 0:
                    engine_failed("explain", rc, err)
                    continue
                exp, skipped = expected[m]
                note("explain", m, compare(exp, skipped, engine.read_explain(out), kinds))
    finally:
        shutil.rmtree(d, ignore_errors=True)
    stats["policies"] += 1
    stats["seconds"] += time.time() - t0
    for mm in mismatches:
        mm["program"] = p
        mm["features"] = sorted(cfg.features)
    return {"stats": stats, "mismatches": mismatches, "records": records if mismatches else None}


def check_tests(seed, p, out, mismatches):
    """`scalepol test`: every expectation (the reference's definite verdicts) must hold."""
    doc = json.loads(out)
    policy_lines = generate.render_policy(p).splitlines()
    for t in doc["files"][0]["tests"]:
        for failure in t["failures"]:
            # "line 21: expected `size == large`, but it is false (size is small)"
            line = int(failure.split(":")[0].split()[-1]) if failure.startswith("line ") else 0
            text = policy_lines[line - 1].strip() if 0 < line <= len(policy_lines) else ""
            expect = text[len("expect "):] if text.startswith("expect ") else text
            kind = [k for tb in p["tests"] for k, e in tb["expects"] if e == expect]
            got = failure.split("but it is ", 1)[-1].split(" (")[0] if "but it is" in failure else failure
            mismatches.append({"seed": seed, "format": "test", "model": t["name"].split()[-1], "rule": expect,
                               "engine": got, "reference": "true", "signature": "test, expect %s: engine says %s" % (
                                   kind[0] if kind else "?", got), "failure": failure})


def first_error(err):
    for line in err.splitlines():
        if "error[" in line or "error:" in line:
            return line.split(": ", 1)[-1][:160]
    return err.strip().splitlines()[0][:160] if err.strip() else "(no message)"


# ----------------------------------------------------------------------------------------------
# Reproductions: the smallest case that still fails

def referenced_records(p, records, model):
    """The record of `model` and every record it reaches through references."""
    by = {r["model"]: r for r in records}
    refs = [r["field"] for r in p["references"]]
    keep, todo = [], [model]
    while todo:
        m = todo.pop()
        if m in [r["model"] for r in keep] or m not in by:
            continue
        keep.append(by[m])
        todo += [by[m].get(f) for f in refs if by[m].get(f)]
    return keep


def still_fails(cfg, p, records, mm, d):
    """Whether the mismatch `mm` (same rule, same signature) shows on this program and data."""
    try:
        kinds = rule_kinds(p)
        if mm["rule"] not in kinds and mm["rule"] is not None:
            return False
        ref = reference_verdicts(p, records)
    except Exception:
        return False
    policy, data = write_case(d, p, records)
    fmt = mm["format"]
    if fmt == "csv":
        text = generate.csv_text(p, records)
        if text is None:
            return False
        data = os.path.join(d, "data.csv")
        with open(data, "w") as f:
            f.write(text)
    if fmt == "test":
        return False  # a test block's expectations come from the whole program: not reduced
    if fmt == "explain":
        args = ["explain", policy, "--models", data, "--model", mm["model"] or records[0]["model"], "--format", "json"]
    elif fmt == "text":
        args = ["run", policy, "--models", data]
    else:
        args = ["run", policy, "--models", data, "--format", fmt if fmt in ("json", "html") else "jsonl"]
    rc, out, err = engine.run(cfg.scalepol, args + generate.run_args(p))
    if mm["rule"] is None:
        return rc != 0 and mm["signature"].endswith(first_error(err))
    if rc != 0:
        return False
    exp, skipped = expected_listing(ref[mm["model"]], kinds)
    if fmt == "text":
        want = text_expected(exp, kinds).get(mm["rule"])
        have = engine.read_text(out).get(mm["model"], {}).get(mm["rule"])
        return want is not None and have != want and \
            signature(kinds[mm["rule"]], from_text(have), from_text(want)) == mm["signature"]
    if fmt == "explain":
        got = engine.read_explain(out)
    else:
        reader = {"json": engine.read_json, "html": engine.read_html}.get(fmt, engine.read_jsonl)
        got = reader(out)[0].get(mm["model"], {})
    for rule, have, want in compare(exp, skipped, got, kinds):
        if rule == mm["rule"] and signature(kinds.get(rule, "unknown rule"), have, want) == mm["signature"]:
            return True
    return False


def candidates(p, rule):
    """Smaller programs: each item the failing rule may not need left out, and conditions cut
    down to one side of an `and`/`or` or the inside of a `not`."""
    owner = rule.split(".")[0] if rule else None
    for key in ("exemptions", "triggers", "escalations", "ladders", "defines", "references", "effective"):
        for i in range(len(p[key])):
            if key in ("triggers", "ladders", "exemptions") and p[key][i]["name"] == owner:
                continue
            q = copy.deepcopy(p)
            del q[key][i]
            if key == "ladders":
                q["escalations"] = [e for e in q["escalations"] if e["ladder"] != p[key][i]["name"]]
            yield q
    for li, l in enumerate(p["ladders"]):
        for ti, t in enumerate(l["tiers"]):
            for oi in range(len(t["obligations"])):
                if rule and rule.startswith("%s.%s." % (l["name"], t["name"])) and rule.endswith("." + t["obligations"][oi]["kind"]):
                    continue
                q = copy.deepcopy(p)
                del q["ladders"][li]["tiers"][ti]["obligations"][oi]
                yield q
    for ti, t in enumerate(p["triggers"]):
        for oi in range(len(t["obligations"])):
            if rule == "%s.%s" % (t["name"], t["obligations"][oi]["kind"]):
                continue
            q = copy.deepcopy(p)
            del q["triggers"][ti]["obligations"][oi]
            yield q
    for key in ("triggers", "exemptions", "escalations", "defines"):
        for i, item in enumerate(p[key]):
            field = "expr" if key == "defines" else "when"
            for sub in shrink_expr(item[field]):
                q = copy.deepcopy(p)
                q[key][i][field] = sub
                yield q
    for i, f in enumerate(p["fields"]):
        if f.get("low"):
            q = copy.deepcopy(p)
            for k in ("low", "high", "column"):
                q["fields"][i].pop(k, None)
            yield q


def shrink_expr(e):
    if not isinstance(e, list):
        return
    if e[0] in ("and", "or"):
        yield e[1]
        yield e[2]
    if e[0] == "not":
        yield e[1]
    for i, x in enumerate(e):
        if isinstance(x, list) and x and isinstance(x[0], str) and i > 0:
            for s in shrink_expr(x):
                yield e[:i] + [s] + e[i + 1:]


def reduce_case(cfg, mm, records, out_dir, budget=150):
    p = copy.deepcopy(mm["program"])
    d = tempfile.mkdtemp(prefix="reduce-", dir=cfg.work)
    tries = 0
    try:
        if mm["model"] is not None:
            small = referenced_records(p, records, mm["model"])
            if still_fails(cfg, p, small, mm, d):
                records = small
            # fields of the record the mismatch does not need
            rec = dict([r for r in records if r["model"] == mm["model"]][0])
            for k in list(rec):
                if k == "model" or tries > budget:
                    continue
                trial = dict(rec)
                del trial[k]
                rs = [trial if r["model"] == mm["model"] else r for r in records]
                tries += 1
                if still_fails(cfg, p, rs, mm, d):
                    rec, records = trial, rs
        progress = True
        while progress and tries < budget:
            progress = False
            for q in candidates(p, mm["rule"]):
                tries += 1
                if tries > budget:
                    break
                if still_fails(cfg, q, records, mm, d):
                    p = q
                    progress = True
                    break
        ok = still_fails(cfg, p, records, mm, d)
    finally:
        shutil.rmtree(d, ignore_errors=True)
    os.makedirs(out_dir, exist_ok=True)
    policy, data = write_case(out_dir, p, records)
    with open(os.path.join(out_dir, "program.json"), "w") as f:
        json.dump(p, f, indent=1)
    fmt = mm["format"]
    args = ["run", "policy.policy", "--models", "data.jsonl", "--format", "jsonl"]
    if fmt in ("json", "html"):
        args[-1] = fmt
    elif fmt == "text":
        args = args[:4]
    elif fmt == "explain":
        args = ["explain", "policy.policy", "--models", "data.jsonl", "--model", mm["model"] or records[0]["model"],
                "--format", "json"]
    elif fmt == "test":
        args = ["test", "policy.policy", "--format", "json"]
    elif fmt == "csv":
        with open(os.path.join(out_dir, "data.csv"), "w") as f:
            f.write(generate.csv_text(p, records) or "")
        args[3] = "data.csv"
    args += generate.run_args(p)
    rc, out, err = engine.run(cfg.scalepol, args, cwd=out_dir)
    ref = reference_verdicts(p, records)
    with open(os.path.join(out_dir, "README"), "w") as f:
        f.write("seed %d, %s\nrule %s, model %s\n%s\nreduced: %s\n\n$ scalepol %s\n%s%s\nreference:\n%s\n" % (
            mm["seed"], mm["signature"], mm["rule"], mm["model"],
            "engine %s, reference %s" % (mm["engine"], mm["reference"]), "yes" if ok else "no (shown unreduced)",
            " ".join(args), out, err, json.dumps(ref.get(mm["model"], {}), indent=1)))
    return out_dir, p, records, out, ref


# ----------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scalepol", required=True)
    ap.add_argument("--api", default=None,
                    help="the api_verdicts program (tests/reference/api_verdicts.cpp): compare the C++ API too")
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(HERE)))
    ap.add_argument("--work", default=None, help="scratch directory (default: a temporary one)")
    ap.add_argument("--policies", type=int, default=500)
    ap.add_argument("--records", type=int, default=200)
    ap.add_argument("--pairs", type=int, default=None, help="run enough policies for N (policy, record) pairs")
    ap.add_argument("--long", action="store_true", help="two million pairs (10,000 policies x 200 records)")
    ap.add_argument("--seed", type=int, default=1, help="the first seed (seeds are consecutive)")
    ap.add_argument("--seeds", default=None, help="a comma-separated list of seeds to run instead")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--explain-sample", type=int, default=1, help="models explained per policy")
    ap.add_argument("--tests", type=int, default=4, help="test blocks written in a policy (for `scalepol test`)")
    ap.add_argument("--without", action="append", default=[], choices=sorted(generate.FEATURES), metavar="FEATURE",
                    help="leave a construct out (generate.FEATURES)")
    ap.add_argument("--with", dest="with_", action="append", default=[], choices=sorted(generate.FEATURES),
                    metavar="FEATURE", help="generate a construct left out by default (generate.DEFAULT_OFF)")
    ap.add_argument("--tolerate", action="append", default=[], choices=sorted(TOLERATE),
                    help="overlook a known engine bug (see TOLERATE)")
    ap.add_argument("--strict", action="store_true",
                    help="overlook nothing, and generate every construct the engine was found wrong on "
                         "(generate.KNOWN_ENGINE_BUGS)")
    ap.add_argument("--every", type=int, default=4,
                    help="the formats besides jsonl (json, html, text, explain, csv, long, test) on one policy in N")
    ap.add_argument("--numbers", choices=["binary64", "decimal"], default="binary64",
                    help="how the reference reads numbers: the binary64 nearest the text (the default), or "
                         "the exact decimal the text writes (units.py)")
    ap.add_argument("--reduce", type=int, default=6, help="reduce at most this many categories of mismatch")
    ap.add_argument("--show", type=int, default=3, help="print this many reduced reproductions in full")
    args = ap.parse_args()
    if args.strict:
        args.with_ = sorted(set(args.with_) | generate.KNOWN_ENGINE_BUGS)
    if args.long:
        args.policies = 10000
    if args.pairs:
        args.policies = -(-args.pairs // args.records)
    work_is_temp = args.work is None
    args.work = os.path.abspath(args.work or tempfile.mkdtemp(prefix="scalepol-differential-"))
    os.makedirs(args.work, exist_ok=True)
    shutil.rmtree(os.path.join(args.work, "repro"), ignore_errors=True)  # a previous run's cases
    cfg = Config(args)
    TOLERATED.update(cfg.tolerate)
    units.NUMBERS["mode"] = cfg.numbers
    seeds = [int(s) for s in args.seeds.split(",")] if args.seeds else list(range(args.seed, args.seed + args.policies))

    t0 = time.time()
    total = collections.Counter()
    groups = collections.OrderedDict()
    with concurrent.futures.ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for res in pool.map(check_seed, seeds, [cfg] * len(seeds), chunksize=1):
            total.update(res["stats"])
            for mm in res["mismatches"]:
                g = groups.setdefault(mm["signature"], {"count": 0, "seeds": set(), "first": None,
                                                        "formats": set()})
                g["count"] += 1
                g["formats"].add(mm["format"])
                g["seeds"].add(mm["seed"])
                if g["first"] is None:
                    g["first"] = (mm, res["records"])
    elapsed = time.time() - t0

    failed = bool(groups)
    if groups:
        print("MISMATCHES, by kind (each kind counted over all formats and records):")
        for sig, g in sorted(groups.items(), key=lambda kv: -kv[1]["count"]):
            print("  %6d  %s  (%d policies, e.g. seed %d; in %s)" % (
                g["count"], sig, len(g["seeds"]), min(g["seeds"]), ", ".join(sorted(g["formats"]))))
        print()
        repro_root = os.path.join(args.work, "repro")
        shown = 0
        for n, (sig, g) in enumerate(sorted(groups.items(), key=lambda kv: -kv[1]["count"])[:args.reduce]):
            mm, records = g["first"]
            out_dir, p, recs, out, ref = reduce_case(cfg, mm, records, os.path.join(repro_root, "%02d" % n))
            if shown < args.show:
                shown += 1
                print("=" * 100)
                print("%s\nseed %d, model %s, rule %s: engine %s, reference %s\nreproduction: %s" % (
                    sig, mm["seed"], mm["model"], mm["rule"], mm["engine"], mm["reference"], out_dir))
                print(open(os.path.join(out_dir, "README")).read())
                print("--- policy.policy (reduced)\n" + generate.render_policy(p))
                print("--- data.jsonl (reduced)\n" + open(os.path.join(out_dir, "data.jsonl")).read())
        print("reproductions under %s" % repro_root)
    pairs = total["pairs"]
    print("differential: %d policies, %d (policy, record) pairs (%d more as CSV, %d as a long table), "
          "%d verdicts compared in jsonl, "
          "%d test expectations, %d verdicts the reference leaves undecided, %d scalepol processes; %.1f s, "
          "%.0f pairs/s; %s" % (
              total["policies"], pairs, total["csv_pairs"], total["long_pairs"], total["verdicts"], total["expectations"], total["skipped"],
              total["processes"],
              elapsed, pairs / elapsed if elapsed else 0,
              "FAILED: %d kinds of mismatch" % len(groups) if failed else "all agree"))
    if work_is_temp and not failed:
        shutil.rmtree(args.work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
