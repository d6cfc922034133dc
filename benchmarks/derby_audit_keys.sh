#!/usr/bin/env bash
# What the audit table's keys cost a lesson entry's append, on Derby alone (docs/benchmarks.md, Gradebook stop 28):
# benchmarks/derby/AuditKeys.java with the old keys (a primary key on the id `<chain>:<seq>` and a unique (chain_id, seq))
# and the new one (the primary key (chain_id, seq)), alternating, RUNS times each.
# Usage: benchmarks/derby_audit_keys.sh [runs] [preloaded rows] [transactions]   (defaults 2, 100000, 3000)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$(ls ~/.m2/repository/org/apache/derby/derby/10.14.2.0/derby-10.14.2.0.jar)
OUT=$(mktemp -d); trap 'rm -rf "$OUT"' EXIT
javac -d "$OUT" -cp "$JAR" benchmarks/derby/AuditKeys.java
for _ in $(seq 1 "${1:-2}"); do
  for keys in old new; do java -cp "$JAR:$OUT" AuditKeys $keys "${2:-100000}" "${3:-3000}"; done
done
