#!/usr/bin/env python3
"""`scalepol lsp` on input a client should never send: bad headers, invalid JSON, a
Content-Length over the limit, messages that are not requests, bad params, requests after
shutdown; and formatting a document that does not parse. Each must get an error reply (or be
logged) and the session must go on: the requests after them are still answered, and `shutdown`
then `exit` still ends it with 0. Also: `exit` without `shutdown`, and input that ends without
`exit`, end it with 1. Then sessions of hostile input: JSON nested 200,000 deep (and at the
limit of 256), ids that are not ids, bodies after a Content-Length that cannot be read (the
server skips to the next message), and params of every wrong JSON type in every place (invalid
params, never an internal error).

Usage: malformed.py SCALEPOL
"""
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import lsp_client  # noqa: E402
from lsp_client import frame  # noqa: E402

PARSE_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND, INVALID_PARAMS = -32700, -32600, -32601, -32602
NOT_INITIALIZED, REQUEST_FAILED, INTERNAL_ERROR = -32002, -32803, -32603
LIMIT = 16 << 20
MAX_DEPTH = 256  # kMaxJsonDepth in cli/lsp/jsonrpc.hpp

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def request(id_, method, params=None):
    m = {"jsonrpc": "2.0", "id": id_, "method": method}
    if params is not None:
        m["params"] = params
    return frame(m)


def notify(method, params=None):
    return frame({"jsonrpc": "2.0", "method": method, "params": params or {}})


def error_code(message):
    return message.get("error", {}).get("code")


def initialize(id_=1):
    return request(id_, "initialize", {"processId": None, "rootUri": None, "capabilities": {}})


def replies_by_id(messages):
    """The replies, by id (ids that are lists or objects as JSON text)."""
    by_id = {}
    for m in messages:
        if "id" in m and "method" not in m:
            key = m["id"] if not isinstance(m["id"], (list, dict)) else json.dumps(m["id"])
            by_id.setdefault(key, []).append(m)
    return by_id


def nested(depth, inner="1"):
    """`inner` inside `depth` arrays."""
    return "[" * depth + inner + "]" * depth


def nesting_session(scalepol):
    """JSON nested 200,000 deep (400 KB of brackets), as a whole message, as params and as an id,
    before and after `initialize`: a parse error with a null id each, and the session goes on.
    Nesting up to the limit is served; one level more is refused. Brackets inside a string are
    not nesting. An id that is an array or an object is no id: invalid request, null id."""
    deep = 200000
    deep_array = nested(deep, "")
    deep_object = '{"a":' * deep + "1" + "}" * deep
    unknown = '{"jsonrpc": "2.0", "id": %s, "method": "textDocument/unknownThing", "params": %s}'
    stdin = b"".join([
        frame(deep_array),                                           # before initialize
        initialize(1),
        frame(unknown % (2, deep_array)),                            # deep params
        frame('{"jsonrpc": "2.0", "id": %s, "method": "shutdown"}' % deep_array),  # a deep id
        frame('{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": %s}' % deep_object),
        frame(unknown % (3, '{"s": "%s"}' % ("[" * deep))),          # brackets in a string
        frame(unknown % (4, nested(MAX_DEPTH - 1))),                 # the message nests 256 deep
        frame(unknown % (5, nested(MAX_DEPTH))),                     # 257: one too many
        frame(unknown % ("[7]", "{}")),
        frame(unknown % ('{"id": 7}', "{}")),
        request(8, "shutdown"),
        notify("exit"),
    ])
    code, messages, stderr = lsp_client.run(scalepol, stdin)
    by_id = replies_by_id(messages)
    check(code == 0, f"nesting: exit code {code} after shutdown and exit, not 0 (stderr {stderr[-300:]!r})")
    parse_errors = [m for m in by_id.get(None, []) if error_code(m) == PARSE_ERROR]
    check(len(parse_errors) == 5, f"nesting: {len(parse_errors)} parse errors with a null id, not 5: {parse_errors}")
    check(all(str(MAX_DEPTH) in m["error"]["message"] for m in parse_errors),
          f"nesting: a parse error does not name the limit of {MAX_DEPTH}: {parse_errors}")
    for id_ in (3, 4):
        check([error_code(m) for m in by_id.get(id_, [])] == [METHOD_NOT_FOUND],
              f"nesting: request {id_} (within the limit) is not served: {by_id.get(id_)}")
    check(2 not in by_id and 5 not in by_id, "nesting: a message nested too deep was answered as a request")
    invalid = [m for m in by_id.get(None, []) if error_code(m) == INVALID_REQUEST]
    check(len(invalid) == 2, f"nesting: ids that are an array and an object: {len(invalid)} invalid requests, not 2")
    check([m.get("result", "missing") for m in by_id.get(8, [])] == [None], f"nesting: shutdown: {by_id.get(8)}")


