#!/usr/bin/env python3
"""Prepares the gradebook benchmark against a running Zhurnal with the demo school «Школа № 7».

Gives every teacher with lessons in the last two weeks a password account, then writes into OUT_DIR:
  entries.tsv  one bulk lesson entry per line (path, token, JSON): a past lesson of that teacher with topic,
               homework, two absences and marks for eight of its ~28 students — what a teacher enters for a lesson;
  grids.tsv    one journal-grid request per line (path, token): a class's subject over the current quarter.
Usage: prepare.py API_BASE_URL ADMIN_PASSWORD OUT_DIR
"""
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
since, until = max(today - datetime.timedelta(days=14), datetime.date.fromisoformat(quarter["start"])), today - datetime.timedelta(days=1)
rnd = random.Random(7)
entries, grids = [], {}
for person in call("GET", "/roster/schools/%s/staff" % sid, admin):
    lessons = [l for l in call("GET", "/timetable/teachers/%s/lessons?from=%s&to=%s" % (person["id"], since, until), admin)
               if l["status"] != "CANCELLED"]
    if not lessons:
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
    for l in lessons[:15]:
        view = call("GET", "/gradebook/lessons/" + urllib.parse.quote(l["occurrenceId"]), token)
        students = [s["id"] for s in view["students"]]
        if not view["schemeInstalled"] or len(students) < 10:
            continue
        absent = rnd.sample(students, 2)
        marked = rnd.sample([s for s in students if s not in absent], 8)
        body = {"topic": "Повторение пройденного", "homework": "§ 12, упр. 5",
                "attendance": [{"studentId": a, "code": "б"} for a in absent],
                "marks": [{"studentId": s, "value": rnd.choice(["5", "4", "4", "3", "5-"]), "workType": "ORAL"} for s in marked]}
        entries.append("\t".join(["/api/v1/gradebook/lessons/" + urllib.parse.quote(l["occurrenceId"]), token,
                                  json.dumps(body, ensure_ascii=False)]))
        if l.get("classId"):
            grids[(l["classId"], l["subject"])] = "/api/v1/gradebook/journal?classId=%s&subject=%s&from=%s&to=%s\t%s" % (
                l["classId"], urllib.parse.quote(l["subject"]), quarter["start"], quarter["end"], token)
with open(OUT + "/entries.tsv", "w") as f:
    f.write("\n".join(entries) + "\n")
with open(OUT + "/grids.tsv", "w") as f:
    f.write("\n".join(grids.values()) + "\n")
print("%d lesson entries, %d journal grids (%s %s – %s)" % (len(entries), len(grids), quarter["name"], quarter["start"], quarter["end"]))
