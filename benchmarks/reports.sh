#!/usr/bin/env bash
# Report benchmark on the demo school (33 classes, ~930 students, its timetable and a demo half-year of journal with
# attendance) on embedded Derby: the summary sheet (summary-sheet) of every class of the school for the year in CSV,
# XLSX and PDF, and the class progress report (class-progress) of the school for the current period, each run
# WARMUP times and then RUNS times in a row, one request at a time; min / median / max of the whole request (curl).
# The demo journal has marks and attendance but no confirmed period or year grades: the grade cells are empty, the
# attendance columns are real (both are read in one query each, whatever they hold).
# Usage: benchmarks/reports.sh [runs] [warm-up runs]   (default 5 and 3). Prints a Markdown table; KEEP_DIR=dir keeps
# the last files of each report there.
# Targets (report issue): whole school of 1,000 students ≤ 500 ms CSV and ≤ 3 s PDF.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
WARMUP=${2:-3}
source benchmarks/distribution.sh
ZHURNAL_DEMO=true start_distribution "${BENCH_HTTP_PORT:-18186}" "${BENCH_SSH_PORT:-18106}"
for _ in $(seq 1 1800); do grep -qh 'Demo journal written' "$HOME_DIR"/data/log/*.log 2>/dev/null && break; sleep 0.5; done
grep -qh 'Demo journal written' "$HOME_DIR"/data/log/*.log || { echo "the demo journal did not load"; exit 1; }
# The summary sheet logs at DEBUG how long each bulk read and the rendering took (pax-logging reads the change live).
printf '\nlog4j2.logger.zhurnalreports.name = org.zhurnal.report\nlog4j2.logger.zhurnalreports.level = DEBUG\n' >> "$HOME_DIR/etc/org.ops4j.pax.logging.cfg"
python3 benchmarks/reports/prepare.py "$B" "$PASSWORD" > "$WORK/prepare.txt"
SCHOOL=$(sed -n 1p "$WORK/prepare.txt")
YEAR=$(sed -n 2p "$WORK/prepare.txt")
CLASSES=$(sed -n 3p "$WORK/prepare.txt")
STUDENTS=$(sed -n 4p "$WORK/prepare.txt")
T=$(curl -s -H 'Content-Type: application/json' -d "{\"login\":\"admin\",\"password\":\"$PASSWORD\"}" "$B/auth/login" | python3 -c "import json,sys;print(json.load(sys.stdin)['token'])")
# The grade-5 period that contains today (or the last one begun).
PERIOD=$(curl -s -H "Authorization: Bearer $T" "$B/calendar/schools/$SCHOOL/years/$YEAR" | python3 -c "import json,sys,datetime
t=datetime.date.today().isoformat()
ps=[p for p in json.load(sys.stdin).get('periods', []) if not p.get('grades') or 5 in p['grades']]
cur=[p for p in ps if p['start']<=t<=p['end']] or [p for p in ps if p['start']<=t] or ps
print(cur[-1]['id'] if cur else '')" 2>/dev/null || true)

time_run() { # report id, format, parameters JSON, output file → prints "min / median / max" in ms and keeps the last file
  local times=()
  for i in $(seq 1 $((WARMUP + RUNS))); do
    local s
    s=$(curl -s -o "$4" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
      -d "{\"format\":\"$2\",\"parameters\":$3}" "$B/reports/$1/run")
    [ "${s%% *}" = 200 ] || { echo "HTTP ${s%% *}: $(head -c 300 "$4")"; return; }
    [ "$i" -gt "$WARMUP" ] && times+=("${s#* }")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1*1000} END {printf "min %.0f ms, median %.0f ms, max %.0f ms", a[1], a[int((NR+1)/2)], a[NR]}'
}
SHEET="{\"schoolId\":\"$SCHOOL\",\"year\":\"$YEAR\"}"
logged() { grep -h 'Summary sheet' "$HOME_DIR"/data/log/*.log | tail -2 | sed -E 's/.*(Summary sheet)/\1/' | paste -sd ';' | sed 's/;/; /'; }
CSV=$(time_run summary-sheet CSV "$SHEET" "$WORK/sheet.csv"); CSV_LOG=$(logged)
XLSX=$(time_run summary-sheet XLSX "$SHEET" "$WORK/sheet.xlsx"); XLSX_LOG=$(logged)
PDF=$(time_run summary-sheet PDF "$SHEET" "$WORK/sheet.pdf"); PDF_LOG=$(logged)
ROWS=$(($(wc -l < "$WORK/sheet.csv") - 1))
PAGES=$(pdfinfo "$WORK/sheet.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}' || true)  # poppler-utils
if [ -n "$PERIOD" ]; then
  PROGRESS="{\"schoolId\":\"$SCHOOL\",\"periodId\":\"$PERIOD\"}"
  PCSV=$(time_run class-progress CSV "$PROGRESS" "$WORK/progress.csv")
  PPDF=$(time_run class-progress PDF "$PROGRESS" "$WORK/progress.pdf")
else
  PCSV="no current period found"; PPDF=$PCSV
fi
[ -n "${KEEP_DIR:-}" ] && mkdir -p "$KEEP_DIR" && cp "$WORK"/sheet.* "$WORK"/progress.* "$KEEP_DIR"/ 2>/dev/null || true
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%d), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Demo school: $CLASSES classes, $STUDENTS students; academic year $YEAR; $WARMUP warm-up runs, then $RUNS timed"
echo
echo "| measure | result |"
echo "|---|---|"
echo "| summary sheet, whole school, CSV ($ROWS rows, $(stat -c %s "$WORK/sheet.csv") bytes) | $CSV |"
echo "| summary sheet, whole school, XLSX ($CLASSES worksheets, $(stat -c %s "$WORK/sheet.xlsx") bytes) | $XLSX |"
echo "| summary sheet, whole school, PDF (${PAGES:-?} pages, $(stat -c %s "$WORK/sheet.pdf") bytes) | $PDF |"
echo "| class progress, whole school, current period, CSV | $PCSV |"
echo "| class progress, whole school, current period, PDF | $PPDF |"
echo
echo "The last run of each format as the server logged it (DEBUG):"
echo "- CSV: $CSV_LOG"
echo "- XLSX: $XLSX_LOG"
echo "- PDF: $PDF_LOG"
