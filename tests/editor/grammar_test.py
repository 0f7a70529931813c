#!/usr/bin/env python3
"""The VS Code extension's TextMate grammar against the language it highlights.

Usage: grammar_test.py REPO_ROOT

Checks that editors/vscode/syntaxes/scalepol.tmLanguage.json parses, that every regex in it
compiles (Python's `re` reads the subset the grammar uses: no Oniguruma-only syntax is allowed in
it), that every `include` names a rule, and that it cannot drift from grammar/Scalepol.g4: every
keyword and built-in unit of the lexer, every operator, and every built-in function of the
checker, each extracted at run time, is matched by the grammar's rule for it. Also checks that
package.json contributes the language and grammar it names.
"""
import json
import pathlib
import re
import sys

failures = []


def fail(message):
    failures.append(message)


def rules(node, path="$"):
    """Every pattern object of the grammar, with where it is."""
    if isinstance(node, dict):
        if any(k in node for k in ("match", "begin", "include", "patterns")):
            yield path, node
        for key, value in node.items():
            yield from rules(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from rules(value, f"{path}[{i}]")


def compiled(rule, key):
    try:
        return re.compile(rule[key])
    except re.error as e:
        fail(f"`{rule[key]}` does not compile: {e}")
        return None


def matches_whole(patterns, text):
    """The scope name of the first pattern of `patterns` that matches all of `text`, or None."""
    for rule in patterns:
        if "match" not in rule:
            continue
        m = re.match(rule["match"], text)
        if m and m.end() == len(text):
            return rule.get("name", "")
    return None


def main():
    root = pathlib.Path(sys.argv[1])
    ext = root / "editors" / "vscode"
    grammar = json.loads((ext / "syntaxes" / "scalepol.tmLanguage.json").read_text(encoding="utf-8"))
    repo = grammar["repository"]

    for path, rule in rules(grammar):
        for key in ("match", "begin", "end"):
            if key in rule:
                compiled(rule, key)
        inc = rule.get("include")
        if inc and inc.startswith("#") and inc[1:] not in repo:
            fail(f"{path}: include `{inc}` names no rule")

    g4 = (root / "grammar" / "Scalepol.g4").read_text(encoding="utf-8")
    keywords = re.findall(r"^[A-Z_]+\s*:\s*'([a-z_]+)'\s*;", g4, re.M)
    if len(keywords) < 40:
        fail(f"found only {len(keywords)} keywords in Scalepol.g4: the extraction is broken")
    kw_rules = repo["keywords"]["patterns"]
    for word in keywords:
        scope = matches_whole(kw_rules, word)
        if scope is None:
            fail(f"keyword `{word}` of Scalepol.g4 is not matched by the grammar's keywords rule")
        elif not (scope.startswith("keyword.") or scope.startswith("constant.language")):
            fail(f"keyword `{word}` gets the scope `{scope}`")
        # Not inside a longer name: `policy_x` is a name, not a keyword.
        if matches_whole(kw_rules, word + "_x") is not None:
            fail(f"the keywords rule matches `{word}_x`")

    unit_block = re.search(r"^UNIT\s*\n?\s*:(.*?);", g4, re.M | re.S)
    units = re.findall(r"'([^']+)'", unit_block.group(1)) if unit_block else []
    if len(units) < 10:
        fail(f"found only {len(units)} units in Scalepol.g4: the extraction is broken")
    num_rules = repo["numbers"]["patterns"]
    unit_rule = next((r for r in num_rules if "captures" in r and r["captures"]["2"]["name"].startswith("keyword.other.unit")), None)
    if unit_rule is None:
        fail("no rule for a number with a built-in unit")
    else:
        for unit in units:
            for text in (f"1e25 {unit}", f"3.5{unit}"):
                m = re.match(unit_rule["match"], text)
                if not m or m.group(2) != unit or m.end() != len(text):
                    fail(f"`{text}` is not a number with the unit `{unit}`")
    for text, scope in (("4x", "constant.numeric.ratio"), ("2.5e3x", "constant.numeric.ratio"),
                        ("1e25", "constant.numeric"), ("0.5", "constant.numeric")):
        got = matches_whole(num_rules, text)
        if got is None or not got.startswith(scope):
            fail(f"`{text}` gets the scope `{got}`, not {scope}")
    if matches_whole(repo["dates"]["patterns"], "2024-07-12") is None:
        fail("the date `2024-07-12` is not matched")

    string = repo["strings"]["patterns"][0]
    if not (re.match(string["begin"], '"') and re.match(string["end"], '"')):
        fail("strings do not begin and end with `\"`")
    if not re.fullmatch(string["patterns"][0]["match"], '\\"'):
        fail("a string's escape `\\\"` is not matched")
    comments = repo["comments"]["patterns"]
    if matches_whole(comments, "// a comment") is None:
        fail("a line comment is not matched")
    block = next((r for r in comments if "begin" in r), None)
    if not block or not re.match(block["begin"], "/*") or not re.match(block["end"], "*/"):
        fail("block comments are not matched")

    # Operators and punctuation: every symbol token of the lexer.
    symbols = re.findall(r"^[A-Z_]+\s*:\s*'([^a-zA-Z0-9_']+)'\s*;", g4, re.M)
    op_rules = repo["operators"]["patterns"] + repo["punctuation"]["patterns"]
    for sym in symbols:
        if matches_whole(op_rules, sym) is None:
            fail(f"the symbol `{sym}` of Scalepol.g4 is not matched by an operator or punctuation rule")
    if len(symbols) < 15:
        fail(f"found only {len(symbols)} symbols in Scalepol.g4: the extraction is broken")

    table = (root / "engine" / "src" / "ast" / "builtins.hpp").read_text(encoding="utf-8")
    functions = re.findall(r'\{Builtin::\w+, "([a-z_]+)"', table)
    if not functions:
        fail("found no built-in functions in ast/builtins.hpp: the extraction is broken")
    builtin_fn = repo["builtins"]["patterns"][0]["match"]
    for name in functions:
        if not re.match(builtin_fn, f"{name}(") or re.match(builtin_fn, f"{name}_x("):
            fail(f"the built-in function `{name}` is not matched")

    package = json.loads((ext / "package.json").read_text(encoding="utf-8"))
    langs = package["contributes"]["languages"]
    if not any(l["id"] == "scalepol" and ".policy" in l["extensions"] for l in langs):
        fail("package.json contributes no `scalepol` language for `.policy` files")
    for g in package["contributes"]["grammars"]:
        if g["scopeName"] != grammar["scopeName"]:
            fail(f"package.json names the scope `{g['scopeName']}`, the grammar `{grammar['scopeName']}`")
        if not (ext / g["path"]).is_file():
            fail(f"package.json names the grammar `{g['path']}`, which does not exist")
    for l in langs:
        json.loads((ext / l["configuration"]).read_text(encoding="utf-8"))
    if "vscode-languageclient" not in package.get("dependencies", {}):
        fail("package.json does not depend on vscode-languageclient")
    if not (ext / package["main"]).is_file():
        fail(f"package.json's main `{package['main']}` does not exist")

    for f in failures:
        print("FAIL:", f)
    checked = len(keywords) + len(units) + len(symbols) + len(functions)
    print(f"{checked} words and symbols checked, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