def message_body(id_, method):
    return json.dumps({"jsonrpc": "2.0", "id": id_, "method": method}).encode()


def content_length_session(scalepol):
    """Header blocks whose Content-Length cannot be read or is missing, each followed by its body
    (which, having no usable length, is skipped, never run): each gets a parse error with a null
    id, and the next well-formed message is read, `shutdown` and `exit` included."""
    stdin = b"".join([
        initialize(1),
        b"Content-Length: twelve\r\n\r\n" + message_body(2, "shutdown"),
        request(3, "textDocument/unknownThing", {}),
        b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + message_body(4, "shutdown"),
        request(5, "textDocument/unknownThing", {}),
        b"Content-Length: 99999999999999999999999\r\n\r\n" + message_body(6, "shutdown"),
        b"content-length: -12\r\n\r\n" + message_body(7, "shutdown"),
        b"Content-Length: 1e3\r\nContent-Type: application/vscode-jsonrpc\r\n\r\n" + message_body(8, "shutdown") + b"\r\n",
        request(9, "shutdown"),
        notify("exit"),
    ])
    code, messages, stderr = lsp_client.run(scalepol, stdin)
    by_id = replies_by_id(messages)
    check(code == 0, f"content-length: exit code {code} after shutdown and exit, not 0")
    parse_errors = [m for m in by_id.get(None, []) if error_code(m) == PARSE_ERROR]
    check(len(parse_errors) == 5, f"content-length: {len(parse_errors)} parse errors with a null id, not 5: {parse_errors}")
    for id_ in (3, 5):
        check([error_code(m) for m in by_id.get(id_, [])] == [METHOD_NOT_FOUND],
              f"content-length: the request after a bad header is not answered: {id_}: {by_id.get(id_)}")
    check(not any(id_ in by_id for id_ in (2, 4, 6, 7, 8)), "content-length: a body without a usable length was run")
    check([m.get("result", "missing") for m in by_id.get(9, [])] == [None], f"content-length: shutdown: {by_id.get(9)}")
    check("`Content-Length: twelve` is not a number" in stderr, f"content-length: not logged: {stderr!r}")


# Values of every JSON type but the one a place takes, for wrong_types_session.
WRONG_VALUES = [None, True, 0, -1, 2.5, 1 << 40, "text", [], {}, [["nested"]]]


def variants(params):
    """`params` with one place (itself, a member, an array element) replaced by each value of
    WRONG_VALUES, as (path, params) pairs."""
    out = [("params", value) for value in WRONG_VALUES]

    def walk(node, path, rebuild):
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
        for key, child in items:
            def replace(value, key=key):
                copy = json.loads(json.dumps(node))
                copy[key] = value
                return rebuild(copy)
            out.extend((f"{path}.{key}", replace(value)) for value in WRONG_VALUES)
            walk(child, f"{path}.{key}", replace)

    walk(params, "params", lambda p: p)
    return out


