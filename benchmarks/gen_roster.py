#!/usr/bin/env python3
"""Generates a native-template students CSV for the roster import benchmark.

usage: gen_roster.py STUDENTS GUARDIANS YEAR > students.csv
Deterministic (fixed seed). Students are spread evenly over grades 1-11 in classes of about 35
(letters А, Б, ...). Each student has their own family; the first (GUARDIANS - STUDENTS) families
have two guardians, the rest one, so the file holds exactly GUARDIANS guardians (GUARDIANS must lie
between STUDENTS and 2*STUDENTS). Mothers have an e-mail, fathers a phone only.
"""
import math
import random
import sys

students, guardians, year = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
if not students <= guardians <= 2 * students:
    sys.exit("GUARDIANS must be between STUDENTS and 2*STUDENTS")
rnd = random.Random(20261129)
surnames = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров",
            "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев"]
men = {"Александр": ("Александрович", "Александровна"), "Дмитрий": ("Дмитриевич", "Дмитриевна"),
       "Максим": ("Максимович", "Максимовна"), "Сергей": ("Сергеевич", "Сергеевна"), "Андрей": ("Андреевич", "Андреевна"),
       "Алексей": ("Алексеевич", "Алексеевна"), "Илья": ("Ильич", "Ильинична"), "Михаил": ("Михайлович", "Михайловна")}
women = ["Анастасия", "Мария", "Анна", "Виктория", "Екатерина", "Наталья", "Марина", "Полина", "Дарья", "Алиса"]
letters = "АБВГДЕЖИКЛМНОПРСТУФХЦЧШЭЮЯ"
per_grade = math.ceil(students / 11)
classes_per_grade = min(len(letters), math.ceil(per_grade / 35))
header = ["Код", "Фамилия", "Имя", "Отчество", "Дата рождения", "Пол", "Класс", "Дата зачисления", "Код представителя 1",
          "Представитель 1", "Кем приходится 1", "Телефон 1", "E-mail 1", "Без электронного доступа 1", "Код представителя 2",
          "Представитель 2", "Кем приходится 2", "Телефон 2", "E-mail 2", "Без электронного доступа 2"]
out = [";".join(header)]
two_parent = guardians - students
gid = 0
for i in range(students):
    grade = min(11, i // per_grade + 1)
    letter = letters[(i % per_grade) % classes_per_grade]
    surname = rnd.choice(surnames)
    father = rnd.choice(list(men))
    grandfather = men[rnd.choice(list(men))]
    male = rnd.random() < 0.5
    name = rnd.choice(list(men)) if male else rnd.choice(women)
    gid += 1
    mother = gid
    row = [f"B-{i:06d}", surname if male else surname + "а", name, men[father][0 if male else 1],
           f"{rnd.randint(1, 28):02d}.{rnd.randint(1, 12):02d}.{year - 6 - grade}", "М" if male else "Ж", f"{grade}{letter}", "",
           f"BG-{mother:06d}", f"{surname}а {rnd.choice(women)} {grandfather[1]}", "мать",
           f"+7 900 {mother // 10000:03d}-{mother // 100 % 100:02d}-{mother % 100:02d}", f"m{mother}@example.org", "нет"]
    if i < two_parent:
        gid += 1
        row += [f"BG-{gid:06d}", f"{surname} {father} {men[rnd.choice(list(men))][0]}", "отец",
                f"+7 901 {gid // 10000:03d}-{gid // 100 % 100:02d}-{gid % 100:02d}", "", "нет"]
    else:
        row += ["", "", "", "", "", ""]
    out.append(";".join(row))
sys.stdout.write("\n".join(out) + "\n")
sys.stderr.write(f"{students} students, {gid} guardians, {classes_per_grade * 11} classes\n")
