#!/usr/bin/env python3
"""Prepares the gradebook benchmark against a running Zhurnal with the demo school «Школа № 7».

Gives every teacher with lessons this academic year a password account, then writes into OUT_DIR:
  entries.tsv  one bulk lesson entry per line (path, token, JSON) for every held lesson of the year up to yesterday
               (the demo's half-year, ≈ 12 000 lessons): topic, homework, two absences and marks for eight of its
               ~28 students — what a teacher enters for a lesson. Spread over the whole journal, a benchmark run adds a
               few marks to a lesson; over a few hundred lessons (as before stop 18) it piled hundreds of marks onto each,
               which no class has, and the answer (the lesson with all its marks) grew with every run;
  grids.tsv    one journal-grid request per line (path, token): a class's subject over the current quarter.
Usage: prepare.py API_BASE_URL ADMIN_PASSWORD OUT_DIR
"""
import concurrent.futures
import datetime
import json
import random
import sys
import os
import urllib.error
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from zhurnal_api import Api  # noqa: E402

BASE, ADMIN_PASSWORD, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
PASSWORD = "Bench-Teacher-Passw0rd-1"


API = Api(BASE)
call, login = API.call, API.login


admin = login("admin", ADMIN_PASSWORD)
sid = API.demo_school(admin)
today = datetime.date.today()
year = today.year if today.month >= 9 else today.year - 1
calendar = call("GET", "/calendar/schools/%s/years/%d" % (sid, year), admin)
quarter = next(p for p in calendar["periods"] if 5 in p["grades"] and p["start"] <= str(today) <= p["end"])
first = min(p["start"] for p in calendar["periods"])
since, until = datetime.date.fromisoformat(first), today - datetime.timedelta(days=1)
rnd = random.Random(7)
lessons = []  # (occurrence, token)
grids = {}
for person in call("GET", "/roster/schools/%s/staff" % sid, admin):
    mine = [l for l in call("GET", "/timetable/teachers/%s/lessons?from=%s&to=%s" % (person["id"], since, until), admin)
            if l["status"] != "CANCELLED"]
    if not mine:
        continue
    login_name = "bench" + person["id"][:8]
    try:
        call("POST", "/accounts", admin, {"login": login_name, "displayName": person["lastName"] + " " + person["firstName"],
                                          "personId": person["id"], "schoolId": sid,
                                          "grants": [{"role": "TEACHER", "scope": {"type": "SCHOOL", "id": sid}}],
                                          "password": PASSWORD})
    except urllib.error.HTTPError as e:
        if e.code != 409:
            raise
    token = login(login_name, PASSWORD)
    for l in mine:
        lessons.append((l, token))
        if l.get("classId") and l["date"] >= quarter["start"]:
            grids[(l["classId"], l["subject"])] = "/api/v1/gradebook/journal?classId=%s&subject=%s&from=%s&to=%s\t%s" % (
                l["classId"], urllib.parse.quote(l["subject"]), quarter["start"], quarter["end"], token)


def students_of(item):
    l, token = item
    view = call("GET", "/gradebook/lessons/" + urllib.parse.quote(l["occurrenceId"]), token)
    return [s["id"] for s in view["students"]] if view["schemeInstalled"] else []


entries = []
with concurrent.futures.ThreadPoolExecutor(4) as pool:
    for (l, token), students in zip(lessons, pool.map(students_of, lessons)):
        if len(students) < 10:
            continue
        absent = rnd.sample(students, 2)
        marked = rnd.sample([s for s in students if s not in absent], 8)
        body = {"topic": "Повторение пройденного", "homework": "§ 12, упр. 5",
                "attendance": [{"studentId": a, "code": "б"} for a in absent],
                "marks": [{"studentId": s, "value": rnd.choice(["5", "4", "4", "3", "5-"]), "workType": "ORAL"} for s in marked]}
        entries.append("\t".join(["/api/v1/gradebook/lessons/" + urllib.parse.quote(l["occurrenceId"]), token,
                                   json.dumps(body, ensure_ascii=False)]))
with open(OUT + "/entries.tsv", "w") as f:
    f.write("\n".join(entries) + "\n")
with open(OUT + "/grids.tsv", "w") as f:
    f.write("\n".join(grids.values()) + "\n")
print("%d lesson entries (lessons %s – %s), %d journal grids (%s %s – %s)" % (len(entries), since, until, len(grids), quarter["name"],
                                                                    quarter["start"], quarter["end"]))
