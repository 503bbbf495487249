#!/usr/bin/env python3
"""ClinicHip benchmark: a clinic group's data set, real HTTP load with wrk, figures printed.

    python3 bench/benchmark.py                     # 10 000 and 1 000 000 appointments
    python3 bench/benchmark.py --sizes 100000      # other sizes; --duration 10 --connections 32

Builds the API in Release, creates each data set straight into a fresh SQLite database (20 clinicians, 50 000
patients, appointments with their diary cells over two years, intake forms for a share of them), starts the API on
it and drives wrk (installed from Debian if missing) against it on this machine. For each scenario it prints
requests/s, p50 and p99 latency, errors, and the ratio to the ceiling (GET /health/live measured the same way),
then the API's peak memory, its start-up time on the existing database, and how latency grows with the data.
Standard library only, plus wrk.
"""
import argparse, datetime as dt, json, os, re, secrets, shutil, sqlite3, subprocess, sys, tempfile, time
import urllib.error, urllib.parse, urllib.request, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT = 5190
BASE = f"http://127.0.0.1:{PORT}"
BRISBANE = dt.timedelta(hours=10)
DAY_SLOTS = 19  # bench clinicians work 08:00-17:30 local every day: 19 half-hours
DAY_START = dt.timedelta(hours=8)
PASSWORD = secrets.token_urlsafe(18)  # the throwaway database's bootstrap admin; never signed in with


def guid() -> str:
    return str(uuid.uuid4()).upper()


def ts(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def http(method, path, body=None, token=None):
    request = urllib.request.Request(BASE + path, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("Installing wrk (Debian)...", flush=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, stdout=subprocess.DEVNULL)
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "update", "-qq"], check=False, stdout=subprocess.DEVNULL)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL)


def new_signing_key():
    """An ECDSA P-256 private key (PEM), as Jwt:SigningKey and Telehealth:SigningKey take it."""
    return subprocess.run(["openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
                          check=True, capture_output=True, text=True).stdout


def start_api(database, signing_key):
    api_dir = os.path.join(ROOT, "src", "Api", "bin", "Release", "net10.0")
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", Database__ConnectionString=f"Data Source={database}",
               Jwt__SigningKey=signing_key, Telehealth__SigningKey=new_signing_key(), Seed__Demo="true", Bootstrap__AdminEmail="admin@bench.example",
               Logging__LogLevel__Default="Warning", **{"Bootstrap__AdminPassword": PASSWORD},
               RateLimits__AuthPermitLimit="100000000", RateLimits__WritePermitLimit="100000000")
    started = time.perf_counter()
    process = subprocess.Popen(["dotnet", "ClinicHip.Api.dll", "--urls", BASE], cwd=api_dir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while time.perf_counter() - started < 120:
        try:
            if urllib.request.urlopen(BASE + "/health/ready", timeout=2).status == 200:
                return process, time.perf_counter() - started
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.05)
    process.kill()
    sys.exit("The API did not become ready within 120 s.")


