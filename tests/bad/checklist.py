"""What the Python-driven bad-input tests share: one `ok` or `FAIL` line per check, a closing
`N passed, M failed, K skipped` line, and their arguments (--scalepol BIN --root REPO --work DIR)."""
import argparse
import os


class Checklist:
    def __init__(self):
        self.passed = self.failed = self.skipped = 0

    def check(self, ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        if ok:
            self.passed += 1
        else:
            self.failed += 1

    def skip(self, what):
        print("skip " + what)
        self.skipped += 1

    def close(self):
        """Prints the closing count; the exit status: 1 if any check failed."""
        print(f"{self.passed} passed, {self.failed} failed, {self.skipped} skipped")
        return 1 if self.failed else 0


def arguments(doc):
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scalepol", required=True, help="the scalepol binary under test")
    ap.add_argument("--root", required=True, help="the repository")
    ap.add_argument("--work", required=True, help="a scratch directory, emptied first")
    args = ap.parse_args()
    args.scalepol = os.path.abspath(args.scalepol)
    args.work = os.path.abspath(args.work)
    return args
