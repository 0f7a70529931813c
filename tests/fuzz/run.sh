#!/usr/bin/env bash
# Builds the libFuzzer targets with clang into build-fuzz/ and runs each for FUZZ_SECONDS, one
# after another on one core (`make fuzz` calls this; docs/reliability.md, "Fuzzing").
#
#   tests/fuzz/run.sh                       every target, 60 s each
#   FUZZ_SECONDS=600 tests/fuzz/run.sh fuzz_policy
#
# A target that finds a crash, a sanitizer error, a leak, an input slower than 1 s or one that
# needs more than 2 GB stops, writes the input to build-fuzz/artifacts/<target>/ and fails the
# script. The corpus each run grows is kept in build-fuzz/corpus/<target>/ for the next run; the
# seeds are rewritten from the repository's files every time (tests/fuzz/make_seeds.py).
set -euo pipefail
cd "$(dirname "$0")/../.."

FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_BUILD=${FUZZ_BUILD:-build-fuzz}
FUZZ_JOBS=${FUZZ_JOBS:-2}   # build parallelism only; fuzzing always runs on one core
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_policy fuzz_records_json fuzz_records_csv fuzz_fmt_roundtrip fuzz_policy_ast)

CXX=clang++ cmake -S tests/fuzz -B "$FUZZ_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$FUZZ_BUILD" -j "$FUZZ_JOBS" --target "${targets[@]}"
rm -rf "$FUZZ_BUILD/seeds"
python3 tests/fuzz/make_seeds.py "$FUZZ_BUILD/seeds"

for t in "${targets[@]}"; do
  case $t in
    fuzz_policy) seeds=policy dict=policy.dict max_len=16384 ;;
    fuzz_fmt_roundtrip) seeds=policy dict=policy.dict max_len=16384 ;;
    # Its own mutator works on the AST (ast_mutator.hpp); the dictionary serves the byte
    # mutations it falls back to.
    fuzz_policy_ast) seeds=policy dict=policy.dict max_len=16384 ;;
    # Data: 4 KiB (tens of records, every block cut, the 100-problem cap within reach); each
    # execution costs in proportion to the input (docs/reliability.md, "Throughput").
    fuzz_records_json) seeds=json dict=json.dict max_len=4096 ;;
    fuzz_records_csv) seeds=csv dict=csv.dict max_len=4096 ;;
    *) echo "unknown fuzz target: $t" >&2; exit 2 ;;
  esac
  mkdir -p "$FUZZ_BUILD/corpus/$t" "$FUZZ_BUILD/artifacts/$t"
  echo "== $t: ${FUZZ_SECONDS}s" >&2
  # The first directory collects new inputs; the seeds are only read. malloc_context_size=0:
  # ASan records no stack for each allocation and free; storing them (ASan's stack depot) costs
  # 12-15% of fuzz_policy's time even at 5 frames (docs/reliability.md, "Fuzzing"). Every check
  # stays on, and a report still shows where the bad access happened; for the allocation and
  # free stacks too, run the saved input again with default options: `./build-fuzz/<target> <file>`.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:malloc_context_size=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "./$FUZZ_BUILD/$t" "$FUZZ_BUILD/corpus/$t" "$FUZZ_BUILD/seeds/$seeds" \
    -dict="tests/fuzz/$dict" -max_len="$max_len" \
    -max_total_time="$FUZZ_SECONDS" -timeout=1 -rss_limit_mb=2048 -malloc_limit_mb=2048 -detect_leaks=1 \
    -print_final_stats=1 \
    -artifact_prefix="$FUZZ_BUILD/artifacts/$t/"
done
