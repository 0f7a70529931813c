#!/usr/bin/env python3
"""A seeded random generator of scalepol policies and model records, for the differential and
metamorphic tests of tests/reference/ (README.md there).

A *program* is a JSON-able structure (the format is described in README.md); `render_policy`
writes it as policy text, and `Generator.records` draws records for it as JSON objects in the
form a JSON Lines data file takes (`{"value", "low", "high"}` for ranges). `render_csv` writes
the same records as a CSV with bound columns. The same seed and features give the same program
and records.

    generate.py --seed 7 [--records 5] [--without FEATURE ...]   # print one program, for a look
"""
import argparse
import datetime
import json
import math
import random
import sys
from fractions import Fraction

sys.dont_write_bytecode = True  # nothing written into the source tree
import reference
from units import UnitTable, binary64

# Features the generator can leave out (`--without NAME`, or `features` in Generator). Each one
# names a construct; when the engine is found wrong on one, the driver can leave it out by name
# while the bug is fixed (README.md lists the ones left out by default, and why).
FEATURES = {
    "ranges": "records with ranges: {value, low, high}, one bound, no value, degenerate",
    "missing": "fields missing from records",
    "on_line": "values and range ends exactly on a threshold, and the doubles next to it",
    "defines": "define items (typed and untyped), used in conditions and ladders",
    "arith": "arithmetic: + - * / unary -, 4x e, min, max, abs",
    "declared_units": "units declared with `unit` and std.units (thresholds restated in them)",
    "unit_fields": "fields whose type is a declared unit or a scaled built-in one (hours, pfs_day)",
    "durations": "duration fields and thresholds in days, weeks, hours, months, years",
    "dates": "date fields, date literals, date +/- duration, date - date",
    "months_in_dates": "date +/- a duration in months or years (a fractional number of days)",
    "as_of": "an evaluation date (`--as-of`): `as_of`, time_since(date)",
    "assume": "assume blocks: lists and ranges of numbers, of thresholds, of effective-compute multipliers",
    "text": "text fields: ==, !=, starts_with, contains",
    "bools": "bool fields",
    "is_known": "`is known` and `is unknown`",
    "fraction_scores": "benchmarks declared `scale 0..1`, whose data gives fractions (read x 100)",
    "status_tests": "`is possible` and `is definite` (with `is_known`), of fields, comparisons and tiers",
    "ladders": "tier ladders",
    "bound_forms": "every tier bound form (from, above, below, up_to, and two-bound tiers)",
    "gaps": "ladders with gaps (a value in no tier: no_tier)",
    "overlaps": "ladders whose written bounds overlap (the later tier wins)",
    "tier_order": "ladders whose tiers are written out of order (each inner bound written on both sides)",
    "tier_compare": "tier comparisons in conditions (concern >= concern.high, concern == high)",
    "escalations": "escalate L to T when C",
    "triggers": "triggers",
    "obligations": "obligations (require) on tiers and triggers",
    "exemptions": "exemptions (block and short form, applies_to)",
    "within": "constants with a range: `8 months within 5..14 months`",
    "references": "reference items and e@ref",
    "effective_compute": "effective_compute items (base x multiplier)",
    "certified": "certified \"...\" (never decided)",
    "csv": "CSV data files with bound columns (besides JSON Lines)",
    "midpoint": "ranges with no value (the point estimate is the middle of the bounds)",
    "single_bound": "a range with one bound and the value (the other bound is the value)",
    "half_open": "one bound and no value: a half-open range with no point estimate (>= 1.3e24)",
    "ulp_lines": "values within a rounding of a line: the line is not a binary64 in the field's data unit, "
                 "or is reached through arithmetic (`count + 2000 >= 2040` with count 39.99999999999999), "
                 "or is a neighbour of a line in a scaled unit; only exact arithmetic decides them",
    "undecided_escalations": "escalation conditions that can be possible or unknown (otherwise they read only "
                             "fields every record gives exactly)",
}

# Features off unless asked for (`--with NAME`): constructs whose semantics the docs leave open
# or the engine is known to get wrong; README.md says which and why.
DEFAULT_OFF = set()
# Constructs on which the engine was found to disagree with the reference (README.md, "Engine
# bugs left out of the default run"): off by default so that the suite stays useful, on with
# `--with NAME` or `--strict`. Remove a name when its bug is fixed.
KNOWN_ENGINE_BUGS = {"ulp_lines"}
DEFAULT_OFF |= KNOWN_ENGINE_BUGS

# The numeric dimensions the generator draws, each with the base unit its data is read in and
# the span of magnitudes its records take (in base units): (low, high, logarithmic).
DIMENSIONS = {
    "compute": ("FLOP", 1e20, 1e28, True),
    "params": ("params", 1e8, 1e13, True),
    "money": ("USD", 1e4, 1e10, True),
    "score": ("pp", 0.0, 100.0, False),
    "duration": ("days", 1.0, 2000.0, True),
    "number": (None, 1.0, 1e4, True),
}

# Units a threshold of each dimension may be written in (declared ones added per program).
LITERAL_UNITS = {
    "compute": ["FLOP", "FLOP", "FLOP", "OP", "ops"],
    "params": ["params"],
    "money": ["USD"],
    "score": ["pp"],
    "duration": ["days", "day", "weeks", "hours", "months", "years"],
    "number": [None],
}

# Declared units the generator may add, per dimension: (name, multiple, of).
DECLARED = {
    "compute": [("kflop", "1000", "FLOP"), ("zflop", "1e21", "FLOP"), ("gpu_day", "8.64e19", "FLOP"),
                ("half_zflop", "0.5", "zflop")],
    "params": [("bparams", "1e9", "params")],
    "money": [("musd", "1e6", "USD"), ("kusd", "1000", "USD")],
    "duration": [("fortnight", "2", "weeks"), ("quarter", "3", "months")],
}

ACCESS = ["Open weights (unrestricted)", "Open weights (restricted use)", "Open weights (non-commercial)",
          "API access", "Hosted access (no API)", "Unreleased"]
OBLIGATION_KINDS = ["notify", "report", "license", "evaluate", "prohibition", "register"]
TIER_WORDS = ["low", "medium", "high", "extreme", "critical", "apex"]

EPOCH = datetime.date(2018, 1, 1)
DATE_SPAN = 3300  # days: records and date thresholds fall in 2018 to 2027


def nice(x, rng):
    """A round number near x (one or two significant digits, sometimes three), as a float."""
    if x == 0 or not math.isfinite(x):
        return 0.0
    sign = -1 if x < 0 else 1
    x = abs(x)
    e = math.floor(math.log10(x))
    digits = rng.choice([1, 2, 2, 3])
    m = round(x / 10 ** (e - digits + 1))
    return sign * float("%de%d" % (m, e - digits + 1))


def num_text(x):
    """A float as the shortest text that reads back as the same binary64 (Python's repr)."""
    t = repr(float(x))
    if t in ("inf", "-inf", "nan"):
        raise ValueError(t)
    return t


def date_text(day):
    return (EPOCH + datetime.timedelta(days=int(day))).isoformat()


def as_double(q):
    """The binary64 nearest to the fraction q, or None when it is not exactly q."""
    f = float(q)
    return f if Fraction(f) == q else None


