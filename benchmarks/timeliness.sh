#!/usr/bin/env bash
# Control reports benchmark on embedded Derby: the demo school (33 classes, its timetable and journal since
# 1 September) plus SCHOOLS generated neighbour schools of the demo municipality (each of the demo school's size:
# 33 classes, ~930 students, their own people, timetable and four weeks of journal with its own share of late entries;
# ZHURNAL_DEMO_SCHOOLS). Times over REST (benchmarks/timeliness/measure.py): journal-timeliness of one school over
# four weeks, and the municipal ranking (journal-timeliness-municipal) and the school activity rating over all schools.
# Usage: benchmarks/timeliness.sh [runs]   (default 5; SCHOOLS=50 by default). Prints a Markdown table.
# Target (reporting issue): the municipal timeliness ranking for 50 generated schools ≤ 5 s.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/distribution.sh
SCHOOLS=${SCHOOLS:-50}
started=$(date +%s)
ZHURNAL_DEMO=true ZHURNAL_DEMO_SCHOOLS=$SCHOOLS ZHURNAL_DEMO_ACTIVITY_DAYS=28 \
  start_distribution "${BENCH_HTTP_PORT:-18185}" "${BENCH_SSH_PORT:-18105}"
for _ in $(seq 1 3600); do
  grep -qh 'Demo municipality ready\|Loading the demo data failed' "$HOME_DIR"/data/log/*.log 2>/dev/null && break; sleep 0.5
done
grep -qh 'Demo municipality ready' "$HOME_DIR"/data/log/*.log || { echo "the demo municipality did not load"; exit 1; }
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d); data generated in $(( $(date +%s) - started )) s"
python3 benchmarks/timeliness/measure.py "$B" "$PASSWORD" "${1:-5}"
