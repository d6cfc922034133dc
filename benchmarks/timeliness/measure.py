"""Times the control reports on the demo municipality (the demo school and its generated neighbours, see
benchmarks/timeliness.sh): journal-timeliness (CSV) of the demo school over the last four weeks, then the municipal
ranking and the school activity rating over all its schools, each several times after a warm-up; prints a Markdown
table."""
import datetime
import statistics
import sys
import time
import urllib.request
import json
import os

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from zhurnal_api import Api  # noqa: E402

base, password, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 5
api = Api(base)
token = api.login("admin", password)
school = api.demo_school(token)
schools = api.call("GET", "/schools", token)
municipality = next(s["municipalityId"] for s in schools if s["id"] == school)
count = sum(1 for s in schools if s["municipalityId"] == municipality)
to = datetime.date.today() - datetime.timedelta(days=1)
frm = to - datetime.timedelta(days=27)


def run(report, params):
    body = json.dumps({"format": "CSV", "parameters": params}).encode()
    req = urllib.request.Request(f"{base}/reports/{report}/run", data=body, method="POST")
    req.add_header("Content-Type", "application/json")
    req.add_header("Authorization", "Bearer " + token)
    t0 = time.perf_counter()
    with urllib.request.urlopen(req, timeout=600) as r:
        text = r.read().decode("utf-8-sig")
    return (time.perf_counter() - t0) * 1000, text


def timed(report, params):
    run(report, params)  # warm-up
    times, text = [], ""
    for _ in range(runs):
        ms, text = run(report, params)
        times.append(ms)
    return statistics.median(times), min(times), max(times), text


r = {"from": frm.isoformat(), "to": to.isoformat()}
school_ms = timed("journal-timeliness", {"schoolId": school, **r})
lessons = next((l.split(";")[1] for l in school_ms[3].splitlines() if l.startswith("Итого")), "?")
mun_ms = timed("journal-timeliness-municipal", {"municipalityId": municipality, **r})
rows = [l for l in mun_ms[3].splitlines() if l.count(";") >= 3]
rating_ms = timed("school-activity-rating", {"municipalityId": municipality, **r})
print(f"{count} schools; {frm} – {to}; the demo school held {lessons} lessons; {runs} runs each after a warm-up")
print()
print("| measure | median | min – max |")
print("|---|---|---|")
print(f"| journal-timeliness, one school, 4 weeks (CSV) | {school_ms[0]:.0f} ms | {school_ms[1]:.0f} – {school_ms[2]:.0f} ms |")
print(f"| journal-timeliness-municipal, {count} schools, 4 weeks (CSV) | {mun_ms[0]:.0f} ms | {mun_ms[1]:.0f} – {mun_ms[2]:.0f} ms |")
print(f"| school-activity-rating, {count} schools, 4 weeks (CSV) | {rating_ms[0]:.0f} ms | {rating_ms[1]:.0f} – {rating_ms[2]:.0f} ms |")
print()
print("The ranking's first lines:")
for line in mun_ms[3].splitlines()[:8]:
    print("    " + line)
