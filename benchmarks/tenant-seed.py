#!/usr/bin/env python3
"""Seeds a ClassScan state with the verdicts of a tenant the simulator describes, as if an earlier run had
judged every file: tenant.sh uses it to measure a full listing (a resync, or the first night after a migration) of
a million items without judging a million files first. The verdict per file is the scanner's own verdict on the
file's template (calibrated by tenant.sh with `classscan scan` of the templates), so the state holds what a full
judge would have written.

Usage: tenant-seed.py EXPORT_URL VERDICTS_CSV (--sqlite FILE | --postgres CONNINFO)
  EXPORT_URL    the simulator's /sim/export?gen=N (CSV: scope,item_id,parent_id,name,path,web_url,ctag,etag,qxhash,size,last_modified,template)
  VERDICTS_CSV  template,status,level,must_leave (from the calibration scan)
The state's schema must exist (tenant.sh creates it with a scan of a drive that does not exist).
Prints the number of rows written.
"""
import csv, io, subprocess, sys, urllib.request

COLS = ["scope", "item_id", "parent_id", "name", "path", "web_url", "ctag", "etag", "qxhash", "size", "last_modified",
        "status", "level", "must_leave", "judged_at", "retry", "flagged", "flag_level", "reported_flagged", "reported_path",
        "reported_level", "deleted"]


def rows(url, verdicts):
    with urllib.request.urlopen(url, timeout=3600) as r:
        for rec in csv.reader(io.TextIOWrapper(r, encoding="utf-8")):
            scope, item_id, parent_id, name, path, web_url, ctag, etag, qx, size, lm, template = rec
            status, level, must_leave = verdicts[template]
            flagged = 1 if must_leave and status == "ok" else 0
            yield [scope, item_id, parent_id, name, path, web_url, ctag or None, etag, qx, int(size), lm,
                   status, level, must_leave, lm, 0, flagged, level if flagged else None, flagged,
                   path if flagged else None, level if flagged else None, 0]


def main():
    if len(sys.argv) != 5 or sys.argv[3] not in ("--sqlite", "--postgres"):
        print(__doc__, file=sys.stderr)
        return 2
    url, verdict_file, engine, target = sys.argv[1:]
    verdicts = {}
    with open(verdict_file, encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            verdicts[rec["template"]] = (rec["status"], int(rec["level"]) if rec["level"] else None, rec["must_leave"] == "true")
    n = 0
    if engine == "--sqlite":
        import sqlite3
        db = sqlite3.connect(target)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        sql = f"INSERT OR REPLACE INTO items({','.join(COLS)}) VALUES({','.join('?' * len(COLS))})"
        batch = []
        for row in rows(url, verdicts):
            row[13] = 1 if row[13] else 0
            batch.append(row)
            if len(batch) >= 20000:
                db.executemany(sql, batch)
                n += len(batch)
                batch.clear()
        db.executemany(sql, batch)
        n += len(batch)
        db.commit()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
    else:
        # PostgreSQL: the same columns (one schema in spirit), native booleans; one COPY.
        bools = {13, 15, 16, 18, 21}
        copy = subprocess.Popen(["psql", target, "-v", "ON_ERROR_STOP=1", "-q", "-c",
                                 f"\\copy items({','.join(COLS)}) FROM STDIN WITH (FORMAT csv)"],
                                stdin=subprocess.PIPE, text=True, encoding="utf-8")
        w = csv.writer(copy.stdin, lineterminator="\n")
        for row in rows(url, verdicts):
            w.writerow([("true" if v else "false") if i in bools else ("" if v is None else v) for i, v in enumerate(row)])
            n += 1
        copy.stdin.close()
        if copy.wait() != 0:
            print("tenant-seed: psql COPY failed", file=sys.stderr)
            return 1
    print(n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