def peak_memory_mb(process):
    with open(f"/proc/{process.pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def generate(database, appointments, clinicians=20, patients=50_000, intake_share=0.05):
    """Clinicians working every day, patients, Follow-up appointments filling ~75 % of slots for two years up to
    about three weeks ahead (with their diary cells), and intake forms for a share of the patients."""
    db = sqlite3.connect(database)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    now = ts(dt.datetime.utcnow())
    follow_up = db.execute("SELECT Id FROM AppointmentTypes WHERE Name = 'Follow-up'").fetchone()[0]

    def user(email):
        user_id = guid()
        db.execute("INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, SecurityStamp, "
                   "ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount) VALUES (?, ?, ?, ?, ?, 1, ?, ?, 0, 0, 1, 0)",
                   (user_id, email, email.upper(), email, email.upper(), guid(), guid()))
        return user_id

    clinician_ids = []
    for i in range(clinicians):
        email, staff_id, clinician_id = f"bench.clinician{i}@bench.example", guid(), guid()
        db.execute("INSERT INTO StaffMembers (Id, UserId, Email, Role, FamilyName, GivenName, CreatedAtUtc) VALUES (?, ?, ?, 'Clinician', ?, 'Bench', ?)",
                   (staff_id, user(email), email, f"Clinician{i}", now))
        db.execute("INSERT INTO Clinicians (Id, StaffMemberId, DisplayName, Profession, IsBookable, CreatedAtUtc, WorkingHoursVersion) "
                   "VALUES (?, ?, ?, 'Physiotherapist', 1, ?, ?)", (clinician_id, staff_id, f"Bench Clinician{i}", now, guid()))
        for day in ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]:
            db.execute("INSERT INTO ClinicianWorkingHours (Day, Start, \"End\", ClinicianId) VALUES (?, '08:00:00', '17:30:00', ?)", (day, clinician_id))
        clinician_ids.append(clinician_id)

    patient_ids = []
    for i in range(patients):
        patient_id = guid()
        # The search key is what PatientSearchKey makes of "Bench Patient{i}": words lower-cased, sorted, each after a space.
        db.execute("INSERT INTO Patients (Id, UserId, DateOfBirth, Email, Phone, FamilyName, GivenName, SearchName, Version, CreatedAtUtc, "
                   "Sex, PreferredContactMethod, RemindByEmail, RemindBySms, AlertKinds) "
                   "VALUES (?, ?, '1990-01-01', ?, ?, ?, 'Bench', ?, ?, ?, 'NotStated', 'Email', 1, 0, 'None')",
                   (patient_id, user(f"bench.patient{i}@bench.example"), f"bench.patient{i}@bench.example", f"+614{i:08d}", f"Patient{i}",
                    f" bench patient{i}", guid(), now))
        # ... and its words, one row each, as the API keeps them for prefix searches.
        db.executemany("INSERT INTO PatientNameWords (PatientId, Word) VALUES (?, ?)", [(patient_id, "bench"), (patient_id, f"patient{i}")])
        patient_ids.append(patient_id)

    # bench.patient0 can sign in (the demo patient's password) to list its own appointments.
    demo_hash = db.execute("SELECT PasswordHash FROM AspNetUsers WHERE NormalizedEmail = 'JORDAN.LEE@CLINICHIP.EXAMPLE'").fetchone()[0]
    first_user = db.execute("SELECT UserId FROM Patients WHERE Id = ?", (patient_ids[0],)).fetchone()[0]
    db.execute("UPDATE AspNetUsers SET PasswordHash = ? WHERE Id = ?", (demo_hash, first_user))
    db.execute("INSERT INTO AspNetUserRoles (UserId, RoleId) SELECT ?, Id FROM AspNetRoles WHERE Name = 'Patient'", (first_user,))

    answers = json.dumps({"side": "Right", "painLocations": ["OutsideOfHip"], "onset": "Gradual", "startedOn": "2026-10-01", "precedingChanges": ["None"],
                          "pain": {"atRest": 1, "duringRun": 3, "afterRun": 3, "atNight": 1}, "aggravatingFactors": [], "mechanicalSymptoms": [],
                          "ableToBearWeight": True, "swelling": False, "painSpreading": False, "systemicSymptoms": [], "history": [], "treatmentsTried": ["None"],
                          "running": {"currentWeeklyKm": 30, "weeklyKmFourWeeksAgo": 30, "runsPerWeek": 4, "yearsRunning": 5}})
    triage = json.dumps({"level": "Routine", "redFlags": [], "suggestedConditions": [], "requiresInPersonAssessment": False})
    db.executemany("INSERT INTO IntakeForms (Id, PatientId, Version, Status, SubmittedAtUtc, SubmittedByUserId, SubmittedBy, Answers, Triage, TriageLevel, "
                   "RequiresInPersonAssessment, CreatedAtUtc) VALUES (?, ?, 1, 'Submitted', ?, ?, 'Patient', ?, ?, 'Routine', 0, ?)",
                   [(guid(), p, now, guid(), answers, triage, now) for p in patient_ids[: int(patients * intake_share)]])

    per_day = len(clinician_ids) * DAY_SLOTS * 0.75
    days = int(appointments / per_day) + 1
    first_day = dt.date.today() + dt.timedelta(days=21) - dt.timedelta(days=days)
    rows, cells, made, day, k = [], [], 0, first_day, 0
    while made < appointments:
        for slot in range(DAY_SLOTS):
            start = dt.datetime.combine(day, dt.time(0, 0)) + DAY_START - BRISBANE + dt.timedelta(minutes=30 * slot)
            for clinician_id in clinician_ids:
                k += 1
                if made >= appointments or k % 4 == 0:
                    continue
                appointment_id, patient_id = guid(), patient_ids[made % patients]
                end = start + dt.timedelta(minutes=30)
                status = "Completed" if end < dt.datetime.utcnow() else "Booked"
                rows.append((appointment_id, patient_id, clinician_id, follow_up, ts(start), ts(end), ts(end), status, now))
                for c in range(6):
                    cell = ts(start + dt.timedelta(minutes=5 * c))
                    cells.append(("Clinician", clinician_id, cell, appointment_id))
                    cells.append(("Patient", patient_id, cell, appointment_id))
                made += 1
        day += dt.timedelta(days=1)
        if len(rows) >= 50_000 or made >= appointments:
            db.executemany("INSERT INTO Appointments (Id, PatientId, ClinicianId, AppointmentTypeId, StartUtc, EndUtc, ClinicianFreeAtUtc, Mode, Status, "
                           "IsLateCancellation, CreatedAtUtc) VALUES (?, ?, ?, ?, ?, ?, ?, 'InPerson', ?, 0, ?)", rows)
            db.executemany("INSERT INTO OccupiedCells (Owner, OwnerId, CellStartUtc, AppointmentId) VALUES (?, ?, ?, ?)", cells)
            rows, cells = [], []
    db.commit()
    db.execute("ANALYZE")
    db.close()
    return patient_ids, clinician_ids, day


