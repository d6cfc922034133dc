#!/usr/bin/env bash
# The cold start's first burst of lesson entries: on a freshly started demo school (as benchmarks/gradebook.sh, SMTP
# sink included), one full-speed run of SECONDS (16 connections) while the JIT is still compiling, then from the
# server's log: the rolled-back attempts (Aries JPA's "Beginning rollback"), their database causes by statement and
# SQLState, and the entries that failed every attempt (answered 503). Non-2xx answers are printed as wrk gets them.
# RUNS fresh starts, one after the other. When a run had a non-2xx answer or a rolled-back attempt, its server log is
# kept as OUT_DIR/karaf-<run>.log (default ./target/warmup-logs).
# A 404 for a lesson is explained by LessonContexts at DEBUG (which lookup failed, the caller's grants); the script turns
# that logger on and prints those lines.
# Usage: benchmarks/warmup_errors.sh [seconds] [runs]   (defaults 30, 1)
# To have the staff grants resync (which rewrites the grants of the accounts prepare.py made) fall inside the run:
#   BENCH_CONFIG=org.zhurnal.roster.grants:startDelaySeconds=90 benchmarks/warmup_errors.sh 30 2
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-30}
RUNS=${2:-1}
OUT_DIR=${OUT_DIR:-target/warmup-logs}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
# Why a lesson answered 404 (LessonContexts logs it at DEBUG): on for these runs.
export BENCH_CONFIG="${BENCH_CONFIG:-} org.ops4j.pax.logging:log4j2.logger.lessons.name=org.zhurnal.gradebook.internal.LessonContexts \
org.ops4j.pax.logging:log4j2.logger.lessons.level=DEBUG"
for run in $(seq 1 "$RUNS"); do
  (
    source benchmarks/distribution.sh
    start_settled_gradebook
    started=$(date -u +%T)
    SHOW_ERRORS=1 REQS=$WORK/entries.tsv RATE=0 THREADS=2 wrk -t2 -c16 -d"$SECS"s --timeout 10s -s benchmarks/gradebook/entry.lua \
      http://127.0.0.1:${B#http://127.0.0.1:} > "$WORK/run.out"
    echo "start $run: $(grep '^RESULT' "$WORK/run.out")"
    grep '^ERROR' "$WORK/run.out" | sort | uniq -c | sed 's/^/  non-2xx: /' || true
    log=$HOME_DIR/data/log/karaf.log
    if grep -q '^ERROR' "$WORK/run.out" || grep -q 'Beginning rollback\|| Lesson .* not found' "$log"; then
      mkdir -p "$OUT_DIR" && cp "$log" "$OUT_DIR/karaf-$run.log" && echo "  server log kept: $OUT_DIR/karaf-$run.log"
    fi
    # The staff grants resync (60 s after start unless BENCH_CONFIG moves it) rewrites the bench accounts' grants.
    echo "  run from $started (UTC); $(grep -h 'Staff grants resynced' "$log" | sed -E 's/^.{11}(.{8}).*(Staff grants.*)/resync at \1: \2/' | head -1)"
    grep -h '| Lesson .* not found' "$log" | sed -E 's/^.{11}(.{8}).*\| (Lesson .*)/  404 at \1: \2/' || true
    echo "  rolled-back attempts: $(grep -c 'Beginning rollback' "$log" || true); entries failed every attempt: $(grep -c 'Lesson entry failed' "$log" || true)"
    grep -oE 'Caused by: [^ ]*SQLException: .*' "$log" | sed -E 's/prepstmnt [0-9]+ //; s/\{([A-Z]+ [A-Z]+ [a-z_]+).*\}/{\1 …}/' \
      | sort | uniq -c | sed 's/^/  cause: /' || true
  )
done
