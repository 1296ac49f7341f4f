#!/usr/bin/env bash
# End-to-end throughput of the full scan over the fixed corpus: ../shared/corpus/dev + ../shared/corpus/real
# without pdfjs__bomb_giant.pdf (it measures the timeout, not throughput). Prints files/s, input MB/s,
# extracted-text MB/s, CPU time, time per stage and peak memory of the scanner and its worker processes.
#
# Usage: benchmarks/e2e.sh [-k N] [-p N] [--scaling] [-- extra classscan bench options]
#   -k N        scan the corpus N times in one run (default 1)
#   -p N        files analysed at once (default: the number of cores)
#   --scaling   instead: parallelism 1 vs 2 at 1×, and peak memory at 1× vs 4× (-k 4), as one table
# Environment: CLASSSCAN_BIN=folder with a built classscan (else built here, Release).
# The same as:  dotnet run -c Release --project src/ClassScan.Cli -- bench ../shared/corpus/dev \
#                   ../shared/corpus/real --exclude '**/pdfjs__bomb_giant.pdf' [-k N] [-p N]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

K=1; P=$(nproc); SCALING=0; EXTRA=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -k) K=$2; shift 2 ;;
    -p) P=$2; shift 2 ;;
    --scaling) SCALING=1; shift ;;
    --) shift; EXTRA=("$@"); break ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "e2e.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
for d in "${BENCH_CORPUS[@]}"; do [[ -d "$d" ]] || { echo "e2e.sh: the corpus folder $d is missing" >&2; exit 2; }; done

CLASSSCAN=$(bench_build)
run() { "$CLASSSCAN" bench "${BENCH_CORPUS[@]}" --exclude "$BENCH_EXCLUDE" "$@" "${EXTRA[@]}"; }

if [[ $SCALING -eq 0 ]]; then
  run -k "$K" -p "$P"
  exit 0
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/classscan-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
for cfg in "1 1" "2 1" "2 4"; do
  read -r p k <<< "$cfg"
  echo "== parallelism $p, corpus ×$k" >&2
  run -p "$p" -k "$k" | tee "$WORK/p$p-k$k" >&2
done
f() { bench_field "$WORK/$1" "$2"; }
awk -v w1="$(f p1-k1 wall_s)" -v c1="$(f p1-k1 cpu_s)" -v w2="$(f p2-k1 wall_s)" -v c2="$(f p2-k1 cpu_s)" \
    -v m1="$(f p2-k1 peak_mb)" -v m4="$(f p2-k4 peak_mb)" -v w4="$(f p2-k4 wall_s)" -v mb="$(f p2-k1 bytes)" -v n="$(f p2-k1 files)" 'BEGIN {
  printf "\nScaling and memory (%d files, %.1f MB per corpus copy; machine has %d cores)\n", n, mb/1048576, '"$(nproc)"'
  printf "%-34s %10s %10s %12s\n", "run", "wall s", "cpu s", "input MB/s"
  printf "%-34s %10.2f %10.2f %12.2f\n", "parallelism 1, corpus ×1", w1, c1, mb/1048576/w1
  printf "%-34s %10.2f %10.2f %12.2f\n", "parallelism 2, corpus ×1", w2, c2, mb/1048576/w2
  printf "%-34s %10.2f %10s %12.2f\n", "parallelism 2, corpus ×4", w4, "", 4*mb/1048576/w4
  printf "speed-up p2 ÷ p1:              %.2f×   (target ≥ 1.8×)\n", w1/w2
  printf "peak memory ×1: %.0f MB, ×4: %.0f MB, ratio %.2f   (target ≤ 1.10; scanner + workers, sampled)\n", m1, m4, m4/m1
}'
