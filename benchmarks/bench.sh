#!/usr/bin/env bash
# The one benchmark: ClassScan's own scan beside the search-only tools and the floors, on the same files and
# cores, in one run, as one table with the ratios the targets are stated in.
#
#   floor       read every byte (cat); inflate every OOXML part in-process (System.IO.Compression, the
#               benchmark project's inflate-floor command) and with unzip -p
#   peers       search only, for a personnummer regex: pdfgrep -P over the PDFs, ugrep -z -P over the OOXML files
#   classscan   `classscan scan` into a fresh output folder with the default reports and state (what a user
#               runs), over all files, the PDFs only and the OOXML files only; OOXML extraction alone in-process
#   scaling     one core (taskset -c 0, parallelism 1) against all cores; two one-core scans side by side
#               (the machine's own ceiling: they share nothing in our code)
#   memory      peak RSS of the scanner and its workers together (sampled), corpus ×1 and ×4
#
# Usage: benchmarks/bench.sh [--short] [-p CORES] [-r RUNS] [--save] [DIR...]
#   default DIRs: ../shared/corpus/dev ../shared/corpus/real (without pdfjs__bomb_giant.pdf)
#   --short  what CI runs: the dev corpus, one run per row, no scaling or ×4 rows (about a minute)
#   -r RUNS  rounds: every timed row once per round, interleaved; each keeps its fastest (default 2, --short 1), and
#            each ratio is also given paired: the median over the rounds of the ratio within a round
#   --save   also write the table to benchmarks/results/bench-DATE.md
# Environment: CLASSSCAN_BIN=folder with a built classscan (else published here: Release, ReadyToRun).
# OCR is off in every row: pdfgrep and ugrep read no scanned pages, and OCR's cost is its own figure (README).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

P=$(nproc); RUNS=""; SHORT=0; SAVE=0; DIRS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -p) P=$2; shift 2 ;;
    -r) RUNS=$2; shift 2 ;;
    --short) SHORT=1; shift ;;
    --save) SAVE=1; shift ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) DIRS+=("$1"); shift ;;
  esac
