"""Running `scalepol` and reading its verdicts back, in every output format the differential
tests compare: `run --format jsonl`, `run --format json`, `run --format html`, `run` (the text table), `explain
--format json`. Each reader gives {model: {rule: (value, status, depends_on)}}, depends_on a
tuple, empty for a robust verdict (the text table gives only its columns, ladders and triggers,
with `*` for depends_on)."""
import json
import os
import re
import subprocess
import time

TIMEOUT = 120


class EngineError(Exception):
    pass


def rebuilding(rc, err):
    """Whether the binary looks half-written (the lead rebuilds build/ from time to time): it
    cannot be loaded, or a library it needs is missing or truncated."""
    return rc == 127 or rc == 126 or "error while loading shared libraries" in err


def run(scalepol, args, cwd=None, patience=180):
    """Run scalepol with args; (exit code, stdout, stderr). While the binary is missing or
    cannot be loaded (being rebuilt), wait for it, up to `patience` seconds."""
    env = dict(os.environ, NO_COLOR="1", SCALEPOL_PROGRESS="never", LC_ALL="C.UTF-8")
    waited = 0
    while True:
        try:
            p = subprocess.run([scalepol] + args, cwd=cwd, capture_output=True, timeout=TIMEOUT, env=env)
            rc, out, err = p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
            if not rebuilding(rc, err):
                return rc, out, err
        except OSError:  # missing, or ETXTBSY while the binary is being replaced
            rc, out, err = None, "", ""
        if waited >= patience:
            if rc is None:
                raise EngineError("cannot run %s" % scalepol)
            return rc, out, err
        time.sleep(3)
        waited += 3


def read_jsonl(text):
    out = {}
    order = []
    for line in text.splitlines():
        if not line.strip():
            continue
        o = json.loads(line)
        out[o["model"]] = {rule: (v["value"], v["status"], tuple(v.get("depends_on", ())))
                           for rule, v in o["verdicts"].items()}
        order.append(o["model"])
    return out, order


def read_json(text):
    doc = json.loads(text)
    out = {}
    order = []
    for r in doc["results"]:
        out[r["model"]] = {v["rule"]: (v["value"], v["status"], tuple(v.get("depends_on", ()))) for v in r["verdicts"]}
        order.append(r["model"])
    return out, order


HTML_DATA = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.S)
HTML_STATUS = {"d": "definite", "p": "possible", "u": "unknown"}


def read_html(text):
    """`run --format html` (docs/html-report.md): the page's verdicts, from the JSON document in
    its `report-data` script (`n` the model; per verdict `r` rule, `v` value, `s` status letter,
    `dep` depends_on)."""
    m = HTML_DATA.search(text)
    if not m:
        raise EngineError("no report-data in the HTML page")
    doc = json.loads(m.group(1))
    out = {}
    order = []
    for model in doc["models"]:
        out[model["n"]] = {v["r"]: (v["v"], HTML_STATUS[v["s"]], tuple(v.get("dep", ()))) for v in model["v"]}
        order.append(model["n"])
    return out, order


def read_explain(text):
    doc = json.loads(text)
    return {v["rule"]: (v["value"], v["status"], tuple(v.get("depends_on", ()))) for v in doc["verdicts"]}


def read_text(text):
    """The text table of `run` (docs/cli.md): a cell is the verdict's value, `unknown` when it
    rests on missing data, followed by `~` when it is only possible and `*` when it depends on
    the assumptions. Gives {model: {column: (value, marks)}}, marks "", "~", "*" or "~*"."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("-----"):
            dashes = line
            header = lines[i - 1]
            body = lines[i + 1:]
            break
    else:
        raise EngineError("no table in the text report")
    cols = []
    pos = 0
    while pos < len(dashes):
        if dashes[pos] == "-":
            end = pos
            while end < len(dashes) and dashes[end] == "-":
                end += 1
            cols.append((pos, end))
            pos = end
        else:
            pos += 1
    names = [header[a:(cols[k + 1][0] if k + 1 < len(cols) else None)].strip() for k, (a, b) in enumerate(cols)]
    out = {}
    for line in body:
        if not line.strip():
            break
        cells = [line[a:(cols[k + 1][0] if k + 1 < len(cols) else None)].strip() for k, (a, b) in enumerate(cols)]
        row = {}
        for name, cell in zip(names[1:], cells[1:]):
            marks = ""
            while cell and cell[-1] in "~*":
                marks = cell[-1] + marks
                cell = cell[:-1]
            row[name] = (cell, "".join(sorted(marks, key="~*".index)))
        out[cells[0]] = row
    return out
