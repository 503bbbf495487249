#!/usr/bin/env python3
"""ClinicHip benchmark: a clinic group's data set, real HTTP load with wrk, figures printed.

    python3 bench/benchmark.py                     # 10 000 and 1 000 000 appointments, SQLite
    python3 bench/benchmark.py --sizes 100000      # other sizes; --duration 10 --connections 32
    python3 bench/benchmark.py --database postgres # each size on SQLite, then on PostgreSQL, side by side

Builds the API in Release, creates each data set straight into a fresh database (20 clinicians, 50 000 patients,
appointments with their diary cells over two years, intake forms for a share of them: the same rows on SQLite and on
PostgreSQL, where they are loaded with COPY through psql), starts the API on it and drives wrk (installed from Debian
if missing) against it on this machine. For each scenario it prints requests/s, p50 and p99 latency, errors, and the
ratio to the ceiling (GET /health/live measured the same way), then the API's peak memory, its start-up time on the
existing database, and how latency grows with the data. PostgreSQL is a throw-away server started through
tools/postgres/with-postgres.sh --durable, or the server CLINICHIP_TEST_POSTGRES names. Standard library only, plus
wrk (and psql for PostgreSQL).
"""
import argparse, base64, contextlib, csv, datetime as dt, json, os, re, secrets, shutil, socket, sqlite3, subprocess, sys, tempfile, time
import urllib.error, urllib.parse, urllib.request, uuid
import billing

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
def free_port():
    with contextlib.closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


BASE = f"http://127.0.0.1:{free_port()}"  # not a fixed port: another run on the same machine may hold it
BRISBANE = dt.timedelta(hours=10)
DAY_SLOTS = 19  # bench clinicians work 08:00-17:30 local every day: 19 half-hours
DAY_START = dt.timedelta(hours=8)
READY_WITHIN = 300  # seconds; a first start migrates and seeds, slow on a machine shared with other builds
PASSWORD = secrets.token_urlsafe(18)  # the throwaway database's bootstrap admin; signed in with only to run the export
FIRST_LOCATION_ID = "0193B0A0-0000-7000-8000-00000000A001"  # Location.DefaultId, as SQLite stores a Guid
PUBLISHED = os.path.join(ROOT, "src", "Api", "bin", "Release", "net10.0", "linux-x64", "publish")  # as the Dockerfile publishes it: ReadyToRun
LONG_HISTORY_APPOINTMENTS, LONG_HISTORY_INTAKE_FORMS = 300, 20  # the last generated patient's record, read whole by $everything


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


def start_api(target, signing_key):
    api_dir = PUBLISHED
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", Database__Provider=target.provider, Database__ConnectionString=target.connection_string,
               Jwt__SigningKey=signing_key, Telehealth__SigningKey=new_signing_key(), Seed__Demo="true", Bootstrap__AdminEmail="admin@bench.example",
               Logging__LogLevel__Default="Warning", **{"Bootstrap__AdminPassword": PASSWORD},
               RateLimits__AuthPermitLimit="100000000", RateLimits__WritePermitLimit="100000000",
               AllowedHosts="127.0.0.1",  # Production answers localhost only; wrk calls the address
               FhirExport__Directory=target.export_dir)
    started = time.perf_counter()
    process = subprocess.Popen(["dotnet", "ClinicHip.Api.dll", "--urls", BASE], cwd=api_dir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - started < 300:
            if process.poll() is not None:
                sys.exit(f"The API stopped during start-up (exit code {process.returncode}).")
            try:
                if urllib.request.urlopen(BASE + "/health/ready", timeout=5).status == 200:
                    return process, time.perf_counter() - started
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.05)
        sys.exit("The API did not become ready within 300 s.")
    except BaseException:
        process.kill()
        raise


