#!/usr/bin/env python3
"""Prepares the diary benchmark against a running Zhurnal with the demo school «Школа № 7».

Gives the guardians of PARENTS students (taken across all classes) a parent account each, then writes into OUT_DIR:
  weeks.tsv  one parent week view per line (path, token): a child of that parent, a week among the last eight;
  me.tsv     the same parents' GET /auth/me — the trivial JSON endpoint measured in the same run for comparison;
and prints the school id and a summary line.
Usage: prepare.py API_BASE_URL ADMIN_PASSWORD OUT_DIR [PARENTS]
"""
import datetime
import random
import sys
import os
import urllib.error

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from zhurnal_api import Api  # noqa: E402

BASE, ADMIN_PASSWORD, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
PARENTS = int(sys.argv[4]) if len(sys.argv) > 4 else 200
PASSWORD = "Bench-Parent-Passw0rd-1"


API = Api(BASE)
call, login = API.call, API.login


admin = login("admin", ADMIN_PASSWORD)
sid = API.demo_school(admin)
today = datetime.date.today()
year = today.year if today.month >= 9 else today.year - 1
rnd = random.Random(11)
students = []
for c in call("GET", "/roster/schools/%s/classes?year=%d" % (sid, year), admin):
    card = call("GET", "/roster/classes/" + c["id"], admin)
    students.extend(card["students"])
rnd.shuffle(students)
monday = today - datetime.timedelta(days=today.weekday())
weeks, me, made, used = [], [], 0, set()
for st in students:
    if made >= PARENTS:
        break
    guardians = [g["guardian"] for g in st["guardians"]]
    if not guardians:
        continue
    g = guardians[0]
    if g["id"] in used:
        continue  # a sibling's guardian: their account was made for the other child
    used.add(g["id"])
    login_name = "benchp" + g["id"][:8]
    try:
        call("POST", "/accounts", admin, {"login": login_name, "displayName": g["lastName"] + " " + g["firstName"],
                                          "personId": g["id"], "schoolId": sid,
                                          "grants": [{"role": "PARENT", "scope": {"type": "STUDENT", "id": st["student"]["id"]}}],
                                          "password": PASSWORD})
    except urllib.error.HTTPError as e:
        if e.code != 409:
            raise
    token = login(login_name, PASSWORD)
    made += 1
    for _ in range(4):
        week = monday - datetime.timedelta(weeks=rnd.randrange(8))
        weeks.append("/api/v1/diary/students/%s/week?date=%s\t%s" % (st["student"]["id"], week, token))
    me.append("/api/v1/auth/me\t%s" % token)
with open(OUT + "/weeks.tsv", "w") as f:
    f.write("\n".join(weeks) + "\n")
with open(OUT + "/me.tsv", "w") as f:
    f.write("\n".join(me) + "\n")
print(sid)
print("%d parents, %d students in the school, %d week requests in the pool" % (made, len(students), len(weeks)))
