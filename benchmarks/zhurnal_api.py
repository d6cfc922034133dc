"""A minimal client of the Zhurnal REST API for the benchmark preparation scripts."""
import json
import urllib.request


class Api:
    def __init__(self, base):
        self.base = base

    def call(self, method, path, token=None, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", "Bearer " + token)
        with urllib.request.urlopen(req, timeout=300) as r:
            raw = r.read()
            return json.loads(raw) if raw else None

    def login(self, user, password):
        return self.call("POST", "/auth/login", body={"login": user, "password": password})["token"]

    def demo_school(self, token):
        """The id of the demo school «Школа № 7»."""
        return next(s["id"] for s in self.call("GET", "/schools", token) if s["shortName"] == "Школа № 7")
