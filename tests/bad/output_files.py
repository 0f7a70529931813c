#!/usr/bin/env python3
"""Where `-o FILE` writes (docs/cli.md): a regular file is replaced whole; a symbolic link stays a
link and the file it leads to is replaced; a FIFO or a device is written to, never replaced by a
regular file (as root, replacing /dev/null would break the machine); a directory, an empty name
and a file that is an input of the run are refused with exit 2 and the input left as it was; a
signal while the report is written leaves no temporary file.

    output_files.py --scalepol BIN --root REPO --work DIR

The device case makes a null device node with mknod, which needs root; elsewhere it is reported
as skipped. Each case prints `ok` or `FAIL`; the last line counts them.
"""
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time

POLICY = "stdlib/regulations/eu_ai_act.policy"
SUMMARY = b"gpai_tier: systemic_risk 1, none 1, unknown 1"
MODELS = (b"Model,Training compute (FLOP),Publication date\n"
          b"big,2e25,2024-01-01\nsmall,1e20,2020-01-01\nunknown,,2024-06-01\n")

from checklist import Checklist, arguments

checks = Checklist()
check = checks.check


def run(*args):
    env = dict(os.environ, NO_COLOR="1", SCALEPOL_PROGRESS="never")
    p = subprocess.run([A.scalepol, *args], cwd=A.root, env=env, stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def run_to(output, models):
    return run("run", POLICY, "--models", models, "-o", output)


def main():
    work = os.path.abspath(A.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    models = os.path.join(work, "models.csv")
    with open(models, "wb") as f:
        f.write(MODELS)

    # A regular file: replaced whole.
    plain = os.path.join(work, "report.txt")
    with open(plain, "wb") as f:
        f.write(b"old report\n")
    code, _, err = run_to(plain, models)
    with open(plain, "rb") as f:
        text = f.read()
    check(code == 0 and SUMMARY in text and b"old report" not in text,
          f"a regular file is replaced by the report (exit {code}) {err.decode(errors='replace').strip()}")

    # A symbolic link (relative, through a second link): the links stay, their target is replaced.
    target = os.path.join(work, "target.txt")
    with open(target, "wb") as f:
        f.write(b"old\n")
    os.symlink("target.txt", os.path.join(work, "link1"))
    os.symlink("link1", os.path.join(work, "link2"))
    code, _, _ = run_to(os.path.join(work, "link2"), models)
    with open(target, "rb") as f:
        text = f.read()
    check(code == 0 and os.path.islink(os.path.join(work, "link2")) and os.path.islink(os.path.join(work, "link1"))
          and SUMMARY in text, "a chain of symbolic links stays, and the file at its end holds the report")
    dangling = os.path.join(work, "dangling")
    os.symlink("not-yet.txt", dangling)
    code, _, _ = run_to(dangling, models)
    made = os.path.join(work, "not-yet.txt")
    check(code == 0 and os.path.islink(dangling) and os.path.isfile(made),
          "a link to a file that does not exist yet stays a link, and the file is made")

    # A FIFO: written through to a reader; still a FIFO afterwards.
    fifo = os.path.join(work, "fifo")
    os.mkfifo(fifo)
    received = []

    def reader():
        with open(fifo, "rb") as f:
            received.append(f.read())

    t = threading.Thread(target=reader, daemon=True)  # a FIFO replaced by a file leaves it waiting
    t.start()
    code, _, _ = run_to(fifo, models)
    t.join(30)
    check(code == 0 and received and SUMMARY in received[0] and stat.S_ISFIFO(os.lstat(fifo).st_mode),
          "a FIFO is written to and stays a FIFO")

    # A device node: written to, never replaced. Only root can make one.
    if os.geteuid() == 0:
        null = os.path.join(work, "null")
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        code, _, _ = run_to(null, models)
        st = os.lstat(null)
        check(code == 0 and stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3),
              "a character device (a null device node) is written to and stays a device")
        leftovers = [n for n in os.listdir(work) if n.startswith(".null.tmp")]
        check(not leftovers, f"no temporary file is left beside the device ({leftovers})")
    else:
        checks.skip("a character device: making a device node needs root")

    # Refused, exit 2, nothing changed.
    code, _, err = run_to(work, models)
    check(code == 2 and b"is a directory" in err, f"a directory is refused (exit {code}): {err.decode().strip()}")
    code, _, err = run_to("", models)
    check(code == 2 and b"needs a file name" in err, f"an empty -o is refused (exit {code}): {err.decode().strip()}")
    code, _, err = run_to(models, models)
    with open(models, "rb") as f:
        kept = f.read()
    check(code == 2 and kept == MODELS and b"names an input" in err,
          f"-o naming the data file is refused and the data kept (exit {code}): {err.decode().strip()}")
    policy_copy = os.path.join(work, "policy.policy")
    shutil.copy(os.path.join(A.root, POLICY), policy_copy)
    with open(policy_copy, "rb") as f:
        policy_text = f.read()
    os.symlink("policy.policy", os.path.join(work, "policy-link"))
    code, _, err = run("run", policy_copy, "--models", models, "-o", os.path.join(work, "policy-link"))
    with open(policy_copy, "rb") as f:
        kept = f.read()
    check(code == 2 and kept == policy_text and b"names an input" in err,
          f"-o naming the policy through a link is refused and the policy kept (exit {code})")
    code, _, err = run("run", policy_copy, "--models", models, "--format", "jsonl", "-o", models)
    with open(models, "rb") as f:
        kept = f.read()
    check(code == 2 and kept == MODELS, f"-o naming the data is refused with --format jsonl too (exit {code})")

    # A signal while the report is written: the temporary file beside FILE is removed, FILE is
    # not made, and the exit status still says which signal ended the run.
    big = os.path.join(work, "big.csv")
    with open(big, "w") as f:
        f.write("Model,Training compute (FLOP),Publication date\n")
        for i in range(200000):
            f.write(f"model {i},{(i % 97 + 1)}e{20 + i % 7},2024-01-{i % 28 + 1:02d}\n")
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        target = os.path.join(work, f"signalled-{sig.name}.json")
        env = dict(os.environ, NO_COLOR="1", SCALEPOL_PROGRESS="never")
        p = subprocess.Popen([A.scalepol, "run", POLICY, "--models", big, "--format", "json", "-o", target],
                             cwd=A.root, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        prefix = "." + os.path.basename(target) + ".tmp."
        seen = False
        deadline = time.monotonic() + 60
        while p.poll() is None and time.monotonic() < deadline:
            if any(n.startswith(prefix) for n in os.listdir(work)):
                seen = True
                p.send_signal(sig)
                break
            time.sleep(0.001)
        p.wait(60)
        left = [n for n in os.listdir(work) if n.startswith(prefix)]
        check(seen and p.returncode == -sig and not left and not os.path.exists(target),
              f"{sig.name} while the report is written leaves no temporary file "
              f"(seen {seen}, exit {p.returncode}, left {left})")

    return checks.close()


if __name__ == "__main__":
    A = arguments(__doc__)
    sys.exit(main())
