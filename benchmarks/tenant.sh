#!/usr/bin/env bash
# A whole city, simulated: `classscan scan --source graph` node processes against the Graph simulator
# (benchmarks/ClassScan.GraphSimulator: ~1,000 drives, >= 1,000,000 files generated on the fly from the dev corpus,
# 5 % made from must-leave templates, the real throttling headers), measured as one table:
#
#   judge     a fresh state, every file downloaded and judged (real content, model on), 1/2/3 nodes:
#             judged files/s, peak RSS per node (scanner + workers, sampled), state size; checked: every file
#             judged, the flagged count equals the scanner's calibrated verdicts, no file downloaded twice
#   kill      the same with one node killed (kill -9) at a random point: nothing lost, nothing judged twice
#             (items.judged_count where the schema has it, and the simulator's downloads per item)
#   list      the big tenant's full listing (a resync, or the first night on an existing state) over a state
#             seeded as if every file had been judged: listing + state updates items/s, RSS as the listing grows,
#             state size per million items
#   delta     the next night (generation + 1, 0.5 % changed): wall, requests, RU, downloads = exactly the changed files
#   budget    a small tenant under a low RU budget: 429 + Retry-After obeyed, the busiest minute within the budget
#
# Usage: benchmarks/tenant.sh [--quick] [--items N] [--drives N] [--judge-items N] [--judge-drives N]
#                             [--nodes "1 2 3"] [--state sqlite|postgres] [--no-judge] [--no-kill] [--no-budget] [--save]
#   --quick   100,000 listed items over 200 drives, 2,000 judged (a few minutes)
#   default   1,000,000 listed items over 1,000 drives, 20,000 judged over 40 drives
#   --nodes   node counts to run; more than 1 needs multi-node scanning (--node) and PostgreSQL
#   --state   sqlite (one node, --state FILE) or postgres (a fresh database per row, Host=/var/run/postgresql);
#             default: postgres when the binary has --node and PostgreSQL answers, else sqlite
#   --save    also write benchmarks/results/tenant-DATE.md
# Environment: CLASSSCAN_BIN=folder with a built classscan (else published as lib.sh does);
#   CLASSSCAN_PG="Host=/var/run/postgresql;Username=postgres" (where the fresh databases are made).
# Every row notes the load average (2 shared cores: read the figures with it).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ITEMS=1000000; DRIVES=1000; JUDGE_ITEMS=20000; JUDGE_DRIVES=40; NODES="1 2 3"; SAVE=0; KILL=1; BUDGET=1; JUDGE=1; STATE=auto
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) ITEMS=100000; DRIVES=200; JUDGE_ITEMS=2000; JUDGE_DRIVES=10; shift ;;
    --items) ITEMS=$2; shift 2 ;;
    --drives) DRIVES=$2; shift 2 ;;
    --judge-items) JUDGE_ITEMS=$2; shift 2 ;;
    --judge-drives) JUDGE_DRIVES=$2; shift 2 ;;
    --nodes) NODES=$2; shift 2 ;;
    --state) STATE=$2; shift 2 ;;
    --no-kill) KILL=0; shift ;;
    --no-budget) BUDGET=0; shift ;;
    --no-judge) JUDGE=0; shift ;;
    --save) SAVE=1; shift ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "tenant: unknown option $1" >&2; exit 2 ;;
  esac
done

PG_BASE="${CLASSSCAN_PG:-Host=/var/run/postgresql;Username=postgres}"
CLASSSCAN=$(bench_build)
SIM_DIR="${TMPDIR:-/tmp}/classscan-sim-tools"
dotnet build -c Release "$BENCH_ROOT/benchmarks/ClassScan.GraphSimulator" -o "$SIM_DIR" -nologo -v q -clp:ErrorsOnly >&2 \
  || { echo "tenant: the simulator did not build" >&2; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/classscan-tenant.XXXXXX")
PIDS=(); DBS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 1
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  for d in "${DBS[@]}"; do psql_base -q -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1 || true; done
  [[ -n "${TENANT_KEEP:-}" ]] || rm -rf "$WORK"
}
trap cleanup EXIT
export CLASSSCAN_GRAPH_TOKEN=t CLASSSCAN_NO_PROGRESS=1 CLASSSCAN_Scan__Ocr__Enabled=false

