#!/usr/bin/env bash
# What the JIT and the collector do under a steady journal load (docs/benchmarks.md, Gradebook stop 23): on the demo
# school (as benchmarks/gradebook.sh, SMTP sink included), RUNS runs (default 4) of 20 s at 100 entries/s, each printed
# with its latency, the Derby plan classes loaded during it (one per statement compilation), the reflection accessors
# the JVM generated, the full collections (and their pauses), and the young collections after which the tenuring
# threshold was 1 (what survived one young collection was promoted). The logs are switched on for each run with
# jcmd VM.log. EXTRA_JAVA_OPTS replaces the distribution's JVM options (bin/setenv), to compare a collector setting.
# Usage: benchmarks/plans_gc.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-4}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
source benchmarks/distribution.sh
start_settled_gradebook
echo "JVM options: $(tr '\0' ' ' < /proc/"$PID"/cmdline | grep -oE -- '-XX:[^ ]+|-Xm[xs][^ ]+' | tr '\n' ' ')"
echo
echo "| run | entries at 100/s offered | Derby plan classes | reflection accessors | full collections (pause) | young collections with tenuring threshold 1 |"
echo "|---|---|---|---|---|---|"
for run in $(seq 1 "$RUNS"); do
  jcmd "$PID" VM.log output="file=$WORK/classes-$run.log" what=class+load=info >/dev/null
  jcmd "$PID" VM.log output="file=$WORK/gc-$run.log" what=gc=info,gc+age=debug >/dev/null
  R=$(REQS=$WORK/entries.tsv RATE=100 THREADS=2 wrk -t2 -c16 -d20s --timeout 10s -s benchmarks/gradebook/entry.lua \
    http://127.0.0.1:${B#http://127.0.0.1:} | grep '^RESULT' \
    | sed -E 's/RESULT requests=([0-9]+) errors_status=([0-9]+) errors_other=([0-9]+) rps=([0-9.]+) p50=([0-9.]+) p99=([0-9.]+) max=([0-9.]+)/p50 \5 ms, p99 \6 ms, max \7 ms; \2 non-2xx/')
  jcmd "$PID" VM.log disable >/dev/null
  FULL=$(grep 'Pause Full' "$WORK/gc-$run.log" | grep -oE '[0-9.]+ms$' | paste -sd ' ' || true)
  echo "| $run | $R | $(grep -c 'org.apache.derby.exe' "$WORK/classes-$run.log" || true) | $(grep -c 'jdk.internal.reflect.Generated' "$WORK/classes-$run.log" || true) | $(grep -c 'Pause Full' "$WORK/gc-$run.log" || true) ${FULL:+($FULL)} | $(grep -c 'new threshold 1 ' "$WORK/gc-$run.log" || true) of $(grep -c 'new threshold' "$WORK/gc-$run.log" || true) |"
done
