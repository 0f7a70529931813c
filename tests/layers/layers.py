#!/usr/bin/env python3
"""The engine's layers run one way (cmake/layers.cmake, docs/internals.md).

    layers.py headers --map build/layers/layers.json --compiler c++ [--grammar-include DIR]...
    layers.py symbols --map build/layers/layers.json

`headers`: every header of a layer compiles alone with that layer's view (itself and the layers
below), so a header included only from higher up cannot hide a back-arrow; and for every pair of
layers where one does not see the other, including the other's header is "file not found", so
the build itself rejects such an include.

`symbols`: no layer's objects call a function defined in a layer it does not see (a function
declared in a shared public header but implemented higher up). Weak definitions (inline
functions, template instances) are ignored: every object that uses one has its own.
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        layers = json.load(f)["layers"]
    for layer in layers:
        layer["headers"] = [h for h in layer["headers"] if h]
        layer["objects"] = [o for o in layer["objects"] if o]
    return layers


def compile_alone(compiler, tree, sees, header, extra):
    flags = [f"-I{os.path.join(tree, s)}" for s in sees]
    cmd = [compiler, "-std=c++23", "-fsyntax-only", "-x", "c++", *extra, *flags, "-"]
    run = subprocess.run(cmd, input=f'#include "{header}"\n', capture_output=True, text=True)
    return run.returncode, run.stderr


def check_headers(args):
    layers = load(args.map)
    tree = os.path.dirname(os.path.abspath(args.map))
    by_name = {layer["name"]: layer for layer in layers}
    grammar = [f"-isystem{d}" for d in args.grammar_include]
    jobs = []  # (what, layer, header, must compile, extra flags)
    for layer in layers:
        for header in layer["headers"]:
            extra = grammar + ["-fno-char8_t"] if os.path.basename(header).startswith("antlr_") else []
            jobs.append((layer, header, True, extra))
        # Every layer it does not see: one header of it, and the API's own public header.
        for other in layers:
            if other["name"] not in layer["sees"] and other["headers"]:
                jobs.append((layer, other["headers"][0], False, []))
        if "api" not in layer["sees"]:
            jobs.append((layer, "scalepol/policy.hpp", False, []))

    failures = []

    def run(job):
        layer, header, must_compile, extra = job
        code, err = compile_alone(args.compiler, tree, layer["sees"], header, extra)
        if must_compile and code != 0:
            return f"{header} does not compile in layer {layer['name']} (which sees {', '.join(layer['sees'])}):\n{err}"
        if not must_compile:
            if code == 0:
                return f"layer {layer['name']} can include {header}, from a layer it must not see"
            if "No such file or directory" not in err:
                return f"layer {layer['name']} including {header} fails, but not as file not found:\n{err}"
        return None

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for result in pool.map(run, jobs):
            if result:
                failures.append(result)
    own = sum(1 for j in jobs if j[2])
    print(f"{own} headers compile alone in their layer; {len(jobs) - own} includes that run back up are rejected")
    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    return 1 if failures else 0


def nm(objects, flag):
    out = subprocess.run(["nm", "-P", flag, *objects], capture_output=True, text=True, check=True).stdout
    current = None
    for line in out.splitlines():
        if line.endswith(":") and " " not in line:
            current = line[:-1]
            continue
        parts = line.split()
        if len(parts) >= 2:
            yield current, parts[0], parts[1]


def check_symbols(args):
    layers = load(args.map)
    defined_in = {}  # symbol -> layers with a strong definition
    for layer in layers:
        for _, symbol, kind in nm(layer["objects"], "--defined-only"):
            if kind in "TDBR":
                defined_in.setdefault(symbol, set()).add(layer["name"])
    failures = []
    for layer in layers:
        for obj, symbol, _ in nm(layer["objects"], "--undefined-only"):
            homes = defined_in.get(symbol)
            if homes and not homes & set(layer["sees"]):
                name = subprocess.run(["c++filt", symbol], capture_output=True, text=True).stdout.strip()
                failures.append(f"{os.path.basename(obj)} (layer {layer['name']}) calls {name}, defined in {', '.join(sorted(homes))}")
    print(f"{len(layers)} layers, {len(defined_in)} functions and objects: "
          f"{len(failures)} uses of a layer above")
    for f in sorted(set(failures)):
        print("FAIL:", f, file=sys.stderr)
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["headers", "symbols"])
    parser.add_argument("--map", required=True)
    parser.add_argument("--compiler", default="c++")
    parser.add_argument("--grammar-include", action="append", default=[])
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    return check_headers(args) if args.mode == "headers" else check_symbols(args)


if __name__ == "__main__":
    sys.exit(main())
