#!/usr/bin/env python3
"""Copies an OLE2 compound file keeping only the named root streams (dropping e.g. a SummaryInformation
stream swollen by a preview thumbnail), so a golden file stays small. Writes MS-CFB version 3 with a mini
stream for streams under 4096 bytes. Usage: repack.py IN OUT STREAM..."""
import struct
import sys

SS, MSS, CUTOFF = 512, 64, 4096
FREE, EOC, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def read_streams(data):
    shift = struct.unpack_from('<H', data, 0x1E)[0]
    ss = 1 << shift
    nfat, first_dir = struct.unpack_from('<II', data, 0x2C)
    cutoff, first_mini = struct.unpack_from('<II', data, 0x38)
    difat = list(struct.unpack_from('<109I', data, 0x4C))[:nfat]
    sector = lambda i: data[ss + i * ss: ss + (i + 1) * ss]
    fat = []
    for s in difat:
        fat += struct.unpack('<%dI' % (ss // 4), sector(s))

    def chain(start):
        out, i = [], start
        while i < 0xFFFFFFF0 and len(out) <= len(fat):
            out.append(i)
            i = fat[i]
        return out

    dirdata = b''.join(sector(i) for i in chain(first_dir))
    entries = []
    for k in range(len(dirdata) // 128):
        e = dirdata[128 * k:128 * (k + 1)]
        n = struct.unpack_from('<H', e, 0x40)[0]
        entries.append((e[:max(0, n - 2)].decode('utf-16le'), e[0x42], struct.unpack_from('<I', e, 0x74)[0],
                        struct.unpack_from('<I', e, 0x78)[0]))
    root = entries[0]
    ministream = b''.join(sector(i) for i in chain(root[2]))
    minifat = []
    for s in chain(first_mini):
        minifat += struct.unpack('<%dI' % (ss // 4), sector(s))
    streams = {}
    for name, typ, start, size in entries:
        if typ != 2:
            continue
        if size < cutoff:
            out, i = b'', start
            while i < 0xFFFFFFF0 and len(out) < size:
                out += ministream[i * MSS:(i + 1) * MSS]
                i = minifat[i]
        else:
            out = b''.join(sector(i) for i in chain(start))
        streams[name] = out[:size]
    return streams


def write(streams):
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    mini = b''
    minifat = []
    big = []  # (name, data) in regular sectors
    starts = {}
    for n in names:
        d = streams[n]
        if len(d) < CUTOFF:
            count = (len(d) + MSS - 1) // MSS
            starts[n] = len(minifat) if count else EOC
            for i in range(count):
                minifat.append(len(minifat) + 1 if i < count - 1 else EOC)
            mini += d + b'\0' * (count * MSS - len(d))
        else:
            big.append(n)
    sectors = []  # list of (kind, bytes)
    fat = []

    def add_chain(blob):
        count = max(1, (len(blob) + SS - 1) // SS)
        first = len(fat)
        for i in range(count):
            fat.append(first + i + 1 if i < count - 1 else EOC)
            sectors.append(blob[i * SS:(i + 1) * SS].ljust(SS, b'\0'))
        return first

    fat.append(FATSECT)
    sectors.append(None)  # the FAT sector itself, filled in last
    entries_count = len(names) + 1
    dirblob = bytearray(((entries_count + 3) // 4) * SS)
    dir_start = add_chain(bytes(dirblob))
    minifat_blob = b''.join(struct.pack('<I', v) for v in minifat) if minifat else b''
    minifat_start = add_chain(minifat_blob.ljust(SS, b'\xff')) if minifat else EOC
    mini_start = add_chain(mini) if mini else EOC
    for n in big:
        starts[n] = add_chain(streams[n])
    if len(fat) > SS // 4:
        raise SystemExit('too big for one FAT sector')

    def entry(name, typ, start, size, right=FREE, child=FREE):
        e = bytearray(128)
        raw = name.encode('utf-16le') + b'\0\0'
        e[:len(raw)] = raw
        struct.pack_into('<HBB', e, 0x40, len(raw), typ, 1)  # black
        struct.pack_into('<III', e, 0x44, FREE, right, child)
        struct.pack_into('<II', e, 0x74, start, size)
        return e

    # Children as a right-leaning chain in sorted order: a valid binary search tree.
    dirblob[0:128] = entry('Root Entry', 5, mini_start, len(mini), child=1 if names else FREE)
    for i, n in enumerate(names):
        right = i + 2 if i + 1 < len(names) else FREE
        dirblob[128 * (i + 1):128 * (i + 2)] = entry(n, 2, starts[n], len(streams[n]), right=right)
    sectors[dir_start:dir_start + len(dirblob) // SS] = [bytes(dirblob[i:i + SS]) for i in range(0, len(dirblob), SS)]
    sectors[0] = b''.join(struct.pack('<I', fat[i] if i < len(fat) else FREE) for i in range(SS // 4))

    header = bytearray(512)
    header[0:8] = bytes.fromhex('D0CF11E0A1B11AE1')
    struct.pack_into('<HHHHH', header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into('<IIIIIIIII', header, 0x28, 0, 1, dir_start, 0, CUTOFF, minifat_start,
                     1 if minifat else 0, EOC, 0)
    header[0x4C:0x200] = b'\xff' * (0x200 - 0x4C)
    struct.pack_into('<I', header, 0x4C, 0)
    return bytes(header) + b''.join(sectors)


if __name__ == '__main__':
    src, dst, keep = sys.argv[1], sys.argv[2], sys.argv[3:]
    streams = read_streams(open(src, 'rb').read())
    open(dst, 'wb').write(write({n: streams[n] for n in keep if n in streams}))