# psql from an Npgsql-style "Host=...;Username=...;Database=..." string.
pg_args() {
  local host user db
  host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$1"); user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$1")
  db=$(sed -n 's/.*Database=\([^;]*\).*/\1/p' <<<"$1")
  echo "-h ${host:-/var/run/postgresql} -U ${user:-postgres} ${db:+-d $db}"
}
psql_base() { psql $(pg_args "$PG_BASE") -d postgres "$@"; }
pg_conninfo() { # the same as one libpq conninfo string (for tools that take a single argument)
  echo "host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$1") user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$1") dbname=$(sed -n 's/.*Database=\([^;]*\).*/\1/p' <<<"$1")"
}

MULTI=0
"$CLASSSCAN" scan --help 2>/dev/null | grep -q -- '--node' && MULTI=1
if [[ $STATE == auto ]]; then
  STATE=sqlite
  if [[ $MULTI -eq 1 ]] && psql_base -tAc 'select 1' >/dev/null 2>&1; then STATE=postgres; fi
fi
# A multi-node binary keeps its own tenant-wide budget (Graph:Budget*, 90 % of Microsoft's figure for 10,000
# licences by default); the throughput rows lift it so they measure the nodes, the budget row sets it to the
# simulator's budget.
[[ $MULTI -eq 1 ]] && export CLASSSCAN_Graph__BudgetUnitsPerMinute=1000000
RUN_NODES=()
for n in $NODES; do
  if [[ $n -gt 1 && ( $MULTI -eq 0 || $STATE != postgres ) ]]; then
    echo "tenant: $n nodes left out: this binary has no multi-node scanning (--node) on PostgreSQL" >&2; continue
  fi
  RUN_NODES+=("$n")
