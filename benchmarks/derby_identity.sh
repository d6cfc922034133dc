#!/usr/bin/env bash
# Derby's identity column under concurrent writers (docs/benchmarks.md, Gradebook stop 27): eight threads, 300
# transactions each, inserting 1–20 rows into a table with an identity column, the row values numbered by Derby
# ("implicit") or by the application ("explicit"). Prints the committed and failed transactions by SQLState.
# Usage: benchmarks/derby_identity.sh [preallocated range ...]   (default 5 100 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$(ls ~/.m2/repository/org/apache/derby/derby/10.14.2.0/derby-10.14.2.0.jar)
OUT=$(mktemp -d); trap 'rm -rf "$OUT"' EXIT
mkdir -p target
javac -d "$OUT" -cp "$JAR" benchmarks/derby/IdentityContention.java
RANGES=("$@"); [ ${#RANGES[@]} -gt 0 ] || RANGES=(5 100 10000)
for range in "${RANGES[@]}"; do
  for mode in implicit explicit; do java -cp "$JAR:$OUT" IdentityContention $range $mode; done
done
