#!/usr/bin/env bash
# The SQL statements of one lesson entry (docs/benchmarks.md, Gradebook stop 28): on the demo school with Derby's statement
# log on (derby.language.logStatementText), 20 s of entries at 20/s (warm caches), an idle pause (the caches' entries
# expire meanwhile, as between two entries of a class on a quiet day), then one entry. Prints the entry's statements
# in order (the request thread's only; the dispatcher's and the sender's follow later) and how many read a single person.
# Usage: benchmarks/entry_statements.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
export BENCH_SYSTEM_PROPERTIES="${BENCH_SYSTEM_PROPERTIES:-} derby.language.logStatementText=true"
source benchmarks/distribution.sh
start_settled_gradebook
REQS=$WORK/entries.tsv RATE=20 THREADS=1 wrk -t1 -c2 -d20s --timeout 10s -s benchmarks/gradebook/entry.lua \
  http://127.0.0.1:${B#http://127.0.0.1:} | grep '^RESULT' | sed 's/^/warm-up: /'
wait_idle
LOG=$HOME_DIR/data/log/derby.log
before=$(wc -c < "$LOG")
head -1 "$WORK/entries.tsv" | (IFS=$'\t' read -r path token body; curl -s -o /dev/null -w "entry: HTTP %{http_code}\n" -X POST \
  -H "Authorization: Bearer $token" -H "Content-Type: application/json" -H "Idempotency-Key: statements-$$" -d "$body" "${B%/api/v1}$path")
sleep 1
# The request's thread is the one that ran the entry's INSERT INTO zh_g_request.
tail -c +$((before + 1)) "$LOG" > "$WORK/entry.log"
thread=$(grep -m1 "INSERT INTO zh_g_request" "$WORK/entry.log" | grep -oP 'Thread\[[^,]+')
grep -F "$thread," "$WORK/entry.log" | grep 'Executing' | sed -E 's/.*\(DRDAID = null\), Executing prepared statement: //' | cut -c1-150 \
  | awk '{print NR ". " $0}'
echo "statements of the entry: $(grep -F "$thread," "$WORK/entry.log" | grep -c 'Executing')"
echo "single-person reads: $(grep -F "$thread," "$WORK/entry.log" | grep 'Executing' | grep -c 'FROM zh_r_person t0 WHERE t0.id = ?' || true)"