done
[[ ${#RUN_NODES[@]} -gt 0 ]] || RUN_NODES=(1)

load() { cut -d' ' -f1 /proc/loadavg; }
proc_cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# start_sim NAME ARGS...: starts a simulator; sets SIM_<NAME> to its Graph base URL.
start_sim() {
  local name=$1; shift
  DOTNET_TieredPGO=0 dotnet "$SIM_DIR/ClassScan.GraphSimulator.dll" --corpus "$BENCH_SHARED/corpus/dev" --port-file "$WORK/$name.port" "$@" \
    > "$WORK/$name.sim.log" 2>&1 &
  PIDS+=($!); printf -v "SIMPID_$name" '%s' "$!"
  for _ in $(seq 1 100); do [[ -s "$WORK/$name.port" ]] && break; sleep 0.2; done
  [[ -s "$WORK/$name.port" ]] || { echo "tenant: simulator $name did not start" >&2; cat "$WORK/$name.sim.log" >&2; exit 1; }
  printf -v "SIM_$name" '%s' "$(cut -d' ' -f1 "$WORK/$name.port")"
}
ctl() { curl -sf "${1%/v1.0}/sim/$2"; }
field() { grep -o "\"$1\":[0-9]*" | head -1 | cut -d: -f2 | grep . || echo 0; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {'d': d}))" "$1"; }

# A fresh state for one row: a file (SQLite) or a new database (PostgreSQL). Sets STATE_ARG.
fresh_state() {
  if [[ $STATE == postgres ]]; then
    local db="classscan_tenant_$$_$1"
    psql_base -q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
    DBS+=("$db"); STATE_ARG="$PG_BASE;Database=$db"
  else
    STATE_ARG="$WORK/state-$1.db"; rm -f "$STATE_ARG"*
  fi
}
state_sql() { # SQL on the row's state, one value
  if [[ $STATE == postgres ]]; then psql $(pg_args "$STATE_ARG") -tAc "$1"
  else python3 -c "import sqlite3,sys; r=sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone(); print(r[0] if r and r[0] is not None else 0)" "$STATE_ARG" "$1"; fi
}
state_bytes() {
  if [[ $STATE == postgres ]]; then state_sql "select pg_database_size(current_database())"
  else { cat "$STATE_ARG" "$STATE_ARG-wal" 2>/dev/null || true; } | wc -c; fi
}
has_judged_count() { [[ $(state_sql "select count(*) from $( [[ $STATE == postgres ]] && echo "information_schema.columns where table_name='items' and column_name='judged_count'" || echo "pragma_table_info('items') where name='judged_count'")") -gt 0 ]]; }

# node_args URL OUT K: the arguments of node K of a row.
node_cmd() {
  local url=$1 out=$2 k=$3
  NODE_CMD=("$CLASSSCAN" scan --source graph --all-sites --all-onedrives --graph-base-url "$url" --out "$out" --state "$STATE_ARG" --organisation Simkommun)
  [[ $MULTI -eq 1 ]] && NODE_CMD+=(--node "node$k")
  return 0
}

# tree_rss PID: RSS (kB) of a process and all its descendants (the scanner and its extraction workers).
tree_rss() {
  ps -eo pid=,ppid=,rss= | awk -v root="$1" '{p[$1]=$2; r[$1]=$3} END {
    for (x in p) { y=x; while (y in p && y != root && y > 1) y=p[y]; if (y == root) s+=r[x] } print s+0 }'
}
tree_pids() { ps -eo pid=,ppid= | awk -v root="$1" '{p[$1]=$2} END { for (x in p) { y=x; while (y in p && y != root && y > 1) y=p[y]; if (y == root) print x } }'; }

# run_nodes ROW URL N [KILL_AT_DOWNLOADS]: runs N nodes to the end, sampling RSS every second; with KILL_AT, one
# node chosen at random is killed (-9, with its workers) when the simulator has served that many downloads, and
# (one node only) started again. Writes $WORK/ROW.samples (t node rss entries downloads) and sets WALL, PEAK_RSS_MB
# (largest per-node peak), RSS_EARLY_MB/RSS_LATE_MB (per-node peak in the first and last third of the listing),
# KILLED (node name or "").
run_nodes() {
  local row=$1 url=$2 n=$3 kill_at=${4:-0} k t0 t1 i simpid=$5 c0
  local -a pids=() names=()
  c0=$(proc_cpu "$simpid"); : > "$WORK/$row.time"
  for k in $(seq 1 "$n"); do
    node_cmd "$url" "$WORK/$row-out$k" "$k"
    /usr/bin/time -a -f "%e %U %S" -o "$WORK/$row.time" "${NODE_CMD[@]}" > "$WORK/$row-node$k.log" 2>&1 &
    pids+=($!); names+=("node$k"); PIDS+=($!)
  done
  t0=$(date +%s.%N); KILLED=""
  : > "$WORK/$row.samples"
  while :; do
    local alive=0 stats ent dl
    stats=$(ctl "$url" stats || echo '{}')
    ent=$(field delta_entries <<<"$stats"); dl=$(field downloads <<<"$stats")
    for i in "${!pids[@]}"; do
      if kill -0 "${pids[$i]}" 2>/dev/null; then
        alive=1; echo "$(date +%s.%N) ${names[$i]} $(tree_rss "${pids[$i]}") $ent $dl" >> "$WORK/$row.samples"
      fi
    done
    if [[ $kill_at -gt 0 && -z $KILLED && $dl -ge $kill_at ]]; then
      i=$((RANDOM % ${#pids[@]})); KILLED=${names[$i]}
      local victims; victims=$(tree_pids "${pids[$i]}")
      kill -9 $victims 2>/dev/null || true
      KILL_DL=$dl
      echo "tenant: killed ${names[$i]} (pids $(echo $victims)) at $dl downloads" >&2
      wait "${pids[$i]}" 2>/dev/null || true
      if [[ $n -eq 1 ]]; then   # one node: the operator (or systemd) starts it again
        node_cmd "$url" "$WORK/$row-out1" 1
        /usr/bin/time -a -f "%e %U %S" -o "$WORK/$row.time" "${NODE_CMD[@]}" > "$WORK/$row-node1-rerun.log" 2>&1 &
        pids[$i]=$!; PIDS+=($!)
      fi
      continue
    fi
    [[ $alive -eq 0 ]] && break
    sleep 1
  done
  for i in "${!pids[@]}"; do
    local rc=0; wait "${pids[$i]}" 2>/dev/null || rc=$?
    [[ $rc -le 1 || ${names[$i]} == "$KILLED" ]] || { echo "tenant: ${names[$i]} of $row exited $rc" >&2; tail -5 "$WORK/$row-node$((i+1)).log" >&2; }
  done
  t1=$(date +%s.%N)
  WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b - a}')
  # CPU seconds: the nodes with their workers (user+sys, from time; a killed node's share is not counted) / the simulator.
  CPU="$(awk '/^[0-9.]+ [0-9.]+ [0-9.]+$/ {s+=$2+$3} END {printf "%.0f", s}' "$WORK/$row.time") / $(awk -v a="$c0" -v b="$(proc_cpu "$simpid")" 'BEGIN {printf "%.0f", b - a}')"
  read -r PEAK_RSS_MB RSS_EARLY_MB RSS_LATE_MB < <(awk '
    { t[NR]=$1; node[NR]=$2; rss[NR]=$3; ent[NR]=$4; if ($4 > maxe) maxe=$4; if ($3 > peak[$2]) peak[$2]=$3 }
    END { for (x in peak) if (peak[x] > p) p=peak[x]
          for (i=1; i<=NR; i++) { if (ent[i] <= maxe/3 && rss[i] > e) e=rss[i]; if (ent[i] >= 2*maxe/3 && ent[i] < maxe && rss[i] > l) l=rss[i] }
          printf "%.0f %.0f %.0f\n", p/1024, e/1024, l/1024 }' "$WORK/$row.samples")
}

# Calibration: the scanner's own verdict on each template (the simulated files add one harmless reference line).
ROWS=()
row() { ROWS+=("$1"); echo "$1" >&2; }
echo "tenant: calibrating the templates (load $(load))" >&2
start_sim judge --drives "$JUDGE_DRIVES" --items "$JUDGE_ITEMS" --ru-per-minute 0
mkdir -p "$WORK/calib"
ctl "$SIM_judge" templates | tail -n +2 | while IFS=, read -r name _ _; do
  cp "$BENCH_SHARED/corpus/dev/$name" "$WORK/calib/$(tr / _ <<<"$name")"
done
"$CLASSSCAN" scan "$WORK/calib" --out "$WORK/calib-out" --no-state > /dev/null 2>&1 || [[ $? -eq 1 ]]
python3 - "$WORK/calib-out/results.csv" "$WORK/verdicts.csv" <<'EOF'
import csv, sys
with open(sys.argv[1], encoding="utf-8-sig") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("template,status,level,must_leave\n")
    for r in csv.DictReader(f, delimiter=";"):
        name = r["path"].split("/")[-1]
        split, rest = name.split("_", 1)
        out.write(f"{split}/{rest},{r['status']},{r['level']},{r['must_leave']}\n")
EOF
expected_flagged() { # URL GEN: files the scanner must flag, from the model's template counts and the calibration
  ctl "$1" "expected?gen=$2" | python3 -c "
import csv, json, sys
v = {r['template']: r['must_leave'] == 'true' and r['status'] == 'ok' for r in csv.DictReader(open(sys.argv[1]))}
d = json.load(sys.stdin); print(sum(n for t, n in d['by_template'].items() if v[t]), d['live_files'])" "$WORK/verdicts.csv"
}
read -r JUDGE_FLAG JUDGE_LIVE < <(expected_flagged "$SIM_judge" 0)
echo "tenant: judge tenant: $JUDGE_LIVE files, $JUDGE_FLAG must be flagged" >&2

check_state() { # LIVE FLAG: "ok" or what is wrong, from the state
  local judged flagged twice=0
  judged=$(state_sql "select count(*) from items where status is not null and $( [[ $STATE == postgres ]] && echo "not deleted" || echo "deleted=0")")
  flagged=$(state_sql "select count(*) from items where $( [[ $STATE == postgres ]] && echo "must_leave and not deleted" || echo "must_leave=1 and deleted=0")")
  if has_judged_count; then twice=$(state_sql "select count(*) from items where judged_count > 1"); JC="max judged_count $(state_sql "select max(judged_count) from items")"; else JC="no judged_count column"; fi
  if [[ $judged -eq $1 && $flagged -eq $2 && $twice -eq 0 ]]; then CHECK="ok: $judged judged, $flagged flagged, $JC"
  else CHECK="MISMATCH: $judged/$1 judged, $flagged/$2 flagged, $twice judged twice, $JC"; fi
}

# judge rows
for n in $( [[ $JUDGE -eq 1 ]] && echo "${RUN_NODES[@]}" ); do
  fresh_state "judge$n"; ctl "$SIM_judge" reset >/dev/null; l0=$(load)
  run_nodes "judge$n" "$SIM_judge" "$n" 0 "$SIMPID_judge"
  stats=$(ctl "$SIM_judge" stats)
  dl=$(json "d['downloads']" <<<"$stats"); twice=$(json "d['downloaded_more_than_once']" <<<"$stats")
  span=$(json "max(1, d['download_last_ms'] - d['download_first_ms']) / 1000" <<<"$stats")
  check_state "$JUDGE_LIVE" "$JUDGE_FLAG"
  row "| judge | $n | $JUDGE_LIVE files / $JUDGE_DRIVES drives | $WALL | $CPU | $(awk -v a="$dl" -v w="$span" 'BEGIN {printf "%.0f", a / w}') files/s ($dl downloads in ${span}s; $(awk -v a="$dl" -v w="$WALL" 'BEGIN {printf "%.0f", a / w}') over the wall) | $PEAK_RSS_MB | $(( $(state_bytes) / 1048576 )) MB | $CHECK; downloaded twice: $twice | $l0-$(load) |"
done

# kill row: the largest node count, one node killed at a random point between 30 % and 60 % of the downloads
if [[ $KILL -eq 1 ]]; then
  n=${RUN_NODES[-1]}
  fresh_state "kill$n"; ctl "$SIM_judge" reset >/dev/null; l0=$(load)
  at=$(( JUDGE_LIVE * (30 + RANDOM % 31) / 100 ))
  run_nodes "kill$n" "$SIM_judge" "$n" "$at" "$SIMPID_judge"
  stats=$(ctl "$SIM_judge" stats)
  dl=$(json "d['downloads']" <<<"$stats"); twice=$(json "d['downloaded_more_than_once']" <<<"$stats")
  check_state "$JUDGE_LIVE" "$JUDGE_FLAG"
  row "| kill -9 | $n | $JUDGE_LIVE files | $WALL | $CPU | $KILLED killed at $KILL_DL downloads (aimed at $at)$( [[ $n -eq 1 ]] && echo ", started again" ) | $PEAK_RSS_MB | $(( $(state_bytes) / 1048576 )) MB | $CHECK; $dl downloads, $twice files downloaded twice (in flight when killed) | $l0-$(load) |"
fi

# list + delta rows on the big tenant, over a state seeded with the verdicts a full judge would have written
ctl "$SIM_judge" stats >/dev/null
start_sim big --drives "$DRIVES" --items "$ITEMS" --ru-per-minute 0
for n in "${RUN_NODES[@]}"; do
  fresh_state "big$n"
  # The schema, as the scanner makes it: a scan of a drive that does not exist.
  "$CLASSSCAN" scan --source graph --drive nosuchdrive --graph-base-url "$SIM_big" --out "$WORK/schema-out" --state "$STATE_ARG" >/dev/null 2>&1 || true
  t0=$(date +%s)
  seeded=$(python3 "$BENCH_ROOT/benchmarks/tenant-seed.py" "${SIM_big%/v1.0}/sim/export?gen=0" "$WORK/verdicts.csv" \
    $( [[ $STATE == postgres ]] && echo "--postgres" || echo "--sqlite" ) "$( [[ $STATE == postgres ]] && pg_conninfo "$STATE_ARG" || echo "$STATE_ARG" )")
  "$CLASSSCAN" scan --source graph --drive nosuchdrive --graph-base-url "$SIM_big" --out "$WORK/schema-out" --state "$STATE_ARG" >/dev/null 2>&1 || true
  echo "tenant: seeded $seeded items in $(( $(date +%s) - t0 )) s" >&2
  seeded_bytes=$(state_bytes)
  ctl "$SIM_big" reset >/dev/null; l0=$(load)
  run_nodes "list$n" "$SIM_big" "$n" 0 "$SIMPID_big"
  stats=$(ctl "$SIM_big" stats)
  ent=$(json "d['delta_entries']" <<<"$stats"); dl=$(json "d['downloads']" <<<"$stats")
  span=$(json "max(1, d['delta_last_ms'] - d['delta_first_ms']) / 1000" <<<"$stats")
  bytes=$(state_bytes)
  row "| list (resync over judged state) | $n | $seeded files / $DRIVES drives | $WALL | $CPU | $(awk -v a="$ent" -v w="$span" 'BEGIN {printf "%.0f", a / w}') items/s listed + state-updated ($ent delta entries in ${span}s; $dl downloads) | $PEAK_RSS_MB (first third $RSS_EARLY_MB, last third $RSS_LATE_MB) | $((bytes / 1048576)) MB ($(awk -v b="$bytes" -v n="$seeded" 'BEGIN {printf "%.0f", b / n * 1e6 / 1048576}') MB per million items; seeded $((seeded_bytes / 1048576)) MB) | | $l0-$(load) |"

  # The next night: generation 1 changes 0.5 % of the files.
  ctl "$SIM_big" "generation?g=1" >/dev/null
  exp=$(ctl "$SIM_big" "expected?gen=1&from=0")
  want=$(json "d['edited'] + d['created']" <<<"$exp")
  what=$(json "f\"{d['edited']} edited, {d['created']} new, {d['renamed']} renamed, {d['deleted']} deleted\"" <<<"$exp")
  ctl "$SIM_big" reset >/dev/null; l0=$(load)
  run_nodes "delta$n" "$SIM_big" "$n" 0 "$SIMPID_big"
  stats=$(ctl "$SIM_big" stats)
  dl=$(json "d['downloads']" <<<"$stats"); ru=$(json "d['ru_spent']" <<<"$stats"); req=$(json "sum(d['requests'].values())" <<<"$stats")
  twice=$(json "d['downloaded_more_than_once']" <<<"$stats")
  verdict=$([[ $dl -eq $want && $twice -eq 0 ]] && echo "ok: downloads = edited + new" || echo "MISMATCH: $dl downloads, $want expected, $twice twice")
  row "| nightly delta (0.5 %) | $n | $what | $WALL | $CPU | $req requests, $ru RU, $dl downloads | $PEAK_RSS_MB | $(( $(state_bytes) / 1048576 )) MB | $verdict | $l0-$(load) |"
  ctl "$SIM_big" "generation?g=0" >/dev/null
done

# budget row: a small tenant under a low budget (600 RU/min), one node
if [[ $BUDGET -eq 1 ]]; then
  start_sim budget --drives 5 --items 1000 --ru-per-minute 600
  fresh_state budget; l0=$(load)
  [[ $MULTI -eq 1 ]] && export CLASSSCAN_Graph__BudgetUnitsPerMinute=600
  run_nodes budget "$SIM_budget" "${RUN_NODES[-1]}" 0 "$SIMPID_budget"
  stats=$(ctl "$SIM_budget" stats)
  row "| RU budget 600/min$( [[ $MULTI -eq 1 ]] && echo " (nodes' own budget 600/min)" ) | ${RUN_NODES[-1]} | 1000 files / 5 drives | $WALL | $CPU | $(json "d['ru_spent']" <<<"$stats") RU spent, $(json "d['throttled']" <<<"$stats") answered 429, busiest minute $(json "d['ru_peak_minute']" <<<"$stats") RU (throttled calls included) | $PEAK_RSS_MB | | $( [[ $(json "d['downloaded_items']" <<<"$stats") -eq 1000 ]] && echo "ok: all 1000 downloaded" || echo "MISMATCH: $(json "d['downloaded_items']" <<<"$stats") of 1000") | $l0-$(load) |"
fi

HEAD="| row | nodes | size | wall s | cpu s nodes / simulator | throughput | peak RSS MB per node | state size | checks | load before-after |
|---|---:|---|---:|---|---|---|---|---|---|"
{
  echo "tenant.sh $(date -u +%Y-%m-%dT%H:%MZ), branch at $(git -C "$BENCH_ROOT" rev-parse --short HEAD), binary $CLASSSCAN, $(nproc) cores, state: $STATE, multi-node: $([[ $MULTI -eq 1 ]] && echo yes || echo no)"
  echo
  echo "$HEAD"
  printf '%s\n' "${ROWS[@]}"
} | tee "$WORK/table.md"
if [[ $SAVE -eq 1 ]]; then
  mkdir -p "$BENCH_ROOT/benchmarks/results"
  cp "$WORK/table.md" "$BENCH_ROOT/benchmarks/results/tenant-$(date -u +%Y-%m-%d).md"
  echo "tenant: saved benchmarks/results/tenant-$(date -u +%Y-%m-%d).md" >&2
fi
