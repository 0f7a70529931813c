#!/usr/bin/env python3
"""A reference evaluator of scalepol policies, written from the documentation (docs/language.md,
docs/uncertainty.md, docs/json-output.md) and the semantics decisions of issue 22, not from the
engine's code. It reads a program in the JSON form of tests/reference/README.md (what
generate.py writes) and model records in the form of a JSON Lines data file, and gives each
record's verdicts: for every ladder, trigger, exemption and obligation, a value and a status.

It is deliberately simple: every number read (a policy's literal, a record's value) is a binary64
value turned into an exact fraction (or, with units.NUMBERS["mode"] = "decimal", the exact
decimal its text writes), restated in its base unit exactly and rounded once (units.scaled, as
docs/semantics.md says), and everything after that is exact rational arithmetic, on intervals
where a value has a range. Logic is Kleene's three-valued logic, with a fourth case:
`possible` (a range straddles a line) keeps the value at the point estimate.

    reference.py PROGRAM.json RECORDS.jsonl      # prints one JSON line of verdicts per record
"""
import datetime
import json
import math
import sys
from fractions import Fraction

sys.dont_write_bytecode = True  # nothing written into the source tree
from units import BUILTIN, STD_UNITS, UnitTable, binary64, data_number, scaled

UNITS_BUILTIN_NAMES = set(BUILTIN)

DEFINITE, POSSIBLE, UNKNOWN = "definite", "possible", "unknown"


class Unsupported(Exception):
    """A case the documentation does not decide (the driver skips the verdict, and counts it)."""


# ----------------------------------------------------------------------------------------------
# Values

class Num:
    """A number (a quantity in its dimension's base unit, a date as a day number) with its
    range. docs/uncertainty.md, 2: "A value may carry a range"; a value without one has
    lo == pt == hi."""
    __slots__ = ("pt", "lo", "hi")

    def __init__(self, pt, lo=None, hi=None):
        self.pt = pt
        self.lo = pt if lo is None else lo
        self.hi = pt if hi is None else hi

    def __repr__(self):
        return "Num(%s, %s..%s)" % (self.pt, self.lo, self.hi)


class Missing:
    """An unknown value. docs/uncertainty.md, 1: "A field the record does not give is unknown.
    It is never read as zero, false or 'below the line'." """

    def __repr__(self):
        return "Missing"


MISSING = Missing()


class Truth:
    """A truth value with its status: definite (value True/False), possible (value: the truth at
    the point estimate), unknown (value None)."""
    __slots__ = ("status", "value")

    def __init__(self, status, value):
        self.status = status
        self.value = value if status != UNKNOWN else None

    def __repr__(self):
        return "Truth(%s, %s)" % (self.status, self.value)


T_TRUE = Truth(DEFINITE, True)
T_FALSE = Truth(DEFINITE, False)
T_UNKNOWN = Truth(UNKNOWN, None)


class TierValue:
    """A ladder's verdict for a record: the tier of the point estimate and the set of tiers the
    range reaches (positions in the ladder, lowest first; None for a value in no tier); the
    whole value is None when unknown. Issue 22, the lead's decision: "A tier's value is the tier
    of the point estimate; the range's ends give the tiers it reaches; status possible when
    they differ." On a ladder with no gaps the tiers the range reaches are those from its low
    end's to its high end's; where a gap or an overlap breaks the ladder, they are the tiers of
    the values in the range (a range from tier a into a gap above tier b reaches b too)."""
    __slots__ = ("pt", "reach")

    def __init__(self, pt, reach):
        self.pt, self.reach = pt, frozenset(reach)

    @property
    def status(self):
        return DEFINITE if len(self.reach) == 1 else POSSIBLE

    @property
    def lo(self):
        return min(place(t) for t in self.reach)

    @property
    def hi(self):
        return max(place(t) for t in self.reach)

    def __repr__(self):
        return "Tier(%s, %s)" % (self.pt, sorted(self.reach, key=lambda t: -1 if t is None else t))


def place(t):
    """A tier's place in the order of its ladder. docs/semantics.md, 4: "Orderings (`concern >=
    high`) go by the tiers' places in the ladder, the first written lowest; no tier ranks below
    every tier." """
    return -1 if t is None else t


TIER_UNKNOWN = None


class TierUnknown:
    """A tier that is unknown, though only some tiers are left: docs/semantics.md, 5, "If C
    lacks data, the tier is unknown; it still reaches only the tiers it may be in" (those of the
    range, and each of them raised to the escalation's)."""
    __slots__ = ("reach",)
    status = UNKNOWN

    def __init__(self, reach):
        self.reach = frozenset(reach)

    lo = TierValue.lo
    hi = TierValue.hi

    def __repr__(self):
        return "TierUnknown(%s)" % sorted(self.reach, key=place)