class Generator:
    def __init__(self, seed, features=None, size=1.0):
        self.seed = seed
        self.rng = random.Random(seed)
        self.on = set(FEATURES) - DEFAULT_OFF if features is None else set(features)
        self.size = size
        self.solid = set()        # fields every record gives, exactly (no range)
        self.solid_mode = False   # drawing an escalation's condition: solid fields only

    def has(self, feature):
        return feature in self.on

    # ------------------------------------------------------------------------------------------
    # Programs

    def program(self):
        rng = self.rng
        p = {"seed": self.seed, "name": "gen_%d" % self.seed, "import_std_units": False, "units": [],
             "fields": [], "benchmarks": [], "references": [], "effective": [], "defines": [],
             "ladders": [], "escalations": [], "triggers": [], "exemptions": [], "as_of": None}
        self.p = p
        self.names = set()
        if self.has("as_of") and self.has("dates") and rng.random() < 0.6:
            p["as_of"] = date_text(rng.randrange(DATE_SPAN))
        if self.has("declared_units"):
            if rng.random() < 0.5:
                p["import_std_units"] = True
            for dim, choices in DECLARED.items():
                if dim == "duration" and not self.has("durations"):
                    continue
                for name, mult, of in choices:
                    if rng.random() < 0.5:
                        p["units"].append([name, mult, of])
            # a unit built on another declared unit needs it: add what is missing
            declared = {u[0] for u in p["units"]}
            for name, mult, of in [u for d in DECLARED.values() for u in d]:
                if name in declared and of not in declared and of not in reference.UNITS_BUILTIN_NAMES:
                    p["units"].insert(0, [of] + list([u for d in DECLARED.values() for u in d if u[0] == of][0][1:]))
        self.units = UnitTable(([tuple(u) for u in reference.STD_UNITS] if p["import_std_units"] else [])
                               + [tuple(u) for u in p["units"]])
        self.field_decls()
        p["assume"] = []
        if self.has("assume") and rng.random() < 0.3:
            self.assume_decls()
        if not self.has("undecided_escalations"):
            for f in p["fields"]:
                if not f.get("key") and not f.get("names_model") and rng.random() < 0.5:
                    self.solid.add(f["name"])
        if self.has("effective_compute") and self.fields_of("compute") and rng.random() < 0.4:
            self.effective_decls()
        if self.has("defines"):
            for _ in range(rng.randint(0, 3)):
                self.define_decl()
        if self.has("ladders"):
            for i in range(rng.choice([0, 1, 1, 2, 2, 3])):
                self.ladder_decl(i)
        if self.has("triggers"):
            for i in range(rng.randint(0 if p["ladders"] else 1, 4)):
                self.trigger_decl(i)
        if self.has("exemptions") and self.has("obligations"):
            for i in range(rng.choice([0, 0, 1, 1, 2, 3])):
                self.exemption_decl(i)
        self.lines = self.collect_lines()
        return p

    def fresh(self, stem):
        i = 0
        while "%s%d" % (stem, i) in self.names:
            i += 1
        name = "%s%d" % (stem, i)
        self.names.add(name)
        return name

    def field_decls(self):
        rng, p = self.rng, self.p
        p["fields"].append({"name": "model", "type": "text", "key": True, "dim": "text"})
        self.names.add("model")
        wanted = ["compute", "compute", "params", "money", "score", "number"]
        if self.has("durations"):
            wanted.append("duration")
        rng.shuffle(wanted)
        for dim in wanted[:rng.randint(1, 4)] + ["compute"][:1]:
            if dim == "compute" and len(self.fields_of("compute")) >= 2:
                continue
            self.numeric_field(dim)
        if self.has("dates") and rng.random() < 0.7:
            self.add_field({"name": self.fresh("released"), "type": "date", "dim": "date"})
        if self.has("text") and rng.random() < 0.6:
            self.add_field({"name": self.fresh("access"), "type": "text", "dim": "text"})
        if self.has("bools") and rng.random() < 0.5:
            self.add_field({"name": self.fresh("flag"), "type": "bool", "dim": "bool"})
        if self.has("references") and rng.random() < 0.35:
            f = self.add_field({"name": self.fresh("pred"), "type": "text", "dim": "text", "names_model": True})
            p["references"].append({"name": self.fresh("prev"), "field": f["name"]})

    def add_field(self, f):
        f.setdefault("key", False)
        self.p["fields"].append(f)
        return f

    def numeric_field(self, dim):
        rng = self.rng
        base, _, _, _ = DIMENSIONS[dim]
        ftype = {"compute": "FLOP", "params": "params", "money": "USD", "score": "pp", "duration": "days",
                 "number": "number"}[dim]
        if self.has("unit_fields") and rng.random() < 0.3:
            choices = [u[0] for u in self.p["units"] if self.units.dim(u[0]) == dim]
            if self.p["import_std_units"] and dim == "compute":
                choices.append("pfs_day")
            if dim == "duration":
                choices += ["hours", "weeks"]
            if choices:
                ftype = rng.choice(choices)
        stem = {"compute": "compute", "params": "params", "money": "cost", "score": "score",
                "duration": "train_time", "number": "count"}[dim]
        if dim == "score" and rng.random() < 0.5:
            name = self.fresh("bench")
            # `scale 0..1`: the data gives fractions, read × 100
            fraction = self.has("fraction_scores") and rng.random() < 0.4
            self.p["benchmarks"].append({"name": name, "column": name + "_col" if rng.random() < 0.5 else None,
                                         "fraction": fraction})
            field = {"name": name, "type": "pp", "dim": "score", "benchmark": True,
                     "column": self.p["benchmarks"][-1]["column"]}
            if fraction:
                field["data_scale"] = 100
            return self.add_field(field)
        f = {"name": self.fresh(stem), "type": ftype, "dim": dim}
        if dim != "number" and self.has("csv") and rng.random() < 0.7:
            f["low"] = f["name"] + "_low"
            f["high"] = f["name"] + "_high"
        if rng.random() < 0.3:
            f["column"] = f["name"].capitalize() + " (col)"
        return self.add_field(f)

    def fields_of(self, dim):
        return [f for f in self.p["fields"] if f["dim"] == dim and not f.get("names_model") and not f.get("key")
                and (not self.solid_mode or f["name"] in self.solid)]

    def other_fields(self, dim):
        """Fields of a non-numeric kind (date, text, bool) a condition may read."""
        return [f for f in self.p["fields"] if f["dim"] == dim and not f.get("key") and not f.get("names_model")
                and (not self.solid_mode or f["name"] in self.solid)]

    def assume_decls(self):
        """docs/uncertainty.md, 3: a list varies over its entries, a range over its two ends.
        Numbers (used as factors), thresholds of a dimension the records have (used in
        comparisons), at most three varying (eight readings)."""
        rng = self.rng
        for _ in range(rng.choice([1, 1, 2, 3])):
            r = rng.random()
            if r < 0.35:
                vals = sorted(rng.sample([0.5, 1.0, 2.0, 3.0, 10.0], rng.choice([2, 2, 3])))
                self.p["assume"].append({"name": self.fresh("k"), "kind": "list", "dim": "number",
                                         "values": [["num", num_text(v), None] for v in vals]})
            elif r < 0.5:
                lo, hi = rng.choice([(0.5, 2.0), (1.0, 4.0), (3.0, 30.0)])
                self.p["assume"].append({"name": self.fresh("k"), "kind": "range", "dim": "number",
                                         "lo": ["num", num_text(lo), None], "hi": ["num", num_text(hi), None]})
            else:
                dim = rng.choice(self.numeric_dims())
                if dim == "number":
                    continue
                fields = self.fields_of(dim)
                base = ["field", fields[0]["name"]] if fields else ["num", "1", None]
                # compared with any expression: off every line arithmetic could land on
                vals = sorted({self.off_line(self.threshold_value(base, dim)) for _ in range(rng.choice([2, 2, 3]))})
                if r < 0.8 or len(vals) < 2:
                    self.p["assume"].append({"name": self.fresh("t"), "kind": "list", "dim": dim,
                                             "values": [self.literal(v, dim) for v in vals]})
                else:
                    lo, hi = self.literal(vals[0], dim), self.literal(vals[-1], dim)
                    if lo[2] != hi[2]:
                        hi = ["num", num_text(float(Fraction(vals[-1]) / self.units.size(lo[2]))), lo[2]] \
                            if lo[2] and as_double(Fraction(vals[-1]) / self.units.size(lo[2])) else None
                    if hi is None or lo[2] is None:
                        continue
                    self.p["assume"].append({"name": self.fresh("t"), "kind": "range", "dim": dim, "lo": lo, "hi": hi})

    def assumptions_of(self, dim):
        return [a for a in self.p.get("assume", []) if a["dim"] == dim and a["name"] != "multiplier"]

    def effective_decls(self):
        rng = self.rng
        base = ["field", rng.choice(self.fields_of("compute"))["name"]]
        r = rng.random()
        if r < 0.3:
            mult = None
            if self.has("assume") and rng.random() < 0.6 and \
                    not any(a["name"] == "multiplier" for a in self.p["assume"]):
                self.p["assume"].append({"name": "multiplier", "kind": "list", "dim": "ratio",
                                         "values": [["ratio", v] for v in rng.choice([["2.0", "8.0"], ["0.5", "4.0", "16.0"]])]})
        elif r < 0.6 or not self.has("within"):
            mult = ["ratio", num_text(rng.choice([0.5, 2, 3, 4, 10, 1.5]))]
        else:
            mult = ["within", "4", "x", "2", "8", "x"]
        self.p["effective"].append({"name": self.fresh("ec"), "base": base, "multiplier": mult})

    def define_decl(self):
        rng = self.rng
        if rng.random() < 0.5:
            dim = rng.choice(self.numeric_dims())
            e = self.num_expr(dim, 2)
            typ = None
            if rng.random() < 0.4:
                typ = {"compute": "FLOP", "params": "params", "money": "USD", "score": "pp", "duration": "days",
                       "ratio": "x", "number": "number"}.get(dim)
            self.p["defines"].append({"name": self.fresh("d"), "type": typ, "expr": e, "dim": dim})
        else:
            e = self.bool_expr(2)
            self.p["defines"].append({"name": self.fresh("cond"), "type": "bool" if rng.random() < 0.3 else None,
                                      "expr": e, "dim": "bool"})

    def numeric_dims(self):
        dims = sorted({f["dim"] for f in self.p["fields"] if f["dim"] in DIMENSIONS and not f.get("key")
                       and (not self.solid_mode or f["name"] in self.solid)})
        return dims or ["compute"]

    # Ladders ---------------------------------------------------------------------------------

    def ladder_decl(self, index):
        rng = self.rng
        dim = rng.choice(self.numeric_dims())
        by = self.num_expr(dim, 1 if rng.random() < 0.7 else 2, prefer_field=True)
        n = rng.randint(2, 5)
        values = sorted({self.threshold_value(by, dim) for _ in range(n * 3)})
        values = [v for v in values if v is not None]
        if len(values) < n - 1:
            values = sorted(set(values + [self.threshold_value(by, dim) or 1.0 for _ in range(n)]))
        cuts = sorted(rng.sample(values, min(n - 1, len(values)))) if values else []
        n = len(cuts) + 1
        words = TIER_WORDS[:n] if n <= len(TIER_WORDS) else ["t%d" % i for i in range(n)]
        tiers = [{"name": self.fresh_name("%s%d" % (w, index)), "lower": None, "upper": None, "obligations": []}
                 for w in words]
        for j, cut in enumerate(cuts):
            lower, upper = tiers[j + 1], tiers[j]
            q = self.literal(cut, dim)
            forms = ["from", "above", "below", "up_to"]
            if self.has("bound_forms"):
                forms += ["below+from", "up_to+above", "below+from", "up_to+above"]
            else:
                forms = ["from"]
            if self.has("gaps"):
                forms += ["below+above"]
            if self.has("overlaps"):
                forms += ["up_to+from"]
            form = rng.choice(forms)
            if form in ("from", "above"):
                lower["lower"] = [form, q]
            elif form in ("below", "up_to"):
                upper["upper"] = [form, q]
            else:
                up, lo = form.split("+")
                upper["upper"] = [up, q]
                lower["lower"] = [lo, self.literal(cut, dim)]
        # a tier with neither neighbour's bound written on a side would leave the ladder open:
        # every boundary above has at least one side written, so the ladder is closed.
        if self.has("gaps") and rng.random() < 0.2 and tiers[0]["lower"] is None and cuts:
            tiers[0]["lower"] = ["from", self.literal(cuts[0] / 10 if cuts[0] > 0 else cuts[0] - 10, dim)]
        # `from 0` leaves values below zero (a negated or subtracted axis) in no tier: a gap
        if self.has("gaps") and self.has("bound_forms") and rng.random() < 0.15 and tiers[0]["lower"] is None \
                and dim != "score":
            tiers[0]["lower"] = ["from", self.literal(0.0, dim)]
        if self.has("obligations"):
            kinds = list(OBLIGATION_KINDS)
            for t in tiers[1:] if rng.random() < 0.7 else tiers:
                if rng.random() < 0.6:
                    rng.shuffle(kinds)
                    for k in kinds[:rng.choice([1, 1, 1, 2])]:
                        t["obligations"].append(self.obligation(k))
        if self.has("tier_order") and rng.random() < 0.25:
            # Each inner bound written on both of its sides, so that the tiers keep their ranges
            # when written out of order (`tier-order` warns of it); the ends still run to their
            # new neighbours' bounds, or on without end.
            for j in range(len(tiers) - 1):
                below, above = tiers[j], tiers[j + 1]
                if below["upper"] is None and above["lower"] is not None:
                    below["upper"] = [{"from": "below", "above": "up_to"}[above["lower"][0]], above["lower"][1]]
                if above["lower"] is None and below["upper"] is not None:
                    above["lower"] = [{"below": "from", "up_to": "above"}[below["upper"][0]], below["upper"][1]]
            rng.shuffle(tiers)
        ladder = {"name": self.fresh("lad"), "by": by, "dim": dim, "tiers": tiers}
        self.p["ladders"].append(ladder)
        if self.has("escalations"):
            for _ in range(rng.choice([0, 0, 1, 1, 2])):
                target = rng.choice(tiers[1:])["name"] if rng.random() < 0.6 else tiers[-1]["name"]
                if not self.has("undecided_escalations"):
                    if not [f for f in self.p["fields"] if f["name"] in self.solid and f["dim"] in DIMENSIONS]:
                        break
                    self.solid_mode = True
                try:
                    when = self.bool_expr(2, avoid_ladder=ladder["name"])
                finally:
                    self.solid_mode = False
                self.p["escalations"].append({"ladder": ladder["name"], "to": target, "when": when})

    def fresh_name(self, name):
        if name in self.names:
            return self.fresh(name + "_")
        self.names.add(name)
        return name

    def obligation(self, kind):
        rng = self.rng
        ob = {"kind": kind, "text": rng.choice([None, "the office", "a report on %s" % kind]), "within": None}
        if rng.random() < 0.4:
            ob["within"] = ["num", str(rng.choice([2, 14, 30, 90])), rng.choice(["days", "weeks"])]
        return ob

    # Triggers and exemptions ------------------------------------------------------------------

    def trigger_decl(self, index):
        rng = self.rng
        t = {"name": self.fresh("trig"), "when": self.bool_expr(3), "obligations": []}
        if self.has("obligations") and rng.random() < 0.7:
            kinds = list(OBLIGATION_KINDS)
            rng.shuffle(kinds)
            for k in kinds[:rng.choice([1, 1, 2])]:
                t["obligations"].append(self.obligation(k))
        self.p["triggers"].append(t)

    def exemption_decl(self, index):
        rng = self.rng
        owners = [l["name"] + "." + t["name"] for l in self.p["ladders"] for t in l["tiers"] if t["obligations"]]
        owners += [t["name"] for t in self.p["triggers"] if t["obligations"]]
        r = rng.random()
        if r < 0.2 or not owners:
            applies, form = None, rng.choice(["block", "short"])
        elif r < 0.35:
            applies, form = "all", "block"
        else:
            applies, form = rng.sample(owners, rng.randint(1, min(3, len(owners)))), "block"
        cond = self.bool_expr(2)
        if self.has("certified") and rng.random() < 0.1:
            cond = ["certified", "clearly not dangerous"] if rng.random() < 0.5 else ["or", cond, ["certified", "safe"]]
        self.p["exemptions"].append({"name": self.fresh("ex"), "form": form, "applies_to": applies, "when": cond})

    # Expressions ------------------------------------------------------------------------------

    def literal(self, value, dim, exact=True):
        """A literal for `value` (in base units of dim), often in another unit of the dimension."""
        rng = self.rng
        if dim == "ratio":
            return ["ratio", num_text(value)] if value > 0 else ["num", num_text(value), None]
        units = list(LITERAL_UNITS[dim])
        if not self.has("durations") and dim == "duration":
            units = ["days"]
        if self.has("declared_units"):
            units += [u[0] for u in self.p["units"] if self.units.dim(u[0]) == dim]
            if self.p["import_std_units"] and dim == "compute":
                units += ["petaflop_s_day", "pfs_day", "operations"]
        unit = rng.choice(units)
        if unit is None:
            return ["num", num_text(value), None]
        size = self.units.size(unit)
        v = Fraction(value) / size
        f = float(v)
        # restate the value in the unit only when that is exact in binary64 (the number and the
        # product both): then `N unit` is exactly the value, and a record on the line stays on it
        if exact and (Fraction(f) != v or Fraction(f) * size != Fraction(value)):
            base = DIMENSIONS[dim][0]
            return ["num", num_text(value), base]
        return ["num", num_text(f), unit]

    def threshold_value(self, expr, dim):
        """A round value of `expr` at a random record: a threshold records will straddle.

        Records take round values too, so arithmetic on them often lands exactly on a round
        threshold (6e23 × 1.5 and 9e23), where binary64 rounding, exact binary64 and exact
        decimal arithmetic can each decide differently. Without `ulp_lines` a threshold for
        anything but a field read as it is gets odd digits (9.0000027e23), off every such line."""
        rng = self.rng
        v = None
        for _ in range(8):
            rec = self.random_record(0, [])
            x = reference.point_value(self.p, expr, rec)
            if x is not None:
                v = nice(float(x), rng)
                break
        if v is None:
            lo, hi = DIMENSIONS.get(dim, (None, 1.0, 100.0, False))[1:3]
            v = nice(rng.uniform(lo, hi), rng)
        if dim == "compute" and rng.random() < 0.15 and v > 0:
            # round in petaflop/s-days, written in FLOP: 3640 pfs-days are 3.14496e23 FLOP (the
            # shortest text of the binary64 product), which the metamorphic tests restate
            v = float(nice(v / 8.64e19, rng) * 8.64e19)
        return self.off_line(v, expr)

    def off_line(self, v, expr=None):
        """v, with odd digits unless it is compared with a field read as it is (or ulp_lines)."""
        if not self.has("ulp_lines") and (expr is None or not self.bare(expr)):
            v = float("%.7e" % ((v or 1.0) * (1 + self.rng.randint(1, 999) * 1e-7)))
        return v

    def bare(self, e):
        """Whether e is a field read as it is (directly, through a define, or at a reference)."""
        if e[0] == "field":
            return True
        if e[0] == "at":
            return self.bare(e[1])
        if e[0] == "define":
            return self.bare([d for d in self.p["defines"] if d["name"] == e[1]][0]["expr"])
        return False

    def num_expr(self, dim, depth, prefer_field=False):
        rng = self.rng
        fields = self.fields_of(dim)
        options = []
        if fields:
            options += ["field"] * 6
        defs = [d for d in self.p["defines"] if d["dim"] == dim] if not self.solid_mode else []
        if defs:
            options += ["define"] * 2
        if dim == "compute" and self.p["effective"] and not self.solid_mode:
            options += ["ec"] * 2
        if not prefer_field and depth > 0 and self.has("arith") and fields:
            options += ["add", "sub", "scale", "mulk", "divk", "minmax", "abs", "neg"]
            if dim != "ratio":
                pass
        if self.p["references"] and fields and depth > 0 and not self.solid_mode:
            options += ["at"]
        if dim == "ratio" and depth > 0 and not self.solid_mode:  # a divisor may be 0: unknown
            qdims = [d for d in self.numeric_dims() if d not in ("number",)]
            if qdims:
                options += ["ratio_of"] * 4
        if not options:
            if dim == "ratio":
                return ["ratio", num_text(rng.choice([0.5, 2.0, 4.0]))]
            return self.literal(self.threshold_value(["num", "1", None], dim) if dim == "number" else
                                rng.uniform(*DIMENSIONS[dim][1:3]), dim)
        kind = rng.choice(options)
        if kind == "field":
            return ["field", rng.choice(fields)["name"]]
        if kind == "define":
            return ["define", rng.choice(defs)["name"]]
        if kind == "ec":
            return ["ec", rng.choice(self.p["effective"])["name"]]
        if kind == "at":
            return ["at", ["field", rng.choice(fields)["name"]], rng.choice(self.p["references"])["name"]]
        if kind == "ratio_of":
            d = rng.choice([d for d in self.numeric_dims() if d not in ("number",)])
            return ["div", self.num_expr(d, depth - 1), self.positive_expr(d)]
        a = self.num_expr(dim, depth - 1)
        if kind in ("add", "sub"):
            b = self.num_expr(dim, depth - 1) if rng.random() < 0.5 else \
                self.literal(self.threshold_value(a, dim) or 1.0, dim)
            return [kind, a, b]
        if kind == "scale":
            if dim == "number":
                return ["mul", a, ["num", num_text(rng.choice([0.5, 2.0, 3.0])), None]]
            return ["scale", num_text(rng.choice([0.5, 2.0, 3.0, 4.0, 1.5, 10.0])), a]
        if kind == "mulk":
            ks = [["num", num_text(rng.choice([2.0, 3.0, 0.5, 1.5, 10.0])), None]]
            if self.assumptions_of("number") and not self.solid_mode:
                ks = [["assume", rng.choice(self.assumptions_of("number"))["name"]]] * 3 + ks
            if dim != "number":  # a number times a ratio is a ratio
                ks += [["ratio", num_text(rng.choice([2.0, 0.25, 3.0]))],
                       ["num", num_text(rng.choice([50.0, 150.0])), "%"]]
            k = rng.choice(ks)
            return ["mul", a, k] if rng.random() < 0.7 else ["mul", k, a]
        if kind == "divk":
            if dim == "number":
                # the checker types `n / 4` as a ratio for a plain number n (and `n * 4` as a
                # number), so `define d: number = n / 4` does not compile: multiply instead
                return ["mul", a, ["num", num_text(rng.choice([0.5, 0.25, 0.1])), None]]
            return ["div", a, ["num", num_text(rng.choice([2.0, 3.0, 4.0, 10.0, 0.5])), None]]
        if kind == "minmax":
            b = self.num_expr(dim, depth - 1) if rng.random() < 0.5 else \
                self.literal(self.threshold_value(a, dim) or 1.0, dim)
            return ["call", rng.choice(["min", "max"]), [a, b]]
        if kind == "abs":
            return ["call", "abs", [["sub", a, self.literal(self.threshold_value(a, dim) or 1.0, dim)]]]
        if kind == "neg":
            return ["neg", a]
        raise AssertionError(kind)

    def positive_expr(self, dim):
        """A divisor: a field (whose values are positive) or a positive literal."""
        fields = self.fields_of(dim)
        if fields and self.rng.random() < 0.7:
            return ["field", self.rng.choice(fields)["name"]]
        lo, hi = DIMENSIONS[dim][1:3]
        return self.literal(nice(max(self.rng.uniform(lo, hi), 1.0), self.rng) or 1.0, dim)

    def bool_expr(self, depth, avoid_ladder=None):
        rng = self.rng
        options = ["cmp"] * 8
        if depth > 0:
            options += ["and", "and", "or", "or", "not"]
        if self.has("dates") and self.other_fields("date"):
            options += ["date"] * 2
        if self.other_fields("text"):
            options += ["text"] * 2
        if self.other_fields("bool"):
            options += ["bool"] * 2
        if self.has("is_known"):
            options += ["known"]
        if [d for d in self.p["defines"] if d["dim"] == "bool"] and not self.solid_mode:
            options += ["bdefine"]
        ladders = [l for l in self.p["ladders"] if l["name"] != avoid_ladder]
        if avoid_ladder is not None:
            # an escalation may read only ladders declared before its own (no cycles)
            names = [l["name"] for l in self.p["ladders"]]
            ladders = [l for l in ladders if names.index(l["name"]) < names.index(avoid_ladder)]
        if self.has("tier_compare") and ladders and not self.solid_mode:
            options += ["tier"] * 3
        kind = rng.choice(options)
        if kind in ("and", "or"):
            return [kind, self.bool_expr(depth - 1, avoid_ladder), self.bool_expr(depth - 1, avoid_ladder)]
        if kind == "not":
            return ["not", self.bool_expr(depth - 1, avoid_ladder)]
        if kind == "cmp":
            dim = rng.choice(self.numeric_dims() + (["ratio"] if self.has("arith") and rng.random() < 0.2 else []))
            a = self.num_expr(dim, 1 if rng.random() < 0.6 else 2)
            op = rng.choice(["<", "<=", ">", ">=", "==", "!=", ">", ">="])
            if self.has("within") and rng.random() < 0.1 and dim in ("duration", "compute", "score") \
                    and not self.solid_mode:
                v = self.threshold_value(a, dim)
                lit = self.literal(v, dim)
                if lit[2] is not None and v > 0:
                    lo, hi = self.off_line(nice(v * 0.5, rng), a), self.off_line(nice(v * 2, rng), a)
                    b = ["within", lit[1], lit[2], num_text(lo / float(self.units.size(lit[2]))),
                         num_text(hi / float(self.units.size(lit[2]))), lit[2]]
                else:
                    b = lit
            elif self.assumptions_of(dim) and rng.random() < 0.3 and \
                    (dim != "number" or self.bare(a) or self.has("ulp_lines")):
                # a factor assumption (k0 in 1.0..4.0) is round: compared with arithmetic
                # (count0 * 0.1 > k0, count0 at 10.0) it sits within a rounding of the result
                b = ["assume", rng.choice(self.assumptions_of(dim))["name"]]
            elif rng.random() < 0.15 and dim != "ratio" and (self.has("ulp_lines") or self.bare(a)):
                b = self.num_expr(dim, 1)
                if not self.has("ulp_lines") and not self.bare(b):
                    b = ["field", rng.choice(self.fields_of(dim))["name"]] if self.fields_of(dim) else \
                        self.literal(self.threshold_value(a, dim), dim)
            else:
                v = self.threshold_value(a, dim)
                b = self.literal(v, dim) if dim != "ratio" else ["ratio", num_text(abs(v) or 1.0)]
            return ["cmp", op, a, b] if rng.random() < 0.85 else ["cmp", op, b, a]
        if kind == "date":
            f = rng.choice(self.other_fields("date"))["name"]
            d = ["date", date_text(rng.randrange(DATE_SPAN))]
            op = rng.choice(["<", "<=", ">", ">=", "==", "!="])
            r = rng.random()
            a = ["field", f]
            if r < 0.3 and self.has("arith"):
                units = ["days", "weeks"] + (["months", "years"] if self.has("months_in_dates") else [])
                a = [rng.choice(["add", "sub"]), a, ["num", str(rng.choice([1, 3, 6, 30, 90])), rng.choice(units)]]
            elif r < 0.45 and self.has("arith") and self.has("durations"):
                a = ["sub", ["date", date_text(rng.randrange(DATE_SPAN))], ["field", f]]
                d = ["num", str(rng.choice([30, 100, 365, 700])), "days"]
            elif r < 0.55 and self.p["references"] and not self.solid_mode:
                d = ["at", ["field", f], rng.choice(self.p["references"])["name"]]
            elif r < 0.8 and self.has("as_of") and (self.p.get("as_of") or not self.solid_mode):
                # docs/language.md: "`time_since(ref or date)`"; "Built-in names: `as_of`"
                n = ["num", str(rng.choice([30, 90, 180, 365, 730, 1000])), rng.choice(["days", "weeks"])]
                r2 = rng.random()
                if r2 < 0.4:
                    return ["cmp", op, ["call", "time_since", [["field", f]]], n]
                if r2 < 0.7 and self.has("arith") and self.has("durations"):
                    return ["cmp", op, ["sub", ["as_of"], ["field", f]], n]
                return ["cmp", op, a, ["as_of"]] if rng.random() < 0.5 else ["cmp", op, ["as_of"], a]
            return ["cmp", op, a, d]
        if kind == "text":
            f = rng.choice(self.other_fields("text"))["name"]
            r = rng.random()
            if r < 0.4:
                return ["cmp", rng.choice(["==", "!="]), ["field", f], ["str", rng.choice(ACCESS)]]
            if r < 0.5:
                return ["cmp", "==", ["str", rng.choice(ACCESS)], ["field", f]]
            if r < 0.8:
                return ["starts_with", ["field", f], ["str", rng.choice(["Open weights", "API", "Open", "Hosted"])]]
            return ["contains", ["field", f], ["str", rng.choice(["weights", "access", "restricted", "API"])]]
        if kind == "bool":
            f = ["field", rng.choice(self.other_fields("bool"))["name"]]
            r = rng.random()
            if r < 0.6:
                return f
            return ["cmp", rng.choice(["==", "!="]), f, ["bool", rng.random() < 0.5]]
        if kind == "known":
            # A status test is always decided, whatever its operand: a field, a comparison or a
            # ladder's tier, each of which may be unknown, possible or definite.
            test = rng.choice(["is_known", "is_unknown"] +
                              (["is_possible", "is_definite"] if self.has("status_tests") else []))
            # of a comparison or a tier with `status_tests` (whose status moves with a range's
            # width), else of a field
            r = rng.random() if self.has("status_tests") else 1.0
            if r < 0.3 and depth > 0:
                saved, self.solid_mode = self.solid_mode, False
                try:
                    operand = self.bool_expr(0, avoid_ladder)
                finally:
                    self.solid_mode = saved
                return [test, operand]
            if r < 0.45 and ladders:
                return [test, ["ladder", rng.choice(ladders)["name"]]]
            f = rng.choice([f for f in self.p["fields"] if not f.get("key")])["name"]
            return [test, ["field", f]]
        if kind == "bdefine":
            return ["define", rng.choice([d for d in self.p["defines"] if d["dim"] == "bool"])["name"]]
        if kind == "tier":
            l = rng.choice(ladders)
            t = rng.choice(l["tiers"])
            op = rng.choice(["==", "==", "!=", ">=", ">", "<", "<="])
            return ["cmp", op, ["ladder", l["name"]], ["tier", l["name"], t["name"], rng.random() < 0.6]]
        raise AssertionError(kind)

    # ------------------------------------------------------------------------------------------
    # Lines: the values records are put exactly on

    def collect_lines(self):
        """For each numeric field, the threshold values (in the field's data unit, as fractions)
        it is compared with directly, and the dates date fields are compared with."""
        lines = {}

        def add(field, value, exact=True):
            lines.setdefault(field, {})
            lines[field][value] = lines[field].get(value, False) or exact

        def const(e):
            if e[0] == "num":
                return reference.literal_value(self.units, e[1], e[2])
            if e[0] == "ratio":
                return binary64(e[1])
            if e[0] == "date":
                return reference.date_value(e[1])
            if e[0] == "as_of" and self.p.get("as_of"):
                return reference.date_value(self.p["as_of"])
            if e[0] == "within":
                return reference.literal_value(self.units, e[1], e[2])
            return None

        def field_of(e):
            if e[0] == "field":
                return e[1]
            if e[0] == "at" and e[1][0] == "field":
                return e[1][1]
            return None

        assumed = {a["name"]: a for a in self.p.get("assume", [])}

        def walk(e):
            if not isinstance(e, list):
                return
            if e[0] == "cmp":
                for a, b in ((e[2], e[3]), (e[3], e[2])):
                    f, c = field_of(a), const(b)
                    if f and b[0] == "assume" and b[1] in assumed:
                        x = assumed[b[1]]
                        for v in x["values"] if x["kind"] == "list" else [x["lo"], x["hi"]]:
                            add(f, const(v))
                    if f and c is not None:
                        add(f, c)
                        if b[0] == "within":
                            add(f, reference.literal_value(self.units, b[3], b[5]))
                            add(f, reference.literal_value(self.units, b[4], b[5]))
                    # time_since(f) or as_of - f against a duration: f at as_of minus it
                    asof = self.p.get("as_of")
                    if asof and c is not None and (
                            (a[0] == "call" and a[1] == "time_since" and a[2][0][0] == "field") or
                            (a[0] == "sub" and a[1][0] == "as_of" and a[2][0] == "field")):
                        f = a[2][0][1] if a[0] == "call" else a[2][1]
                        add(f, reference.date_value(asof) - c)
                    # date + duration vs date: the date exactly at the line
                    if a[0] in ("add", "sub") and a[1][0] == "field" and c is not None and a[2][0] == "num":
                        d = reference.literal_value(self.units, a[2][1], a[2][2])
                        add(a[1][1], c - d if a[0] == "add" else c + d, exact=False)
            for x in e[1:]:
                if isinstance(x, list):
                    walk(x)

        p = self.p
        for d in p["defines"]:
            walk(d["expr"])
        for l in p["ladders"]:
            f = field_of(l["by"])
            for t in l["tiers"]:
                for b in (t["lower"], t["upper"]):
                    if b and f:
                        add(f, const(b[1]))
        for x in p["escalations"] + p["triggers"] + p["exemptions"]:
            walk(x["when"])
        out = {}
        for name, vals in lines.items():
            f = self.field(name)
            if f is None or f["dim"] == "date":
                out[name] = sorted(vals)
                continue
            size = self.units.size(f["type"]) if f["type"] in self.units.units else Fraction(1)
            size *= f.get("data_scale", 1)
            # a line with whether it is exact: a binary64 in the field's data unit, reached with no
            # arithmetic, and in a field read in its dimension's base unit (so that its
            # neighbours are one rounding away on both sides, with nothing rounded in between)
            out[name] = sorted((v / size, exact and as_double(v / size) is not None, size == 1)
                               for v, exact in vals.items() if v is not None)
        return out

    def field(self, name):
        for f in self.p["fields"]:
            if f["name"] == name:
                return f
        return None

    # ------------------------------------------------------------------------------------------
    # Records

    def records(self, n):
        names = ["m%d" % i for i in range(n)]
        return [self.random_record(i, names) for i in range(n)]

    def random_record(self, i, names):
        rng = self.rng
        rec = {"model": "m%d" % i}
        lines = getattr(self, "lines", {})
        for f in self.p["fields"]:
            if f.get("key"):
                continue
            if self.has("missing") and rng.random() < 0.12 and f["name"] not in self.solid:
                continue
            name = f["name"]
            if f.get("names_model"):
                r = rng.random()
                rec[name] = rng.choice(names) if names and r < 0.8 else "no such model"
                continue
            dim = f["dim"]
            if dim == "text":
                rec[name] = rng.choice(ACCESS)
            elif dim == "bool":
                rec[name] = rng.random() < 0.5
            elif dim == "date":
                on = [v for v in lines.get(name, []) if v.denominator == 1]
                if on and self.has("on_line") and rng.random() < 0.3:
                    d = int(rng.choice(on)) + rng.choice([0, 0, -1, 1])
                else:
                    d = reference.date_value(EPOCH.isoformat()) + rng.randrange(DATE_SPAN)
                rec[name] = reference.date_text(int(d))
            else:
                rec[name] = self.numeric_cell(f, lines.get(name, []))
        return rec

    def numeric_cell(self, f, on):
        rng = self.rng
        dim = f["dim"]
        size = self.units.size(f["type"]) if f["type"] in self.units.units else Fraction(1)
        size *= f.get("data_scale", 1)
        _, lo, hi, log = DIMENSIONS[dim]

        ulp = self.has("ulp_lines")
        usable = [l for l in on if ulp or l[1]]

        def draw():
            if usable and self.has("on_line") and rng.random() < 0.35:
                v, exact, unscaled = rng.choice(usable)
                d = float(v)
                r = rng.random()
                if ulp or (exact and unscaled and d != 0):
                    if r < 0.2:
                        d = math.nextafter(d, math.inf)
                    elif r < 0.4 and d > 0:
                        d = math.nextafter(d, -math.inf)
                return max(d, 0.0)
            x = math.exp(rng.uniform(math.log(lo), math.log(hi))) if log else rng.uniform(lo, hi)
            if size != 1:
                x = float(Fraction(x) / size)
                # round in the data's unit: a round value in the base unit would sit within a
                # rounding of round thresholds once scaled (2e20 FLOP as 2.314814814814815 gpu_day)
                # without ulp_lines no round values at all: 9000 zflop is 9e24 FLOP exactly, and
                # the threshold `9e24 FLOP` is the binary64 nearest 9e24, a little above it
                if ulp and rng.random() < 0.5:
                    x = nice(x, rng)
                elif ulp and rng.random() < 0.5:
                    x = float(Fraction(nice(float(Fraction(x) * size), rng)) / size)
                return x
            return nice(x, rng) if rng.random() < 0.5 else x

        v = draw()
        if f["name"] in self.solid:
            return v
        if not self.has("ranges") or rng.random() < 0.5:
            return v if rng.random() < 0.8 else {"value": v}
        r = rng.random()
        if r < 0.15:
            return {"value": v, "low": v, "high": v}               # degenerate
        a, b = draw(), draw()
        if r < 0.45:
            # around the value, by a factor or a spread
            s = rng.choice([1.5, 2, 3, 10, 1.01])
            a, b = v / s, v * s
            if dim == "score":
                top = 100.0 / f.get("data_scale", 1)  # the scale's top, in the data's unit
                a, b = max(0.0, v - rng.uniform(0, top / 5)), min(top, v + rng.uniform(0, top / 5))
            elif not ulp:
                # An end made from the value by a round factor lands, through arithmetic or a
                # unit, within a rounding of the value's line: 10.0 / 10 × 0.1 against 0.1, or
                # 0.1 musd against 100000 USD. Odd digits keep it off every line.
                a, b = (float("%.7e" % (e * (1 + rng.randint(1, 999) * 1e-7))) for e in (a, b))
        lo_, hi_ = min(a, b, v), max(a, b, v)
        if r > 0.75 and r <= 0.8 and self.has("half_open"):
            return {"low": lo_} if rng.random() < 0.5 else {"high": hi_}
        if r > 0.8 and self.has("single_bound"):
            return {"value": v, "low": lo_} if rng.random() < 0.5 else {"value": v, "high": hi_}
        if r > 0.9 and self.has("midpoint") and hi_ - lo_ < 1e300:
            return {"low": min(a, b), "high": max(a, b)}
        return {"value": v, "low": lo_, "high": hi_}