def run_export(api, target):
    """A system bulk export of the whole data set as the administrator: kick-off, polling to completion, the files' sizes.
    The API's peak memory is its high-water mark reset just before the kick-off (clear_refs), so earlier scenarios do not count."""
    token = http("POST", "/api/auth/token", {"email": "admin@bench.example", "password": PASSWORD})["accessToken"]
    with open(f"/proc/{api.pid}/clear_refs", "w") as clear:
        clear.write("5")
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/fhir+json"}
    started = time.perf_counter()
    with urllib.request.urlopen(urllib.request.Request(BASE + "/fhir/$export", headers=dict(headers, Prefer="respond-async")), timeout=60) as response:
        status_url = response.headers["Content-Location"]
    while True:
        with urllib.request.urlopen(urllib.request.Request(status_url, headers=headers), timeout=60) as response:
            if response.status == 200:
                manifest = json.loads(response.read())
                break
        time.sleep(0.2)
    duration = time.perf_counter() - started
    job = status_url.rsplit("/", 1)[1].replace("-", "")
    files = [{"type": o["type"], "count": o["count"], "mb": os.path.getsize(os.path.join(target.export_dir, job, o["url"].rsplit("/", 1)[1])) / 1e6}
             for o in manifest["output"]]
    return {"duration": duration, "memory": peak_memory_mb(api), "files": files}


def print_export(export):
    resources = sum(f["count"] for f in export["files"])
    megabytes = sum(f["mb"] for f in export["files"])
    print(f"bulk export (system, as the administrator): {resources:,} resources in {len(export['files'])} files, {megabytes:.1f} MB, "
          f"{export['duration']:.1f} s ({resources / export['duration']:,.0f} resources/s); API peak memory during it {export['memory']:.0f} MB")
    by_type = {}
    for f in export["files"]:
        count, files, mb = by_type.get(f["type"], (0, 0, 0.0))
        by_type[f["type"]] = (count + f["count"], files + 1, mb + f["mb"])
    for kind, (count, files, mb) in by_type.items():
        print(f"  {kind:14} {count:>10,} resources {files:>3} file(s) {mb:10.1f} MB")


def peak_memory_mb(process):
    with open(f"/proc/{process.pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class SqliteTarget:
    """A fresh SQLite file in the work folder."""
    label, provider = "SQLite", "Sqlite"

    def __init__(self, work, size):
        self.path = os.path.join(work, f"bench-{size}.db")
        self.connection_string = f"Data Source={self.path}"
        self.export_dir = os.path.join(work, f"export-{size}-sqlite")

    def store(self):
        return SqliteStore(self.path)

    def scalar(self, sql):
        with contextlib.closing(sqlite3.connect(self.path)) as db:
            return db.execute(sql).fetchone()[0]

    def execute(self, sql):
        with contextlib.closing(sqlite3.connect(self.path, timeout=60)) as db:
            db.execute(sql)
            db.commit()

    def size_mb(self):
        return os.path.getsize(self.path) / 1e6

    def drop(self):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(self.path + suffix):
                os.remove(self.path + suffix)


class PostgresTarget:
    """A fresh database on the PostgreSQL server named by CLINICHIP_TEST_POSTGRES."""
    label, provider = "PostgreSQL", "PostgreSql"

    def __init__(self, work, size):
        self.export_dir = os.path.join(work, f"export-{size}-postgres")
        self.server, self.name = postgres_server(), f"clinichip_bench_{size}"
        psql_scalar(self.server, self.server.get("database", "postgres"), f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        psql_scalar(self.server, self.server.get("database", "postgres"), f'CREATE DATABASE "{self.name}"')
        server = self.server
        self.connection_string = (f"Host={server.get('host', '127.0.0.1')};Port={server.get('port', '5432')};Username={server.get('username', 'postgres')};"
                                  f"Database={self.name}" + (f";Password={server['password']}" if "password" in server else ""))

    def store(self):
        return PostgresStore(self.server, self.name)

    def scalar(self, sql):
        return psql_scalar(self.server, self.name, sql)

    def execute(self, sql):
        psql_scalar(self.server, self.name, sql)

    def size_mb(self):
        return int(self.scalar("SELECT pg_database_size(current_database())")) / 1e6

    def drop(self):
        psql_scalar(self.server, self.server.get("database", "postgres"), f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class SqliteStore:
    """Writes the data set straight into the API's SQLite file."""

    def __init__(self, database):
        self.db = sqlite3.connect(database)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=OFF")

    @staticmethod
    def uuid(value):
        return f"'{value}'"

    def scalar(self, sql):
        return self.db.execute(sql).fetchone()[0]

    def execute(self, sql):
        self.db.execute(sql)

    def insert(self, table, columns, rows):
        names = ", ".join(f'"{c}"' for c in columns)
        self.db.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})',
                            [tuple(ts(v) if isinstance(v, dt.datetime) else v for v in row) for row in rows])

    def finish(self):
        self.db.commit()
        self.db.execute("ANALYZE")
        self.db.close()


