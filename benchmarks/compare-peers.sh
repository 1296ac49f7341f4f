#!/usr/bin/env bash
# ClassScan beside native tools on the same files with the same number of cores, as one table:
#   floor       reading every byte (cat), inflating every OOXML zip entry (unzip -p)
#   peers       search only, for a personnummer regex: pdfgrep -P over the PDFs, ugrep -z -P over the OOXML
#               files, pdftotext | rg over the PDFs
#   classscan   the full scan of the same file sets (extract every part, all detectors, rules + classifier)
# and the ratios ClassScan ÷ peer and ClassScan ÷ floor as throughput ratios (≥ 1.00 = ClassScan as fast or faster).
# Every row is timed from outside (whole process tree: start-up, JIT and model load included), wall and CPU.
# The machine may be shared: CPU seconds (user+sys) are steadier than wall seconds; both are printed.
#
# Usage: benchmarks/compare-peers.sh [-p CORES] [-r RUNS] [--skip-peers] [DIR...]
#   default DIRs: ../shared/corpus/dev ../shared/corpus/real (without pdfjs__bomb_giant.pdf)
#   -r RUNS: repeat each row and keep the fastest run (default 1)
# Environment: CLASSSCAN_BIN=folder with a built classscan (else built here, Release).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

P=$(nproc); RUNS=1; SKIP_PEERS=0; DIRS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -p) P=$2; shift 2 ;;
    -r) RUNS=$2; shift 2 ;;
    --skip-peers) SKIP_PEERS=1; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) DIRS+=("$1"); shift ;;
  esac
