#!/usr/bin/env python3
"""Replays a recorded LSP session against `scalepol lsp` and compares the server's messages with
the expected ones.

Usage: run_session.py SCALEPOL SESSION_DIR [--update]

SESSION_DIR holds `session.jsonl` (the client's messages, one a line) and `expected.jsonl` (the
server's, one a line). In both, `${DIR}` stands for the session directory's absolute path and
`${DIR_URI}` for its file URI, so that nothing machine-specific is committed; a string that is
exactly `${TEXT:name}` in the session is replaced by the text of the file `name` of the directory
(the document the editor sends). The server's version is written `${VERSION}`. --update rewrites
expected.jsonl from the server's output (read it line by line before committing it).
"""
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import lsp_client  # noqa: E402


def substitute(node, directory):
    if isinstance(node, dict):
        return {k: substitute(v, directory) for k, v in node.items()}
    if isinstance(node, list):
        return [substitute(v, directory) for v in node]
    if isinstance(node, str):
        if node.startswith("${TEXT:") and node.endswith("}"):
            return (directory / node[7:-1]).read_text(encoding="utf-8")
        return node.replace("${DIR_URI}", directory.as_uri()).replace("${DIR}", str(directory))
    return node


def normalise(node, directory):
    if isinstance(node, dict):
        out = {k: normalise(v, directory) for k, v in node.items()}
        if "serverInfo" in out and "version" in out["serverInfo"]:
            out["serverInfo"]["version"] = "${VERSION}"
        return out
    if isinstance(node, list):
        return [normalise(v, directory) for v in node]
    if isinstance(node, str):
        return node.replace(directory.as_uri(), "${DIR_URI}").replace(str(directory), "${DIR}")
    return node


def main():
    scalepol, directory = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
    update = "--update" in sys.argv[3:]
    client = [json.loads(line) for line in (directory / "session.jsonl").read_text(encoding="utf-8").splitlines()
              if line.strip()]
    stdin = b"".join(lsp_client.frame(substitute(m, directory)) for m in client)
    code, messages, stderr = lsp_client.run(scalepol, stdin)
    actual = [normalise(m, directory) for m in messages]
    expected_file = directory / "expected.jsonl"
    if update:
        expected_file.write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in actual), encoding="utf-8")
        print(f"wrote {len(actual)} messages to {expected_file}")
        return 0
    expected = [json.loads(line) for line in expected_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    failures = 0
    if code != 0:
        print(f"FAIL: the server exited with {code} after shutdown and exit, not 0\n{stderr}")
        failures += 1
    for i in range(max(len(expected), len(actual))):
        want = expected[i] if i < len(expected) else None
        got = actual[i] if i < len(actual) else None
        if want != got:
            failures += 1
            print(f"FAIL: server message {i + 1} differs")
            print("  expected:", json.dumps(want, ensure_ascii=False))
            print("  actual:  ", json.dumps(got, ensure_ascii=False))
    print(f"{len(expected)} messages expected, {len(actual)} received, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
