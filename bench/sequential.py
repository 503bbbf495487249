#!/usr/bin/env python3
"""Availability one request at a time: latency and the API's CPU time per request, on a loaded machine steadier than wrk.

    python3 bench/sequential.py [TREE]    # TREE: a checkout whose API is built in Release (default: this one)

Creates the benchmark's 10 000-appointment data set (bench/benchmark.py), starts that tree's API on it, asks the
benchmark's availability question 200 times to warm up, then 300 times timed, and prints p50, p90, the maximum, the
answer's size and the API's CPU time per request (from /proc/<pid>/stat); then the same for the answer by clinician and
day, where the tree serves it; then both again (the second round is past the JIT's tiering on a loaded machine).
"""
import importlib.util, os, sys, tempfile, shutil, time, urllib.parse, urllib.error, datetime as dt, urllib.request, json
root = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("bench", os.path.join(root, "bench", "benchmark.py"))
b = importlib.util.module_from_spec(spec); spec.loader.exec_module(b)
work = tempfile.mkdtemp(prefix="clinichip-sequential-")
key = b.new_signing_key()
try:
    target = b.SqliteTarget(work, 10000)
    api, _ = b.start_api(target, key); api.terminate(); api.wait()
    b.generate(target.store(), 10000)
    api, _ = b.start_api(target, key)
    try:
        token = b.http("POST", "/api/auth/token", {"email": "jordan.lee@clinichip.example", "password": "Demo-Passw0rd!"})["accessToken"]
        desk = b.http("POST", "/api/auth/token", {"email": "riley.brooks@clinichip.example", "password": "Demo-Passw0rd!"})["accessToken"]
        follow_up = next(t["id"] for t in b.http("GET", "/api/appointment-types", token=desk) if t["name"] == "Follow-up")
        today = dt.datetime.now(dt.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
        window = urllib.parse.urlencode({"appointmentTypeId": follow_up, "from": (today + dt.timedelta(days=1)).isoformat(), "to": (today + dt.timedelta(days=15)).isoformat()})
        def one(path):
            req = urllib.request.Request(b.BASE + path); req.add_header("Authorization", f"Bearer {token}")
            t = time.perf_counter(); body = urllib.request.urlopen(req, timeout=60).read(); return time.perf_counter() - t, body
        def cpu():
            f = open(f"/proc/{api.pid}/stat").read().rsplit(")", 1)[1].split(); return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
        # The slot-by-slot answer, and the one by clinician and day where the tree serves it (ADR 0036); twice, as on a
        # loaded machine the first round still pays for the JIT tiering the code up.
        questions = [("availability", "/api/availability?" + window), ("by clinician and day", "/api/availability/by-clinician-day?" + window)]
        for turn, (name, path) in [(t, q) for t in (1, 2) for q in questions]:
            try:
                _, body = one(path)
            except urllib.error.HTTPError:
                if turn == 1:
                    print(f"{root}: {name}: not served")
                continue
            answer = json.loads(body)
            slots = sum(len(g["starts"]) for g in answer) if answer and "starts" in answer[0] else len(answer)
            for _ in range(200): one(path)
            c0 = cpu(); times = []
            for _ in range(300):
                t, body = one(path); times.append(t)
            c1 = cpu(); times.sort()
            print(f"{root}: round {turn}, {name}: {len(body)} bytes, {slots} slots; "
                  f"sequential p50 {1000*times[150]:.1f} ms, p90 {1000*times[270]:.1f} ms, max {1000*times[-1]:.1f} ms; API CPU {1000*(c1-c0)/300:.2f} ms per request")
    finally:
        api.terminate(); api.wait()
finally:
    shutil.rmtree(work, ignore_errors=True)
