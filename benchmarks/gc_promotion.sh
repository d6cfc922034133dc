#!/usr/bin/env bash
# What a load of lesson entries promotes into the old generation: on the demo school (as benchmarks/gradebook.sh, SMTP
# sink included), warms up with 100 entries/s for 40 s, waits until the server is idle, then offers RATE entries/s
# (default 250) for SECONDS (default 20) with the collector's heap log switched on (jcmd VM.log gc+heap=debug), and
# prints the young and full collections of that run and the old generation's growth summed over the young ones.
# BENCH_UNSET_PROPERTIES / BENCH_SYSTEM_PROPERTIES compare a setting: BENCH_UNSET_PROPERTIES=derby.storage.pageSize
# measures Derby's default page sizes (4 KiB, 32 KiB for tables with a long column) instead of the distribution's one size.
# With TOP > 0 it also says which classes those promoted objects are: a full collection before the paced run (so the old
# generation holds only live objects), the idle after it, then a class histogram of every object in the heap
# (jcmd GC.class_histogram -all, unreachable ones included) and one of the live objects (which runs a full collection).
# Their difference per class is what died since the first full collection — what was promoted and died, plus whatever
# the young generation held at that moment (its occupancy is printed) — and the TOP largest classes are printed. A full
# collection during the run or the idle would have freed part of it; the count of full collections says so.
# Usage: benchmarks/gc_promotion.sh [rate] [seconds] [top]   (top defaults to 0: no histograms)
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-250}
SECS=${2:-20}
TOP=${3:-0}
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
source benchmarks/distribution.sh
start_settled_gradebook
entries() { # rate, seconds, connections
  REQS=$WORK/entries.tsv RATE=$1 THREADS=2 wrk -t2 -c"$3" -d"$2"s --timeout 10s -s benchmarks/gradebook/entry.lua \
    http://127.0.0.1:${B#http://127.0.0.1:} | grep '^RESULT'
}
entries 100 40 16 >/dev/null
wait_idle
[ "$TOP" -gt 0 ] && jcmd "$PID" GC.run >/dev/null
jcmd "$PID" VM.log output="$WORK/gc.log" what=gc+heap=debug,gc=info decorators=uptime >/dev/null
OUT=$(entries "$RATE" "$SECS" 32)
[ "$TOP" -gt 0 ] && wait_idle
jcmd "$PID" VM.log disable >/dev/null
echo "$OUT"
python3 - "$WORK/gc.log" <<'PY'
import re, sys
lines = open(sys.argv[1]).read().splitlines()
old = {}
for l in lines:
    m = re.search(r'GC\((\d+)\)\s+tenured generation\s+total \d+K, used (\d+)K', l)
    if m:
        old.setdefault(int(m.group(1)), []).append(int(m.group(2)))
young = {int(m.group(1)) for l in lines for m in [re.search(r'GC\((\d+)\) Pause Young', l)] if m}
full = {int(m.group(1)) for l in lines for m in [re.search(r'GC\((\d+)\) Pause Full', l)] if m}
t = [float(m.group(1)) for l in lines for m in [re.search(r'^\[([\d.]+)s\]', l)] if m]
promoted = sum(v[1] - v[0] for k, v in old.items() if k in young and len(v) >= 2) / 1024
span = t[-1] - t[0] if len(t) > 1 else 0
print(f"young collections {len(young)}, full collections {len(full)}, promoted {promoted:.1f} MB in {span:.1f} s"
      + (f" = {promoted / span:.2f} MB/s" if span else ""))
PY
[ "$TOP" -gt 0 ] || exit 0
echo "RSS: $(( $(ps -o rss= -p "$PID") / 1024 )) MiB"
jcmd "$PID" GC.heap_info | grep -E "eden space|tenured generation" | sed 's/^ */heap: /'
jcmd "$PID" GC.class_histogram -all > "$WORK/all.txt"
jcmd "$PID" GC.class_histogram > "$WORK/live.txt"
python3 - "$WORK/all.txt" "$WORK/live.txt" "$TOP" <<'PY'
import re, sys
def hist(path):
    out = {}
    for l in open(path):
        m = re.match(r'\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)', l)
        if m:
            out[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return out
a, b = hist(sys.argv[1]), hist(sys.argv[2])
dead = {k: (a[k][0] - b.get(k, (0, 0))[0], a[k][1] - b.get(k, (0, 0))[1]) for k in a}
total = sum(v[1] for v in dead.values())
print(f"dead objects in the heap: {total / 1048576:.1f} MiB; live after the full collection: "
      f"{sum(v[1] for v in b.values()) / 1048576:.1f} MiB")
print(f"{'MiB dead':>9} {'share':>6} {'objects':>9}  class")
for k, (n, size) in sorted(dead.items(), key=lambda kv: -kv[1][1])[:int(sys.argv[3])]:
    print(f"{size / 1048576:9.2f} {100 * size / total:5.1f}% {n:9d}  {k}")
PY
