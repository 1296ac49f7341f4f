#!/usr/bin/env bash
# Shared helpers of the benchmark scripts (sourced, not run).

# Repository root and the fixed corpus beside it.
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_SHARED="${CLASSSCAN_SHARED:-$BENCH_ROOT/../shared}"
BENCH_CORPUS=("$BENCH_SHARED/corpus/dev" "$BENCH_SHARED/corpus/real")
# The decompression bomb measures the timeout, not throughput.
BENCH_EXCLUDE='**/pdfjs__bomb_giant.pdf'

# Publishes classscan the way it ships (Release, self-contained, one composite ReadyToRun image for this
# machine's runtime identifier: src/ClassScan.Cli/ClassScan.Cli.csproj) once into
# $CLASSSCAN_BIN (default: a folder under /tmp) unless it is already given as a ready binary folder.
# Prints the path of the classscan executable. CLASSSCAN_R2R=0 measures a plain JIT build instead.
bench_build() {
  local out="${CLASSSCAN_BIN:-${TMPDIR:-/tmp}/classscan-bench-bin}"
  if [[ -z "${CLASSSCAN_BIN:-}" || ! -x "$out/classscan" ]]; then
    if [[ "${CLASSSCAN_R2R:-1}" == 1 ]]; then
      # ReadyToRun needs the runtime pack and crossgen2 from NuGet; where they cannot be had, say so and
      # measure the plain JIT build rather than no build.
      dotnet publish -c Release -r "$(bench_rid)" --self-contained -p:PublishReadyToRun=true \
        "$BENCH_ROOT/src/ClassScan.Cli" -o "$out" -nologo -v q -clp:ErrorsOnly >&2 \
        || { echo "bench: the ReadyToRun publish failed; measuring a plain Release build (JIT) instead" >&2
             dotnet build -c Release "$BENCH_ROOT/src/ClassScan.Cli" -o "$out" -nologo -v q -clp:ErrorsOnly >&2 || return 1; }
    else
      dotnet build -c Release "$BENCH_ROOT/src/ClassScan.Cli" -o "$out" -nologo -v q -clp:ErrorsOnly >&2 || return 1
    fi
  fi
  echo "$out/classscan"
}

# The runtime identifier of this machine (linux-x64, linux-arm64, osx-arm64...), for the ReadyToRun publish.
bench_rid() {
  local os arch
  case "$(uname -s)" in Darwin) os=osx ;; *) os=linux ;; esac
  case "$(uname -m)" in aarch64|arm64) arch=arm64 ;; *) arch=x64 ;; esac
  echo "$os-$arch"
}

# bench_time OUTFILE CMD...: runs CMD (a command or shell function; its stderr is discarded) and writes
# "wall user sys" in seconds to OUTFILE. user/sys include every child process (bash's time waits for them).
bench_time() {
  local outfile=$1; shift
  local TIMEFORMAT='%R %U %S'
  { time "$@" 2>/dev/null ; } 2> "$outfile"
}

# Sum of file sizes (bytes) of a NUL-separated list.
bench_bytes() { xargs -0 -r stat -c %s < "$1" | awk '{s+=$1} END {print s+0}'; }
bench_count() { tr -cd '\0' < "$1" | wc -c; }

# The value of KEY in classscan bench's "result:" line.
bench_field() { sed -n 's/^result: //p' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
