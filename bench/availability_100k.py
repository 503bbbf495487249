#!/usr/bin/env python3
"""Availability latency on a large diary: a quick, rerunnable measurement.

Builds the API in Release, lets it create and seed a fresh SQLite database (demo clinic), writes clinicians,
patients and appointments (with their occupied diary cells) straight into that database, restarts the API on
it and times GET /api/availability for a 14-day window, as a patient's booking widget asks it.

    python3 bench/availability_100k.py [--appointments 100000] [--clinicians 20] [--requests 300]

Standard library only. Prints the data set, how long generation took, and latency percentiles.
"""
import argparse, base64, datetime as dt, json, os, random, secrets, shutil, sqlite3, statistics
import subprocess, sys, tempfile, time, urllib.error, urllib.parse, urllib.request, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT = 5190
BASE = f"http://127.0.0.1:{PORT}"
CELL = dt.timedelta(minutes=5)


def guid() -> str:
    return str(uuid.uuid4()).upper()


def ts(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def http(method, path, body=None, token=None):
    request = urllib.request.Request(BASE + path, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, json.loads(response.read() or b"null")


def start_api(database, signing_key):
    api_dir = os.path.join(ROOT, "src", "Api", "bin", "Release", "net10.0")
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", Database__ConnectionString=f"Data Source={database}",
               Jwt__SigningKey=signing_key, Seed__Demo="true", Bootstrap__AdminEmail="admin@bench.example",
               Bootstrap__AdminPassword="Bench-Admin-Passw0rd", Logging__LogLevel__Default="Warning")
    process = subprocess.Popen(["dotnet", "ClinicHip.Api.dll", "--urls", BASE], cwd=api_dir, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.perf_counter()
    while time.perf_counter() - started < 60:
        try:
            if urllib.request.urlopen(BASE + "/health/ready", timeout=2).status == 200:
                return process, time.perf_counter() - started
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    process.kill()
    sys.exit("The API did not become ready within 60 s.")


def generate(database, clinician_count, appointment_count, patient_count):
    """Clinicians working weekdays 08:00-17:00 Brisbane, patients, and Follow-up appointments (30 min) filling
    about 80 % of the slots, from about a year ago to a few weeks ahead."""
    db = sqlite3.connect(database)
    db.execute("PRAGMA foreign_keys=ON")
    now = ts(dt.datetime.utcnow())
    follow_up = db.execute("SELECT Id FROM AppointmentTypes WHERE Name = 'Follow-up'").fetchone()[0]

    def user(email):
        user_id = guid()
        db.execute("INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, SecurityStamp, "
                   "ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount) "
                   "VALUES (?, ?, ?, ?, ?, 1, ?, ?, 0, 0, 1, 0)", (user_id, email, email.upper(), email, email.upper(), guid(), guid()))
        return user_id

    clinicians = []
    for i in range(clinician_count):
        email = f"bench.clinician{i}@bench.example"
        staff_id, clinician_id = guid(), guid()
        db.execute("INSERT INTO StaffMembers (Id, UserId, Email, Role, FamilyName, GivenName, CreatedAtUtc) VALUES (?, ?, ?, 'Clinician', ?, 'Bench', ?)",
                   (staff_id, user(email), email, f"Clinician{i}", now))
        db.execute("INSERT INTO Clinicians (Id, StaffMemberId, DisplayName, Profession, IsBookable, CreatedAtUtc, WorkingHoursVersion) "
                   "VALUES (?, ?, ?, 'Physiotherapist', 1, ?, ?)", (clinician_id, staff_id, f"Bench Clinician{i}", now, guid()))
        for day in ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]:
            db.execute("INSERT INTO ClinicianWorkingHours (Day, Start, \"End\", ClinicianId) VALUES (?, '08:00:00', '17:00:00', ?)", (day, clinician_id))
        clinicians.append(clinician_id)

    patients = []
    for i in range(patient_count):
        email = f"bench.patient{i}@bench.example"
        patient_id = guid()
        db.execute("INSERT INTO Patients (Id, UserId, DateOfBirth, Email, Phone, FamilyName, GivenName, CreatedAtUtc) "
                   "VALUES (?, ?, '1990-01-01', ?, '+61 400 000 000', ?, 'Bench', ?)", (patient_id, user(email), email, f"Patient{i}", now))
        patients.append(patient_id)

    # Weekday slots 08:00-16:30 Brisbane (UTC+10 = 22:00-06:30 UTC the day before), every 30 minutes.
    rng = random.Random(42)
    per_clinician_day = 18 * 0.8
    days_needed = int(appointment_count / (clinician_count * per_clinician_day)) + 1
    first_day = dt.date.today() + dt.timedelta(days=21) - dt.timedelta(days=int(days_needed * 7 / 5) + 1)
    appointments, cells, made, day = [], [], 0, first_day
    while made < appointment_count:
        if day.weekday() < 5:
            for slot in range(18):
                start = dt.datetime.combine(day, dt.time(8, 0)) - dt.timedelta(hours=10) + dt.timedelta(minutes=30 * slot)
                for clinician_id in clinicians:
                    if made >= appointment_count or rng.random() > 0.8:
                        continue
                    appointment_id, patient_id = guid(), patients[made % patient_count]
                    end = start + dt.timedelta(minutes=30)
                    status = "Completed" if end < dt.datetime.utcnow() else "Booked"
                    appointments.append((appointment_id, patient_id, clinician_id, follow_up, ts(start), ts(end), ts(end), "InPerson", status, now))
                    for k in range(6):
                        cell = ts(start + k * CELL)
                        cells.append(("Clinician", clinician_id, cell, appointment_id))
                        cells.append(("Patient", patient_id, cell, appointment_id))
                    made += 1
        day += dt.timedelta(days=1)
        if len(appointments) >= 20000 or made >= appointment_count:
            db.executemany("INSERT INTO Appointments (Id, PatientId, ClinicianId, AppointmentTypeId, StartUtc, EndUtc, ClinicianFreeAtUtc, Mode, "
                           "Status, IsLateCancellation, CreatedAtUtc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)", appointments)
            db.executemany("INSERT INTO OccupiedCells (Owner, OwnerId, CellStartUtc, AppointmentId) VALUES (?, ?, ?, ?)", cells)
            appointments, cells = [], []
    db.commit()
    db.execute("ANALYZE")
    db.close()
    return first_day, day


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--appointments", type=int, default=100_000)
    parser.add_argument("--clinicians", type=int, default=20)
    parser.add_argument("--patients", type=int, default=5_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--keep", action="store_true", help="keep the generated database and print its path")
    args = parser.parse_args()

    print("Building the API (Release)...", flush=True)
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "src", "Api"), "-c", "Release", "-v", "quiet", "-nologo"], check=True, stdout=subprocess.DEVNULL)
    work = tempfile.mkdtemp(prefix="clinichip-bench-")
    database = os.path.join(work, "bench.db")
    signing_key = base64.b64encode(secrets.token_bytes(48)).decode()
    try:
        api, _ = start_api(database, signing_key)  # creates, migrates and seeds the demo clinic
        api.terminate(); api.wait()

        started = time.perf_counter()
        first_day, last_day = generate(database, args.clinicians, args.appointments, args.patients)
        generation = time.perf_counter() - started
        size_mb = os.path.getsize(database) / 1e6

        api, ready_after = start_api(database, signing_key)
        try:
            _, token = http("POST", "/api/auth/token", {"email": "jordan.lee@clinichip.example", "password": "Demo-Passw0rd!"})
            _, types = http("GET", "/api/appointment-types", token=token["accessToken"])
            follow_up = next(t["id"] for t in types if t["name"] == "Follow-up")
            today = dt.datetime.now(dt.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
            query = "/api/availability?" + urllib.parse.urlencode({
                "appointmentTypeId": follow_up, "from": (today + dt.timedelta(days=1)).isoformat(), "to": (today + dt.timedelta(days=15)).isoformat()})
            latencies, slots = [], 0
            for i in range(args.requests + 20):
                begun = time.perf_counter()
                _, body = http("GET", query, token=token["accessToken"])
                if i >= 20:  # the first requests warm the JIT and caches
                    latencies.append((time.perf_counter() - begun) * 1000)
                slots = len(body)
        finally:
            api.terminate(); api.wait()
    finally:
        if args.keep:
            print(f"Kept {database} (signing key {signing_key})")
        else:
            shutil.rmtree(work, ignore_errors=True)

    print(f"\nData: {args.appointments} appointments for {args.clinicians} clinicians and {args.patients} patients, "
          f"{first_day} to {last_day}; database {size_mb:.0f} MB; generated in {generation:.1f} s")
    print(f"API ready {ready_after:.2f} s after start on the existing database")
    print(f"GET /api/availability, 14 days, all clinicians, as a patient: {slots} free slots returned")
    print(f"{len(latencies)} sequential requests: mean {statistics.mean(latencies):.1f} ms, p50 {percentile(latencies, 50):.1f} ms, "
          f"p95 {percentile(latencies, 95):.1f} ms, p99 {percentile(latencies, 99):.1f} ms")


if __name__ == "__main__":
    main()
