#!/usr/bin/env bash
# Timetable occurrence benchmark on the demo school (33 classes 1А–11В, its generated weekly timetable, calendar
# and bells). Starts a fresh distribution with ZHURNAL_DEMO=true on Derby, waits for the demo load and until the
# server is idle (its background work after the demo: journal, events, notifications), then
#  - times the demo timetable's build and import (from the log),
#  - times GET /api/v1/timetable/schools/{id}/lessons for the whole academic year (every class; JSON included),
#  - loads GET /api/v1/timetable/students/{id}/lessons for one school week with wrk (Debian package wrk):
#    1 connection, then 16 concurrent connections at full speed, then 16 paced to about 1,000 requests/s, 30 s each,
#  - loads GET /api/v1/auth/me paced the same way: the floor of the set-up (wrk shares the cores with the server).
# Usage: benchmarks/occurrences.sh [seconds]   (default 30). Prints a Markdown table.
# Issue targets: the whole school's year ≤ 1 s; one student's week p99 ≤ 5 ms under load.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-30}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
source benchmarks/distribution.sh
ZHURNAL_DEMO=true start_distribution "${BENCH_HTTP_PORT:-18183}" "${BENCH_SSH_PORT:-18103}"
for _ in $(seq 1 1200); do [ -f "$HOME_DIR/data/demo-credentials.txt" ] && break; sleep 0.5; done
[ -f "$HOME_DIR/data/demo-credentials.txt" ] || { echo "the demo school did not load"; grep -h ERROR "$HOME_DIR"/data/log/*.log | tail; exit 1; }
wait_settled
DEMO_LINE=$(grep -h 'Demo timetable for' "$HOME_DIR"/data/log/*.log | tail -1 | sed -E 's/.*(Demo timetable for)/\1/')
json() { python3 -c "import json,sys;d=json.load(sys.stdin);print($1)"; }
T=$(curl -s -H 'Content-Type: application/json' -d "{\"login\":\"admin\",\"password\":\"$PASSWORD\"}" "$B/auth/login" | json "d['token']")
AUTH="Authorization: Bearer $T"
S=$(curl -s -H "$AUTH" "$B/schools" | json "[s['id'] for s in d if s['shortName']=='Школа № 7'][0]")
YEAR=$(date +%Y); if [ "$(date +%-m)" -lt 9 ]; then YEAR=$((YEAR - 1)); fi
FROM=$YEAR-09-01
TO=$((YEAR + 1))-05-31
C=$(curl -s -H "$AUTH" "$B/roster/schools/$S/classes" | json "[c['id'] for c in d if c['grade']==5 and c['letter']=='А'][0]")
STUDENT=$(curl -s -H "$AUTH" "$B/roster/classes/$C" | json "d['students'][0]['student']['id']")
# A school week without holidays: the first Monday of October.
MONDAY=$(python3 -c "import datetime as t;d=t.date($YEAR,10,1);print(d+t.timedelta((7-d.weekday())%7))")
SUNDAY=$(python3 -c "import datetime as t;print(t.date.fromisoformat('$MONDAY')+t.timedelta(6))")
YEAR_URL="$B/timetable/schools/$S/lessons?from=$FROM&to=$TO"
WEEK_URL="$B/timetable/students/$STUDENT/lessons?from=$MONDAY&to=$SUNDAY"
LESSONS=$(curl -s -H "$AUTH" "$YEAR_URL" | json "len(d)")
WEEK_LESSONS=$(curl -s -H "$AUTH" "$WEEK_URL" | json "len(d)")
for _ in 1 2 3; do curl -s -o /dev/null -H "$AUTH" "$YEAR_URL"; done   # warm-up
TIMES=()
for _ in 1 2 3 4 5; do TIMES+=("$(curl -s -o /dev/null -w '%{time_total}' -H "$AUTH" "$YEAR_URL")"); done
YEAR_STATS=$(printf '%s\n' "${TIMES[@]}" | sort -n | awk '{a[NR]=$1} END{printf "min %.0f ms, median %.0f ms, max %.0f ms", a[1]*1000, a[3]*1000, a[5]*1000}')
wrk -t1 -c4 -d5s -H "$AUTH" "$WEEK_URL" >/dev/null 2>&1   # warm-up
measure() { # threads, connections[, extra wrk arguments[, URL (default: the week)]]
  wrk -t"$1" -c"$2" -d"${SECONDS_EACH}s" --latency ${3:-} -H "$AUTH" "${4:-$WEEK_URL}" 2>/dev/null | awk '
    /Requests\/sec/{r=$2} /^ +50%/{p50=$2} /^ +99%/{p99=$2} /Non-2xx/{bad=$5} /requests in/{n=$1}
    END{printf "%s req/s, p50 %s, p99 %s, %s requests, non-2xx %s", r, p50, p99, n, (bad==""?0:bad)}'
}
ONE=$(measure 1 1)
LOADED=$(measure 2 16)
# Under a steady load below saturation: 16 connections, each waiting 16 ms before a request (≈ 1,000 requests/s).
PACED=$(DELAY_MS=16 measure 2 16 "-s benchmarks/paced.lua")
# The floor of this set-up: the same paced load on a trivial authenticated endpoint of the same server (no database,
# a small JSON) — wrk and the server share the machine's cores, and its tail is part of every measurement here.
FLOOR=$(DELAY_MS=16 measure 2 16 "-s benchmarks/paced.lua" "$B/auth/me")
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d)"
echo
echo "| measure | result |"
echo "|---|---|"
echo "| demo timetable build + import (log) | ${DEMO_LINE:-not found} |"
echo "| whole school, $FROM to $TO ($LESSONS lessons), GET schools/{id}/lessons, 5 runs after 3 warm-ups | $YEAR_STATS |"
echo "| one student's week ($WEEK_LESSONS lessons), 1 connection, ${SECONDS_EACH} s | $ONE |"
echo "| one student's week, 16 connections (wrk -t2 -c16), ${SECONDS_EACH} s | $LOADED |"
echo "| one student's week, 16 connections each pausing 16 ms (≈ 1,000 requests/s offered), ${SECONDS_EACH} s | $PACED |"
echo "| reference: GET /auth/me (trivial, same server), 16 connections each pausing 16 ms, ${SECONDS_EACH} s | $FLOOR |"
