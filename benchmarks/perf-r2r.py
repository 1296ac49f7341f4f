#!/usr/bin/env python3
"""Names the ReadyToRun code in a perf profile of a composite ClassScan publish, and sums it per process.

perf cannot name code in a ReadyToRun image (it is a PE file, not ELF) and the runtime's perf map lists only
JIT-compiled code, so without this every precompiled method is "[unknown] (classscan.r2r.dll)". Publish once with
the compiler's map beside the image, record, and pipe perf's samples through this script:

    dotnet publish -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true \\
        -p:PublishReadyToRunEmitSymbols=true src/ClassScan.Cli -o /tmp/cs-sym          # writes classscan.r2r.ni.r2rmap
    DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -F 499 -g -o /tmp/scan.perf -- \\
        /tmp/cs-sym/classscan scan DIR --out /tmp/out -p 2
    perf script -i /tmp/scan.perf -F pid,ip,sym,dso | \\
        python3 benchmarks/perf-r2r.py /tmp/cs-sym/classscan.r2r.dll [--pid PID] [--top N] [--inclusive N]

Without --pid it prints the samples per process (the scanner and each extraction worker); with it, that process's
leaf functions ("self"), the first managed caller of samples that end in the runtime or libc (allocation, GC,
stubs), and with --inclusive the managed methods by the share of samples they are on the stack of.
"""
import argparse
import bisect
import collections
import re
import struct
import sys


def sections(dll):
    head = open(dll, 'rb').read(4096)
    pe = struct.unpack_from('<I', head, 0x3c)[0]
    count = struct.unpack_from('<H', head, pe + 6)[0]
    optional = struct.unpack_from('<H', head, pe + 20)[0]
    out = []
    for i in range(count):
        _, _, va, raw_size, raw_ptr = struct.unpack_from('<8sIIII', head, pe + 24 + optional + 40 * i)
        out.append((raw_ptr, raw_size, va))
    return out


def method_map(path):
    entries = []
    for line in open(path, encoding='utf-8', errors='replace'):
        parts = line.rstrip('\n').split(' ', 2)
        if len(parts) < 3:
            continue
        rva = int(parts[0], 16)
        if rva < 0xF0000000:  # the map's first lines are a header of pseudo-entries
            entries.append((rva, parts[2]))
    entries.sort()
    return [e[0] for e in entries], [e[1] for e in entries]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('dll', help='the composite image, classscan.r2r.dll (its .ni.r2rmap beside it)')
    ap.add_argument('--map', help='the r2rmap file (default: DLL with .dll replaced by .ni.r2rmap)')
    ap.add_argument('--pid')
    ap.add_argument('--top', type=int, default=40)
    ap.add_argument('--inclusive', type=int, default=0)
    args = ap.parse_args()
    secs = sections(args.dll)
    rvas, names = method_map(args.map or re.sub(r'\.dll$', '.ni.r2rmap', args.dll))
    image = args.dll.split('/')[-1]

    def name_of(offset):
        # perf prints an unnamed sample in a file mapping as its offset in the file.
        for raw_ptr, raw_size, va in secs:
            if raw_ptr <= offset < raw_ptr + raw_size:
                k = bisect.bisect_right(rvas, offset - raw_ptr + va) - 1
                return names[k] if k >= 0 else None
        return None

    def frame(line):
        line = line.strip()
        m = re.match(r'([0-9a-f]+) (.*) \((.*)\)$', line)
        if not m:
            return line, False
        ip, sym, dso = m.groups()
        if sym == '[unknown]' and dso.endswith(image):
            sym = name_of(int(ip, 16)) or sym
        managed = dso.endswith('.dll') or '/perf-' in dso
        return f'{sym[:170]} ({dso.split("/")[-1]})', managed

    per_pid = collections.Counter()
    self_ = collections.Counter(); owner = collections.Counter(); inclusive = collections.Counter()
    total = 0

    def flush(pid, frames):
        nonlocal total
        if pid is None or not frames:
            return
        per_pid[pid] += 1
        if args.pid is None or pid != args.pid:
            return
        total += 1
        named = [frame(f) for f in frames]
        self_[named[0][0]] += 1
        if not named[0][1]:
            owner[next((n for n, managed in named if managed), '<no managed frame: GC or runtime thread>')] += 1
        for n in {n for n, managed in named if managed}:
            inclusive[n] += 1

    pid, frames = None, []
    for line in sys.stdin:
        if not line.strip():
            flush(pid, frames); pid, frames = None, []
        elif line.startswith('\t'):
            frames.append(line)
        else:
            flush(pid, frames); pid, frames = line.split()[0], []
    flush(pid, frames)

    if args.pid is None:
        all_samples = sum(per_pid.values())
        for p, n in per_pid.most_common(10):
            print(f'{100 * n / all_samples:5.1f}%  pid {p}  ({n} samples)')
        return
    print(f'pid {args.pid}: {total} samples')
    print('== self')
    for k, v in self_.most_common(args.top):
        print(f'{100 * v / total:5.1f}% {k}')
    print('== samples ending in native code, by their first managed caller')
    for k, v in owner.most_common(args.top):
        print(f'{100 * v / total:5.1f}% {k}')
    if args.inclusive:
        print('== inclusive (managed methods on the stack)')
        for k, v in inclusive.most_common(args.inclusive):
            print(f'{100 * v / total:5.1f}% {k}')


if __name__ == '__main__':
    main()
