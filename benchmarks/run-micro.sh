#!/usr/bin/env bash
# BenchmarkDotNet micro-benchmarks (detectors over 1 MB of Swedish text, classifier and rule engine, each
# extractor over representative files, the CSV writer), short job, with [MemoryDiagnoser]. The markdown and
# CSV tables of the run are copied to benchmarks/results/ (commit-ready); BenchmarkDotNet's logs stay in
# benchmarks/results/artifacts/ (ignored). Extra arguments go to BenchmarkDotNet, e.g. --filter '*Detector*'.
# Usage: benchmarks/run-micro.sh [--full] [BenchmarkDotNet options]   (--full: default job instead of short)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
job=(--job short)
if [[ "${1:-}" == "--full" ]]; then job=(); shift; fi
filter=(--filter '*')
for a in "$@"; do [[ "$a" == --filter ]] && filter=(); done
artifacts="$BENCH_ROOT/benchmarks/results/artifacts"
dotnet run -c Release --project "$BENCH_ROOT/benchmarks/ClassScan.Benchmarks" -- \
  "${filter[@]}" "${job[@]}" --exporters GitHub CSV --artifacts "$artifacts" "$@"
for f in "$artifacts"/results/*-report-github.md "$artifacts"/results/*-report.csv; do
  [[ -e "$f" ]] || continue
  cp "$f" "$BENCH_ROOT/benchmarks/results/$(basename "$f" | sed 's/^ClassScan\.Benchmarks\.//')"
done
echo "tables copied to benchmarks/results/"