done
if [[ ${#DIRS[@]} -eq 0 ]]; then
  if [[ $SHORT -eq 1 ]]; then DIRS=("$BENCH_SHARED/corpus/dev"); else DIRS=("${BENCH_CORPUS[@]}"); fi
fi
[[ -n "$RUNS" ]] || { [[ $SHORT -eq 1 ]] && RUNS=1 || RUNS=2; }
for d in "${DIRS[@]}"; do [[ -d "$d" ]] || { echo "bench: no folder $d" >&2; exit 2; }; done

# Peers from Debian packages. Without apt (or root) their rows are left out, not failed.
SKIP_PEERS=0; need=()
for t in pdfgrep:pdfgrep ugrep:ugrep unzip:unzip; do command -v "${t%%:*}" >/dev/null 2>&1 || need+=("${t#*:}"); done
if [[ ${#need[@]} -gt 0 ]]; then
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo -n"
  if command -v apt-get >/dev/null 2>&1 && { [[ -z "$SUDO" ]] || sudo -n true 2>/dev/null; }; then
    echo "bench: installing ${need[*]}" >&2
    { timeout 300 $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 300 $SUDO apt-get install -y -qq "${need[@]}"; } >/dev/null 2>&1 \
      || { echo "bench: apt-get install failed; peer rows left out" >&2; SKIP_PEERS=1; }
  else
    echo "bench: apt-get unavailable; peer rows left out" >&2; SKIP_PEERS=1
  fi
fi

CLASSSCAN=$(bench_build)
# The in-process floor is the benchmark project's ooxml-floor command (System.IO.Compression vs our extraction).
FLOOR_DIR="${TMPDIR:-/tmp}/classscan-bench-tools"
dotnet build -c Release "$BENCH_ROOT/benchmarks/ClassScan.Benchmarks" -o "$FLOOR_DIR" -nologo -v q -clp:ErrorsOnly >&2 \
  || { echo "bench: the benchmark project did not build" >&2; exit 1; }
floor_tool() { DOTNET_TieredCompilation=0 dotnet "$FLOOR_DIR/ClassScan.Benchmarks.dll" "$@"; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/classscan-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export CLASSSCAN_Scan__Ocr__Enabled=false

# The file sets, as NUL-separated lists (stable order) and as folders that `classscan scan` can be pointed at
# (copies keep the relative paths; ×4 is four hard-linked copies of the whole set).
find "${DIRS[@]}" -type f ! -name 'pdfjs__bomb_giant.pdf' -print0 | sort -z > "$WORK/all.lst"
grep -zi '\.pdf$' "$WORK/all.lst" > "$WORK/pdf.lst" || true
grep -ziE '\.(docx|docm|dotx|dotm|xlsx|xlsm|xltx|xltm|pptx|pptm|potx|potm|ppsx|ppsm)$' "$WORK/all.lst" > "$WORK/ooxml.lst" || true
make_set() { # NAME: $WORK/sets/NAME holds the files of NAME.lst, each under its own numbered folder
  mkdir -p "$WORK/sets/$1"
  local i=0
  while IFS= read -r -d '' f; do i=$((i + 1)); mkdir -p "$WORK/sets/$1/$((i / 200))"; cp "$f" "$WORK/sets/$1/$((i / 200))/$i-$(basename "$f")"; done < "$WORK/$1.lst"
}
for s in all pdf ooxml; do make_set "$s"; done
if [[ $SHORT -eq 0 ]]; then
  mkdir -p "$WORK/sets/all4"
  for c in 1 2 3 4; do cp -al "$WORK/sets/all" "$WORK/sets/all4/copy$c"; done
fi

RE='(?<![0-9])(?:19|20)?[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]|6[1-9]|[78][0-9]|9[01])[-+]?[0-9]{4}(?![0-9])'
export RE
row_cat()     { xargs -0 -r -P "$P" -n 64 cat < "$WORK/$1.lst" > /dev/null; }
row_unzip()   { xargs -0 -r -P "$P" -n 1 unzip -p -qq < "$WORK/$1.lst" > /dev/null || true; }
row_pdfgrep() { xargs -0 -r -P "$P" -n 16 pdfgrep -P -c -- "$RE" < "$WORK/$1.lst" > /dev/null || true; }
row_ugrep()   { xargs -0 -r -P "$P" -n 64 ugrep -J1 -z -P -c -- "$RE" < "$WORK/$1.lst" > /dev/null || true; }
scan_into()   { local out=$1; shift; rm -rf "$out"; "$@" > "$out.log" 2>&1 || [[ $? -eq 1 ]] || { cat "$out.log" >&2; return 1; }; }
row_scan()    { scan_into "$WORK/out-$1" "$CLASSSCAN" scan "$WORK/sets/$1" --out "$WORK/out-$1" -p "$P"; }
row_scan1()   { scan_into "$WORK/out-c1" taskset -c 0 "$CLASSSCAN" scan "$WORK/sets/$1" --out "$WORK/out-c1" -p 1; }
row_twin()    {
  scan_into "$WORK/out-ta" taskset -c 0 "$CLASSSCAN" scan "$WORK/sets/$1" --out "$WORK/out-ta" -p 1 & local a=$!
  scan_into "$WORK/out-tb" taskset -c 1 "$CLASSSCAN" scan "$WORK/sets/$1" --out "$WORK/out-tb" -p 1
  wait "$a"
}

# Peak resident memory of a process tree (KB), sampled every 100 ms until its root ends; the sampler runs
# outside the timed tree so its own CPU is not counted.
tree_rss() {
  ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
    { parent[$1] = $2; rss[$1] = $3 }
    END { for (p in parent) { q = p; for (n = 0; n < 64 && q != root && q > 1; n++) q = parent[q]; if (q == root) t += rss[p] } print t + 0 }'
}

# The timed rows run in rounds: every row once per round, RUNS rounds, so that a host whose speed drifts over
# minutes (a shared VM's does) slows the peers and ClassScan alike and the ratios compare rows measured side by side.
# Each row keeps its fastest round (by wall) and the highest peak of all rounds.
ROWS=()
row() { ROWS+=("$1"$'\t'"$2"$'\t'"$3"); } # NAME SET FUNCTION
: > "$WORK/raw"
# measure_once NAME SET FUNCTION: one timed run; appends "name wall user sys peak_kb round" to $WORK/raw.
measure_once() {
  local name=$1 set=$2 fn=$3 peak=0 now
  [[ $(bench_count "$WORK/${set%4}.lst") -gt 0 ]] || return 0
  ( bench_time "$WORK/t" "$fn" "$set" ) & local timed=$!
  while kill -0 "$timed" 2>/dev/null; do
    now=$(tree_rss "$timed"); (( now > peak )) && peak=$now
    sleep 0.1
  done
  wait "$timed" || { echo "bench: $name failed" >&2; exit 1; }
  read -r wall user sys < "$WORK/t"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$wall" "$user" "$sys" "$peak" "$round" >> "$WORK/raw"
  echo "  $name ($set): wall ${wall}s cpu $(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u+s}')s peak $((peak / 1024)) MB" >&2
}
# Appends "name set files bytes wall cpu peak_kb" to $WORK/rows for each row, in the order they were declared.
summarise() {
  local r name set fn files bytes
  for r in "${ROWS[@]}"; do
    IFS=$'\t' read -r name set fn <<< "$r"
    awk -F'\t' -v n="$name" '$1 == n { found = 1 } END { exit !found }' "$WORK/raw" || continue
    files=$(bench_count "$WORK/${set%4}.lst"); bytes=$(bench_bytes "$WORK/${set%4}.lst")
    [[ $set == *4 ]] && { files=$((files * 4)); bytes=$((bytes * 4)); }
    awk -F'\t' -v n="$name" -v set="$set" -v files="$files" -v bytes="$bytes" '
      $1 == n { if (best == "" || $2 < best) { best = $2; cpu = $3 + $4 } if ($5 > peak) peak = $5 }
      END { printf "%s\t%s\t%s\t%s\t%s\t%.2f\t%d\n", n, set, files, bytes, best, cpu, peak }' "$WORK/raw" >> "$WORK/rows"
  done
}

echo "== bench: $(bench_count "$WORK/all.lst") files, $P-way, $RUNS round(s) of every row, load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
bench_scan_warmup() { "$CLASSSCAN" scan "$WORK/sets/all" --out "$WORK/out-warm" -p "$P" > /dev/null 2>&1 || true; }
bench_scan_warmup # fills the file cache and the OS's view of the binary, so the first timed row is not the only cold one
row "floor: read all bytes (cat)"                  all   row_cat
if [[ $SKIP_PEERS -eq 0 ]]; then
  row "floor: inflate OOXML (unzip -p)"              ooxml row_unzip
  row "peer: pdfgrep -P"                             pdf   row_pdfgrep
  row "peer: ugrep -z -P"                            ooxml row_ugrep
fi
row "ClassScan: scan, PDFs"                          pdf   row_scan
row "ClassScan: scan, OOXML"                         ooxml row_scan
row "ClassScan: scan, all files"                     all   row_scan
if [[ $SHORT -eq 0 ]]; then
  if command -v taskset >/dev/null 2>&1 && [[ $(nproc) -ge 2 ]]; then
    row "ClassScan: scan, 1 core, parallelism 1"     all   row_scan1
    row "ceiling: two 1-core scans side by side"     all   row_twin
  fi
  row "ClassScan: scan, all files ×4"                all4  row_scan
fi
for ((round = 1; round <= RUNS; round++)); do
  echo "  -- round $round of $RUNS" >&2
  for r in "${ROWS[@]}"; do IFS=$'\t' read -r name set fn <<< "$r"; measure_once "$name" "$set" "$fn"; done
done

# In-process, single-threaded, CPU seconds (best of RUNS + 1 rounds, interleaved inside the tool): its "all" row gives both figures.
floor_tool ooxml-floor -r "$((RUNS + 1))" "$WORK/sets/ooxml" > "$WORK/floor.out" || { cat "$WORK/floor.out" >&2; echo "bench: ooxml-floor failed" >&2; exit 1; }
# Columns found by their header, so that columns the tool adds later do not shift the figures.
read -r INFLATE_CPU EXTRACT_CPU < <(awk -F'|' '
  $2 ~ /^ *format *$/ { for (i = 1; i <= NF; i++) { h = $i; gsub(/^ +| +$/, "", h); if (h == "inflate cpu s") fi = i; if (h == "extract cpu s") fe = i } }
  $2 ~ /^ *all *$/ && fi && fe { a = $fi; b = $fe; gsub(/[ *]/, "", a); gsub(/[ *]/, "", b); print a, b }' "$WORK/floor.out")
[[ -n "${EXTRACT_CPU:-}" ]] || { cat "$WORK/floor.out" >&2; echo "bench: ooxml-floor printed no 'all' row" >&2; exit 1; }
OOXML_BYTES=$(bench_bytes "$WORK/ooxml.lst"); OOXML_FILES=$(bench_count "$WORK/ooxml.lst")
echo "  in-process OOXML (1 thread, cpu s): inflate $INFLATE_CPU, extract $EXTRACT_CPU" >&2

: > "$WORK/rows"
summarise
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "floor: inflate OOXML in-process (1 thread)" ooxml "$OOXML_FILES" "$OOXML_BYTES" "$INFLATE_CPU" "$INFLATE_CPU" 0 >> "$WORK/rows"
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "ClassScan: OOXML extraction in-process (1 thread)" ooxml "$OOXML_FILES" "$OOXML_BYTES" "$EXTRACT_CPU" "$EXTRACT_CPU" 0 >> "$WORK/rows"

# The ratio table. "value" divides each row's fastest round by the other's; "paired" is the median over the rounds
# of the ratio within one round, where both rows ran minutes apart: on a host whose speed drifts between rounds the
# fastest rounds of two rows can come from different minutes, the paired figure cannot.
table() {
  awk -F'\t' -v P="$P" -v CORES="$(nproc)" -v DATE="$(date -u +%Y-%m-%d)" -v LOAD="$(cut -d' ' -f1-3 /proc/loadavg)" -v RUNS="$RUNS" '
    FNR == NR { rw[$1, $6] = $2; rp[$1, $6] = $5; next }
    { n[FNR]=$1; set[FNR]=$2; files[FNR]=$3; bytes[FNR]=$4; wall[FNR]=$5; cpu[FNR]=$6; peak[FNR]=$7; row[$1]=FNR; NROWS=FNR }
    function w(name) { return (name in row) ? wall[row[name]] : 0 }
    function c(name) { return (name in row) ? cpu[row[name]] : 0 }
    function at(v, name, r) { return ((name, r) in v) ? v[name, r] : 0 }
    # Median over the rounds of FACTOR × (NUM1 [+ NUM2]) ÷ DEN, all three from the same round of V (rw: wall,
    # rp: peak); "–" when no round has them all.
    function paired(v, num1, num2, factor, den,    r, k, a, b, i, j, t) {
      k = 0
      for (r = 1; r <= RUNS; r++) {
        a = at(v, num1, r); b = at(v, den, r)
        if (num2 != "") { if (at(v, num2, r) <= 0) continue; a += at(v, num2, r) }
        if (at(v, num1, r) > 0 && b > 0) pr[++k] = factor * a / b
      }
      if (k == 0) return "–"
      for (i = 2; i <= k; i++) { t = pr[i]; for (j = i - 1; j >= 1 && pr[j] > t; j--) pr[j + 1] = pr[j]; pr[j + 1] = t }
      return sprintf("%.2f", (k % 2) ? pr[(k + 1) / 2] : (pr[k / 2] + pr[k / 2 + 1]) / 2)
    }
    function ratio(label, num, den, target, pairs) { if (num > 0 && den > 0) printf "| %s | %.2f× | %s | %s |\n", label, num / den, pairs == "–" ? pairs : pairs "×", target }
    END {
      printf "Benchmark %s: %d-way (xargs -P %d for the tools, classscan -p %d) on %d cores; load at the end %s.\n\n", DATE, P, P, P, CORES, LOAD
      print "| run | set | files | MB | wall s | cpu s | MB/s | peak MB |"
      print "|---|---|---:|---:|---:|---:|---:|---:|"
      for (i = 1; i <= NROWS; i++)
        printf "| %s | %s | %d | %.1f | %.2f | %.2f | %.2f | %s |\n", n[i], set[i], files[i], bytes[i] / 1e6, wall[i], cpu[i],
          bytes[i] / 1e6 / wall[i], n[i] ~ /^ClassScan: scan/ ? sprintf("%.0f", peak[i] / 1024) : ""
      print "\n| ratio (wall; ≥ 1 means ClassScan is as fast) | value (fastest rounds) | paired (median of rounds) | target |"
      print "|---|---:|---:|---|"
      pg = w("peer: pdfgrep -P"); ug = w("peer: ugrep -z -P")
      ratio("pdfgrep + ugrep ÷ scan of all files", pg + ug, w("ClassScan: scan, all files"), "≥ 1.0", paired(rw, "peer: pdfgrep -P", "peer: ugrep -z -P", 1, "ClassScan: scan, all files"))
      ratio("pdfgrep ÷ scan of the PDFs", pg, w("ClassScan: scan, PDFs"), "≥ 1.5", paired(rw, "peer: pdfgrep -P", "", 1, "ClassScan: scan, PDFs"))
      ratio("in-process inflate floor ÷ OOXML extraction (cpu)", c("floor: inflate OOXML in-process (1 thread)"), c("ClassScan: OOXML extraction in-process (1 thread)"), "≥ 0.5 (within 2×)", "–")
      ratio("1 core ÷ all cores (scan of all files)", w("ClassScan: scan, 1 core, parallelism 1"), w("ClassScan: scan, all files"), "≥ 1.8", paired(rw, "ClassScan: scan, 1 core, parallelism 1", "", 1, "ClassScan: scan, all files"))
      if (w("ceiling: two 1-core scans side by side") > 0)
        ratio("machine ceiling: two 1-core scans ÷ one", 2 * w("ClassScan: scan, 1 core, parallelism 1"), w("ceiling: two 1-core scans side by side"), "what sharing nothing gives", paired(rw, "ClassScan: scan, 1 core, parallelism 1", "", 2, "ceiling: two 1-core scans side by side"))
      if ("ClassScan: scan, all files ×4" in row)
        printf "| peak memory ×4 ÷ ×1 (highest peaks; paired: per round) | %.2f | %s | ≤ 1.10 |\n", peak[row["ClassScan: scan, all files ×4"]] / peak[row["ClassScan: scan, all files"]],
          paired(rp, "ClassScan: scan, all files ×4", "", 1, "ClassScan: scan, all files")
      print "\nwall/cpu s: whole process tree timed from outside (start-up, model load and report writing included); cpu = user+system."
      print "peak MB: resident memory of the scanner and its worker processes together, sampled every 100 ms."
    }' "$WORK/raw" "$WORK/rows"
}
echo
table | tee "$WORK/table.md"
if [[ $SAVE -eq 1 ]]; then
  mkdir -p "$BENCH_ROOT/benchmarks/results"
  cp "$WORK/table.md" "$BENCH_ROOT/benchmarks/results/bench-$(date -u +%Y-%m-%d).md"
  echo "saved: benchmarks/results/bench-$(date -u +%Y-%m-%d).md" >&2
fi