# The point of a tier value that has none (docs/semantics.md, 4 and 5): a half-open range, or an
# escalation that may or may not hold. Its value is unknown; the tiers it reaches still decide.
NO_POINT = "no point"


# ----------------------------------------------------------------------------------------------
# Literals

def literal_value(units, text, unit):
    """docs/language.md, Units: "Every number that means something has a unit, written after
    it"; the value is stored in the dimension's base unit ("stored as"). `unit NAME = NUMBER
    UNIT` "names a positive multiple of another unit". The number is read as units.binary64
    says; docs/semantics.md, 3, Units: restated in the base unit exactly in decimal, then rounded
    once to binary64 (units.scaled)."""
    v = binary64(text)
    return v if unit is None else scaled(v, units.size(unit))


def date_value(text):
    """A date as its day number. docs/language.md: "`date − date` is a duration" (in days:
    "| duration | … | days |")."""
    return Fraction(datetime.date.fromisoformat(text).toordinal())


def date_text(day):
    return datetime.date.fromordinal(int(day)).isoformat()


# ----------------------------------------------------------------------------------------------
# Logic: docs/uncertainty.md, 1, the table of Kleene's logic, and 2 for ranges

def t_not(a):
    """`not a`: "| false | … | true |", "| unknown | … | unknown |"; a possible truth stays
    possible, its value at the point estimate negated."""
    if a.status == UNKNOWN:
        return T_UNKNOWN
    return Truth(a.status, not a.value)


def t_and(a, b):
    """`a and b`: "unknown and false is false" (docs/language.md, Expressions); false if either
    side is definitely false, true if both are definitely true; otherwise unknown when a side
    rests on missing data, else possible (a range straddles a line)."""
    if (a.status == DEFINITE and a.value is False) or (b.status == DEFINITE and b.value is False):
        return T_FALSE
    if a.status == DEFINITE and b.status == DEFINITE:
        return T_TRUE
    if UNKNOWN in (a.status, b.status):
        return T_UNKNOWN
    return Truth(POSSIBLE, a.value and b.value)


def t_or(a, b):
    """`a or b`: "unknown or true is true"; the dual of `and`."""
    return t_not(t_and(t_not(a), t_not(b)))


def pt_of(f, *pts):
    """f of the point estimates, or None when one has none (a half-open range: docs/semantics.md,
    3, "a record that gives only one bound and no figure ... has no point estimate")."""
    return None if any(p is None for p in pts) else f(*pts)


def checked(num):
    """A result whose end is not a number (0 x infinity, infinity - infinity) is unknown: there is
    no range to compare."""
    if any(isinstance(x, float) and math.isnan(x) for x in (num.lo, num.hi)):
        return MISSING
    return num


def compare(op, a, b):
    """docs/uncertainty.md, 2: a comparison is "definitely true when it holds over the whole
    range, definitely false when it fails over the whole range, possibly true otherwise: the
    range straddles the line". "Comparisons stay exact as written: `> 1e25` is strict". The
    value of a possible comparison is its truth at the point estimates (issue 22, item 4)."""
    pv = None if a.pt is None or b.pt is None else {
        "<": a.pt < b.pt, "<=": a.pt <= b.pt, ">": a.pt > b.pt, ">=": a.pt >= b.pt,
        "==": a.pt == b.pt, "!=": a.pt != b.pt}[op]
    if op in (">", ">="):
        op, a, b = {">": "<", ">=": "<="}[op], b, a
    if op == "<":
        always, never = a.hi < b.lo, a.lo >= b.hi
    elif op == "<=":
        always, never = a.hi <= b.lo, a.lo > b.hi
    else:
        always = a.lo == a.hi == b.lo == b.hi
        never = a.hi < b.lo or b.hi < a.lo
        if op == "!=":
            always, never = never, always
    if always:
        return T_TRUE
    if never:
        return T_FALSE
    return Truth(POSSIBLE, pv)


def tier_is(tier, index):
    """`ladder == T`, and whether an obligation of tier T is imposed. Issue 22, the lead's
    decision: "true when the tier is definitely T; false when T lies outside the tiers the range
    reaches; possible otherwise; unknown when the tier is unknown". Possible: the value is
    whether the point estimate's tier is T."""
    if tier is TIER_UNKNOWN:
        return T_UNKNOWN
    if isinstance(tier, TierUnknown):  # false for a tier it cannot be; unknown otherwise
        return T_UNKNOWN if index in tier.reach else T_FALSE
    if tier.reach == {index}:
        return T_TRUE
    if index not in tier.reach:
        return T_FALSE
    return Truth(POSSIBLE, tier.pt == index)