# ----------------------------------------------------------------------------------------------
# Rendering: the program as policy text

PREC = {"or": 1, "and": 2, "not": 3, "cmp": 4, "is_known": 4, "is_unknown": 4, "is_possible": 4, "is_definite": 4, "starts_with": 4, "contains": 4,
        "add": 5, "sub": 5, "mul": 6, "div": 6, "neg": 7, "at": 8}


def prec(e):
    return PREC.get(e[0], 9)


def render_expr(e, min_prec=1):
    text = _render(e)
    return "(" + text + ")" if prec(e) < min_prec else text


def render_quantity(text, unit):
    return text if unit is None else "%s %s" % (text, unit)


def _render(e):
    k = e[0]
    if k in ("field", "define", "ec", "ladder", "assume"):
        return e[1]
    if k == "tier":
        return "%s.%s" % (e[1], e[2]) if e[3] else e[2]
    if k == "num":
        return render_quantity(e[1], e[2])
    if k == "within":
        return "%s within %s..%s" % (render_quantity(e[1], e[2]), e[3], render_quantity(e[4], e[5]))
    if k == "ratio":
        return e[1] + "x"
    if k == "date":
        return e[1]
    if k == "str":
        return json.dumps(e[1])
    if k == "bool":
        return "true" if e[1] else "false"
    if k == "certified":
        return "certified " + json.dumps(e[1])
    if k == "as_of":
        return "as_of"
    if k in ("or", "and"):
        p = PREC[k]
        return "%s %s %s" % (render_expr(e[1], p), k, render_expr(e[2], p + 1))
    if k == "not":
        return "not " + render_expr(e[1], 3)
    if k == "cmp":
        return "%s %s %s" % (render_expr(e[2], 5), e[1], render_expr(e[3], 5))
    if k in ("is_known", "is_unknown", "is_possible", "is_definite"):
        return render_expr(e[1], 5) + " is " + k[3:]
    if k in ("starts_with", "contains"):
        return "%s %s %s" % (render_expr(e[1], 5), k, render_expr(e[2], 5))
    if k in ("add", "sub"):
        return "%s %s %s" % (render_expr(e[1], 5), "+" if k == "add" else "-", render_expr(e[2], 6))
    if k in ("mul", "div"):
        return "%s %s %s" % (render_expr(e[1], 6), "*" if k == "mul" else "/", render_expr(e[2], 7))
    if k == "neg":
        return "-" + render_expr(e[1], 7)
    if k == "scale":
        return "%sx %s" % (e[1], render_expr(e[2], 8))
    if k == "at":
        return "%s@%s" % (render_expr(e[1], 9), e[2])
    if k == "call":
        return "%s(%s)" % (e[1], ", ".join(render_expr(a) for a in e[2]))
    raise ValueError("cannot render %r" % (e,))


