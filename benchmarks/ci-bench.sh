#!/usr/bin/env bash
# The short benchmark .ci/run runs after the tests (about 1-2 minutes after the Release build):
#   1. end-to-end: the full scan of the fixed corpus once (benchmarks/e2e.sh)
#   2. benchmarks/bench.sh --short: the scan beside pdfgrep/ugrep and the floors on the dev corpus (peer rows left out where apt is unavailable)
# It prints the tables and asserts no timing: a slow run passes. It fails (non-zero, with a message) when the
# benchmark itself breaks: the build fails, classscan bench crashes or prints no result, or a file set is empty.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

fail() { echo "::error ci-bench: $*" >&2; exit 1; }
for d in "${BENCH_CORPUS[@]}"; do [[ -d "$d" ]] || fail "the corpus folder $d is missing"; done

started=$(date +%s)
CLASSSCAN_BIN_GIVEN=${CLASSSCAN_BIN:-}
export CLASSSCAN_BIN="${CLASSSCAN_BIN:-${TMPDIR:-/tmp}/classscan-ci-bench-bin}"
[[ -n "${CLASSSCAN_BIN_GIVEN:-}" ]] || rm -rf "$CLASSSCAN_BIN"
echo "== ci-bench: building classscan (Release)"
bench_build > /dev/null || fail "the Release build of classscan failed"
built=$(date +%s)

echo "== ci-bench: end-to-end scan of the fixed corpus (dev + real, ×1)"
out=$(mktemp); trap 'rm -f "$out"' EXIT
"$(dirname "$0")/e2e.sh" > "$out" 2>&1 || { cat "$out"; fail "classscan bench crashed (exit $?)"; }
cat "$out"
grep -q '^result: ' "$out" || fail "classscan bench printed no result line"
[[ "$(bench_field "$out" files)" -gt 0 ]] || fail "classscan bench scanned no file"

echo "== ci-bench: beside native tools and the floors (dev corpus, short form)"
"$(dirname "$0")/bench.sh" --short || fail "bench.sh failed (exit $?)"

echo "== ci-bench: done in $(( $(date +%s) - built )) s (+ $(( built - started )) s build); no timing is asserted"