done
[[ ${#DIRS[@]} -gt 0 ]] || DIRS=("${BENCH_CORPUS[@]}")
for d in "${DIRS[@]}"; do [[ -d "$d" ]] || { echo "compare-peers: no folder $d" >&2; exit 2; }; done

# Peers from Debian packages. Without apt (or without root) the peer rows are skipped, not failed.
need=()
for t in pdfgrep:pdfgrep ugrep:ugrep rg:ripgrep pdftotext:poppler-utils unzip:unzip; do
  command -v "${t%%:*}" >/dev/null 2>&1 || need+=("${t#*:}")
done
if [[ $SKIP_PEERS -eq 0 && ${#need[@]} -gt 0 ]]; then
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo -n"
  if command -v apt-get >/dev/null 2>&1 && { [[ -z "$SUDO" ]] || sudo -n true 2>/dev/null; }; then
    echo "installing peers: ${need[*]}" >&2
    # Bounded: a mirror that does not answer must not hold up CI; the peer rows are then skipped.
    { timeout 300 $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 300 $SUDO apt-get install -y -qq "${need[@]}"; } >/dev/null 2>&1 \
      || { echo "compare-peers: apt-get install failed; peer rows skipped" >&2; SKIP_PEERS=1; }
  else
    echo "compare-peers: apt-get unavailable; peer rows skipped" >&2; SKIP_PEERS=1
  fi
fi

CLASSSCAN=$(bench_build)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/classscan-peers.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# The file sets (NUL-separated, stable order).
find "${DIRS[@]}" -type f ! -name 'pdfjs__bomb_giant.pdf' -print0 | sort -z > "$WORK/all.lst"
grep -zi '\.pdf$' "$WORK/all.lst" > "$WORK/pdf.lst" || true
grep -ziE '\.(docx|docm|dotx|dotm|xlsx|xlsm|xltx|xltm|pptx|pptm|potx|potm|ppsx|ppsm)$' "$WORK/all.lst" > "$WORK/ooxml.lst" || true

# The personnummer pattern peers search for: [YY]YYMMDD[-+]NNNN, month 01-12, day 01-31 or 61-91 (samordningsnummer).
RE='(?<![0-9])(?:19|20)?[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]|6[1-9]|[78][0-9]|9[01])[-+]?[0-9]{4}(?![0-9])'
export RE

row_cat()       { xargs -0 -r -P "$P" -n 64 cat < "$1" > /dev/null; }
row_unzip()     { xargs -0 -r -P "$P" -n 1 unzip -p -qq < "$1" > /dev/null || true; }
row_pdfgrep()   { xargs -0 -r -P "$P" -n 16 pdfgrep -P -c -- "$RE" < "$1" > /dev/null || true; }
row_ugrep()     { xargs -0 -r -P "$P" -n 64 ugrep -J1 -z -P -c -- "$RE" < "$1" > /dev/null || true; }
row_pdftotext() { xargs -0 -r -P "$P" -n 1 sh -c 'pdftotext -q "$1" - 2>/dev/null | rg -j1 -c -P -- "$RE"' _ < "$1" > /dev/null || true; }
row_classscan() { "$CLASSSCAN" bench --files-from "$1" -p "$P" > "$WORK/last.out"; cat "$WORK/last.out" >> "$WORK/classscan.out"; }

# measure NAME FUNCTION LIST: keeps the fastest of RUNS runs (by wall time); appends "name set files bytes wall cpu".
: > "$WORK/rows"
measure() {
  local name=$1 fn=$2 list=$3 set=$4 best="" t
  [[ $(bench_count "$list") -gt 0 ]] || return 0
  for ((i = 0; i < RUNS; i++)); do
    bench_time "$WORK/t" "$fn" "$list" || { echo "compare-peers: $name failed" >&2; [[ $fn != row_classscan ]] || exit 1; }
    t=$(cat "$WORK/t")
    if [[ -z "$best" ]] || awk -v a="${t%% *}" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then best=$t; fi
  done
  read -r wall user sys <<< "$best"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$set" "$(bench_count "$list")" "$(bench_bytes "$list")" "$wall" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u+s}')" >> "$WORK/rows"
  echo "  measured $name ($set): wall ${wall}s cpu $(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.2f", u+s}')s" >&2
}

measure "floor: read all bytes (cat)"      row_cat       "$WORK/all.lst"   all
measure "floor: read PDFs (cat)"           row_cat       "$WORK/pdf.lst"   pdf
measure "floor: read OOXML (cat)"          row_cat       "$WORK/ooxml.lst" ooxml
if [[ $SKIP_PEERS -eq 0 ]]; then
  measure "floor: inflate OOXML (unzip -p)" row_unzip     "$WORK/ooxml.lst" ooxml
  measure "peer: pdfgrep -P"                row_pdfgrep   "$WORK/pdf.lst"   pdf
  measure "peer: pdftotext | rg -P"         row_pdftotext "$WORK/pdf.lst"   pdf
  measure "peer: ugrep -z -P"               row_ugrep     "$WORK/ooxml.lst" ooxml
fi
measure "classscan: full scan, PDFs"       row_classscan "$WORK/pdf.lst"   pdf
measure "classscan: full scan, OOXML"      row_classscan "$WORK/ooxml.lst" ooxml
measure "classscan: full scan, all files"  row_classscan "$WORK/all.lst"   all

# The table: throughput by wall time and by CPU time; ratios = ClassScan's throughput ÷ the row's, same file set.
awk -F'\t' -v P="$P" -v CORES="$(nproc)" '
  { name[NR]=$1; set[NR]=$2; files[NR]=$3; bytes[NR]=$4; wall[NR]=$5; cpu[NR]=$6
    if ($1 ~ /^classscan/) { csw[$2]=$4/$5; csc[$2]=$4/($6>0?$6:0.01) } }
  END {
    printf "\nSame files, %d-way parallel (xargs -P %d for the tools, classscan -p %d) on %d cores. MB = 10^6 bytes.\n", P, P, P, CORES
    printf "%-34s %-6s %6s %8s %8s %8s %9s %10s %14s %14s\n", "run", "set", "files", "MB", "wall s", "cpu s", "MB/s", "MB/cpu-s", "ratio (wall)", "ratio (cpu)"
    for (i = 1; i <= NR; i++) {
      mbs = bytes[i]/1e6/wall[i]; mbc = bytes[i]/1e6/(cpu[i]>0?cpu[i]:0.01)
      rw = (name[i] ~ /^classscan/ || !(set[i] in csw)) ? "" : sprintf("%.2f", csw[set[i]]/(bytes[i]/wall[i]))
      rc = (name[i] ~ /^classscan/ || !(set[i] in csc)) ? "" : sprintf("%.2f", csc[set[i]]/(bytes[i]/(cpu[i]>0?cpu[i]:0.01)))
      printf "%-34s %-6s %6d %8.1f %8.2f %8.2f %9.2f %10.2f %14s %14s\n", name[i], set[i], files[i], bytes[i]/1e6, wall[i], cpu[i], mbs, mbc, rw, rc
    }
    print "\nratio = ClassScan throughput ÷ that row'"'"'s throughput on the same file set: ≥ 1.00 means ClassScan is at least as fast."
    print "cpu s = user+system of the whole process tree (start-up, JIT, model load included); MB/cpu-s is steadier than MB/s on a shared machine."
    print "Targets: ClassScan ≥ 1.0× each peer (search only); ClassScan ≥ 0.5× the inflate floor on OOXML (within 2×)."
  }' "$WORK/rows"