def run_args(p):
    """The options `run` and `explain` take for this program: its evaluation date."""
    return ["--as-of", p["as_of"]] if p.get("as_of") else []


def render_obligation(ob):
    s = "require " + ob["kind"]
    if ob.get("text"):
        s += " " + json.dumps(ob["text"])
    if ob.get("within"):
        s += " within " + render_expr(ob["within"], 5)
    return s


def render_policy(p):
    out = ["// generated by tests/reference/generate.py, seed %d%s" % (
               p["seed"], "; run it with --as-of " + p["as_of"] if p.get("as_of") else ""),
           'policy %s "generated policy %d" {' % (p["name"], p["seed"]), "}", ""]
    if p.get("import_std_units"):
        out.append("import std.units")
    for name, mult, of in p["units"]:
        out.append("unit %s = %s %s" % (name, mult, of))
    for f in p["fields"]:
        if f.get("benchmark"):
            continue
        s = "field %s: %s" % (f["name"], f["type"])
        if f.get("key"):
            s += "  key"
        if f.get("column"):
            s += "  column " + json.dumps(f["column"])
        if f.get("low"):
            s += "  low " + json.dumps(f["low"])
        if f.get("high"):
            s += "  high " + json.dumps(f["high"])
        out.append(s)
    for b in p["benchmarks"]:
        s = 'benchmark %s { version "1" scale %s' % (b["name"], "0..1" if b.get("fraction") else "0..100 pp")
        if b.get("column"):
            s += " column " + json.dumps(b["column"])
        if b.get("where"):
            s += " where %s is %s" % (json.dumps(LONG_TASK), json.dumps(b["where"]))
        out.append(s + " }")
    for r in p["references"]:
        out.append("reference %s = %s" % (r["name"], r["field"]))
    for ec in p["effective"]:
        out.append("effective_compute %s {" % ec["name"])
        out.append("  base " + render_expr(ec["base"]))
        out.append("  multiplier " + (render_expr(ec["multiplier"]) if ec["multiplier"] else "unspecified"))
        out.append("}")
    for d in p["defines"]:
        out.append("define %s%s = %s" % (d["name"], ": " + d["type"] if d.get("type") else "", render_expr(d["expr"])))
    for l in p["ladders"]:
        out.append("tiers %s by %s {" % (l["name"], render_expr(l["by"])))
        for t in l["tiers"]:
            s = "  tier %s" % t["name"]
            for b in (t["lower"], t["upper"]):
                if b:
                    s += " %s %s" % (b[0], render_expr(b[1], 5))
            out.append(s)
            for ob in t["obligations"]:
                out.append("    " + render_obligation(ob))
        out.append("}")
    for e in p["escalations"]:
        out.append("escalate %s to %s when %s" % (e["ladder"], e["to"], render_expr(e["when"])))
    if p.get("assume"):
        out.append("assume {")
        for a in p["assume"]:
            if a["kind"] == "list":
                out.append("  %s in [%s]" % (a["name"], ", ".join(render_expr(v) for v in a["values"])))
            elif a["kind"] == "range":
                out.append("  %s in %s..%s" % (a["name"], a["lo"][1], render_quantity(a["hi"][1], a["hi"][2])))
            else:
                out.append("  %s = %s" % (a["name"], render_expr(a["expr"])))
        out.append("}")
    for t in p["triggers"]:
        out.append("trigger %s {" % t["name"])
        out.append("  when " + render_expr(t["when"]))
        for ob in t["obligations"]:
            out.append("  " + render_obligation(ob))
        out.append("}")
    for x in p["exemptions"]:
        if x["form"] == "short":
            out.append("exempt %s when %s" % (x["name"], render_expr(x["when"])))
            continue
        out.append("exemption %s {" % x["name"])
        if x["applies_to"] == "all":
            out.append("  applies_to all")
        elif x["applies_to"]:
            out.append("  applies_to " + ", ".join(x["applies_to"]))
        out.append("  when " + render_expr(x["when"]))
        out.append("}")
    out += render_tests(p.get("tests", []))
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------------------------
# Test blocks: records written in the policy, with the reference's definite verdicts as
# expectations (docs/language.md, Tests: "expectations that must be definitely true")

