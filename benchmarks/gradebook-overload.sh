#!/usr/bin/env bash
# Lesson entries offered faster than the server completes them (docs/benchmarks.md, Gradebook, stop 17): a fresh
# distribution with the demo school (as benchmarks/gradebook.sh), 10 s of entries at 8 connections as warm-up, then
# twice 20 s at RATE requests/s offered (default 400) on 64 connections. Prints wrk's result, every answer that was not
# 2xx (status and problem type), and what the server logged: unexpected errors (500), transient database failures
# answered 503 busy, lesson entries that failed three times.
# Usage: [BENCH_DB=postgresql] [RATE=n] benchmarks/gradebook-overload.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
source benchmarks/distribution.sh
start_demo_gradebook
wait_settled
entries() { # connections, rate, seconds
  REQS=$WORK/entries.tsv RATE=$2 THREADS=2 SHOW_ERRORS=1 wrk -t2 -c"$1" -d"$3"s --timeout 10s -s benchmarks/gradebook/entry.lua \
    "${B%/api/v1}" | grep -E '^(RESULT|ERROR)' | sed -E 's/^(ERROR [0-9]+) .*"type":"urn:zhurnal:problem:([^"]+)".*/\1 \2/' | sort | uniq -c
}
entries 8 0 10 >/dev/null
echo "Machine: $(nproc) cores, $(date -u +%Y-%m-%d), database ${BENCH_DB:-derby}; ${RATE:-400} entries/s offered, 64 connections"
for run in 1 2; do echo "run $run:"; entries 64 "${RATE:-400}" 20; done
LOG="$HOME_DIR/data/log/karaf.log"
echo "server log: $(grep -c 'Unexpected error' "$LOG" || true) unexpected errors (500), $(grep -c 'Database busy' "$LOG" || true) transient failures answered 503, $(grep -c 'Lesson entry failed three times' "$LOG" || true) entries failed three times"