class PostgresStore:
    """Streams the data set into the API's PostgreSQL database through one psql process: COPY in CSV, table by table."""

    def __init__(self, server, database):
        self.server, self.database = server, database
        self.psql = subprocess.Popen(psql_command(server, database) + ["-q"], stdin=subprocess.PIPE, text=True, env=psql_env(server))

    @staticmethod
    def uuid(value):
        return f"'{value}'::uuid"

    def scalar(self, sql):
        return psql_scalar(self.server, self.database, sql)

    def execute(self, sql):
        self.psql.stdin.write(sql + ";\n")

    def insert(self, table, columns, rows):
        self.psql.stdin.write(f'COPY "{table}" ({", ".join(f"{chr(34)}{c}{chr(34)}" for c in columns)}) FROM STDIN WITH (FORMAT csv);\n')
        out = csv.writer(self.psql.stdin, lineterminator="\n")
        for row in rows:
            out.writerow(["t" if v is True else "f" if v is False else f"{ts(v)}+00" if isinstance(v, dt.datetime) else v for v in row])
        self.psql.stdin.write("\\.\n")

    def finish(self):
        # VACUUM sets the visibility map as autovacuum would on a database in use, so index-only scans are possible.
        self.execute("VACUUM ANALYZE")
        self.psql.stdin.close()
        if self.psql.wait() != 0:
            sys.exit("psql failed while loading the data set.")


def postgres_server():
    """The server's settings from CLINICHIP_TEST_POSTGRES (tools/postgres/with-postgres.sh sets it): a user who may create databases."""
    settings = dict(part.split("=", 1) for part in os.environ["CLINICHIP_TEST_POSTGRES"].split(";") if "=" in part)
    return {key.lower(): value for key, value in settings.items()}


def psql_command(server, database):
    return ["psql", "-X", "-v", "ON_ERROR_STOP=1", "-h", server.get("host", "127.0.0.1"), "-p", server.get("port", "5432"),
            "-U", server.get("username", "postgres"), "-d", database]


def psql_env(server):
    return dict(os.environ, **({"PGPASSWORD": server["password"]} if "password" in server else {}))


def psql_scalar(server, database, sql):
    return subprocess.run(psql_command(server, database) + ["-At", "-c", sql], check=True, capture_output=True, text=True, env=psql_env(server)).stdout.strip()


