"""The units of the scalepol language, as docs/language.md ("Units") and stdlib/std/units.policy
state them: each unit's dimension and its size in the dimension's base unit, as an exact
fraction. Shared by the reference evaluator and the generator.

docs/language.md, Units: "| compute (a total) | `FLOP`, `OP`, `ops` … | FLOP |", "| duration |
`seconds`, `hours`, `day(s)`, `week(s)`, `month(s)`, `year(s)` | days (a month is 365.2425/12
days) |", "| ratio | `x` (times), `%` (hundredths: `5 %` is `0.05x`) | x |".
"""
import math
from fractions import Fraction

# The length of a year is not written in the docs; a month is 365.2425/12 days, so a year is
# taken as 365.2425 days (the Gregorian mean year the month is a twelfth of).
YEAR = Fraction("365.2425")

BUILTIN = {
    "FLOP": ("compute", Fraction(1)),
    "OP": ("compute", Fraction(1)),
    "ops": ("compute", Fraction(1)),
    "FLOP/s": ("rate", Fraction(1)),
    "OP/s": ("rate", Fraction(1)),
    "USD": ("money", Fraction(1)),
    "pp": ("score", Fraction(1)),
    "x": ("ratio", Fraction(1)),
    "%": ("ratio", Fraction(1, 100)),
    "params": ("params", Fraction(1)),
    "tokens": ("tokens", Fraction(1)),
    "users": ("users", Fraction(1)),
    "seconds": ("duration", Fraction(1, 86400)),
    "hours": ("duration", Fraction(1, 24)),
    "day": ("duration", Fraction(1)),
    "days": ("duration", Fraction(1)),
    "week": ("duration", Fraction(7)),
    "weeks": ("duration", Fraction(7)),
    "month": ("duration", YEAR / 12),
    "months": ("duration", YEAR / 12),
    "year": ("duration", YEAR),
    "years": ("duration", YEAR),
}

# std.units (stdlib/std/units.policy): "unit petaflop_s_day = 8.64e19 FLOP", "unit pfs_day = 1
# petaflop_s_day", "unit operations = 1 OP", "unit operations_per_second = 1 OP/s".
STD_UNITS = [
    ("petaflop_s_day", "8.64e19", "FLOP"),
    ("pfs_day", "1", "petaflop_s_day"),
    ("operations", "1", "OP"),
    ("operations_per_second", "1", "OP/s"),
]


# How a number written in a policy or a data file is read. "binary64" (the lead's decision for
# issue 22): the nearest binary64 value, as an exact fraction; arithmetic on it is then exact.
# "decimal": the exact decimal the text writes (1.2e27 is 12 × 10^26), which is what a reader of
# the policy means; the two differ only where a value sits within a rounding of a line.
NUMBERS = {"mode": "binary64"}


def binary64(text):
    """A number written as text (a policy's literal, a unit's multiple), as an exact fraction."""
    if NUMBERS["mode"] == "decimal":
        return Fraction(str(text))
    return Fraction(float(text))


def data_number(x):
    """A number of a data file (a JSON number, read by Python as the binary64 nearest its text,
    which the generator writes as the shortest text that reads back as that binary64)."""
    if NUMBERS["mode"] == "decimal":
        return Fraction(repr(float(x)))
    return Fraction(x)


def factor(size):
    """A unit's size as docs/semantics.md (§3, Units) says scalepol multiplies by it: the decimal
    its shortest text writes (8.64e19), or, when that text is long (0.041666666666666664), the
    simple fraction p/q (q at most a million) that rounds to it (an hour is 1/24 day)."""
    f = float(size)
    text = repr(f)
    digits = text.lstrip("-").split("e")[0].replace(".", "").lstrip("0").rstrip("0")
    if len(digits) > 15:
        c = Fraction(f).limit_denominator(10 ** 6)
        if c.denominator > 1 and float(c) == f and c.numerator <= 2 ** 53:
            return c
    return Fraction(text)


def scaled(x, size):
    """x (exact) restated in the base unit, `size` times larger, as docs/semantics.md (§3, Units)
    says scalepol does: each as the decimal its shortest text writes, multiplied exactly, then
    rounded once to binary64, so that 0.57 of a 0..1 scale is 57 pp. With NUMBERS["mode"] =
    "decimal" the product stays exact."""
    x = Fraction(x)
    if size == 1 or x == 0:
        return x * size
    if NUMBERS["mode"] == "decimal":
        return x * size
    q = Fraction(repr(float(x))) * factor(size)
    f = float(q)
    if math.isinf(f) or abs(f) < 2.2250738585072014e-308:
        return Fraction(float(x) * float(size)) if math.isfinite(float(x) * float(size)) else q
    return Fraction(f)


class UnitTable:
    """Built-in units plus declared ones (`unit NAME = NUMBER UNIT`, docs/language.md, Declared
    units: "names a positive multiple of another unit … and has that unit's dimension")."""

    def __init__(self, declared=()):
        self.units = dict(BUILTIN)
        pending = list(declared)
        while pending:
            rest = []
            for name, number, of in pending:
                if of in self.units:
                    dim, size = self.units[of]
                    self.units[name] = (dim, scaled(binary64(number), size))
                else:
                    rest.append((name, number, of))
            if len(rest) == len(pending):
                raise ValueError("unresolvable units: %r" % rest)
            pending = rest

    def dim(self, unit):
        return self.units[unit][0]

    def size(self, unit):
        return self.units[unit][1]
