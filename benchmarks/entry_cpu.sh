#!/usr/bin/env bash
# Where a lesson entry's work goes: on the demo school (as benchmarks/gradebook.sh, SMTP sink included), offers RATE
# entries/s (default 100) for SECONDS (default 20), waits until the server is idle again (its events handled, its
# notifications sent), and prints the CPU each group of the server's threads used, divided by the entries. Two runs:
# the first right after start (the JIT still compiling), the second after it.
# Usage: benchmarks/entry_cpu.sh [rate] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-100}
SECS=${2:-20}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
source benchmarks/distribution.sh
start_settled_gradebook
TICK_MS=$((1000 / $(getconf CLK_TCK)))
# CPU ticks per thread group (the thread name without its number; spaces as underscores)
threads() {
  for t in /proc/"$PID"/task/*; do
    { n=$(tr ' ' '_' < "$t"/comm) && c=$(awk '{print $14 + $15}' "$t"/stat); } 2>/dev/null || continue
    echo "$(echo "$n" | sed -E 's/[-#_]?[0-9]+$//') $c"
  done | awk '{a[$1] += $2} END {for (k in a) print k, a[k]}' | sort
}
for run in 1 2; do
  threads > "$WORK/cpu0"
  OUT=$(REQS=$WORK/entries.tsv RATE=$RATE THREADS=2 wrk -t2 -c16 -d"$SECS"s --timeout 10s -s benchmarks/gradebook/entry.lua \
    http://127.0.0.1:${B#http://127.0.0.1:} | grep '^RESULT')
  N=$(echo "$OUT" | sed -E 's/.*requests=([0-9]+).*/\1/')
  wait_idle
  threads > "$WORK/cpu1"
  echo "Run $run: $OUT"
  join -a2 -e0 -o 0,1.2,2.2 "$WORK/cpu0" "$WORK/cpu1" | awk -v n="$N" -v ms="$TICK_MS" \
    '{d = ($3 - $2) * ms; if (d > 0) {printf "  %-28s %6.2f ms/entry\n", $1, d / n; t += d}} END {printf "  %-28s %6.2f ms/entry\n", "ALL", t / n}' \
    | sort -k2 -n -r | head -12
done
