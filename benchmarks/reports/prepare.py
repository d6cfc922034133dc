"""Prints the demo school's id, the academic year of its classes, its class count and student count, one a line."""
import sys

sys.path.insert(0, __file__.rsplit("/", 2)[0])
from zhurnal_api import Api  # noqa: E402

base, password = sys.argv[1], sys.argv[2]
api = Api(base)
token = api.login("admin", password)
school = api.demo_school(token)
classes = api.call("GET", "/roster/schools/%s/classes" % school, token)
print(school)
print(classes[0]["academicYear"])
print(len(classes))
print(sum(c["studentCount"] for c in classes))
