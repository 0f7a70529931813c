"""A minimal LSP client for the tests: Content-Length framing, and running `scalepol lsp` over a
byte string with a timeout."""
import json
import subprocess


def frame(message):
    """A message (a dict, or raw bytes/str taken as the body) framed with its Content-Length."""
    if isinstance(message, (dict, list)):
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
    elif isinstance(message, str):
        body = message.encode("utf-8")
    else:
        body = message
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def unframe(data):
    """The server's messages, parsed; raises ValueError on anything not framed as LSP says."""
    messages = []
    i = 0
    while i < len(data):
        end = data.find(b"\r\n\r\n", i)
        if end < 0:
            raise ValueError(f"unframed output at byte {i}: {data[i:i + 80]!r}")
        length = None
        for line in data[i:end].split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        if length is None:
            raise ValueError(f"a message without Content-Length at byte {i}")
        body = data[end + 4:end + 4 + length]
        if len(body) != length:
            raise ValueError(f"a message cut short at byte {i}")
        messages.append(json.loads(body.decode("utf-8")))
        i = end + 4 + length
    return messages


def run(scalepol, stdin_bytes, timeout=120, cwd=None):
    """Runs `scalepol lsp` on the input; returns (exit code, messages, stderr text)."""
    proc = subprocess.run([scalepol, "lsp"], input=stdin_bytes, capture_output=True, timeout=timeout, cwd=cwd)
    return proc.returncode, unframe(proc.stdout), proc.stderr.decode("utf-8", "replace")
