"""Times the control reports on the demo school: journal-timeliness (CSV) over the last four weeks and the
municipal ranking of the demo municipality, each several times; prints a Markdown table and the estimate for
50 schools of the demo school's size (the ranking reads each school's timeliness on its own)."""
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
municipality = next(s["municipalityId"] for s in api.call("GET", "/schools", token) if s["id"] == school)
to = datetime.date.today()
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
print(f"Demo school, {frm} – {to}: {lessons} lessons held; {runs} runs each after a warm-up")
print()
print("| measure | median | min – max |")
print("|---|---|---|")
print(f"| journal-timeliness, one school, 4 weeks (CSV) | {school_ms[0]:.0f} ms | {school_ms[1]:.0f} – {school_ms[2]:.0f} ms |")
print(f"| journal-timeliness-municipal, 1 school (CSV) | {mun_ms[0]:.0f} ms | {mun_ms[1]:.0f} – {mun_ms[2]:.0f} ms |")
print(f"| estimate for 50 such schools (50 × the municipal run) | {50 * mun_ms[0] / 1000:.1f} s | |")