LUA_HEADERS = 'wrk.headers["Authorization"] = "Bearer {token}"\nwrk.headers["Content-Type"] = "application/json"\n'

LUA_BOOKING = r'''
local counter = 0
local base = {base} + 8 * 3600
local clinicians = {clinicians}
local patients = {patients}
local next_offset = 0
-- setup runs in the main state; thread:set makes "thread_offset" a global of that thread, so it must not be a local.
function setup(thread) thread:set("thread_offset", next_offset); next_offset = next_offset + 1000000 end
function init(args) counter = thread_offset or 0 end
request = function()
  counter = counter + 1
  local n = counter
  local slot_index = math.floor(n / #clinicians)
  local day = math.floor(slot_index / {day_slots})
  local slot = slot_index % {day_slots}
  local start = os.date("!%Y-%m-%dT%H:%M:%SZ", base + day * 86400 + slot * 1800)
  local body = '{{"patientId":"' .. patients[(n % #patients) + 1] .. '","clinicianId":"' .. clinicians[(n % #clinicians) + 1] ..
    '","appointmentTypeId":"{type}","start":"' .. start .. '","mode":"InPerson"}}'
  return wrk.format("POST", "/api/appointments", nil, body)
end
local reported = false
response = function(status, headers, body)
  if status ~= 201 and not reported then
    reported = true
    io.stderr:write("booking answered " .. status .. ": " .. string.sub(body, 1, 200) .. "\n")
  end
end
'''


def wrk(path, lua, args, label, warmup_lua=None):
    """Runs the scenario for --warmup seconds (discarded: the JIT tiers the code path up) and then measures it."""
    def run(script_text, seconds):
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(script_text)
        try:
            return subprocess.run(["wrk", "-t2", f"-c{args.connections}", f"-d{seconds}s", "--latency", "-s", script.name, BASE + path],
                                  capture_output=True, text=True, check=True)
        finally:
            os.unlink(script.name)

    if args.warmup > 0:
        run(warmup_lua or lua, args.warmup)
    completed = run(lua, args.duration)
    if completed.stderr.strip():
        print(completed.stderr.strip(), flush=True)
    out = completed.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    errors = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    errors += sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    latency = {p: to_ms(v) for p, v in re.findall(r"\s+(50|99)%\s+([\d.]+\w+)", out)}
    return {"scenario": label, "rps": rps, "requests": total, "errors": errors, "p50": latency.get("50"), "p99": latency.get("99")}