def generate(store, appointments, clinicians=20, patients=50_000, intake_share=0.05):
    """Clinicians working every day, patients, Follow-up appointments filling ~75 % of slots for two years up to
    about three weeks ahead (with their diary cells), and intake forms for a share of the patients; the same rows on
    either database. The last patient has a long history: the first appointments of the first clinician and a pile of
    intake forms (the others' appointments rotate over the rest, so that patient's diary cells never collide)."""
    now = dt.datetime.utcnow().replace(microsecond=0)
    follow_up = store.scalar("SELECT \"Id\" FROM \"AppointmentTypes\" WHERE \"Name\" = 'Follow-up'")
    users, staff, clinician_rows, hours, patient_rows, words = [], [], [], [], [], []

    def user(email):
        user_id = guid()
        users.append((user_id, email, email.upper(), email, email.upper(), True, guid(), guid(), False, False, True, 0))
        return user_id

    clinician_ids = []
    for i in range(clinicians):
        email, staff_id, clinician_id = f"bench.clinician{i}@bench.example", guid(), guid()
        staff.append((staff_id, user(email), email, "Clinician", f"Clinician{i}", "Bench", now))
        clinician_rows.append((clinician_id, staff_id, f"Bench Clinician{i}", "Physiotherapist", True, now, guid()))
        hours.extend((day, "08:00:00", "17:30:00", clinician_id, FIRST_LOCATION_ID) for day in ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
        clinician_ids.append(clinician_id)

    patient_ids = []
    for i in range(patients):
        patient_id = guid()
        # The search key is what PatientSearchKey makes of "Bench Patient{i}": words lower-cased, sorted, each after a space.
        patient_rows.append((patient_id, user(f"bench.patient{i}@bench.example"), "1990-01-01", f"bench.patient{i}@bench.example", f"+614{i:08d}",
                             f"Patient{i}", "Bench", f" bench patient{i}", guid(), now, "NotStated", "Email", True, False, "None", False,
                             now - dt.timedelta(seconds=patients - i)))
        # ... and its words, one row each, as the API keeps them for prefix searches.
        words.extend([(patient_id, "bench"), (patient_id, f"patient{i}")])
        patient_ids.append(patient_id)

    store.insert("AspNetUsers", ["Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp",
                                 "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount"], users)
    store.insert("StaffMembers", ["Id", "UserId", "Email", "Role", "FamilyName", "GivenName", "CreatedAtUtc"], staff)
    store.insert("Clinicians", ["Id", "StaffMemberId", "DisplayName", "Profession", "IsBookable", "CreatedAtUtc", "WorkingHoursVersion"], clinician_rows)
    store.insert("ClinicianWorkingHours", ["Day", "Start", "End", "ClinicianId", "LocationId"], hours)
    store.insert("Patients", ["Id", "UserId", "DateOfBirth", "Email", "Phone", "FamilyName", "GivenName", "SearchName", "Version", "CreatedAtUtc",
                              "Sex", "PreferredContactMethod", "RemindByEmail", "RemindBySms", "AlertKinds", "PossibleDuplicate", "ChangedAtUtc"], patient_rows)
    store.insert("PatientNameWords", ["PatientId", "Word"], words)

    # bench.patient0 can sign in (the demo patient's password) to list its own appointments.
    first_user = store.uuid(patient_rows[0][1])
    store.execute(f"UPDATE \"AspNetUsers\" SET \"PasswordHash\" = (SELECT \"PasswordHash\" FROM \"AspNetUsers\" "
                  f"WHERE \"NormalizedEmail\" = 'JORDAN.LEE@CLINICHIP.EXAMPLE') WHERE \"Id\" = {first_user}")
    store.execute(f"INSERT INTO \"AspNetUserRoles\" (\"UserId\", \"RoleId\") SELECT {first_user}, \"Id\" FROM \"AspNetRoles\" WHERE \"Name\" = 'Patient'")

    answers = json.dumps({"side": "Right", "painLocations": ["OutsideOfHip"], "onset": "Gradual", "startedOn": "2026-10-01", "precedingChanges": ["None"],
                          "pain": {"atRest": 1, "duringRun": 3, "afterRun": 3, "atNight": 1}, "aggravatingFactors": [], "mechanicalSymptoms": [],
                          "ableToBearWeight": True, "swelling": False, "painSpreading": False, "systemicSymptoms": [], "history": [], "treatmentsTried": ["None"],
                          "running": {"currentWeeklyKm": 30, "weeklyKmFourWeeksAgo": 30, "runsPerWeek": 4, "yearsRunning": 5}})
    triage = json.dumps({"level": "Routine", "redFlags": [], "suggestedConditions": [], "requiresInPersonAssessment": False})
    store.insert("IntakeForms", ["Id", "PatientId", "Version", "Status", "SubmittedAtUtc", "SubmittedByUserId", "SubmittedBy", "Answers", "Triage", "TriageLevel",
                                 "RequiresInPersonAssessment", "CreatedAtUtc"],
                 [(guid(), p, 1, "Submitted", now, guid(), "Patient", answers, triage, "Routine", False, now)
                  for p in patient_ids[: int(patients * intake_share)] + [patient_ids[-1]] * LONG_HISTORY_INTAKE_FORMS])
    long_history, regular, long_made = patient_ids[-1], patient_ids[:-1], 0

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
                if clinician_id == clinician_ids[0] and long_made < LONG_HISTORY_APPOINTMENTS:
                    patient_id, long_made = long_history, long_made + 1
                else:
                    patient_id = regular[made % len(regular)]
                appointment_id = guid()
                end = start + dt.timedelta(minutes=30)
                status = "Completed" if end < dt.datetime.utcnow() else "Booked"
                # Last changed a week before it starts (booked), or when it ended (completed): change times spread like a clinic's.
                changed = min(end, now) if status == "Completed" else min(start - dt.timedelta(days=7), now)
                rows.append((appointment_id, patient_id, clinician_id, follow_up, start, end, end, "InPerson", FIRST_LOCATION_ID, status, False, False, now, changed))
                for c in range(6):
                    cell = start + dt.timedelta(minutes=5 * c)
                    cells.append(("Clinician", clinician_id, cell, appointment_id))
                    cells.append(("Patient", patient_id, cell, appointment_id))
                made += 1
        day += dt.timedelta(days=1)
        if len(rows) >= 50_000 or made >= appointments:
            store.insert("Appointments", ["Id", "PatientId", "ClinicianId", "AppointmentTypeId", "StartUtc", "EndUtc", "ClinicianFreeAtUtc", "Mode", "LocationId", "Status",
                                          "IsLateCancellation", "IsHold", "CreatedAtUtc", "ChangedAtUtc"], rows)
            store.insert("OccupiedCells", ["Owner", "OwnerId", "CellStartUtc", "AppointmentId"], cells)
            rows, cells = [], []
    store.finish()
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

# Series of six weekly follow-ups as the front desk: request n takes clinician n mod C and the next free (weekday, half
# hour) of that clinician in a six-week block, so no two requests overlap and every one should be booked whole.
LUA_SERIES = r'''
local counter = 0
local base = {base} + 8 * 3600
local clinicians = {clinicians}
local patients = {patients}
local next_offset = 0
function setup(thread) thread:set("thread_offset", next_offset); next_offset = next_offset + 1000000 end
function init(args) counter = thread_offset or 0 end
request = function()
  counter = counter + 1
  local n = counter
  local slot_index = math.floor(n / #clinicians)
  local week_slots = 7 * {day_slots}
  local block = math.floor(slot_index / week_slots)
  local day = math.floor((slot_index % week_slots) / {day_slots})
  local slot = slot_index % {day_slots}
  local start = os.date("!%Y-%m-%dT%H:%M:%SZ", base + (block * 42 + day) * 86400 + slot * 1800)
  local body = '{{"patientId":"' .. patients[(n % #patients) + 1] .. '","clinicianId":"' .. clinicians[(n % #clinicians) + 1] ..
    '","appointmentTypeId":"{type}","firstStart":"' .. start .. '","mode":"InPerson","occurrences":6,"repeat":{{"everyDays":7}}}}'
  return wrk.format("POST", "/api/appointments/series", nil, body)
end
local reported = false
response = function(status, headers, body)
  if status ~= 201 and not reported then
    reported = true
    io.stderr:write("series booking answered " .. status .. ": " .. string.sub(body, 1, 200) .. "\n")
  end
end
'''


SETTINGS, GET_ONE = "GET /api/clinic/settings (not audited)", "GET one appointment (audited)"


def answer_bytes(path, token):
    """The size of one answer's body as sent (uncompressed), asked once before the scenario runs."""
    request = urllib.request.Request(BASE + path)
    request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=60) as response:
        return len(response.read())