def test_cell(f, cell):
    """A record's value as a test record writes it: "a value may be `unknown` or a range
    `8.2e24..4.4e25 FLOP`; a bare number is read in the field's declared unit". A test record has
    no point estimate besides its range, so a value with a range is written as the value alone,
    and a range with no value as the range (whose middle is the point)."""
    if isinstance(cell, bool):
        return ("true" if cell else "false"), cell
    if isinstance(cell, str):
        return (cell if f["dim"] == "date" else json.dumps(cell)), cell
    if isinstance(cell, dict):
        if "value" in cell:
            return num_text(cell["value"]), cell["value"]
        return "%s..%s" % (num_text(cell["low"]), num_text(cell["high"])), {"low": cell["low"], "high": cell["high"]}
    return num_text(cell), cell


def make_tests(p, records, rng, count):
    """Up to `count` test blocks, each a record (with the records it references) and an
    expectation for every verdict the reference gives: its value when definite, `is possible` or
    `is unknown` when not."""
    by = {r["model"]: r for r in records}
    fields = {f["name"]: f for f in p["fields"]}
    refs = [r["field"] for r in p["references"]]
    tests = []
    for i, r in enumerate(rng.sample(records, min(count, len(records)))):
        block = [r] + [by[r[f]] for f in refs if r.get(f) in by and r.get(f) != r["model"]][:2]
        if any(isinstance(c, dict) and "value" not in c and ("low" not in c or "high" not in c)
               for rec in block for c in rec.values()):
            continue  # a half-open range has no form in a test record
        texts, recs = [], []
        for rec in block:
            entries, converted = [], {}
            for name, cell in rec.items():
                text, value = test_cell(fields[name], cell)
                entries.append("%s %s" % (name, text))
                converted[name] = value
            texts.append("record { %s }" % "  ".join(entries))
            recs.append(converted)
        ev = reference.Evaluator(p, recs)
        verdicts = ev.verdicts(recs[0])
        expects = []
        kinds_incurred = {}
        for rule, answer in verdicts.items():
            value, status = answer[0], answer[1]
            if value == "unsupported":
                if "." in rule:  # an obligation the reference cannot decide: no `not contains` of its kind
                    kinds_incurred.setdefault(rule.rsplit(".", 1)[1], []).append((value, status))
                continue
            if status == "possible" and answer[2] and "." not in rule:
                # possible because readings differ: a test checks each reading on its own, where
                # it is definite
                continue
            if rule in [l["name"] for l in p["ladders"]]:
                if status == "definite" and value != "no_tier":
                    expects.append(("tier", "%s == %s" % (rule, value if rng.random() < 0.5 else rule + "." + value)))
                elif status == "unknown":
                    expects.append(("unknown", "%s is unknown" % rule))
                elif status == "possible":
                    expects.append(("possible", "%s is possible" % rule))
            elif "." not in rule:  # a trigger or an exemption
                if status == "definite":
                    expects.append(("true" if value == "true" else "false", rule if value == "true" else "not " + rule))
                    if rng.random() < 0.2:
                        expects.append(("definite", "%s is definite" % rule))
                elif status == "unknown":
                    expects.append(("unknown", "%s is unknown" % rule))
                elif status == "possible":
                    expects.append(("possible", "%s is possible" % rule))
            else:
                kinds_incurred.setdefault(rule.rsplit(".", 1)[1], []).append((value, status))
        for kind, answers in sorted(kinds_incurred.items()):
            if ("true", "definite") in answers:
                expects.append(("contains", "obligations contains " + kind))
            elif all(a == ("false", "definite") for a in answers):
                expects.append(("not contains", "not (obligations contains %s)" % kind))
        if expects:
            tests.append({"name": "record %s" % r["model"], "records": texts, "expects": expects,
                          "as_of": p.get("as_of")})
    return tests


