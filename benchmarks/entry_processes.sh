#!/usr/bin/env bash
# Who uses the two cores during a paced load of lesson entries, and what the collector pauses: on the demo school (as
# benchmarks/gradebook.sh, SMTP sink included), a 30-s warm-up at full speed, then RUNS paced runs of RATE entries/s for
# SECONDS each (32 connections). For each run: its latency, the CPU of the server, the SMTP sink and wrk in cores, the
# machine's idle cores (from /proc), and the collector's pauses during the run (young: count, mean, longest; full: count,
# longest) from a GC log the script adds to the JVM options. EXTRA_JAVA_OPTS compares collector settings (bin/setenv uses it
# instead of its defaults; the GC log is added to either).
# Usage: benchmarks/entry_processes.sh [rate] [seconds] [runs]   (defaults 250, 30, 2)
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-250}
SECS=${2:-30}
RUNS=${3:-2}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
# bin/setenv's default options when none are given, so that the GC log comes on top of the distribution's settings
DEFAULT_OPTS=$(grep -oP '(?<=EXTRA_JAVA_OPTS:-)[^}]+' karaf-distribution/src/main/resources/bin/setenv | head -1)
GC_LOG=$(mktemp)
export EXTRA_JAVA_OPTS="${EXTRA_JAVA_OPTS:-$DEFAULT_OPTS} -Xlog:gc:file=$GC_LOG:uptime"
source benchmarks/distribution.sh
start_settled_gradebook
ticks() { awk '{print $14 + $15}' /proc/"$1"/stat; }
idle() { awk '/^cpu /{print $5 + $6}' /proc/stat; }
HZ=$(getconf CLK_TCK)
echo "JVM options: $EXTRA_JAVA_OPTS"
echo "RSS after the demo school settled: $(( $(ps -o rss= -p "$PID") / 1024 )) MiB"
REQS=$WORK/entries.tsv RATE=0 THREADS=2 wrk -t2 -c16 -d30s --timeout 10s -s benchmarks/gradebook/entry.lua \
  http://127.0.0.1:${B#http://127.0.0.1:} | grep '^RESULT' | sed 's/^/warm-up: /'
wait_idle
for run in $(seq 1 "$RUNS"); do
  lines0=$(wc -l < "$GC_LOG")
  s0=$(ticks "$PID"); k0=$(ticks "$SINK_PID"); i0=$(idle); t0=$(date +%s.%N)
  REQS=$WORK/entries.tsv RATE=$RATE THREADS=2 wrk -t2 -c32 -d"$SECS"s --timeout 10s -s benchmarks/gradebook/entry.lua \
    http://127.0.0.1:${B#http://127.0.0.1:} > "$WORK/run.out" &
  load=$!
  sleep 1
  wrk_pid=$(pgrep -n -x wrk)
  w0=$(ticks "$wrk_pid")
  sleep $((SECS - 2))
  w1=$(ticks "$wrk_pid")
  wait "$load"
  s1=$(ticks "$PID"); k1=$(ticks "$SINK_PID"); i1=$(idle); t1=$(date +%s.%N)
  echo "run $run: $(grep '^RESULT' "$WORK/run.out")"
  awk -v s0="$s0" -v s1="$s1" -v k0="$k0" -v k1="$k1" -v w0="$w0" -v w1="$w1" -v i0="$i0" -v i1="$i1" \
      -v el="$(echo "$t1 - $t0" | bc)" -v ws=$((SECS - 3)) -v hz="$HZ" \
    'BEGIN {printf "  cores: server %.2f, SMTP sink %.2f, wrk %.2f, machine idle %.2f\n", (s1-s0)/hz/el, (k1-k0)/hz/el, (w1-w0)/hz/ws, (i1-i0)/hz/el}'
  tail -n +$((lines0 + 1)) "$GC_LOG" | awk '/Pause Young/ {y++; ms = $NF + 0; ys += ms; if (ms > ym) ym = ms}
      /Pause Full/ {f++; ms = $NF + 0; if (ms > fm) fm = ms}
      END {printf "  collector: %d young pauses, mean %.1f ms, longest %.1f ms; %d full, longest %.0f ms\n", y, (y ? ys / y : 0), ym, f, fm}'
  wait_idle
done
echo "RSS after the runs: $(( $(ps -o rss= -p "$PID") / 1024 )) MiB"
rm -f "$GC_LOG"