# ----------------------------------------------------------------------------------------------
# Arithmetic: docs/language.md, "Arithmetic on ranges is interval arithmetic"

def n_add(a, b):
    return checked(Num(pt_of(lambda x, y: x + y, a.pt, b.pt), a.lo + b.lo, a.hi + b.hi))


def n_sub(a, b):
    return checked(Num(pt_of(lambda x, y: x - y, a.pt, b.pt), a.lo - b.hi, a.hi - b.lo))


def n_mul(a, b):
    ends = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
    if any(isinstance(x, float) and math.isnan(x) for x in ends):
        return MISSING  # 0 x infinity
    return Num(pt_of(lambda x, y: x * y, a.pt, b.pt), min(ends), max(ends))


def n_div(a, b):
    """"a quantity over one of its own dimension is a ratio". The documentation does not say
    what a division by zero is, nor by a range that holds zero: here it is unknown (there is no
    value to compare), as the engine has it ("a / b > 1x is undecided"); README.md lists it."""
    if b.lo <= 0 <= b.hi:
        return MISSING
    return n_mul(a, Num(pt_of(lambda x: 1 / x, b.pt), 1 / b.hi, 1 / b.lo))


def n_neg(a):
    return Num(pt_of(lambda x: -x, a.pt), -a.hi, -a.lo)


def n_min(a, b):
    return Num(pt_of(min, a.pt, b.pt), min(a.lo, b.lo), min(a.hi, b.hi))


def n_max(a, b):
    return Num(pt_of(max, a.pt, b.pt), max(a.lo, b.lo), max(a.hi, b.hi))


def n_abs(a):
    pt = pt_of(abs, a.pt)
    if a.lo >= 0:
        return Num(pt, a.lo, a.hi)
    if a.hi <= 0:
        return Num(pt, -a.hi, -a.lo)
    return Num(pt, Fraction(0), max(-a.lo, a.hi))


# ----------------------------------------------------------------------------------------------
# Records

def read_cell(field, cell, units):
    """A record's value for a field. docs/language.md, Record fields: "A record with a bound is
    read as a range … A missing bound is the value itself; with no value, the middle of the two
    bounds is the point estimate." The JSON form: `{"value", "low", "high"}`. A bare number is
    read in the field's declared unit (docs/language.md, Tests; Declared units: "`field run:
    pfs_day`, whose data is then read in pfs-days"). A missing or null cell is unknown."""
    if cell is None:
        return MISSING
    t = field["type"]
    if t == "text":
        return cell
    if t == "bool":
        return T_TRUE if cell else T_FALSE
    if t == "date":
        return Num(date_value(cell))
    size = units.size(t) if t != "number" else Fraction(1)
    # docs/language.md, Benchmarks: "`scale 0..1` as fractions, so that a score of `0.1931` is
    # 19.31 pp"
    size *= Fraction(field.get("data_scale", 1))
    if isinstance(cell, dict):
        v, lo, hi = (cell.get(k) for k in ("value", "low", "high"))
        v, lo, hi = (None if x is None else scaled(data_number(x), size) for x in (v, lo, hi))
        if v is None:
            if lo is None and hi is None:
                return MISSING
            if lo is None or hi is None:
                # docs/semantics.md, 3: "A record that gives only one bound and no figure
                # (`≥ 1.3e24`) has a half-open range and no point estimate"; a total's range
                # starts at zero
                total = field.get("dim") in ("compute", "params")
                return Num(None, lo if lo is not None else (Fraction(0) if total else -math.inf),
                           hi if hi is not None else math.inf)
            v = (lo + hi) / 2
        lo = v if lo is None else lo
        hi = v if hi is None else hi
        if not lo <= v <= hi:
            raise Unsupported("bounds that do not hold the value")
        return Num(v, lo, hi)
    return Num(scaled(data_number(cell), size))


# ----------------------------------------------------------------------------------------------
# The evaluator