def wrong_types_session(scalepol):
    """Every request and notification the server reads, with each place in its params of each
    wrong JSON type: invalid params (logged for a notification, naming the field), never an
    internal error; every request is answered once and the session ends normally."""
    uri = "file:///nonexistent/dir/a.policy"
    other = "file:///nonexistent/dir/b.policy"
    text = 'policy p {\n  issuer "x"\n}\n'
    at = {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 3}}
    requests = {
        "textDocument/hover": at,
        "textDocument/definition": at,
        "textDocument/documentSymbol": {"textDocument": {"uri": uri}},
        "textDocument/formatting": {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}},
    }
    notifications = {
        "textDocument/didOpen": {"textDocument": {"uri": other, "languageId": "scalepol", "version": 1, "text": text}},
        "textDocument/didChange": {"textDocument": {"uri": other, "version": 2}, "contentChanges": [{"text": text}]},
        "textDocument/didClose": {"textDocument": {"uri": other}},
        "$/cancelRequest": {"id": 1},
    }
    frames = [initialize(1),
              notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "scalepol", "version": 1, "text": text}})]
    ids = []
    for method, params in requests.items():
        for _, p in variants(params):
            ids.append(len(ids) + 100)
            frames.append(request(ids[-1], method, p))
    for method, params in notifications.items():
        frames.extend(frame({"jsonrpc": "2.0", "method": method, "params": p}) for _, p in variants(params))
    # The cases of issue 24 by themselves: a version that is text, or not a whole number.
    frames.append(notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": "two"},
                                                    "contentChanges": [{"text": text + "define d = 1 +\n"}]}))
    frames.append(notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2.5},
                                                    "contentChanges": [{"text": text}]}))
    frames += [request(2, "shutdown"), notify("exit")]
    code, messages, stderr = lsp_client.run(scalepol, b"".join(frames))
    by_id = replies_by_id(messages)
    check(code == 0, f"wrong types: exit code {code} after shutdown and exit, not 0")
    internal = [m for m in messages if error_code(m) == INTERNAL_ERROR]
    check(not internal, f"wrong types: {len(internal)} internal errors, e.g. {internal[:3]}")
    check("internal error" not in stderr,
          "wrong types: logged as internal errors: " + "; ".join(l for l in stderr.splitlines() if "internal error" in l)[:600])
    unanswered = [i for i in ids if len(by_id.get(i, [])) != 1]
    check(not unanswered, f"wrong types: requests not answered exactly once: {unanswered[:10]}")
    check(any(error_code(by_id[i][0]) == INVALID_PARAMS for i in ids if i in by_id), "wrong types: no invalid params at all")
    check(stderr.count("`textDocument.version` is not an integer") >= 2,
          f"wrong types: a version that is not an integer is not logged naming the field: {stderr[-600:]!r}")
    check("`position.line` is missing or not an integer" in json.dumps(messages),
          "wrong types: a bad position line is not named in the error")
    check([m.get("result", "missing") for m in by_id.get(2, [])] == [None], f"wrong types: shutdown: {by_id.get(2)}")