def render_tests(tests):
    out = []
    for t in tests:
        out.append("test %s {" % json.dumps(t["name"]))
        if t.get("as_of"):
            out.append("  as_of " + t["as_of"])
        for r in t["records"]:
            out.append("  " + r)
        for kind, e in t["expects"]:
            out.append("  expect " + e)
        out.append("}")
    return out


# ----------------------------------------------------------------------------------------------
# Data files

def jsonl_text(records, p=None, style="nested"):
    """The records as JSON Lines. "nested": each field under its own name, a range as
    `{"value", "low", "high"}`. "columns": a field with columns under its first column, and a
    range on a field with bound columns as those columns (docs/language.md, Record fields: "A
    JSON record may use either the field's own name or any of its columns"; bound columns: "The
    same goes for JSON keys, besides the `{"value", "low", "high"}` form")."""
    if style == "nested" or p is None:
        return "".join(json.dumps(r, allow_nan=False) + "\n" for r in records)
    fields = {f["name"]: f for f in p["fields"]}
    lines = []
    for r in records:
        o = {}
        for name, cell in r.items():
            f = fields[name]
            key = f.get("column") or name
            if isinstance(cell, dict) and f.get("low"):
                if "value" in cell:
                    o[key] = cell["value"]
                if "low" in cell:
                    o[f["low"]] = cell["low"]
                if "high" in cell:
                    o[f["high"]] = cell["high"]
            else:
                o[key] = cell
        lines.append(json.dumps(o, allow_nan=False) + "\n")
    return "".join(lines)