def wrk(path, lua, args, label, warmup_lua=None, size=None):
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
    return {"scenario": label, "rps": rps, "requests": total, "errors": errors, "p50": latency.get("50"), "p99": latency.get("99"), "bytes": size}


def to_ms(value):
    number, unit = float(re.match(r"[\d.]+", value).group()), re.sub(r"[\d.]+", "", value)
    return number * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def run_size(target, size, args, signing_key):
    api, _ = start_api(target, signing_key)  # creates, migrates and seeds the demo clinic
    api.terminate(); api.wait()
    started = time.perf_counter()
    patients, clinicians, free_from = generate(target.store(), size)
    generation = time.perf_counter() - started

    api, ready_after = start_api(target, signing_key)
    results = []
    try:
        patient_token = http("POST", "/api/auth/token", {"email": "jordan.lee@clinichip.example", "password": "Demo-Passw0rd!"})["accessToken"]
        desk_token = http("POST", "/api/auth/token", {"email": "riley.brooks@clinichip.example", "password": "Demo-Passw0rd!"})["accessToken"]
        follow_up = next(t["id"] for t in http("GET", "/api/appointment-types", token=desk_token) if t["name"] == "Follow-up")
        listing = http("GET", f"/api/appointments?clinicianId={clinicians[0]}&from={urllib.parse.quote((dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=3)).isoformat())}&pageSize=1", token=desk_token)
        appointment_id = listing["items"][0]["id"]
        today = dt.datetime.now(dt.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
        window = urllib.parse.urlencode({"appointmentTypeId": follow_up, "from": (today + dt.timedelta(days=1)).isoformat(), "to": (today + dt.timedelta(days=15)).isoformat()})
        availability, by_clinician_day = "/api/availability?" + window, "/api/availability/by-clinician-day?" + window
        # A bench patient with a history of appointments lists its own.
        own_token = http("POST", "/api/auth/token", {"email": "bench.patient0@bench.example", "password": "Demo-Passw0rd!"})["accessToken"]
        clinician_token = http("POST", "/api/auth/token", {"email": "maya.chen@clinichip.example", "password": "Demo-Passw0rd!"})["accessToken"]
        def wanted(key):
            return not args.only or key in args.only.split(",")
        results.append(wrk("/health/live", "", args, "ceiling: GET /health/live"))
        if wanted("availability"):
            results.append(wrk(availability, LUA_HEADERS.format(token=patient_token), args, "availability, 14 days, all clinicians",
                               size=answer_bytes(availability, patient_token)))
        if wanted("compact"):
            # The same question, window and patient, answered grouped by clinician and day (ADR 0036).
            results.append(wrk(by_clinician_day, LUA_HEADERS.format(token=patient_token), args, "availability by clinician and day",
                               size=answer_bytes(by_clinician_day, patient_token)))
        if wanted("list"):
            results.append(wrk("/api/appointments?pageSize=20", LUA_HEADERS.format(token=own_token), args, "a patient's own appointments"))
        if wanted("settings"):
            # The same token, policies, MediatR and one EF query as GET one, without the audit: the pipeline's own limit.
            results.append(wrk("/api/clinic/settings", LUA_HEADERS.format(token=desk_token), args, SETTINGS))
        if wanted("get"):
            results.append(wrk(f"/api/appointments/{appointment_id}", LUA_HEADERS.format(token=desk_token), args, GET_ONE))
        if wanted("everything"):
            results.append(wrk(f"/fhir/Patient/{patients[-1]}/$everything", LUA_HEADERS.format(token=clinician_token), args,
                               f"$everything, {LONG_HISTORY_APPOINTMENTS} appts + {LONG_HISTORY_INTAKE_FORMS} forms (audited)"))
        if wanted("search"):
            # A name prefix as typed at the desk, in the other word order: matches Patient4242 and Patient42420–42429 among 50 000.
            results.append(wrk("/api/patients?search=patient4242%20ben", LUA_HEADERS.format(token=desk_token), args, "patient search by name (audited)"))
            results.append(wrk("/api/patients?phone=0400%20012%20345", LUA_HEADERS.format(token=desk_token), args, "patient search by phone (audited)"))
        if wanted("sync"):
            # A local copy catching up: the first page of 200 changes of the last 30 days, by the keyset index.
            since = urllib.parse.quote((dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=30)).isoformat())
            results.append(wrk(f"/api/appointments?updatedSince={since}&pageSize=200", LUA_HEADERS.format(token=desk_token), args,
                               "appointment change feed, page of 200"))
            results.append(wrk(f"/api/patients?updatedSince={since}&pageSize=200", LUA_HEADERS.format(token=desk_token), args,
                               "patient change feed, page of 200 (audited)"))
        def booking_lua(days_ahead):
            base = int((dt.datetime.combine(free_from + dt.timedelta(days=days_ahead), dt.time(0, 0)) - BRISBANE).replace(tzinfo=dt.timezone.utc).timestamp())
            return LUA_HEADERS.format(token=desk_token) + LUA_BOOKING.format(
                base=base, clinicians="{" + ",".join(f'"{c}"' for c in clinicians) + "}", patients="{" + ",".join(f'"{p}"' for p in patients[:1000]) + "}",
                type=follow_up, day_slots=DAY_SLOTS)
        booking, booking_warmup = booking_lua(30), booking_lua(3000)  # the warm-up books other free slots, far ahead
        if wanted("booking"):
            results.append(wrk("/api/appointments", booking, args, "booking distinct free slots", warmup_lua=booking_warmup))
        def series_lua(days_ahead):
            base = int((dt.datetime.combine(free_from + dt.timedelta(days=days_ahead), dt.time(0, 0)) - BRISBANE).replace(tzinfo=dt.timezone.utc).timestamp())
            return LUA_HEADERS.format(token=desk_token) + LUA_SERIES.format(
                base=base, clinicians="{" + ",".join(f'"{c}"' for c in clinicians) + "}", patients="{" + ",".join(f'"{p}"' for p in patients[:1000]) + "}",
                type=follow_up, day_slots=DAY_SLOTS)
        if wanted("series"):
            # Clear of the booking scenario's days (from 30 ahead) and its warm-up's (from 3000): series from 200, warm-up from 6000.
            results.append(wrk("/api/appointments/series", series_lua(200), args, "series of six, distinct free slots (series/s)", warmup_lua=series_lua(6000)))
        token_lua = 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = \'{"email":"riley.brooks@clinichip.example","password":"Demo-Passw0rd!"}\'\n'
        if wanted("token"):
            results.append(wrk("/api/auth/token", token_lua, args, "token issue (password hashing)"))
        invoicing = None
        if wanted("billing"):
            admin_token = http("POST", "/api/auth/token", {"email": "admin@bench.example", "password": PASSWORD})["accessToken"]
            rows, invoicing = billing.run(BASE, admin_token, desk_token, patients, args, wrk, LUA_HEADERS, target.execute, target.label)
            results.extend(rows)
        memory = peak_memory_mb(api)
        # Last: it resets the API's memory high-water mark to measure the export alone.
        export = run_export(api, target) if wanted("export") else None
    finally:
        api.terminate(); api.wait()

    doubles = int(target.scalar("SELECT COUNT(*) FROM (SELECT \"ClinicianId\", \"StartUtc\" FROM \"Appointments\" WHERE \"Status\" <> 'Cancelled' "
                                "GROUP BY \"ClinicianId\", \"StartUtc\" HAVING COUNT(*) > 1) AS doubles"))
    partial_series = int(target.scalar("SELECT COUNT(*) FROM (SELECT s.\"Id\" FROM \"AppointmentSeries\" s LEFT JOIN \"Appointments\" a ON a.\"SeriesId\" = s.\"Id\" "
                                      "GROUP BY s.\"Id\", s.\"RequestedOccurrences\" HAVING COUNT(a.\"Id\") <> s.\"RequestedOccurrences\") AS partial_series"))
    booked_series = int(target.scalar("SELECT COUNT(*) FROM \"AppointmentSeries\""))
    size_mb = target.size_mb()
    target.drop()
    return {"database": target.label, "size": size, "generation": generation, "ready": ready_after, "memory": memory, "db_mb": size_mb, "doubles": doubles,
            "series": booked_series, "partial_series": partial_series, "results": results, "export": export, "billing": invoicing}