def main():
    scalepol = sys.argv[1]
    uri = "file:///nonexistent/dir/a.policy"
    stdin = b"".join([
        request(1, "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
        request(2, "initialize", {"processId": None, "rootUri": None, "capabilities": {}}),
        notify("initialized"),
        request(12, "initialize", {"processId": None, "rootUri": None, "capabilities": {}}),  # twice
        # A header block without a usable length is followed by a skip to the next message's
        # `Content-Length:`; a message after each block keeps them apart.
        b"Content-Length: twelve\r\n\r\n",                  # not a number
        request(5, "textDocument/unknownThing", {}),
        b"X-Header-Without-Colon\r\n\r\n",                   # no Content-Length at all
        notify("$/cancelRequest", {"id": 5}),
        b"X-Long: " + b"y" * 100000 + b"\r\n\r\n",            # a header line over the limit
        frame(b"{\"jsonrpc\": \"2.0\", \"id\": 3, \"method\""),  # invalid JSON
        frame(b"\xff\xfe not utf-8 \xff"),                    # not even text
        b"Content-Length: 99999999999999999999999999\r\n\r\n",  # overflows any integer
        frame(b"x" * (LIMIT + 1)),                           # over the limit: skipped, answered
        frame("[1, 2, 3]"),                                  # JSON, but no message
        frame({"jsonrpc": "2.0", "id": 4}),                  # no method
        notify("workspace/didChangeConfiguration", {"settings": {}}),
        notify("textDocument/didOpen", {"textDocument": {"uri": uri}}),  # no text: logged
        notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "scalepol", "version": 1,
                                                         "text": "policy p {\n  issuer \"x\"\n}\ndefine d = 1 +\n"}}),
        request(6, "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": "zero"}}),
        request(7, "textDocument/hover", {"textDocument": {"uri": "file:///not/open.policy"},
                                          "position": {"line": 0, "character": 0}}),
        request(8, "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 999, "character": 999}}),
        request(9, "textDocument/documentSymbol", {"textDocument": {"uri": uri}}),
        request(13, "textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 2}}),
        request(10, "shutdown"),
        request(11, "textDocument/documentSymbol", {"textDocument": {"uri": uri}}),
        notify("exit"),
    ])
    code, messages, stderr = lsp_client.run(scalepol, stdin)
    check(code == 0, f"exit code {code} after shutdown and exit, not 0")
    replies = [m for m in messages if "id" in m]
    by_id = {}
    for m in replies:
        by_id.setdefault(m["id"], []).append(m)
    nulls = [m for m in replies if m["id"] is None]

    check(error_code(by_id[1][0]) == NOT_INITIALIZED, f"a request before initialize: {by_id.get(1)}")
    check("capabilities" in by_id[2][0].get("result", {}), "initialize has no capabilities")
    # Bad header, missing Content-Length, a header line too long, invalid JSON, invalid UTF-8,
    # overflowing and oversized lengths: seven parse errors, with a null id (the request's id
    # could not be read).
    parse_errors = [m for m in nulls if error_code(m) == PARSE_ERROR]
    check(len(parse_errors) == 7, f"{len(parse_errors)} parse errors, not 7: {parse_errors}")
    check(any("over the limit" in m["error"]["message"] for m in parse_errors), "no error names the size limit")
    invalid = [m for m in nulls if error_code(m) == INVALID_REQUEST]
    check(len(invalid) == 1, f"the JSON array: {len(invalid)} invalid-request errors with a null id, not 1")
    check(error_code(by_id[4][0]) == INVALID_REQUEST, f"a message without a method: {by_id.get(4)}")
    check(error_code(by_id[5][0]) == METHOD_NOT_FOUND, f"an unknown method: {by_id.get(5)}")
    check(error_code(by_id[6][0]) == INVALID_PARAMS, f"a position that is not one: {by_id.get(6)}")
    check(error_code(by_id[7][0]) == INVALID_PARAMS, f"a document that is not open: {by_id.get(7)}")
    check(by_id[8][0].get("result", "missing") is None, f"a position past the end: {by_id.get(8)}")
    symbols = by_id[9][0].get("result")
    check(isinstance(symbols, list) and any(s["name"] == "p" for s in symbols),
          f"a document with a syntax error still has its symbols: {symbols}")
    check(by_id[10][0].get("result", "missing") is None, "shutdown answers null")
    check(error_code(by_id[11][0]) == INVALID_REQUEST, f"a request after shutdown: {by_id.get(11)}")
    check(error_code(by_id[12][0]) == INVALID_REQUEST, f"a second initialize: {by_id.get(12)}")
    check(error_code(by_id[13][0]) == REQUEST_FAILED and "5:1: unexpected end of file" in by_id[13][0]["error"]["message"],
          f"formatting a document that does not parse: {by_id.get(13)}")
    check(len(replies) == 20, f"{len(replies)} replies, not 20")
    diagnostics = [m for m in messages if m.get("method") == "textDocument/publishDiagnostics"]
    check(len(diagnostics) == 1 and diagnostics[0]["params"]["diagnostics"][0]["code"] == "syntax-error",
          f"the document with a syntax error: {diagnostics}")
    check("textDocument.text" in stderr, f"the didOpen without text is not logged: {stderr!r}")

    # `exit` without `shutdown`: 1. Input that ends without `exit` (the client died): 1.
    code, _, _ = lsp_client.run(scalepol, request(1, "initialize", {"capabilities": {}}) + notify("exit"))
    check(code == 1, f"exit without shutdown: exit code {code}, not 1")
    code, messages, _ = lsp_client.run(scalepol, request(1, "initialize", {"capabilities": {}}) + b"Content-Length: 40\r\n\r\n{\"jso")
    check(code == 1 and len(messages) == 1, f"input ending mid-message: exit code {code}, {len(messages)} replies")
    code, messages, _ = lsp_client.run(scalepol, b"")
    check(code == 1 and not messages, f"empty input: exit code {code}, {messages}")

    nesting_session(scalepol)
    content_length_session(scalepol)
    wrong_types_session(scalepol)

    for f in failures:
        print("FAIL:", f)
    print(f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