def csv_columns(p):
    """The CSV header: for each field its data column (its first column name, else its own
    name), then its bound columns."""
    cols = []
    for f in p["fields"]:
        cols.append((f["name"], "value", f.get("column") or f["name"]))
        if f.get("low"):
            cols.append((f["name"], "low", f["low"]))
            cols.append((f["name"], "high", f["high"]))
    return cols


# A long table's task and score columns (docs/language.md, Long tables): names no generated field
# takes.
LONG_TASK, LONG_SCORE = "long_task", "long_score"


def long_program(p):
    """p with every benchmark read from a long table: one score column, `where` its task."""
    q = json.loads(json.dumps(p))
    for b in q["benchmarks"]:
        b["column"] = LONG_SCORE
        b["where"] = b["name"]
    for f in q["fields"]:
        if f.get("benchmark"):
            f["column"] = LONG_SCORE
    return q


def long_jsonl_text(p, records):
    """The records as a long table for long_program(p), in JSON Lines: each model's object of its
    other fields, then one object per benchmark score (`long_task`, `long_score`, the model's
    name), a range as `{"value", "low", "high"}`. None when the program has no benchmark."""
    bench = [f["name"] for f in p["fields"] if f.get("benchmark")]
    if not bench:
        return None
    key = [f["name"] for f in p["fields"] if f.get("key")][0]
    lines = []
    for r in records:
        lines.append(json.dumps({k: v for k, v in r.items() if k not in bench}, allow_nan=False) + "\n")
        for name in bench:
            if r.get(name) is not None:
                row = {LONG_TASK: name, key: r[key], LONG_SCORE: r[name]}
                lines.append(json.dumps(row, allow_nan=False) + "\n")
    return "".join(lines)


