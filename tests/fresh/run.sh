#!/usr/bin/env bash
# The fresh-machine check: the README's quick start on a Debian 12 that has nothing.
#
#   tests/fresh/run.sh [TARGET...]      (as root; default target: run)
#
# Makes a minimal Debian 12 root with `debootstrap --variant=minbase bookworm`, from the Debian
# mirror this machine's own apt sources name, adds only make, git and ca-certificates (with this
# machine's extra CA certificates, as a new machine of the same kind has them), clones the
# committed HEAD of this repository into it (nothing beside the clone: no sibling folder), and runs
# `make TARGET` there for each TARGET in turn, as a new user would. It passes only if `make run`
# prints the EU AI Act summary line of Epoch AI's notable models (and every other TARGET exits 0).
# What was downloaded and how long each step took is printed at the end.
#
# Environment: FRESH_DIR (default build-fresh/ in this repository) holds the root and the logs;
# FRESH_KEEP=1 leaves the root in place afterwards, for a look inside.
set -euo pipefail

EXPECTED='gpai_tier: systemic_risk 21, gpai 90, none 372, unknown 471'
repo=$(cd "$(dirname "$0")/../.." && pwd)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(run)
for t in "${targets[@]}"; do
  case "$t" in run|test) ;; *) echo "fresh: unknown target \`$t\`: run or test" >&2; exit 2 ;; esac
done

if [ "$(id -u)" -ne 0 ]; then
  echo "fresh: needs root (debootstrap and chroot)" >&2
  exit 2
fi
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "fresh: note: uncommitted changes are not part of the check; it clones the committed HEAD" >&2
fi

work=${FRESH_DIR:-$repo/build-fresh}
root=$work/root
log=$work/log
mkdir -p "$work"
"$repo/scripts/setup.sh" fresh

# Undo the mounts before anything is removed, and never cross into another file system.
mounted=()
cleanup() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
  mounted=()
  if [ "${FRESH_KEEP:-0}" != 1 ] && [ -d "$root" ]; then rm -rf --one-file-system "$root"; fi
}
trap cleanup EXIT
if [ -d "$root" ]; then
  for m in "$root/dev/shm" "$root/dev/pts" "$root/proc" "$root/sys"; do umount -l "$m" 2>/dev/null || true; done
  rm -rf --one-file-system "$root"
fi

step_start=0
step() { step_start=$(date +%s); echo "fresh: $*" >&2; }
times=()
step_done() { times+=("$1: $(( $(date +%s) - step_start )) s"); }

# The Debian suites this machine's apt uses (bookworm, and bookworm-updates and -security where
# it has them), read from apt itself so that no host name is written here.
mapfile -t suites < <(apt-get indextargets --format '$(REPO_URI) $(RELEASE) $(COMPONENT) $(IDENTIFIER)' \
  | awk '$2 ~ /^bookworm(-updates|-security)?$/ && $3 == "main" && $4 == "Packages" { print $1, $2 }' | sort -u)
mirror=$(printf '%s\n' "${suites[@]}" | awk '$2 == "bookworm" { print $1; exit }')
if [ -z "$mirror" ]; then
  echo "fresh: this machine's apt sources name no Debian bookworm mirror (apt-get update first?)" >&2
  exit 1
fi

step "debootstrap --variant=minbase bookworm from $mirror"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$log.debootstrap" 2>&1 || {
  tail -20 "$log.debootstrap" >&2
  echo "fresh: debootstrap failed (log: $log.debootstrap)" >&2
  exit 1
}
step_done debootstrap

for s in "${suites[@]}"; do echo "deb $s main"; done >"$root/etc/apt/sources.list"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
# The names every booted Debian machine has in /etc/hosts (debootstrap writes none): without
# them `localhost` does not resolve, and WebDriver (the browser test) cannot reach its driver.
printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"
mount -t proc proc "$root/proc" && mounted+=("$root/proc")
mount -t sysfs sysfs "$root/sys" && mounted+=("$root/sys")
mkdir -p "$root/dev/pts" && mount -t devpts devpts "$root/dev/pts" && mounted+=("$root/dev/pts")
# Shared memory, as every booted machine has it (chromium, in the browser test of `make test`).
mkdir -p "$root/dev/shm" && mount -t tmpfs -o mode=1777 shm "$root/dev/shm" && mounted+=("$root/dev/shm")

# What a new user's shell has: no variables of this machine's session.
in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb DEBIAN_FRONTEND=noninteractive \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin /bin/bash -c "$1"
}

step "apt-get install make git ca-certificates"
in_root 'apt-get update -qq && apt-get install -y -qq --no-install-recommends make git ca-certificates' \
  >"$log.base" 2>&1 || { tail -20 "$log.base" >&2; exit 1; }
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  in_root 'update-ca-certificates >/dev/null 2>&1'
fi
step_done "base packages"
archives_before=$(du -sk "$root/var/cache/apt/archives" | cut -f1)

# The committed HEAD, as `git clone` gives it: a bundle of HEAD cloned inside the root.
commit=$(git -C "$repo" rev-parse HEAD)
git -C "$repo" bundle create "$root/tmp/scalepol.bundle" HEAD >/dev/null 2>&1
in_root "git clone -q /tmp/scalepol.bundle ~/scalepol && cd ~/scalepol && git checkout -q $commit" \
  >"$log.clone" 2>&1 || { cat "$log.clone" >&2; exit 1; }
rm -f "$root/tmp/scalepol.bundle"
echo "fresh: cloned $commit into ~/scalepol in the root" >&2

status=0
for t in "${targets[@]}"; do
  step "make $t (log: $log.make-$t)"
  if ! in_root "cd ~/scalepol && make $t" >"$log.make-$t" 2>&1; then
    tail -40 "$log.make-$t" >&2
    echo "fresh: \`make $t\` failed on a fresh Debian 12" >&2
    status=1
    break
  fi
  step_done "make $t"
  if [ "$t" = run ]; then
    if grep -qxF "$EXPECTED" "$log.make-$t"; then
      echo "fresh: make run printed \`$EXPECTED\`" >&2
    else
      tail -20 "$log.make-$t" >&2
      echo "fresh: make run did not print \`$EXPECTED\`" >&2
      status=1
      break
    fi
  fi
done

archives_after=$(du -sk "$root/var/cache/apt/archives" | cut -f1)
echo "fresh: downloaded for ${targets[*]}: $(( (archives_after - archives_before) / 1024 )) MB of packages" >&2
for t in "${times[@]}"; do echo "fresh: took $t" >&2; done
if [ $status -eq 0 ]; then
  echo "fresh: passed"
else
  echo "fresh: FAILED"
fi
exit $status
