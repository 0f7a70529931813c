#!/usr/bin/env python3
"""`scalepol lsp` on input a client should never send: bad headers, invalid JSON, a
Content-Length over the limit, messages that are not requests, bad params, requests after
shutdown; and formatting a document that does not parse. Each must get an error reply (or be
logged) and the session must go on: the requests after them are still answered, and `shutdown`
then `exit` still ends it with 0. Also: `exit` without `shutdown`, and input that ends without
`exit`, end it with 1.

Usage: malformed.py SCALEPOL
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import lsp_client  # noqa: E402
from lsp_client import frame  # noqa: E402

PARSE_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND, INVALID_PARAMS = -32700, -32600, -32601, -32602
NOT_INITIALIZED, REQUEST_FAILED = -32002, -32803
LIMIT = 16 << 20

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


def main():
    scalepol = sys.argv[1]
    uri = "file:///nonexistent/dir/a.policy"
    stdin = b"".join([
        request(1, "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
        request(2, "initialize", {"processId": None, "rootUri": None, "capabilities": {}}),
        notify("initialized"),
        request(12, "initialize", {"processId": None, "rootUri": None, "capabilities": {}}),  # twice
        b"Content-Length: twelve\r\n\r\n",                  # not a number
        b"X-Header-Without-Colon\r\n\r\n",                   # no Content-Length at all
        b"X-Long: " + b"y" * 100000 + b"\r\n\r\n",            # a header line over the limit
        frame(b"{\"jsonrpc\": \"2.0\", \"id\": 3, \"method\""),  # invalid JSON
        frame(b"\xff\xfe not utf-8 \xff"),                    # not even text
        b"Content-Length: 99999999999999999999999999\r\n\r\n",  # overflows any integer
        frame(b"x" * (LIMIT + 1)),                           # over the limit: skipped, answered
        frame("[1, 2, 3]"),                                  # JSON, but no message
        frame({"jsonrpc": "2.0", "id": 4}),                  # no method
        request(5, "textDocument/unknownThing", {}),
        notify("$/cancelRequest", {"id": 5}),
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

    for f in failures:
        print("FAIL:", f)
    print(f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