def print_run(run):
    ceiling = run["results"][0]["rps"]
    print(f"{run['database']}: generated in {run['generation']:.0f} s ({run['db_mb']:.0f} MB); ready {run['ready']:.2f} s after start; "
          f"API peak memory {run['memory']:.0f} MB; double bookings: {run['doubles']}; "
          f"series booked: {run['series']}, of them not whole: {run['partial_series']}")
    print(f"{'scenario':42} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'of ceiling':>10}")
    for r in run["results"]:
        print(f"{r['scenario']:42} {r['rps']:9.0f} {r['p50']:8.2f} {r['p99']:8.2f} {r['errors']:7d} {r['rps'] / ceiling:10.1%}")
    for r in run["results"]:
        if r.get("bytes"):
            print(f"{r['scenario']}: {r['bytes']:,} bytes an answer")
    measured = {r["scenario"]: r["rps"] for r in run["results"]}
    if measured.get(SETTINGS) and GET_ONE in measured:
        print(f"GET one: {measured[GET_ONE] / ceiling:.1%} of the ceiling, {measured[GET_ONE] / measured[SETTINGS]:.1%} of settings (what the audited read costs)")
    if run["export"]:
        print_export(run["export"])
    if run["billing"]:
        billing.print_checks(run["billing"])


def print_side_by_side(left, right):
    print(f"\n{left['size']:,} appointments, {left['database']} beside {right['database']} (req/s, p50 ms, p99 ms, errors):")
    print(f"{'scenario':42} {left['database']:>30} {right['database']:>30} {'req/s ratio':>12}")
    for a, b in zip(left["results"], right["results"]):
        cells = [f"{r['rps']:7.0f} {r['p50']:7.2f} {r['p99']:7.2f} {r['errors']:5d}" for r in (a, b)]
        ratio = f"{b['rps'] / a['rps']:11.2f}×" if a["rps"] else f"{'–':>12}"
        print(f"{a['scenario']:42} {cells[0]:>30} {cells[1]:>30} {ratio}")
    for label, key, shown in (("data set generated", "generation", "{:.0f} s"), ("database size", "db_mb", "{:.0f} MB"), ("ready after start", "ready", "{:.2f} s"),
                              ("API peak memory", "memory", "{:.0f} MB"), ("double bookings", "doubles", "{}")):
        print(f"{label:42} {shown.format(left[key]):>30} {shown.format(right[key]):>30}")


