#!/usr/bin/env bash
# Whether the lesson entries at full speed are bound by the CPU: on the demo school (as benchmarks/gradebook.sh, SMTP
# sink included), a 60-s warm-up at full speed (16 connections), then RUNS runs of SECONDS at full speed, each with the
# machine's CPU split (vmstat: user, system, idle, I/O wait, in per cent) and the disk's writes (MB/s) averaged over the
# run. BENCH_DIST=path measures another build's distribution (e.g. an earlier commit's, built with its own local Maven
# repository so that this checkout's artifacts stay as they are), for a comparison on the same machine.
# Usage: benchmarks/entry_saturation.sh [runs] [seconds]   (defaults 3 and 30)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
SECS=${2:-30}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
source benchmarks/distribution.sh
start_settled_gradebook
entries() {
  REQS=$WORK/entries.tsv RATE=0 THREADS=2 wrk -t2 -c16 -d"$1"s --timeout 10s -s benchmarks/gradebook/entry.lua \
    http://127.0.0.1:${B#http://127.0.0.1:} | grep '^RESULT'
}
entries 60 >/dev/null
echo "| run | entries | CPU user / system / idle / I/O wait | disk writes |"
echo "|---|---|---|---|"
for run in $(seq 1 "$RUNS"); do
  # vmstat's first line is the average since boot: skip it; one sample every 2 s over the run.
  vmstat 2 $((SECS / 2)) | tail -n +4 > "$WORK/vmstat.txt" &
  VM=$!
  OUT=$(entries "$SECS")
  wait $VM
  CPU=$(awk '{us += $13; sy += $14; id += $15; wa += $16; bo += $10; n++} END {printf "%.0f / %.0f / %.0f / %.0f %%|%.1f MB/s", us/n, sy/n, id/n, wa/n, bo/n/1024}' "$WORK/vmstat.txt")
  echo "| $run | $(echo "$OUT" | sed -E 's/RESULT requests=([0-9]+) errors_status=([0-9]+) errors_other=([0-9]+) rps=([0-9.]+) p50=([0-9.]+) p99=([0-9.]+) max=([0-9.]+)/\4 req\/s, p50 \5 ms, p99 \6 ms, \2 non-2xx/') | ${CPU%%|*} | ${CPU##*|} |"
done
