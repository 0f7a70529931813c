#!/usr/bin/env python3
"""Cost (docs/reliability.md, Cost): every phase of scalepol is at most n log n in the size of its
input. Each shape below is a policy of about 1 MiB written at test time, of a kind that once cost a
phase n^2 (issue 24: 30,000 tiers took 114 s, 20,000 undefined names 279 s). Each command is run
on the full policy and on the same shape at a quarter of the size, in the same run: the full one
must cost at most GROWTH times the quarter (4 for a linear phase, about 4.5 for n log n, 16 for a
quadratic one), and end with a finding, not a crash. A ceiling of CEILING seconds of CPU also
holds, so that a phase quadratic from the first byte (which the ratio alone would not see if it
were quadratic at both sizes) still fails, and a hang ends.

    cost.py --scalepol BIN --root REPO --work DIR [--slowdown N]

The time is the child's CPU time (user + system), not the wall clock, so that other work on the
machine (ctest -j, builds) does not fail the test; the ratio, both of whose runs happen on the same
machine within seconds, does not depend on how fast that machine is. `--slowdown N` multiplies
the ceiling: the sanitizer tree (build-asan) passes 10, for AddressSanitizer and UBSan at -O1 run
the engine several times slower (tests/CMakeLists.txt). The last line counts passes and failures.

To add a shape, add one line to SHAPES: a name, a function of the size in bytes that returns the
policy's text (see `lines`), the code of a diagnostic the policy must give (so that the shape
reaches the code it is about), and the commands to run ({policy} is the file written, {models} a
CSV of three models, {html} the page written). A shape with no code is a policy with no finding:
every command must succeed.
"""
import os
import resource
import shutil
import subprocess
import sys
import time

from checklist import Checklist, arguments

SIZE = 1_000_000  # bytes of policy per shape: just under max_source_bytes (1 MiB)
GROWTH = 8.0      # most the full size may cost, in multiples of the quarter size's cost
CEILING = 10.0    # seconds of CPU per command at the full size, times --slowdown
FLOOR = 0.05      # seconds: a quarter-size run cheaper than this is taken as this, for below it
                  # the process's start-up and the clock's resolution are most of what is measured

# `check` parses, checks and lints (there is no separate lint command); --format json renders
# the same findings for tools. A policy that compiles is also run over a few models, explained for
# one, and rendered as the HTML report: the evaluators, the explanation and the page each walk
# every rule.
CHECK = (["check", "{policy}"], ["check", "--format", "json", "{policy}"])
EVALUATE = CHECK + (["run", "{policy}", "--models", "{models}"],
                    ["explain", "{policy}", "--models", "{models}", "--model", "A"],
                    ["run", "{policy}", "--models", "{models}", "--format", "html", "-o", "{html}"])
MODELS = ("model,training_compute,parameters,released,open_weights\n"
          "A,3e25,1e12,2024-06-01,true\n"
          "B,2e23,7e9,2023-02-01,false\n"
          "C,,,2025-01-01,\n")


def lines(size_limit, head, line, tail=""):
    """`head`, then line(0), line(1), … as many as fit in size_limit bytes with `tail`, then `tail`."""
    out, size, i = [head], len(head) + len(tail), 0
    while size + len(line(i)) <= size_limit:
        out.append(line(i))
        size += len(line(i))
        i += 1
    return "".join(out) + tail


def tiers(size):
    """One ladder of about 34,000 tiers, every 1,000th overlapping the next: tier-overlap and
    tier-order compared every pair of tiers. A ladder may have 63 tiers (`too-many-tiers`), which
    the checker says once, whatever the ladder's length."""
    def tier(i):
        if i % 1000 == 999:
            return f"  tier o{i} from {i} FLOP below {i + 3} FLOP\n"
        return f"  tier a{i} from {i + 1} FLOP\n"
    return lines(size, "import std.model\ntiers t by training_compute {\n", tier, "}\n")


def ladders(size):
    """About 500 ladders of 63 tiers, the most a ladder may have, each with an overlap and a gap:
    the tier lints, and the sets of tiers every evaluator carries for each record."""
    def ladder(i):
        out = [f"tiers t{i} by training_compute {{\n"]
        for j in range(63):
            if j == 30:
                out.append(f"  tier o{j} from {j}e20 FLOP below {j + 3}e20 FLOP\n")
            elif j == 40:
                out.append(f"  tier g{j} above {j + 1}e20 FLOP  require notify \"office {i}\"\n")
            else:
                out.append(f"  tier a{j} from {j + 1}e20 FLOP\n")
        return "".join(out) + "}\n"
    return lines(size, "import std.model\n", ladder)


def undefined_names(size):
    """About 44,000 definitions, each reading a name defined nowhere: "did you mean" compared each
    one with every name of the policy."""
    return lines(size, "", lambda i: f"define d{i} = u{i}\n")


def shared_definitions(size):
    """Chains of definitions that each read the one before twice (`c5 = c4 + c4`): a walk that
    follows every reading doubles at each link; and a trigger reading each chain's end."""
    def chain(k):
        out = [f"define c{k}_0 = training_compute\n"]
        out += [f"define c{k}_{j} = c{k}_{j - 1} + c{k}_{j - 1}\n" for j in range(1, 100)]
        return "".join(out) + f"trigger t{k} {{ when c{k}_99 > 1e25 FLOP }}\n"
    return lines(size, "import std.model\n", chain)


