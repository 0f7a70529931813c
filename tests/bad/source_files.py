#!/usr/bin/env python3
"""Policy sources that are not plain files (docs/reliability.md): an import must be a regular
file inside the import roots, read with the size bound; the main policy may be a FIFO (as
`scalepol check <(…)` gives) but never a directory; standard input that is closed or a directory
is an error, not an empty policy.

    source_files.py --scalepol BIN --root REPO --work DIR

Every case must end within its timeout (a FIFO import must not block) with the
exit code and diagnostic code named. The race case swaps a link between a file inside the root
and one outside while `check` runs, and fails if the outside file's text ever shows. The device
case needs root (mknod) and is skipped elsewhere. The last line counts passes and failures.
"""
import os
import shutil
import stat
import subprocess
import sys
import threading
import time

from checklist import Checklist, arguments

checks = Checklist()
check = checks.check


def run(args, stdin=subprocess.DEVNULL, timeout=20):
    env = dict(os.environ, NO_COLOR="1", SCALEPOL_PROGRESS="never")
    try:
        p = subprocess.run([A.scalepol, *args], cwd=A.work, env=env, stdin=stdin, capture_output=True,
                           timeout=timeout)
        return p.returncode, p.stdout.decode(errors="replace") + p.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired:
        return None, "timed out"


def write(name, text):
    path = os.path.join(A.work, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    return path


def main():
    shutil.rmtree(A.work, ignore_errors=True)
    os.makedirs(A.work)
    write("good.policy", "define big = 1e26 FLOP\n")

    # An import of a FIFO: refused at once (nothing writes to it, so a read would wait forever).
    os.mkfifo(os.path.join(A.work, "fifo.policy"))
    write("imports_fifo.policy", 'import "./fifo.policy"\n')
    code, out = run(["check", "imports_fifo.policy"])
    check(code == 1 and "error[unknown-import]" in out and "is a FIFO" in out,
          f"an import of a FIFO is refused without waiting (exit {code}): {out.strip().splitlines()[:1]}")

    # An import of a directory (by name, `.` and ``): refused, never an empty module.
    os.makedirs(os.path.join(A.work, "sub"))
    for target in ("./sub", ".", "sub/.."):
        write("imports_dir.policy", f'import "{target}"\n')
        code, out = run(["check", "imports_dir.policy"])
        check(code == 1 and "is a directory" in out, f'import "{target}" (a directory) is refused (exit {code})')
    write("imports_empty.policy", 'import ""\n')
    code, out = run(["check", "imports_empty.policy"])
    check(code == 1 and "an empty import path names no file" in out, f'import "" is refused (exit {code})')

    # A device under the root: refused before a byte is read (a null device never ends in zeros
    # when it is /dev/zero; a null device node stands in here, made with mknod as root).
    if os.geteuid() == 0:
        os.mknod(os.path.join(A.work, "zero.policy"), 0o666 | stat.S_IFCHR, os.makedev(1, 5))
        write("imports_device.policy", 'import "./zero.policy"\n')
        code, out = run(["check", "imports_device.policy"])
        check(code == 1 and "is a device" in out, f"an import of a device (a /dev/zero node) is refused (exit {code})")
        code, out = run(["check", "zero.policy"])
        check(code == 2 and "error[input-too-large]" in out,
              f"a device as the main policy is read to the size bound, then refused (exit {code})")
    else:
        checks.skip("devices: making a device node needs root")

    # The main policy through a FIFO with a writer, as `scalepol check <(cat good.policy)` gives.
    fifo_main = os.path.join(A.work, "main.fifo")
    os.mkfifo(fifo_main)

    def feed():
        with open(fifo_main, "w") as f:
            f.write("define big = 1e26 FLOP\n")

    t = threading.Thread(target=feed, daemon=True)
    t.start()
    code, out = run(["check", fifo_main])
    check(code in (0, 1) and "0 errors" in out, f"a main policy read from a FIFO is checked (exit {code})")

    # A main policy that is a directory.
    code, out = run(["check", "sub"])
    check(code == 2 and "error[io-error]" in out and "is a directory" in out,
          f"a directory as the main policy is refused (exit {code})")

    # fmt on a directory: an error naming it.
    code, out = run(["fmt", "sub"])
    check(code == 2 and "`sub` is a directory" in out and "internal error" not in out,
          f"`fmt` on a directory says so (exit {code}): {out.strip()}")

    # Standard input that is a directory, or closed: an error, never an empty policy.
    fd = os.open(A.work, os.O_RDONLY)
    write("m.csv", "Model\nx\n")
    for command in (["check", "-"], ["test", "-"], ["fmt", "-"], ["run", "-", "--models", "m.csv"]):
        code, out = run(command, stdin=fd)
        check(code == 2 and "standard input" in out,
              f"`{' '.join(command)}` with a directory as standard input is an error (exit {code}): "
              f"{out.strip().splitlines()[-1:] if out.strip() else ''}")
    os.close(fd)
    env = dict(os.environ, NO_COLOR="1", SCALEPOL_PROGRESS="never")
    for command in (["check", "-"], ["fmt", "-"]):
        p = subprocess.run([A.scalepol, *command], cwd=A.work, env=env, capture_output=True, timeout=20,
                           preexec_fn=lambda: os.close(0))
        out = (p.stdout + p.stderr).decode(errors="replace")
        check(p.returncode == 2 and "standard input" in out,
              f"`{' '.join(command)}` with standard input closed is an error (exit {p.returncode})")

    # The race: a link under the root swapped between a module inside and a file outside while
    # `check` runs. The outside file's text must never be read into a diagnostic.
    outside = os.path.join(os.path.dirname(os.path.abspath(A.work)), "outside-secret.policy")
    with open(outside, "w") as f:
        f.write("SECRET-LINE-OUTSIDE-THE-ROOT\n")
    inside = write("root/inside.policy", "define fine = 1 FLOP\n")
    write("root/main.policy", 'import "./link.policy"\n')
    link = os.path.join(A.work, "root", "link.policy")
    os.symlink("inside.policy", link)
    stop = threading.Event()

    def swap():
        tmp = link + ".tmp"
        while not stop.is_set():
            for target in (outside, "inside.policy"):
                try:
                    os.symlink(target, tmp)
                    os.replace(tmp, link)
                except OSError:
                    pass

    swapper = threading.Thread(target=swap, daemon=True)
    swapper.start()
    leaked = 0
    runs = 0
    deadline = time.monotonic() + 20
    while runs < 400 and time.monotonic() < deadline:
        code, out = run(["check", "root/main.policy"])
        runs += 1
        if "SECRET" in out:
            leaked += 1
    stop.set()
    swapper.join(5)
    os.unlink(outside)
    check(leaked == 0, f"a link swapped during {runs} checks never leads the import out of the root ({leaked} leaks)")

    return checks.close()


if __name__ == "__main__":
    A = arguments(__doc__)
    sys.exit(main())
