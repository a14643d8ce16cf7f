#!/usr/bin/env python3
"""Drives Setka's key pages with wrk and prints requests/s, p50 and p99 per page (issue 20).

Called by scripts/bench-pages with a running server; standard library only. Signs each role in through the login
form (its session cookie then goes to wrk), finds the ids of a group and a student through the API with the
coordinator's token, and runs wrk for every page at each connection count. Asserts nothing about speed.
"""

import argparse
import http.cookiejar
import json
import re
import subprocess
import sys
import urllib.parse
import time
import urllib.request

PASSWORD = "setka-demo"
ROLES = ["admin", "kmc", "metod", "centre1", "teacher1", "school1", "student1", "parent1"]


def sign_in(base, login):
    """The session cookie of `login`, signed in through the login form as a browser does."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(base + "/login").read().decode()
    fields = {"username": login, "password": PASSWORD}
    csrf = re.search(r'name="_csrf" value="([^"]+)"', form)
    if csrf:
        fields["_csrf"] = csrf.group(1)
    answer = opener.open(base + "/login", urllib.parse.urlencode(fields).encode())
    if urllib.parse.urlparse(answer.geturl()).path == "/login":
        sys.exit(f"cannot sign in as {login}")
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def api_token(base, login):
    body = json.dumps({"username": login, "password": PASSWORD}).encode()
    request = urllib.request.Request(
        base + "/api/v1/auth/token", body, {"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request))["token"]


def api_first(base, token, path):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    items = json.load(urllib.request.urlopen(request))["items"]
    if not items:
        sys.exit(f"{path} returned no items: is the database generated?")
    return items[0]


def check(base, path, headers):
    """Every benchmarked page must answer 200 before it is measured: a fast error page measures nothing."""
    request = urllib.request.Request(base + path, headers=headers)
    try:
        status = urllib.request.urlopen(request).status
    except urllib.error.HTTPError as error:
        status = error.code
    if status != 200:
        sys.exit(f"{path} answered {status} before the benchmark")


def quiet(base, limit=60):
    """Waits until the server has worked off the previous cell: wrk's closed connections leave their requests queued in
    the server, and a cell started then measures the backlog (cells of 0 requests/s). Quiet is /health answering within
    20 ms three times running, or `limit` seconds."""
    start, calm = time.time(), 0
    while calm < 3 and time.time() - start < limit:
        t = time.time()
        try:
            urllib.request.urlopen(base + "/health", timeout=10).read()
        except Exception:
            pass
        calm = calm + 1 if time.time() - t < 0.02 else 0
        time.sleep(0.2)


def wrk(base, path, headers, connections, seconds):
    command = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run(command + [base + path], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def percentile(p):
        match = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = int(bad.group(1)) if bad else 0
    errors += sum(int(x) for x in socket.groups()) if socket else 0
    return rate, percentile(50), percentile(99), errors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--connections", default="64,200")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--only", default="", help="benchmark only pages whose name contains this")
    args = parser.parse_args()
    base = args.url.rstrip("/")

    cookies = {role: sign_in(base, role) for role in ROLES}
    token = api_token(base, "kmc")
    group = api_first(base, token, "/api/v1/groups?per=1")["id"]
    student = api_first(base, token, "/api/v1/students?per=1")
    word = student["surname"][:4]
    stage = api_first(base, token, "/api/v1/olympiad-stages?per=1")["id"]
    plan = api_first(base, token, "/api/v1/plans?per=1")["id"]
    campaign = api_first(base, token, "/api/v1/report-campaigns?per=1&dir=desc")["id"]
    program = api_first(base, token, "/api/v1/activity-programs?per=1&status=agreed")["id"]
    assignment = api_first(base, token, "/api/v1/assignments?per=1")["id"]
    note = api_first(base, token, "/api/v1/analytic-notes?per=1")["id"]
    meeting = api_first(base, token, "/api/v1/meetings?per=1&status=held")["id"]
    event = api_first(base, token, "/api/v1/events?per=1&when=past&audience=students")["id"]
    teacher = api_first(base, token, "/api/v1/professional-development?per=1&state=done")["teacherId"]
    award = api_first(base, token, "/api/v1/awards?per=1")["id"]
    budget_line = api_first(base, token, "/api/v1/budget-lines?per=1&kind=events")["id"]

    def page(role):
        return {"Cookie": cookies[role]}

    bearer = {"Authorization": "Bearer " + token}
    pages = [
        ("catalogue (public)", "/catalog", {}),
        ("monthly schedule (public)", "/schedule", {}),
        ("monthly schedule XLSX", "/schedule.xlsx", {}),
        ("groups list", "/groups", page("kmc")),
        ("groups search", "/groups?q=" + urllib.parse.quote("Информатика"), page("kmc")),
        ("a group", f"/groups/{group}", page("kmc")),
        ("a group's journal", f"/groups/{group}/register", page("kmc")),
        ("students search", "/students?q=" + urllib.parse.quote(word), page("kmc")),
        ("a student card", f"/students/{student['id']}", page("kmc")),
        ("achievements list", "/achievements", page("kmc")),
        ("achievements of a school", "/achievements", page("school1")),
        ("olympiad stages list", "/olympiad-stages", page("metod")),
        ("gifted databank", "/gifted", page("kmc")),
        ("support measures", "/support", page("kmc")),
        ("support candidates", "/support/candidates", page("kmc")),
        ("individual routes", "/routes", page("kmc")),
        ("talent statistics", "/talent-statistics", page("kmc")),
        ("gifted databank XLSX", "/gifted.xlsx", page("kmc")),
        ("olympiad stage rating", f"/olympiad-stages/{stage}/rating", page("metod")),
        ("olympiad stage invited", f"/olympiad-stages/{stage}/invited", page("metod")),
        ("plans side by side", "/plans", page("kmc")),
        ("a plan", f"/plans/{plan}", page("kmc")),
        ("report campaign", f"/report-campaigns/{campaign}", page("kmc")),
        ("consolidated report", f"/report-campaigns/{campaign}/consolidated", page("kmc")),
        ("activity programmes", "/activity-programs", page("kmc")),
        ("an activity programme", f"/activity-programs/{program}", page("kmc")),
        ("technical assignments", "/assignments", page("kmc")),
        ("a technical assignment", f"/assignments/{assignment}", page("kmc")),
        ("analytic notes", "/analytic-notes", page("kmc")),
        ("an analytic note", f"/analytic-notes/{note}", page("kmc")),
        ("KMC meetings", "/meetings", page("kmc")),
        ("a KMC meeting", f"/meetings/{meeting}", page("kmc")),
        ("report forms", "/report-forms", page("kmc")),
        ("events", "/events", page("kmc")),
        ("consolidated plan of events", "/events/plan", page("kmc")),
        ("an event's participants", f"/events/{event}/registrations", page("kmc")),
        ("public calendar", "/calendar", {}),
        ("public calendar iCal", "/calendar.ics", {}),
        ("a teacher's card", f"/staff/{teacher}", page("kmc")),
        ("professional development", "/professional-development", page("kmc")),
        ("PD: who is due", "/professional-development/due", page("kmc")),
        ("teachers' awards round", f"/awards/{award}", page("kmc")),
        ("programme budget", "/budget-lines", page("admin")),
        ("a budget line", f"/budget-lines/{budget_line}", page("admin")),
    ]
    pages += [(f"start page: {role}", "/", page(role)) for role in ROLES]
    pages += [
        ("API groups", "/api/v1/groups?per=50", bearer),
        ("API students", "/api/v1/students?per=50", bearer),
        ("API applications", "/api/v1/applications?per=50", bearer),
        ("API lessons", "/api/v1/lessons?per=50", bearer),
        ("API a group's attendance", f"/api/v1/attendance?group={group}", bearer),
        ("API achievements", "/api/v1/achievements?per=50", bearer),
        ("API olympiad results", f"/api/v1/olympiad-stages/{stage}/results?per=50", bearer),
        ("API gifted students", "/api/v1/gifted-students?per=50", bearer),
        ("API support measures", "/api/v1/support-measures?per=50", bearer),
        ("API individual routes", "/api/v1/individual-routes?per=50", bearer),
        ("API plan items", "/api/v1/plan-items?per=50", bearer),
        ("API reports", "/api/v1/reports?per=50", bearer),
        ("API activity programmes", "/api/v1/activity-programs?per=50", bearer),
        ("API technical assignments", "/api/v1/assignments?per=50", bearer),
        ("API analytic notes", "/api/v1/analytic-notes?per=50", bearer),
        ("API KMC meetings", "/api/v1/meetings?per=50", bearer),
        ("API events", "/api/v1/events?per=50", bearer),
        ("API a teacher", f"/api/v1/teachers/{teacher}", bearer),
        ("API professional development", "/api/v1/professional-development?per=50", bearer),
        ("API awards", "/api/v1/awards?per=50", bearer),
        ("API budget lines", "/api/v1/budget-lines?per=50", bearer),
    ]
    pages = [p for p in pages if args.only in p[0]]
    for _, path, headers in pages:
        check(base, path, headers)

    connections = [int(c) for c in args.connections.split(",")]
    header = f"{'page':30} " + " ".join(
        f"{'req/s @' + str(c):>12} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}" for c in connections)
    print(header)
    print("-" * len(header))
    for name, path, headers in pages:
        cells = []
        for c in connections:
            quiet(base)
            rate, p50, p99, errors = wrk(base, path, headers, c, args.seconds)
            cells.append(f"{rate:12.0f} {p50:8.1f} {p99:8.1f} {errors:6d}")
        print(f"{name:30} " + " ".join(cells), flush=True)


if __name__ == "__main__":
    main()