def to_ms(value):
    number, unit = float(re.match(r"[\d.]+", value).group()), re.sub(r"[\d.]+", "", value)
    return number * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def run_size(size, args, signing_key, work):
    database = os.path.join(work, f"bench-{size}.db")
    api, _ = start_api(database, signing_key)  # creates, migrates and seeds the demo clinic
    api.terminate(); api.wait()
    started = time.perf_counter()
    patients, clinicians, free_from = generate(database, size)
    generation = time.perf_counter() - started

    api, ready_after = start_api(database, signing_key)
    results = []
    try:
        patient_token = http("POST", "/api/auth/token", {"email": "jordan.lee@clinichip.example", "password": "Demo-Passw0rd!"})["accessToken"]
        desk_token = http("POST", "/api/auth/token", {"email": "riley.brooks@clinichip.example", "password": "Demo-Passw0rd!"})["accessToken"]
        follow_up = next(t["id"] for t in http("GET", "/api/appointment-types", token=desk_token) if t["name"] == "Follow-up")
        listing = http("GET", f"/api/appointments?clinicianId={clinicians[0]}&from={urllib.parse.quote((dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=3)).isoformat())}&pageSize=1", token=desk_token)
        appointment_id = listing["items"][0]["id"]
        today = dt.datetime.now(dt.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
        availability = "/api/availability?" + urllib.parse.urlencode({"appointmentTypeId": follow_up, "from": (today + dt.timedelta(days=1)).isoformat(),
                                                                       "to": (today + dt.timedelta(days=15)).isoformat()})
        # A bench patient with a history of appointments lists its own.
        own_token = http("POST", "/api/auth/token", {"email": "bench.patient0@bench.example", "password": "Demo-Passw0rd!"})["accessToken"]
        def wanted(key):
            return not args.only or key in args.only.split(",")
        results.append(wrk("/health/live", "", args, "ceiling: GET /health/live"))
        if wanted("availability"):
            results.append(wrk(availability, LUA_HEADERS.format(token=patient_token), args, "availability, 14 days, all clinicians"))
        if wanted("list"):
            results.append(wrk("/api/appointments?pageSize=20", LUA_HEADERS.format(token=own_token), args, "a patient's own appointments"))
        if wanted("get"):
            results.append(wrk(f"/api/appointments/{appointment_id}", LUA_HEADERS.format(token=desk_token), args, "GET one appointment (audited)"))
        if wanted("search"):
            # A name prefix as typed at the desk, in the other word order: matches Patient4242 and Patient42420–42429 among 50 000.
            results.append(wrk("/api/patients?search=patient4242%20ben", LUA_HEADERS.format(token=desk_token), args, "patient search by name (audited)"))
            results.append(wrk("/api/patients?phone=0400%20012%20345", LUA_HEADERS.format(token=desk_token), args, "patient search by phone (audited)"))
        def booking_lua(days_ahead):
            base = int((dt.datetime.combine(free_from + dt.timedelta(days=days_ahead), dt.time(0, 0)) - BRISBANE).replace(tzinfo=dt.timezone.utc).timestamp())
            return LUA_HEADERS.format(token=desk_token) + LUA_BOOKING.format(
                base=base, clinicians="{" + ",".join(f'"{c}"' for c in clinicians) + "}", patients="{" + ",".join(f'"{p}"' for p in patients[:1000]) + "}",
                type=follow_up, day_slots=DAY_SLOTS)
        booking, booking_warmup = booking_lua(30), booking_lua(3000)  # the warm-up books other free slots, far ahead
        if wanted("booking"):
            results.append(wrk("/api/appointments", booking, args, "booking distinct free slots", warmup_lua=booking_warmup))
        token_lua = 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = \'{"email":"riley.brooks@clinichip.example","password":"Demo-Passw0rd!"}\'\n'
        if wanted("token"):
            results.append(wrk("/api/auth/token", token_lua, args, "token issue (password hashing)"))
        memory = peak_memory_mb(api)
    finally:
        api.terminate(); api.wait()

    db = sqlite3.connect(database)
    doubles = db.execute("SELECT COUNT(*) FROM (SELECT ClinicianId, StartUtc FROM Appointments WHERE Status <> 'Cancelled' GROUP BY ClinicianId, StartUtc HAVING COUNT(*) > 1)").fetchone()[0]
    size_mb = os.path.getsize(database) / 1e6
    db.close()
    os.remove(database)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(database + suffix):
            os.remove(database + suffix)
    return {"size": size, "generation": generation, "ready": ready_after, "memory": memory, "db_mb": size_mb, "doubles": doubles, "results": results}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,1000000")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=5, help="seconds of each scenario run first and discarded")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--only", default="", help="comma-separated scenarios: availability,list,get,search,booking,token (the ceiling always runs)")
    args = parser.parse_args()
    ensure_wrk()
    print("Building the API (Release)...", flush=True)
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "src", "Api"), "-c", "Release", "-v", "quiet", "-nologo"], check=True, stdout=subprocess.DEVNULL)
    signing_key = new_signing_key()
    work = tempfile.mkdtemp(prefix="clinichip-bench-")
    runs = []
    try:
        for size in [int(s) for s in args.sizes.split(",")]:
            print(f"\n== {size:,} appointments", flush=True)
            run = run_size(size, args, signing_key, work)
            runs.append(run)
            ceiling = run["results"][0]["rps"]
            print(f"generated in {run['generation']:.0f} s ({run['db_mb']:.0f} MB); ready {run['ready']:.2f} s after start; "
                  f"peak memory {run['memory']:.0f} MB; double bookings: {run['doubles']}")
            print(f"{'scenario':42} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'of ceiling':>10}")
            for r in run["results"]:
                print(f"{r['scenario']:42} {r['rps']:9.0f} {r['p50']:8.2f} {r['p99']:8.2f} {r['errors']:7d} {r['rps'] / ceiling:10.1%}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if len(runs) > 1:
        small, large = runs[0], runs[-1]
        print(f"\nLatency growth from {small['size']:,} to {large['size']:,} appointments:")
        for a, b in zip(small["results"], large["results"]):
            if a["scenario"].startswith(("availability", "GET one")):
                print(f"  {a['scenario']:40} p50 {a['p50']:.2f} → {b['p50']:.2f} ms ({b['p50'] / a['p50']:.2f}×), "
                      f"p99 {a['p99']:.2f} → {b['p99']:.2f} ms ({b['p99'] / a['p99']:.2f}×)")


if __name__ == "__main__":
    main()
