#!/usr/bin/env bash
# PDF extraction A/B: the scanner's PDF extractor at two git revisions over the same folders, single-threaded,
# interleaved (A B A B A B, the machine is shared), CPU time (user+sys) per run and per file, best of 3; then the
# extracted text of every file is compared (status, notes, page texts), so a speed change shows any text it costs.
# Usage: benchmarks/pdf-ab.sh REV_A REV_B [DIR...]   (default: corpus/dev and corpus/real; the 5000-page bomb is left out)
# Output under ${PDF_AB_OUT:-/tmp/pdf-ab}: A1..B3/{times.tsv,text/}, summary on stdout.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
a=$1 b=$2; shift 2
dirs=("$@"); [[ ${#dirs[@]} -gt 0 ]] || dirs=("${BENCH_CORPUS[@]}")
out=${PDF_AB_OUT:-/tmp/pdf-ab}
tool="$BENCH_ROOT/benchmarks/ClassScan.Benchmarks"
rm -rf "$out"; mkdir -p "$out"
for v in A B; do
  rev=$a; [[ $v == B ]] && rev=$b
  # An exported copy of the revision (git archive: no worktree registered in the repository).
  mkdir -p "$out/src$v"
  git -C "$BENCH_ROOT" archive "$rev" | tar -x -C "$out/src$v"
  # The dump tool of this tree in both builds (an older revision may not have it): only the extractor differs.
  cp "$tool/PdfCorpusDump.cs" "$tool/Program.cs" "$out/src$v/benchmarks/ClassScan.Benchmarks/"
  dotnet build "$out/src$v/benchmarks/ClassScan.Benchmarks" -c Release -o "$out/bin$v" -v q >/dev/null
done
for r in 1 2 3; do
  for v in A B; do
    /usr/bin/time -f "$v$r user=%U sys=%S wall=%e" dotnet "$out/bin$v/ClassScan.Benchmarks.dll" pdfdump "$out/$v$r" "${dirs[@]}"
  done
done
rm -rf "$out/srcA" "$out/srcB"
python3 - "$out" <<'PY'
import csv, sys, os
out = sys.argv[1]
def best(v):
    runs = [{r[0]: (float(r[1]), r[3]) for r in list(csv.reader(open(f"{out}/{v}{i}/times.tsv"), delimiter="\t"))[1:]} for i in (1, 2, 3)]
    return {k: (min(run[k][0] for run in runs), runs[0][k][1]) for k in runs[0]}
A, B = best("A"), best("B")
sa, sb = sum(x[0] for x in A.values()), sum(x[0] for x in B.values())
print(f"files={len(A)} cpu_ms(sum of per-file best) A={sa:.0f} B={sb:.0f} A/B={sa / sb:.2f}")
for k in sorted(A, key=lambda k: -A[k][0])[:10]:
    print(f"  {A[k][0]:8.0f} {B.get(k, (0,))[0]:8.0f}  {k}")
changed = [k for k in A if k in B and A[k][1] != B[k][1]]
print("status changed:", changed or "none")
texts = [k for k in A if open(f"{out}/A1/text/{k}.txt", "rb").read() != open(f"{out}/B1/text/{k}.txt", "rb").read()]
print("text changed:", texts or "none")
PY
