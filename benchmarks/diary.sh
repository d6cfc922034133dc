#!/usr/bin/env bash
# Diary benchmark on the demo school (33 classes, ~930 students with guardians, its timetable and a demo
# half-year of journal) on embedded Derby, with wrk (Debian package wrk):
#  1. parents' week views (a child's week among the last eight), 16 and 4 connections, full speed, with the week
#     cache off, then 16 connections with the default cache (weeks reused for 30 s; 800 distinct weeks in the pool);
#  2. GET /auth/me with the same parents' tokens in the same run — a trivial JSON endpoint of the same server;
#  3. the weekly printouts of the whole school (every class's PDF batch in one request), timed.
# Usage: benchmarks/diary.sh [seconds per run] [parents]   (default 30, 200). Prints a Markdown table.
# Issue targets: parent week view ≥ 1,000 requests/s and p99 ≤ 100 ms; printouts for a whole school ≤ 30 s.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-30}
PARENTS=${2:-200}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
source benchmarks/distribution.sh
ZHURNAL_DEMO=true start_distribution "${BENCH_HTTP_PORT:-18185}" "${BENCH_SSH_PORT:-18105}"
for _ in $(seq 1 1800); do grep -qh 'Demo journal written' "$HOME_DIR"/data/log/*.log 2>/dev/null && break; sleep 0.5; done
DEMO_LINE=$(grep -h 'Demo journal written' "$HOME_DIR"/data/log/*.log | tail -1 | sed -E 's/.*(Demo journal written)/\1/')
[ -n "$DEMO_LINE" ] || { echo "the demo journal did not load"; grep -h ERROR "$HOME_DIR"/data/log/*.log | tail; exit 1; }
python3 benchmarks/diary/prepare.py "$B" "$PASSWORD" "$WORK" "$PARENTS" > "$WORK/prepare.txt"
SCHOOL=$(head -1 "$WORK/prepare.txt")
run() { # tsv, connections, seconds
  REQS=$WORK/$1 DELAY_MS=0 wrk -t2 -c"$2" -d"$3"s --timeout 10s -s benchmarks/gradebook/get.lua http://127.0.0.1:${B#http://127.0.0.1:} \
    | grep '^RESULT' | sed -E 's/RESULT requests=([0-9]+) errors_status=([0-9]+) errors_other=([0-9]+) rps=([0-9.]+) p50=([0-9.]+) p99=([0-9.]+) max=([0-9.]+)/\4 req\/s, p50 \5 ms, p99 \6 ms, max \7 ms; \1 requests, \2 non-2xx, \3 socket errors/'
}
cache() { # seconds an assembled week is reused (etc/org.zhurnal.diary.cache.cfg, read at run time)
  echo "weekSeconds = $1" > "$HOME_DIR/etc/org.zhurnal.diary.cache.cfg"
  sleep 4
}
cache 0
run weeks.tsv 8 10 >/dev/null   # warm-up
WEEK=$(run weeks.tsv 16 "$SECONDS_EACH")
WEEK4=$(run weeks.tsv 4 "$SECONDS_EACH")
cache 30
CACHED=$(run weeks.tsv 16 "$SECONDS_EACH")
ME=$(run me.tsv 16 "$SECONDS_EACH")
T=$(curl -s -H 'Content-Type: application/json' -d "{\"login\":\"admin\",\"password\":\"$PASSWORD\"}" "$B/auth/login" | python3 -c "import json,sys;print(json.load(sys.stdin)['token'])")
PDF_TIME=$(curl -s -o "$WORK/school.pdf" -w '%{time_total}' -H "Authorization: Bearer $T" "$B/diary/schools/$SCHOOL/printouts.pdf")
PAGES=$(pdfinfo "$WORK/school.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')  # poppler-utils
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d); $(tail -1 "$WORK/prepare.txt")"
echo "Demo: $DEMO_LINE"
echo
echo "| measure | result |"
echo "|---|---|"
echo "| parent week view, no cache, 16 connections, full speed, ${SECONDS_EACH} s | $WEEK |"
echo "| parent week view, no cache, 4 connections, full speed, ${SECONDS_EACH} s | $WEEK4 |"
echo "| parent week view, weeks reused for 30 s (the default), 16 connections, ${SECONDS_EACH} s | $CACHED |"
echo "| GET /auth/me (trivial JSON, same tokens), 16 connections, ${SECONDS_EACH} s | $ME |"
printf '| weekly printouts of the whole school, one PDF | %.1f s, %s pages, %s bytes |\n' "$PDF_TIME" "$PAGES" "$(stat -c %s "$WORK/school.pdf")"
