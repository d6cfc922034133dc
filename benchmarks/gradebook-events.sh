#!/usr/bin/env bash
# Where a lesson entry's CPU goes, and how long the events it publishes keep the server busy afterwards.
# Starts a fresh distribution with the demo school (as gradebook.sh), warms up with 10 s of entries at 8
# connections, waits 20 s, then runs 20 s of entries at 16 connections (wrk, benchmarks/gradebook/entry.lua) and
# prints the CPU used per thread group during the run (from /proc/<pid>/task/*/stat), then how long the event
# dispatcher's thread stays busy after the run (polled every 5 s; idle = under 0.15 s of CPU in 5 s) and the CPU
# it and the diary's threads used meanwhile. Usage: benchmarks/gradebook-events.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
source benchmarks/distribution.sh
start_demo_gradebook
PID=$(pgrep -f "karaf.base=$HOME_DIR" | head -1)
cpu() { # thread-name prefix (empty: per group, all) -> "name seconds" lines
  for t in /proc/"$PID"/task/*; do
    printf '%s %s\n' "$(tr ' ' '_' < "$t/comm" | sed -E 's/[-0-9]+$//')" "$(cut -d')' -f2 "$t/stat" | awk '{print $12+$13}')"
  done 2>/dev/null | awk -v tck="$(getconf CLK_TCK)" -v p="${1:-}" 'index($1, p) == 1 {s[$1] += $2} END {for (n in s) printf "%s %.2f\n", n, s[n] / tck}'
}
sum() { cpu "$1" | awk '{s += $2} END {printf "%.2f", s}'; }
entries() { REQS=$WORK/entries.tsv wrk -t2 -c"$1" -d"$2"s --timeout 10s -s benchmarks/gradebook/entry.lua "${B%/api/v1}" | grep '^RESULT'; }
entries 8 10 >/dev/null; sleep 20
cpu > "$WORK/before.txt"
echo "entries, 16 connections, 20 s: $(entries 16 20)"
cpu > "$WORK/after.txt"
echo "CPU during the run (s), by thread group:"
join <(sort "$WORK/before.txt") <(sort "$WORK/after.txt") | awk '{printf "%8.2f %s\n", $3 - $2, $1}' | sort -rn | head -8
t0=$(date +%s); D0=$(sum zhurnal-event); O0=$(sum zhurnal-diary); prev=$D0
while true; do
  sleep 5; cur=$(sum zhurnal-event)
  [ "$(echo "$cur - $prev < 0.15" | bc)" = 1 ] && break
  prev=$cur; [ $(( $(date +%s) - t0 )) -gt 900 ] && { echo "still busy after 900 s"; break; }
done
echo "after the run the event dispatcher was busy for $(( $(date +%s) - t0 - 5 )) s: $(echo "$cur - $D0" | bc) s of its CPU, $(echo "$(sum zhurnal-diary) - $O0" | bc) s of the diary's threads"
