#!/usr/bin/env python3
"""Validates a SARIF log against the SARIF 2.1.0 JSON schema and against what GitHub code
scanning needs beyond the schema; exits 1 with every problem found, 0 when there is none.

    validate.py --schema sarif-schema-2.1.0.json LOG.sarif
    validate.py --schema sarif-schema-2.1.0.json [--expect-exit N] [--expect-codes A,B]
                [--expect-help-base URL] -- COMMAND...

The second form runs COMMAND (such as `scalepol check FILE --format sarif`) and validates what
it prints on stdout; it also fails when the command exits with another code than N, or when a
code in --expect-codes has no result (a valid log with no results proves little), or when a
rule's helpUri does not start with --expect-help-base.

The checks beyond the schema follow GitHub's "SARIF support for code scanning": every rule has an
id (once), a short and a full description and a help text, and its helpUri is an absolute URI;
every result has a ruleId naming a rule of the run (and a ruleIndex pointing at it), a message,
and a location whose region, when present, has a startLine. As the SARIF standard advises, a
relative artifact URI must also name a uriBaseId that the run defines.
"""
import argparse
import json
import re
import subprocess
import sys

try:
    from jsonschema import Draft4Validator
except ImportError:
    sys.exit("validate.py: python3-jsonschema is not installed (scripts/setup.sh installs it)")

# RFC 3986: a URI reference uses these characters, and `%` only before two hex digits.
URI_CHARACTERS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def schema_problems(log, schema):
    validator = Draft4Validator(schema)
    problems = []
    for error in sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(part) for part in error.absolute_path) or "(root)"
        problems.append(f"schema: at {where}: {error.message}")
    return problems


def text_of(obj, key):
    value = obj.get(key)
    return value.get("text") if isinstance(value, dict) else None


def rule_problems(run):
    problems = []
    rules = run.get("tool", {}).get("driver", {}).get("rules", [])
    seen = set()
    for i, rule in enumerate(rules):
        rid = rule.get("id")
        where = f"rule {i} ({rid})"
        if not rid:
            problems.append(f"{where}: no id")
        elif rid in seen:
            problems.append(f"{where}: id used twice")
        seen.add(rid)
        for key in ("shortDescription", "fullDescription", "help"):
            if not text_of(rule, key):
                problems.append(f"{where}: no {key}.text")
        uri = rule.get("helpUri")
        if uri is not None and not (SCHEME.match(uri) and URI_CHARACTERS.match(uri)):
            problems.append(f"{where}: helpUri `{uri}` is not an absolute URI")
    return problems


def location_problems(where, location, base_ids):
    problems = []
    physical = location.get("physicalLocation", {})
    artifact = physical.get("artifactLocation", {})
    uri = artifact.get("uri")
    if not uri:
        problems.append(f"{where}: no artifactLocation.uri")
    elif not URI_CHARACTERS.match(uri):
        problems.append(f"{where}: `{uri}` is not a URI reference")
    elif not SCHEME.match(uri) and artifact.get("uriBaseId") not in base_ids:
        problems.append(f"{where}: relative `{uri}` without a uriBaseId the run defines")
    region = physical.get("region")
    if region is not None and not region.get("startLine", 0) >= 1:
        problems.append(f"{where}: region without startLine")
    return problems


def result_problems(run):
    problems = []
    rules = run.get("tool", {}).get("driver", {}).get("rules", [])
    index_of = {rule.get("id"): i for i, rule in enumerate(rules)}
    base_ids = set(run.get("originalUriBaseIds", {}))
    for i, result in enumerate(run.get("results", [])):
        rid = result.get("ruleId")
        where = f"result {i} ({rid})"
        if rid not in index_of:
            problems.append(f"{where}: ruleId names no rule of the run")
        elif "ruleIndex" in result and result["ruleIndex"] != index_of[rid]:
            problems.append(f"{where}: ruleIndex {result['ruleIndex']}, but the rule is at {index_of[rid]}")
        if not text_of(result, "message"):
            problems.append(f"{where}: no message.text")
        locations = result.get("locations") or []
        if not locations:
            problems.append(f"{where}: no location")
        for location in locations:
            problems += location_problems(where, location, base_ids)
    return problems


def code_scanning_problems(log):
    problems = []
    runs = log.get("runs") or []
    if not runs:
        problems.append("code scanning: no run")
    for n, run in enumerate(runs):
        if not run.get("tool", {}).get("driver", {}).get("name"):
            problems.append(f"run {n}: no tool.driver.name")
        problems += [f"run {n}: {p}" for p in rule_problems(run) + result_problems(run)]
    return problems


def missing_codes(log, expected):
    found = {result.get("ruleId") for run in log.get("runs", []) for result in run.get("results", [])}
    return [f"no result with ruleId `{code}`" for code in expected if code not in found]


def help_base_problems(log, base):
    return [f"rule `{rule.get('id')}`: helpUri `{rule.get('helpUri')}` is not under {base}"
            for run in log.get("runs", []) for rule in run.get("tool", {}).get("driver", {}).get("rules", [])
            if not str(rule.get("helpUri", "")).startswith(base)]


def main():
    # Everything after `--` is the command, untouched by the option parser.
    argv = sys.argv[1:]
    command = argv[argv.index("--") + 1:] if "--" in argv else []
    own = argv[:argv.index("--")] if "--" in argv else argv
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schema", required=True)
    parser.add_argument("--expect-exit", type=int)
    parser.add_argument("--expect-codes", default="")
    parser.add_argument("--expect-help-base", help="every rule's helpUri must start with this")
    parser.add_argument("log", nargs="?", help="a SARIF file (or give `--` and a command that prints one)")
    args = parser.parse_args(own)
    if bool(args.log) == bool(command):
        parser.error("give a SARIF file, or `--` and a command")

    problems = []
    if args.log:
        with open(args.log, encoding="utf-8") as f:
            text = f.read()
    else:
        run = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
        text = run.stdout.decode("utf-8", errors="replace")
        if args.expect_exit is not None and run.returncode != args.expect_exit:
            stderr = run.stderr.decode("utf-8", errors="replace").strip()
            problems.append(f"`{' '.join(command)}` exited with {run.returncode}, not {args.expect_exit}: {stderr}")

    try:
        log = json.loads(text)
    except json.JSONDecodeError as e:
        problems.append(f"not JSON: {e}")
        log = None
    if log is not None:
        with open(args.schema, encoding="utf-8") as f:
            schema = json.load(f)
        Draft4Validator.check_schema(schema)
        found = schema_problems(log, schema)
        # The checks below read the log's structure: only once the schema says it is sound.
        if not found:
            found = code_scanning_problems(log) + missing_codes(log, [c for c in args.expect_codes.split(",") if c])
            if args.expect_help_base:
                found += help_base_problems(log, args.expect_help_base)
        problems += found

    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"validate.py: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    results = sum(len(run.get("results", [])) for run in log.get("runs", []))
    print(f"valid SARIF 2.1.0: {len(log['runs'])} run(s), {results} result(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
