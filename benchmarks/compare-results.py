#!/usr/bin/env python3
"""compare-results.py A/results.csv B/results.csv: the rows of two scans' results.csv that differ in any column but
the per-run ones (elapsed_ms, id), matched by path; exit 1 when any differs. For before/after checks of a change that
must not move a verdict (benchmarks/README.md)."""
import csv, sys

IGNORED = {"elapsed_ms", "id"}

def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f, delimiter=";")
        return {r["path"]: {k: v for k, v in r.items() if k not in IGNORED} for r in reader}

a, b = rows(sys.argv[1]), rows(sys.argv[2])
differ = 0
for path in sorted(set(a) | set(b)):
    ra, rb = a.get(path), b.get(path)
    if ra != rb:
        differ += 1
        cols = sorted(k for k in set(ra or {}) | set(rb or {}) if (ra or {}).get(k) != (rb or {}).get(k))
        print(f"{path}: {', '.join(cols) if ra and rb else 'only in ' + ('A' if ra else 'B')}")
print(f"rows A={len(a)} B={len(b)} differing={differ}")
sys.exit(1 if differ else 0)