def print_growth(small, large):
    print(f"\n{small['database']}: latency growth from {small['size']:,} to {large['size']:,} appointments:")
    for a, b in zip(small["results"], large["results"]):
        if a["scenario"].startswith(("availability", "GET one")):
            print(f"  {a['scenario']:40} p50 {a['p50']:.2f} → {b['p50']:.2f} ms ({b['p50'] / a['p50']:.2f}×), "
                  f"p99 {a['p99']:.2f} → {b['p99']:.2f} ms ({b['p99'] / a['p99']:.2f}×)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,1000000")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite",
                        help="postgres: each size on SQLite and then on PostgreSQL, the figures side by side")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=5, help="seconds of each scenario run first and discarded")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--only", default="", help="comma-separated scenarios: availability,compact,list,settings,get,everything,search,sync,booking,series,token,billing,export (the ceiling always runs)")
    parser.add_argument("--invoices", type=int, default=1000, help="billing: invoices drafted and issued at each concurrency (8 and 32 callers)")
    args = parser.parse_args()
    if args.database == "postgres" and not os.environ.get("CLINICHIP_TEST_POSTGRES"):
        # A throw-away server for the run, durable like SQLite's synchronous=FULL (fsync on, unlike the tests' server).
        script = os.path.join(ROOT, "tools", "postgres", "with-postgres.sh")
        os.execv(script, [script, "--durable", sys.executable, os.path.abspath(__file__), *sys.argv[1:]])
    ensure_wrk()
    print("Publishing the API (Release, ReadyToRun)...", flush=True)
    subprocess.run(["dotnet", "publish", os.path.join(ROOT, "src", "Api"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-o", PUBLISHED,
                    "-v", "quiet", "-nologo"], check=True, stdout=subprocess.DEVNULL)
    signing_key = new_signing_key()
    work = tempfile.mkdtemp(prefix="clinichip-bench-")
    targets = [SqliteTarget] + ([PostgresTarget] if args.database == "postgres" else [])
    runs = {target.label: [] for target in targets}
    try:
        for size in [int(s) for s in args.sizes.split(",")]:
            print(f"\n== {size:,} appointments", flush=True)
            for target in targets:
                run = run_size(target(work, size), size, args, signing_key)
                runs[target.label].append(run)
                print_run(run)
            if len(targets) > 1:
                print_side_by_side(*(runs[target.label][-1] for target in targets))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for label, measured in runs.items():
        if len(measured) > 1:
            print_growth(measured[0], measured[-1])


if __name__ == "__main__":
    main()