def csv_quote(s):
    if any(c in s for c in ',"\n\r') or s != s.strip():
        return '"' + s.replace('"', '""') + '"'
    return s


def csv_cell(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return num_text(v)
    return csv_quote(str(v))


def csv_text(p, records):
    """The records as CSV, or None when one of them cannot be written so (a range on a field
    with no bound columns)."""
    cols = csv_columns(p)
    lines = [",".join(csv_quote(c[2]) for c in cols)]
    for r in records:
        cells = []
        for name, part, _ in cols:
            v = r.get(name)
            if isinstance(v, dict):
                f = [f for f in p["fields"] if f["name"] == name][0]
                if not f.get("low") and (("low" in v) or ("high" in v)):
                    return None
                v = v.get(part)
            elif part != "value":
                v = None
            cells.append(csv_cell(v))
        lines.append(",".join(cells))
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--records", type=int, default=5)
    ap.add_argument("--without", action="append", default=[], choices=sorted(FEATURES))
    ap.add_argument("--with", dest="with_", action="append", default=[], choices=sorted(FEATURES))
    ap.add_argument("--json", action="store_true", help="print the program as JSON too")
    args = ap.parse_args()
    feats = (set(FEATURES) - DEFAULT_OFF | set(args.with_)) - set(args.without)
    g = Generator(args.seed, feats)
    p = g.program()
    sys.stdout.write(render_policy(p))
    if args.json:
        print(json.dumps(p, indent=1))
    sys.stdout.write(jsonl_text(g.records(args.records)))


if __name__ == "__main__":
    main()
