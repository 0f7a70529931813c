#!/bin/sh
# The browser test's driver (ctest browser.html_report): run.sh SCALEPOL SOURCE_DIR WORK_DIR.
# Installs playwright-core from the committed lock file into WORK_DIR (once, again when the lock
# changes), then runs report_test.mjs there. Missing chromium or npm fails the test.
set -eu
scalepol=$1
root=$2
work=$3

chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "browser test: no chromium at \`$chromium\`: run scripts/setup.sh (Debian package chromium)" >&2
  exit 1
fi
for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "browser test: \`$tool\` not found: install Node.js (Debian packages nodejs and npm)" >&2
    exit 1
  fi
done

mkdir -p "$work"
if [ ! -d "$work/node_modules/playwright-core" ] || ! cmp -s "$root/tests/browser/package-lock.json" "$work/package-lock.json"; then
  cp "$root/tests/browser/package.json" "$root/tests/browser/package-lock.json" "$work/"
  # --ignore-scripts: nothing runs at install; playwright-core has no browser download of its own.
  (cd "$work" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || {
    echo "browser test: \`npm ci\` failed in $work (is the npm registry reachable?)" >&2
    exit 1
  }
fi
exec node "$root/tests/browser/report_test.mjs" "$scalepol" "$root" "$work" "$chromium"
