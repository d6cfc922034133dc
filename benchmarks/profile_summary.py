#!/usr/bin/env python3
"""Summarises an async-profiler profile in collapsed form (benchmarks/entry_profile.sh writes them): the share of the
samples per thread group (when the profile has thread frames) and per Zhurnal call site (the innermost two Zhurnal
frames of each stack; lambdas are skipped).
Usage: profile_summary.py PROFILE [LINES]"""
import collections
import re
import sys

path = sys.argv[1]
lines = int(sys.argv[2]) if len(sys.argv) > 2 else 15
total = 0
threads = collections.Counter()
sites = collections.Counter()
for line in open(path):
    stack, count = line.rstrip().rsplit(" ", 1)
    count = int(count)
    total += count
    frames = stack.split(";")
    if frames[0].startswith("["):
        # "[qtp1788892030-393 tid=1234]" -> "qtp1788892030": pool threads grouped by their name without the number
        threads[re.sub(r"[-#_ ]?\d* tid=\d+\]$", "", frames[0]).lstrip("[")] += count
    ours = [f.split("(")[0].replace("org/zhurnal/", "") for f in frames if f.startswith("org/zhurnal") and "ambda" not in f]
    sites[" > ".join(ours[-2:]) if ours else "(no Zhurnal frame)"] += count
print(f"{total} samples")
if threads:
    print("by thread:")
    for name, n in threads.most_common(lines):
        print(f"  {100 * n / total:6.2f} %  {name}")
print("by Zhurnal call site:")
for name, n in sites.most_common(lines):
    print(f"  {100 * n / total:6.2f} %  {name}")
