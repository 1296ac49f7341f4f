#!/usr/bin/env python3
"""Counts how often a scan opens and reads each file of a folder, scanner and worker processes together.

Runs `classscan scan DIR --out OUT [extra args]` under strace (-f: worker processes too; -y: each fd annotated
with its path) and reports, per file of DIR: successful opens and bytes returned by read/pread calls on it.
Usage: count-reads.py CLASSSCAN_DLL DIR [--no-state] [other scan args...]
Needs strace (apt-get install strace). Prints a table and a summary line `reads: files=N opens=... bytes=...`.
"""
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict

def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    dll, folder, extra = sys.argv[1], os.path.realpath(sys.argv[2]), sys.argv[3:]
    files = {}
    for root, _, names in os.walk(folder):
        for n in names:
            p = os.path.join(root, n)
            if os.path.isfile(p) and not os.path.islink(p):
                files[os.path.realpath(p)] = os.path.getsize(p)
    with tempfile.TemporaryDirectory() as tmp:
        trace = os.path.join(tmp, "trace")
        out = os.path.join(tmp, "out")
        cmd = ["strace", "-f", "-qq", "-y", "-s", "0", "-e", "trace=openat,open,read,pread64,readv,preadv", "-o", trace,
               "dotnet", dll, "scan", folder, "--out", out] + extra
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        opens, nbytes, calls = defaultdict(int), defaultdict(int), defaultdict(int)
        pending = {}
        line_re = re.compile(r"^(\d+)\s+(.*)$")
        with open(trace, encoding="utf-8", errors="replace") as f:
            for raw in f:
                m = line_re.match(raw.rstrip("\n"))
                if not m:
                    continue
                pid, rest = m.group(1), m.group(2)
                if rest.endswith("<unfinished ...>"):
                    pending[pid] = rest[: -len("<unfinished ...>")]
                    continue
                r = re.match(r"^<\.\.\. (\w+) resumed>(.*)$", rest)
                if r:
                    rest = pending.pop(pid, r.group(1) + "(") + r.group(2)
                call = re.match(r"^(\w+)\((.*)\)\s+=\s+(-?\d+)(<([^>]*)>)?", rest)
                if not call:
                    continue
                name, args, ret = call.group(1), call.group(2), int(call.group(3))
                if name in ("openat", "open"):
                    if ret >= 0 and call.group(5):
                        path = call.group(5)
                        if path in files:
                            opens[path] += 1
                else:
                    fd = re.match(r"^\d+<([^>]*)>", args)
                    if fd and fd.group(1) in files and ret > 0:
                        nbytes[fd.group(1)] += ret
                        calls[fd.group(1)] += 1
    width = max(len(os.path.relpath(p, folder)) for p in files)
    print(f"{'file':<{width}} {'size':>10} {'opens':>6} {'reads':>6} {'bytes read':>11} {'x size':>7}")
    for p in sorted(files):
        size = files[p]
        ratio = nbytes[p] / size if size else 0
        print(f"{os.path.relpath(p, folder):<{width}} {size:>10} {opens[p]:>6} {calls[p]:>6} {nbytes[p]:>11} {ratio:>7.2f}")
    total_size = sum(files.values())
    print(f"reads: files={len(files)} size={total_size} opens={sum(opens.values())} read_calls={sum(calls.values())} "
          f"bytes={sum(nbytes.values())} bytes_per_size={sum(nbytes.values()) / max(1, total_size):.2f}")
    return 0

if __name__ == "__main__":
    sys.exit(main())