class Evaluator:
    def __init__(self, program, records=()):
        self.p = program
        units = [tuple(u) for u in STD_UNITS] if program.get("import_std_units") else []
        self.units = UnitTable(units + [tuple(u) for u in program.get("units", [])])
        self.fields = {f["name"]: f for f in program["fields"]}
        self.key = [f["name"] for f in program["fields"] if f.get("key")][0]
        self.defines = {d["name"]: d for d in program.get("defines", [])}
        self.effective = {e["name"]: e for e in program.get("effective", [])}
        self.references = {r["name"]: r for r in program.get("references", [])}
        self.ladders = {l["name"]: l for l in program.get("ladders", [])}
        self.intervals = {}
        self.literals = {}
        self.by_name = {}
        for r in records:
            self.by_name.setdefault(r.get(self.key), r)

    # One record's context: values computed once per record -----------------------------------

    def context(self, record, reading=None):
        return {"record": record, "memo": {}, "reading": reading or {}}

    def field(self, ctx, name):
        memo = ctx["memo"]
        if ("field", name) not in memo:
            memo[("field", name)] = read_cell(self.fields[name], ctx["record"].get(name), self.units)
        return memo[("field", name)]

    def eval(self, e, ctx):
        k = e[0]
        if k == "field":
            return self.field(ctx, e[1])
        if k == "num":
            key = (e[1], e[2])  # a literal's value, worked out once
            if key not in self.literals:
                self.literals[key] = Num(literal_value(self.units, e[1], e[2]))
            return self.literals[key]
        if k == "within":
            # docs/language.md: "A value can carry a range: `8 months within 5..14 months`";
            # "the unit after the high end applies to both ends"
            return Num(literal_value(self.units, e[1], e[2]), literal_value(self.units, e[3], e[5]),
                       literal_value(self.units, e[4], e[5]))
        if k == "ratio":
            return Num(binary64(e[1]))  # "| ratio | `4x`, `1.5x` | a number written with `x`"
        if k == "date":
            return Num(date_value(e[1]))
        if k == "str":
            return e[1]
        if k == "bool":
            return T_TRUE if e[1] else T_FALSE
        if k == "certified":
            # docs/language.md, Exemptions: "`certified "…"` is a free-text condition: it has no
            # operational test, so it is never decided (always unknown)."
            return T_UNKNOWN
        if k == "as_of":
            # docs/language.md: "Built-in names: `as_of` (the evaluation date)"; docs/cli.md,
            # `--as-of`: "Without it there is no evaluation date …, and what rests on one is
            # unknown"
            return Num(date_value(self.p["as_of"])) if self.p.get("as_of") else MISSING
        if k == "call" and e[1] == "time_since":
            # "`time_since(ref or date)`": the time from the date to the evaluation date
            d = self.eval(e[2][0], ctx)
            now = self.eval(["as_of"], ctx)
            return MISSING if d is MISSING or now is MISSING else n_sub(now, d)
        if k == "assume":
            return self.assumption(e[1], ctx)
        if k == "define":
            return self.define(e[1], ctx)
        if k == "ec":
            return self.effective_compute(e[1], ctx)
        if k == "ladder":
            return self.ladder(e[1], ctx)
        if k == "tier":
            # a tier of a ladder, as its position ("tiers are ordered")
            return [t["name"] for t in self.ladders[e[1]]["tiers"]].index(e[2])
        if k == "at":
            return self.at(e[1], e[2], ctx)
        if k in ("and", "or"):
            a, b = self.truth(e[1], ctx), self.truth(e[2], ctx)
            return t_and(a, b) if k == "and" else t_or(a, b)
        if k == "not":
            return t_not(self.truth(e[1], ctx))
        if k == "cmp":
            return self.comparison(e[1], e[2], e[3], ctx)
        if k in ("is_known", "is_unknown", "is_possible", "is_definite"):
            # docs/semantics.md, 1: every value is unknown (the data does not say), possible (its
            # range leaves it open) or definite; `is known` is "not unknown". A number whose range
            # holds more than one value is possible; the test itself is always decided.
            v = self.eval(e[1], ctx)
            if v is MISSING or v is TIER_UNKNOWN or isinstance(v, TierUnknown):
                status = UNKNOWN
            elif isinstance(v, (Truth, TierValue)):
                status = v.status
            elif isinstance(v, Num):
                status = DEFINITE if v.lo == v.hi else POSSIBLE
            else:
                status = DEFINITE
            holds = {"is_known": status != UNKNOWN, "is_unknown": status == UNKNOWN,
                     "is_possible": status == POSSIBLE, "is_definite": status == DEFINITE}[k]
            return T_TRUE if holds else T_FALSE
        if k in ("starts_with", "contains"):
            a, b = self.eval(e[1], ctx), self.eval(e[2], ctx)
            if a is MISSING or b is MISSING:
                return T_UNKNOWN
            return T_TRUE if (a.startswith(b) if k == "starts_with" else b in a) else T_FALSE
        # arithmetic: an unknown operand makes the result unknown (it rests on missing data)
        args = [self.eval(x, ctx) for x in (e[2] if k == "call" else
                                            [e[2]] if k == "scale" else e[1:])]
        if any(a is MISSING for a in args):
            return MISSING
        if k == "add":
            return n_add(*args)
        if k == "sub":
            return n_sub(*args)
        if k == "mul":
            return n_mul(*args)
        if k == "div":
            return n_div(*args)
        if k == "neg":
            return n_neg(*args)
        if k == "scale":
            # docs/language.md: "`4x e` | a ratio applied to an operand: … is `4 × …`"
            return n_mul(Num(binary64(e[1])), args[0])
        if k == "call":
            return {"min": n_min, "max": n_max, "abs": n_abs}[e[1]](*args)
        raise ValueError("unknown expression %r" % (e,))

    def truth(self, e, ctx):
        v = self.eval(e, ctx)
        if v is MISSING:
            return T_UNKNOWN
        if not isinstance(v, Truth):
            raise ValueError("not a condition: %r" % (e,))
        return v

    def comparison(self, op, ea, eb, ctx):
        a, b = self.eval(ea, ctx), self.eval(eb, ctx)
        if ea[0] == "tier" or eb[0] == "tier":
            return self.tier_comparison(op, ea, eb, a, b)
        if a is MISSING or b is MISSING:
            return T_UNKNOWN
        if isinstance(a, Truth) or isinstance(b, Truth):
            # `flag == true`: a definite truth compared; an undecided one stays undecided
            if a.status != DEFINITE or b.status != DEFINITE:
                return T_UNKNOWN if UNKNOWN in (a.status, b.status) else Truth(POSSIBLE, (a.value == b.value) == (op == "=="))
            return T_TRUE if (a.value == b.value) == (op == "==") else T_FALSE
        if isinstance(a, str) or isinstance(b, str):
            return T_TRUE if (a == b) == (op == "==") else T_FALSE
        return compare(op, a, b)

    def tier_comparison(self, op, ea, eb, a, b):
        """docs/language.md, Tiers: "In expressions, a ladder's name is the record's tier, and
        tiers are ordered: `concern >= high`, `gpai_tier == systemic_risk`". Issue 22, the lead's
        decision: a test `ladder == T` "is: true when the tier is definitely T; false when T
        lies outside the tiers the range reaches; possible otherwise; unknown when the tier is
        unknown". The other orderings follow the same rule on the positions of the tiers."""
        if ea[0] == "tier":
            op = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}[op]
            ea, eb, a, b = eb, ea, b, a
        if a is TIER_UNKNOWN:
            return T_UNKNOWN
        if op in ("==", "!="):
            return tier_is(a, b) if op == "==" else t_not(tier_is(a, b))
        if isinstance(a, TierUnknown):  # decided when every tier it may be in agrees
            t = compare(op, Num(None, Fraction(a.lo), Fraction(a.hi)), Num(Fraction(b)))
            return t if t.status == DEFINITE else T_UNKNOWN
        return compare(op, Num(None if a.pt is NO_POINT else Fraction(place(a.pt)), Fraction(a.lo), Fraction(a.hi)),
                       Num(Fraction(b)))

    def define(self, name, ctx):
        """docs/language.md, Definitions: "A named expression, evaluated per record." """
        memo = ctx["memo"]
        if ("define", name) not in memo:
            memo[("define", name)] = self.eval(self.defines[name]["expr"], ctx)
        return memo[("define", name)]

    def assumption(self, name, ctx):
        """The value of an assumption under the reading (docs/uncertainty.md, 3: "Any assumption
        can be used by name in expressions")."""
        a = [x for x in self.p.get("assume", []) if x["name"] == name][0]
        if a["kind"] == "value":
            return self.eval(a["expr"], ctx)
        return self.eval(ctx["reading"][name][1], ctx)

    def effective_compute(self, name, ctx):
        """docs/language.md, Effective compute: "The value of `ec` for a record is `base ×
        multiplier`. When the multiplier is absent or `unspecified`, the value is unknown."
        docs/uncertainty.md, 3: "An assumption named `multiplier` is the multiplier of every
        `effective_compute` that leaves its own unspecified." """
        ec = self.effective[name]
        mult = ec.get("multiplier")
        if not mult:
            if "multiplier" not in ctx.get("reading", {}) and \
                    not any(a["name"] == "multiplier" for a in self.p.get("assume", [])):
                return MISSING
            mult = ["assume", "multiplier"]
        base, mult = self.eval(ec["base"], ctx), self.eval(mult, ctx)
        if base is MISSING or mult is MISSING:
            return MISSING
        return n_mul(base, mult)

    def at(self, e, ref, ctx):
        """docs/language.md, Reference points: "`expr@ref` is the value of `expr` for the record
        that `ref` names (found by the key field)"; "A reference that names no record makes the
        value unknown"."""
        name = ctx["record"].get(self.references[ref]["field"])
        other = self.by_name.get(name) if name is not None else None
        if other is None:
            return MISSING
        memo = ctx.setdefault("others", {})
        if name not in memo:
            # docs/uncertainty.md, 6: "Under the sweep the referenced record is evaluated under
            # the same reading."
            memo[name] = self.context(other, ctx.get("reading"))
        return self.eval(e, memo[name])

    # Tiers ------------------------------------------------------------------------------------

    def tier_intervals(self, ladder):
        """docs/language.md, Tiers: "Bounds: `below x` (< x), `up_to x` (≤ x), `above x` (> x),
        `from x` (≥ x). A tier written with one bound runs to its neighbour". docs/lint/tier-
        overlap.md: "where a bound is missing, the neighbouring tier's bound". The lowest tier
        with no lower bound runs from −∞, the highest with no upper bound to +∞."""
        tiers = ladder["tiers"]
        out = []
        for i, t in enumerate(tiers):
            lower, upper = t["lower"], t["upper"]
            # "A side that neither neighbour writes is left open: the tier runs on without end."
            if lower is None and i > 0 and tiers[i - 1]["upper"] is not None:
                prev = tiers[i - 1]["upper"]
                lower = [{"below": "from", "up_to": "above"}[prev[0]], prev[1]]
            if upper is None and i + 1 < len(tiers) and tiers[i + 1]["lower"] is not None:
                nxt = tiers[i + 1]["lower"]
                upper = [{"from": "below", "above": "up_to"}[nxt[0]], nxt[1]]
            lo = None if lower is None else (lower[0], self.eval(lower[1], self.context({})).pt)
            hi = None if upper is None else (upper[0], self.eval(upper[1], self.context({})).pt)
            out.append((lo, hi))
        return out

    def tiers_reached(self, ladder, lo, hi):
        """The tiers of the values from lo to hi: each tier's interval has its ends among the
        bounds, so the tier is constant between consecutive bounds; one value at each bound in
        [lo, hi] and one between each two (and lo and hi themselves) find them all."""
        if lo == hi:
            return {self.tier_of(ladder, lo)}
        cuts = sorted({b[1] for iv in self.intervals[ladder["name"]] for b in iv if b is not None and lo < b[1] < hi})
        points = [lo, hi] + cuts
        edges = [lo] + cuts + [hi]
        points += [(a + b) / 2 for a, b in zip(edges, edges[1:])]
        return {self.tier_of(ladder, x) for x in points}

    def tier_of(self, ladder, x):
        """The tier a value falls in. docs/lint/tier-overlap.md: "where two tiers overlap,
        evaluation takes the later tier"; docs/json-output.md: `"no_tier"` "when the value
        falls in no tier" (None here)."""
        found = None
        for i, (lo, hi) in enumerate(self.intervals[ladder["name"]]):
            if lo is not None and not (x >= lo[1] if lo[0] == "from" else x > lo[1]):
                continue
            if hi is not None and not (x < hi[1] if hi[0] == "below" else x <= hi[1]):
                continue
            found = i
        return found

    def ladder(self, name, ctx):
        memo = ctx["memo"]
        if ("ladder", name) not in memo:
            memo[("ladder", name)] = self.compute_ladder(name, ctx)
        return memo[("ladder", name)]

    def compute_ladder(self, name, ctx):
        ladder = self.ladders[name]
        if name not in self.intervals:
            self.intervals[name] = self.tier_intervals(ladder)
        v = self.eval(ladder["by"], ctx)
        if v is MISSING:
            tier = TIER_UNKNOWN
        else:
            reach = self.tiers_reached(ladder, v.lo, v.hi)
            if v.pt is not None:
                pt = self.tier_of(ladder, v.pt)
            else:
                pt = next(iter(reach)) if len(reach) == 1 else NO_POINT
            tier = TierValue(pt, reach)
        for esc in self.p.get("escalations", []):
            if esc["ladder"] == name:
                tier = self.escalate(ladder, tier, esc, ctx)
        return tier

    def escalate(self, ladder, tier, esc, ctx):
        """docs/language.md, Escalations: "Raises the ladder's tier to at least `high` when the
        condition holds: the tier of the point estimate and both ends of its range rise to `high`
        if they are below it. A record with no tier (its compute is unknown) is escalated only to
        the top tier …; to a lower one its tier stays unknown. When the condition is unknown and
        the record's tier is below `high`, its tier is unknown (`possible` when the condition
        straddles a line rather than lacks data)." Issue 22, the lead's decision: "if C is
        unknown/possible and the tier could be below E, the tier is unknown (possible if C was
        possible and the base was known)"; docs/semantics.md, 5: a possible escalation reaches
        "the tiers of the range, and each of them raised to E" (it "reaches the tiers it may be
        in, and no other"). Escalations apply in the order written."""
        names = [t["name"] for t in ladder["tiers"]]
        e = names.index(esc["to"])
        c = self.truth(esc["when"], ctx)
        if c.status == DEFINITE and c.value is False:
            return tier
        # docs/semantics.md, 5: "no tier, being below every tier, becomes `high`"
        if c.status == DEFINITE:
            if tier is TIER_UNKNOWN:
                return TierValue(e, [e]) if e == len(names) - 1 else TIER_UNKNOWN
            reach = {max(place(t), e) for t in tier.reach}
            if isinstance(tier, TierUnknown):  # raised to one tier, it is known
                return TierValue(next(iter(reach)), reach) if len(reach) == 1 else TierUnknown(reach)
            if tier.pt is NO_POINT:
                return TierValue(next(iter(reach)) if len(reach) == 1 else NO_POINT, reach)
            return TierValue(max(place(tier.pt), e), reach)
        if tier is not TIER_UNKNOWN and tier.lo >= e:
            return tier  # the tier cannot be below E: the condition changes nothing
        if tier is TIER_UNKNOWN:
            return TIER_UNKNOWN
        if c.status == UNKNOWN or isinstance(tier, TierUnknown):
            # docs/semantics.md, 5: "If C lacks data, the tier is unknown; it still reaches only
            # the tiers it may be in"
            return TierUnknown(tier.reach | {max(place(t), e) for t in tier.reach})
        # docs/semantics.md, 5: "If C is possible ... the tier has no point estimate: its value
        # is unknown, status possible, and it reaches the tiers it reaches either way: those of
        # the range, and each of them raised to E"
        return TierValue(NO_POINT, tier.reach | {max(place(t), e) for t in tier.reach})

    def tier_is(self, ladder_name, tier_index, ctx):
        """An obligation of tier T: issue 22, the lead's decision: "true when the tier is
        definitely T; false when T lies outside the tiers the range reaches; possible otherwise;
        unknown when the tier is unknown"."""
        return tier_is(self.ladder(ladder_name, ctx), tier_index)

    # Verdicts ---------------------------------------------------------------------------------

    # The interpretation sweep ------------------------------------------------------------------

    def readings(self):
        """docs/language.md, Assumptions: "a list (`in [a, b]`) varies over its entries, a range
        (`in lo..hi`) over its two ends, and `x = expr` is derived from the others. The evaluator
        runs the policy once per reading (every combination of the varying assumptions)". The
        first reading takes every first entry (and low end)."""
        varying = [a for a in self.p.get("assume", []) if a["kind"] in ("list", "range")]
        readings = [{}]
        for a in varying:
            entries = a["values"] if a["kind"] == "list" else [a["lo"], a["hi"]]
            readings = [dict(r, **{a["name"]: (i, e)}) for r in readings for i, e in enumerate(entries)]
        return [a["name"] for a in varying], readings

    def verdicts(self, record):
        """One record's verdicts, in the order of docs/json-output.md: "one object per tier
        ladder, trigger and exemption of the policy, then one per obligation the model may
        incur". Each is (value, status, depends_on, listed); a verdict the reference cannot
        decide is ("unsupported", reason, (), True). Every obligation is given, with whether the
        report lists it.

        docs/uncertainty.md, 3: the results of the readings fold into one verdict per rule:
        "`robust: true` when every reading gives the same value and status; otherwise `robust:
        false`, `depends_on` names each assumption whose change *alone* changes the verdict for
        some reading … The value is the one all readings share, with the least certain of their
        statuses …; or the first reading's, with status `possible`, when they differ." An
        obligation no reading lists is not listed."""
        names, readings = self.readings()
        results = [self.verdicts_in(record, r) for r in readings]
        if len(results) == 1:
            return {rule: (a[0], a[1], (), a[2]) for rule, a in results[0].items()}
        out = {}
        for rule in results[0]:
            answers = [res[rule] for res in results]
            if any(a[0] == "unsupported" for a in answers):
                out[rule] = ("unsupported", [a for a in answers if a[0] == "unsupported"][0][1], (), True)
                continue
            listed = any(a[2] for a in answers)
            shown = [(a[0], a[1]) for a in answers]
            if len(set(shown)) == 1:
                out[rule] = (shown[0][0], shown[0][1], (), listed)
                continue
            deps = []
            for name in names:
                for i, ri in enumerate(readings):
                    if any(shown[i] != shown[j] for j, rj in enumerate(readings)
                           if rj[name][0] != ri[name][0] and all(rj[n][0] == ri[n][0] for n in names if n != name)):
                        deps.append(name)
                        break
            # docs/uncertainty.md, 3: "The value is the one all readings share, with the least
            # certain of their statuses (`unknown` when a reading lacks data, else `possible`);
            # or the first reading's, with status `possible`, when they differ."
            real = [(a[0], a[1]) for a in answers]
            values = {v for v, _ in real}
            if len(values) == 1:
                statuses = {st for _, st in real}
                status = UNKNOWN if UNKNOWN in statuses else POSSIBLE if POSSIBLE in statuses else DEFINITE
                out[rule] = (values.pop(), status, tuple(deps), listed)
            else:
                out[rule] = (real[0][0], POSSIBLE, tuple(deps), listed)
        return out

    def verdicts_in(self, record, reading):
        """The verdicts under one reading: rule -> (value, status, listed)."""
        ctx = self.context(record)
        ctx["reading"] = reading
        out = {}

        def guard(rule, fn):
            try:
                a = fn()
                out[rule] = (a[0], a[1], len(a) < 3)
            except Unsupported as exc:
                out[rule] = ("unsupported", str(exc), True)

        def show_truth(t):
            # docs/json-output.md: a possible trigger's, exemption's or obligation's value is
            # `unknown` ("the value is left open rather than guessed from the point estimate")
            if t.status != DEFINITE:
                return ("unknown", t.status)
            return ("true" if t.value else "false", t.status)

        def show_tier(name):
            tier = self.ladder(name, ctx)
            if tier is TIER_UNKNOWN or isinstance(tier, TierUnknown):
                return ("unknown", UNKNOWN)
            names = [t["name"] for t in self.ladders[name]["tiers"]]
            if tier.pt is NO_POINT:
                return ("unknown", POSSIBLE)
            return ("no_tier" if tier.pt is None else names[tier.pt], tier.status)

        for l in self.p.get("ladders", []):
            guard(l["name"], lambda l=l: show_tier(l["name"]))
        for t in self.p.get("triggers", []):
            guard(t["name"], lambda t=t: show_truth(self.condition(t, ctx)))
        for x in self.p.get("exemptions", []):
            guard(x["name"], lambda x=x: show_truth(self.condition(x, ctx)))
        for owner, imposed, obligations in self.obligation_owners(ctx):
            for ob in obligations:
                rule = owner + "." + ob["kind"]
                guard(rule, lambda owner=owner, imposed=imposed: self.obligation(owner, imposed, ctx, show_truth))
        return out

    def obligation(self, owner, imposed, ctx, show):
        """An obligation's verdict, with whether the report lists it. docs/json-output.md: "one
        per obligation the model may incur"; the engine lists an obligation whenever what
        imposes it (its tier, its trigger) is not definitely false, also when an exemption
        definitely lifts it (value false): "imposed by tier … but lifted by exemption …"."""
        i = imposed()
        value, status = show(self.incurred(owner, lambda: i, ctx))
        return (value, status) if not (i.status == DEFINITE and i.value is False) else (value, status, "unlisted")

    def obligation_owners(self, ctx):
        for l in self.p.get("ladders", []):
            for i, t in enumerate(l["tiers"]):
                if t["obligations"]:
                    yield (l["name"] + "." + t["name"],
                           lambda l=l, i=i: self.tier_is(l["name"], i, ctx), t["obligations"])
        for t in self.p.get("triggers", []):
            if t["obligations"]:
                yield t["name"], lambda t=t: self.condition(t, ctx), t["obligations"]

    def condition(self, rule, ctx):
        """A trigger's or exemption's `when`, once per record and reading."""
        key = ("when", rule["name"])
        if key not in ctx["memo"]:
            ctx["memo"][key] = self.truth(rule["when"], ctx)
        return ctx["memo"][key]

    def incurred(self, owner, imposed, ctx):
        """docs/language.md, Obligations: "An obligation is incurred when its tier is the record's
        tier (or its trigger fires) and no exemption lifts it." Exemptions: "`applies_to` lists
        tiers (`ladder.tier`) and triggers whose obligations the exemption lifts; without it, it
        lifts all." """
        lifted = T_FALSE
        for x in self.p.get("exemptions", []):
            applies = x.get("applies_to")
            if applies is None or applies == "all" or owner in applies:
                lifted = t_or(lifted, self.condition(x, ctx))
        return t_and(imposed(), t_not(lifted))


def point_value(program, expr, record):
    """The value of a numeric expression at a record's point estimates, under the first reading,
    or None (used by the generator to choose thresholds near the values records take)."""
    try:
        ev = Evaluator(program)
        v = ev.eval(expr, ev.context(record, ev.readings()[1][0]))
    except (Unsupported, KeyError, ZeroDivisionError):
        return None
    return None if v is MISSING or not isinstance(v, Num) else v.pt


def main():
    program = json.load(open(sys.argv[1]))
    records = [json.loads(line) for line in open(sys.argv[2]) if line.strip()]
    ev = Evaluator(program, records)
    for r in records:
        v = ev.verdicts(r)
        print(json.dumps({"model": r.get(ev.key), "verdicts": {
            k: dict({"value": a[0], "status": a[1]}, **({"depends_on": list(a[2])} if a[2] else {}))
            for k, a in v.items() if a[3]}}))


if __name__ == "__main__":
    main()
