#!/usr/bin/env python3
"""The API's CPU time per request along the read pipeline, steadier than req/s on a loaded machine.

    python3 bench/cpu.py [--rounds 2] [--duration 5] [--perf DIR] [TREE ...]   # TREE: a checkout published as bench/benchmark.py does

For each round and each tree in turn (so two trees alternate in the same minutes): creates the benchmark's
10 000-appointment data set, starts that tree's published API on it, and drives wrk (2 threads, 32 connections, --warmup
s, then --duration s) at `/health/live`, `GET /api/clinic/settings` and `GET /api/appointments/{id}` as the front
desk. Prints req/s and the API's CPU time (utime + stime from /proc/<pid>/stat) divided by the requests wrk counted.
With --perf DIR each measured run is also recorded by `perf record -g` (run with DOTNET_PerfMapEnabled=1 and
DOTNET_EnableWriteXorExecute=0 in the environment so .NET frames have names). The trees must already be published (bench/benchmark.py does it).
"""
import argparse, importlib.util, os, re, shutil, subprocess, sys, tempfile, urllib.parse, datetime as dt

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(tree):
    spec = importlib.util.spec_from_file_location(f"bench_{abs(hash(tree))}", os.path.join(tree, "bench", "benchmark.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(b, api, path, token, args, label, perf_dir):
    headers = [] if token is None else ["-H", f"Authorization: Bearer {token}"]
    command = ["wrk", "-t2", "-c32", "--latency", *headers, b.BASE + path]
    subprocess.run(command[:1] + [f"-d{args.warmup}s"] + command[1:], check=True, capture_output=True)
    recorder = None
    if perf_dir:
        recorder = subprocess.Popen(["perf", "record", "-g", "-F", "999", "-p", str(api.pid), "-o", os.path.join(perf_dir, f"{label}.data")],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    before = cpu_seconds(api.pid)
    out = subprocess.run(command[:1] + [f"-d{args.duration}s"] + command[1:], check=True, capture_output=True, text=True).stdout
    used = cpu_seconds(api.pid) - before
    if recorder:
        recorder.send_signal(2)
        recorder.wait()
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return rps, 1000 * used / max(requests, 1), errors


def run_tree(tree, args, round_number):
    b = load(tree)
    b.PUBLISHED = os.path.join(tree, "src", "Api", "bin", "Release", "net10.0", "linux-x64", "publish")
    work = tempfile.mkdtemp(prefix="clinichip-cpu-")
    key = b.new_signing_key()
    try:
        target = b.SqliteTarget(work, 10000)
        api, _ = b.start_api(target, key)
        api.terminate(); api.wait()
        b.generate(target.store(), 10000)
        api, _ = b.start_api(target, key)
        try:
            desk = b.http("POST", "/api/auth/token", {"email": "riley.brooks@clinichip.example", "password": "Demo-Passw0rd!"})["accessToken"]
            clinician = b.http("GET", "/api/clinicians", token=desk)[0]["id"]
            since = urllib.parse.quote((dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=3)).isoformat())
            appointment = b.http("GET", f"/api/appointments?clinicianId={clinician}&from={since}&pageSize=1", token=desk)["items"][0]["id"]
            perf_dir = None
            if args.perf:
                perf_dir = os.path.join(args.perf, f"{os.path.basename(os.path.normpath(tree))}-{round_number}")
                os.makedirs(perf_dir, exist_ok=True)
            rows = [("/health/live", *measure(b, api, "/health/live", None, args, "live", perf_dir)),
                    ("settings", *measure(b, api, "/api/clinic/settings", desk, args, "settings", perf_dir)),
                    ("GET one", *measure(b, api, f"/api/appointments/{appointment}", desk, args, "get", perf_dir))]
        finally:
            api.terminate(); api.wait()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load_average = open("/proc/loadavg").read().split()[0]
    for label, rps, cpu, errors in rows:
        print(f"{tree} round {round_number} (load {load_average}): {label:13} {rps:8.0f} req/s  {cpu:6.3f} ms CPU/request  errors {errors}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("trees", nargs="*", default=[HERE])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=5, help="seconds of each path run first and discarded: the JIT tiers it up")
    parser.add_argument("--perf", help="a folder for perf record's files, one per tree, round and scenario")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed (bench/benchmark.py installs it).")
    for round_number in range(1, args.rounds + 1):
        for tree in args.trees:
            run_tree(os.path.abspath(tree), args, round_number)


if __name__ == "__main__":
    main()