def references(size):
    """About 6,000 reference points, each read by a trigger with `@` (`training_compute@r5`): each
    reference is a search of the records for the model it names."""
    def pair(i):
        return (f"reference r{i} = frontier at {2000 + i // 336:04d}-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}\n"
                f"trigger t{i} {{ when training_compute@r{i} > {i + 1}e20 FLOP }}\n")
    return lines(size, "import std.model\n", pair)


def quotes(size):
    """Triggers that each carry a quote of 4,000 characters and its source: the text every output
    carries, wraps and escapes."""
    words = "the provider shall notify the Commission without delay " * 72
    return lines(size, "import std.model\n",
                 lambda i: f'trigger t{i} {{\n  quote "{words[:4000]}"\n  source "Article {i}"\n'
                           f'  when training_compute > {i + 1}e20 FLOP\n  require notify "office {i}"\n}}\n')


def exemptions(size):
    """One trigger and about 14,000 exemptions of it, each by its own release date: the lint rules
    about exemptions compared them with each other and with every trigger."""
    head = ("import std.model\n"
            "trigger big { when training_compute > 1e25 FLOP  require notify \"office\" }\n")
    return lines(size, head, lambda i: f"exemption e{i} {{ applies_to big  when released < "
                                 f"{2000 + i // 336:04d}-{1 + i // 28 % 12:02d}-{1 + i % 28:02d} }}\n")


SHAPES = [
    # name                 the policy           a code it gives (None: no finding), the commands
    ("tiers",              tiers,               "too-many-tiers",         CHECK),
    ("ladders",            ladders,             "tier-overlap",           CHECK),
    ("ladders",            ladders,             None,                     EVALUATE[len(CHECK):]),
    ("undefined_names",    undefined_names,     "undefined-name",         CHECK),
    ("shared_definitions", shared_definitions,  None                ,     EVALUATE),
    ("references",         references,           None       ,              EVALUATE),
    ("quotes",             quotes,              None           ,          EVALUATE),
    ("exemptions",         exemptions,          None               ,      EVALUATE),
]


def cpu_of_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(args, limit):
    env = dict(os.environ, NO_COLOR="1", SCALEPOL_PROGRESS="never")
    before, start = cpu_of_children(), time.monotonic()
    try:
        p = subprocess.run([A.scalepol, *args], cwd=A.work, env=env, stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=max(60, 10 * limit))
    except subprocess.TimeoutExpired:
        return None, "", cpu_of_children() - before, time.monotonic() - start
    out = p.stdout.decode(errors="replace") + p.stderr.decode(errors="replace")
    return p.returncode, out, cpu_of_children() - before, time.monotonic() - start


def write(name, text):
    path = os.path.join(A.work, name + ".policy")
    with open(path, "w") as f:
        f.write(text)
    return path


def measure(args, ceiling):
    """The command's exit, output and CPU time. A time out of line with the other size is
    measured once more and the better taken: a linear phase can be slowed for a moment when the
    machine is busy (caches, memory bandwidth), a quadratic one is slow every time."""
    first = run(args, ceiling)
    if first[0] is None:
        return first
    return min(first, run(args, ceiling), key=lambda r: r[2])


def main():
    shutil.rmtree(A.work, ignore_errors=True)
    os.makedirs(A.work)
    ceiling = CEILING * A.slowdown
    models = os.path.join(A.work, "models.csv")
    with open(models, "w") as f:
        f.write(MODELS)
    for name, make, code, commands in SHAPES:
        text, quarter_text = make(SIZE), make(SIZE // 4)
        path, quarter = write(name, text), write(name + "_quarter", quarter_text)
        html = os.path.join(A.work, name + ".html")
        for command in commands:
            args = [a.format(policy=path, models=models, html=html) for a in command]
            quarter_args = [a.format(policy=quarter, models=models, html=html) for a in command]
            shown = " ".join(a.format(policy=name + ".policy", models="models.csv", html=name + ".html")
                             for a in command)
            rc, out, cpu, wall = run(args, ceiling)
            small = run(quarter_args, ceiling)[2]
            if rc in (0, 1) and (cpu >= ceiling or cpu > GROWTH * max(small, FLOOR)):
                rc, out, cpu, wall = measure(args, ceiling)
                small = min(small, run(quarter_args, ceiling)[2])
            growth = cpu / max(small, FLOOR)
            ended = "timed out" if rc is None else f"exit {rc}"
            if code:  # a policy with a finding: check gives it (exit 1 for an error)
                ok, said = rc in (0, 1) and code in out, f"{'gives' if code in out else 'does not give'} {code}"
            else:  # a policy that compiles with no finding: every command succeeds
                ok, said = rc == 0, "succeeds" if rc == 0 else "fails: " + out[-300:].strip()
            checks.check(ok and cpu < ceiling and growth <= GROWTH,
                         f"{name} ({len(text):,} bytes): `scalepol {shown}` took {cpu:.2f} s of CPU, "
                         f"{growth:.1f}x its {small:.2f} s at a quarter of the size (at most {GROWTH:g}x, "
                         f"{ceiling:g} s), {ended}, {said}")
    return checks.close()


if __name__ == "__main__":
    checks = Checklist()
    # --slowdown is this script's own: strip it before the shared arguments are parsed.
    slowdown = 1.0
    if "--slowdown" in sys.argv:
        at = sys.argv.index("--slowdown")
        slowdown = float(sys.argv[at + 1])
        del sys.argv[at:at + 2]
    A = arguments(__doc__)
    A.slowdown = slowdown
    sys.exit(main())
