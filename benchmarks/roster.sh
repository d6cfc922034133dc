#!/usr/bin/env bash
# Roster benchmark: import of a generated file of STUDENTS students and GUARDIANS guardians (native CSV,
# all-or-nothing) into an empty school, then class-list and class-card reads under 16 concurrent clients
# (wrk, Debian package wrk: 16 keep-alive connections, as browsers keep theirs; each read warmed up for 5 s, then
# measured for 20 s), once at full speed (each connection sends its next request as soon as the answer arrives) and
# once paced (each connection waits 40 ms before each request: 16 clients offering ≈ 400 requests/s, a busy school's
# peak, below the server's capacity). Usage: benchmarks/roster.sh [students] [guardians]
# Defaults: 10000 students, 15000 guardians. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
STUDENTS=${1:-10000}
GUARDIANS=${2:-15000}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
source benchmarks/distribution.sh
start_distribution 18182 18102
json() { python3 -c "import json,sys;print(json.load(sys.stdin)$1)"; }
T=$(curl -s -H 'Content-Type: application/json' -d "{\"login\":\"admin\",\"password\":\"$PASSWORD\"}" "$B/auth/login" | json "['token']")
M=$(curl -s -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -d '{"name":"Бенчмарк"}' "$B/municipalities" | json "['id']")
S=$(curl -s -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -d "{\"municipalityId\":\"$M\",\"shortName\":\"Бенчмарк\"}" "$B/schools" | json "['id']")
YEAR=$(date +%Y); if [ "$(date +%-m)" -lt 9 ]; then YEAR=$((YEAR - 1)); fi
python3 benchmarks/gen_roster.py "$STUDENTS" "$GUARDIANS" "$YEAR" > "$WORK/students.csv" 2>/dev/null
t0=$(date +%s.%N)
REPORT=$(curl -s -m 900 -H "Authorization: Bearer $T" -H 'Content-Type: text/csv' --data-binary @"$WORK/students.csv" \
  "$B/roster/schools/$S/import?fileName=bench.csv")
t1=$(date +%s.%N)
echo "$REPORT" | grep -q '"students":'"$STUDENTS" || { echo "import failed: $REPORT"; exit 1; }
RSS=$(( $(ps -o rss= -p "$(pgrep -f "karaf.base=$HOME_DIR" | head -1)" | tr -d ' ') / 1024 ))
CLASSES=$(curl -s -H "Authorization: Bearer $T" "$B/roster/schools/$S/classes" | json ".__len__()")
CID=$(curl -s -H "Authorization: Bearer $T" "$B/roster/schools/$S/classes" | json "[0]['id']")
# wrk's summary: requests/s, p50 and p99 latency, and non-2xx answers (failures)
measure() { # URL [extra wrk arguments]
  wrk -t2 -c16 -d5s -H "Authorization: Bearer $T" "$1" >/dev/null 2>&1   # warm-up
  wrk -t2 -c16 -d20s --latency ${2:-} -H "Authorization: Bearer $T" "$1" 2>/dev/null | awk '/Requests\/sec/{r=$2} /^ +50%/{p50=$2}
    /^ +99%/{p99=$2} /Non-2xx/{f=$5} END{printf "%s req/s, p50 %s, p99 %s, non-2xx %s", r, p50, p99, (f==""?0:f)}'
}
T_ME=$(measure "$B/auth/me")
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d)"
echo
echo "| measure | result |"
echo "|---|---|"
printf '| import of %s students + %s guardians (%s classes), one file, all-or-nothing | %.1f s |\n' "$STUDENTS" "$GUARDIANS" "$CLASSES" "$(echo "$t1 - $t0" | bc)"
echo "| RSS after the import | $RSS MiB |"
echo "| class list ($CLASSES classes), 16 connections, 20 s | $(measure "$B/roster/schools/$S/classes") |"
echo "| class card (~35 students with guardians), 16 connections, 20 s | $(measure "$B/roster/classes/$CID") |"
export DELAY_MS=40
echo "| class list, 16 connections paced (40 ms before each request), 20 s | $(measure "$B/roster/schools/$S/classes" "-s benchmarks/paced.lua") |"
echo "| class card, 16 connections paced (40 ms before each request), 20 s | $(measure "$B/roster/classes/$CID" "-s benchmarks/paced.lua") |"
echo "| for comparison: \`GET /auth/me\` (sign-in check only), 16 connections, 20 s | $T_ME |"
