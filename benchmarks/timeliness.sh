#!/usr/bin/env bash
# Control reports benchmark on the demo school (33 classes, its timetable and a demo half-year of journal) on
# embedded Derby: the journal-timeliness report of one school over four weeks and the municipal ranking, timed over
# REST (benchmarks/timeliness/measure.py), with the estimate for a municipality of 50 such schools.
# Usage: benchmarks/timeliness.sh [runs]   (default 5). Prints a Markdown table.
# Target (control reports issue): the ranking over 50 schools ≤ 5 s.
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/distribution.sh
ZHURNAL_DEMO=true start_distribution "${BENCH_HTTP_PORT:-18185}" "${BENCH_SSH_PORT:-18105}"
for _ in $(seq 1 1800); do grep -qh 'Demo journal written' "$HOME_DIR"/data/log/*.log 2>/dev/null && break; sleep 0.5; done
grep -qh 'Demo journal written' "$HOME_DIR"/data/log/*.log || { echo "the demo journal did not load"; exit 1; }
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d)"
python3 benchmarks/timeliness/measure.py "$B" "$PASSWORD" "${1:-5}"
