"""The billing scenario of bench/benchmark.py (--only billing).

Invoices issued per second by concurrent front-desk callers, and whether the numbers they got have gaps or repeats;
then the day's takings and the outstanding (ageing) report under wrk, after payments are recorded.

Drafts are prepared through the API (a billable item created by the administrator, one line each, for the bench
patients), then issued by N workers at once, each with its own keep-alive connection (Python threads on the same
machine as the API, so the client's own CPU is part of what is measured). Every issued invoice is read back and its
number parsed: over the range of numbers the run used, gaps = numbers in the range nobody holds, duplicates = numbers
held twice.
"""
import concurrent.futures, datetime as dt, http.client, json, threading, time, urllib.parse, uuid

ISSUERS = (8, 32)  # concurrent front-desk callers
WARMUP_INVOICES = 200  # drafted and issued first (at the lowest concurrency), not timed, but in the numbering check
PRICE_MINOR = 9500
AGES = 120  # days: issued invoices are dated back over this many days before the reports run, so every ageing bucket fills
BRISBANE = dt.timedelta(hours=10)  # the seed clinic's clock
# Says what the first answer other than 200 was (wrk counts them, and its timeouts, as errors without saying which).
LUA_FIRST_ERROR = r'''
local reported = false
response = function(status, headers, body)
  if status ~= 200 and not reported then
    reported = true
    io.stderr:write("report answered " .. status .. ": " .. string.sub(body, 1, 200) .. "\n")
  end
end
'''


class Client:
    """One keep-alive HTTP connection per worker thread."""

    def __init__(self, base, token):
        address = urllib.parse.urlsplit(base)
        self.host, self.port, self.token = address.hostname, address.port, token
        self.local = threading.local()

    def call(self, method, path, body=None, headers=None):
        """Answers (status, parsed body, seconds taken)."""
        if not hasattr(self.local, "connection"):
            self.local.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        sent = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json", **(headers or {})}
        started = time.perf_counter()
        try:
            self.local.connection.request(method, path, body=None if body is None else json.dumps(body), headers=sent)
            response = self.local.connection.getresponse()
            data = response.read()
        except (http.client.HTTPException, OSError):
            self.local.connection.close()
            del self.local.connection
            raise
        return response.status, json.loads(data) if data else None, time.perf_counter() - started


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))] * 1000 if ordered else float("nan")


def concurrently(workers, jobs, call):
    """Runs call(job) for every job with `workers` threads; answers (answers in order, elapsed seconds)."""
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        answers = list(pool.map(call, jobs))
    return answers, time.perf_counter() - started


def measured(label, answers, elapsed, ok):
    latencies = [seconds for _, _, seconds in answers]
    errors = sum(1 for status, _, _ in answers if status != ok)
    return {"scenario": label, "rps": len(answers) / elapsed, "requests": len(answers), "errors": errors,
            "p50": percentile(latencies, 0.50), "p99": percentile(latencies, 0.99), "bytes": None}


def drafts(desk, item, patients, count, workers):
    def draft(n):
        return desk.call("POST", "/api/invoices", {"patientId": patients[n % len(patients)], "items": [{"itemId": item, "quantity": 1}]})
    return concurrently(workers, range(count), draft)


def issue(desk, invoice_ids, workers):
    return concurrently(workers, invoice_ids, lambda invoice_id: desk.call("POST", f"/api/invoices/{invoice_id}/issue"))


def run(base, admin_token, desk_token, patients, args, measure, lua_headers, execute, provider):
    """The scenario's rows (for the run's table) and its checks. measure is benchmark.wrk; execute runs SQL on the run's database."""
    admin, desk = Client(base, admin_token), Client(base, desk_token)
    status, item, _ = admin.call("POST", "/api/billing/items", {"code": f"BENCH-{uuid.uuid4().hex[:8]}", "name": "Follow-up consultation",
                                                                "priceMinor": PRICE_MINOR, "taxTreatment": "GstFree", "kind": "Service"})
    if status != 201:
        raise SystemExit(f"Creating the billable item answered {status}: {item}")
    debtors = patients[:1000]
    results, issued = [], []
    for workers in (ISSUERS[0],) + ISSUERS:
        warming = not issued
        count = WARMUP_INVOICES if warming else args.invoices
        answers, elapsed = drafts(desk, item["id"], debtors, count, workers)
        ids = [(body["id"], body["patientId"]) for status, body, _ in answers if status == 201]
        if not warming:
            results.append(measured(f"invoice drafts, {workers} callers", answers, elapsed, 201))
        answers, elapsed = issue(desk, [invoice_id for invoice_id, _ in ids], workers)
        issued.extend(invoice for invoice, (status, _, _) in zip(ids, answers) if status == 200)
        if not warming:
            results.append(measured(f"invoices issued, {workers} callers", answers, elapsed, 200))
            report_first_error("issue", answers, 200)

    # Every issued invoice read back: the numbers they hold.
    answers, _ = concurrently(ISSUERS[0], issued, lambda invoice: desk.call("GET", f"/api/invoices/{invoice[0]}"))
    numbers = [int(body["number"].split("-")[-1]) for status, body, _ in answers if status == 200 and body.get("number")]
    distinct = set(numbers)
    numbering = {"issued": len(issued), "read": len(numbers), "first": min(numbers), "last": max(numbers),
                 "gaps": max(numbers) - min(numbers) + 1 - len(distinct), "duplicates": len(numbers) - len(distinct)}

    # Payments at the desk, each with its own Idempotency-Key: three in five invoices paid in full, one in five half paid.
    methods = ["Cash", "Card", "BankTransfer"]
    def pay(n):
        (invoice_id, patient), amount = issued[n], PRICE_MINOR if n % 5 < 3 else PRICE_MINOR // 2
        return desk.call("POST", "/api/payments", {"patientId": patient, "method": methods[n % 3], "amountMinor": amount,
                                                   "allocations": [{"invoiceId": invoice_id, "amountMinor": amount}]},
                         {"Idempotency-Key": f"bench-{invoice_id}"})
    paying = [n for n in range(len(issued)) if n % 5 < 4]
    answers, elapsed = concurrently(ISSUERS[0], paying, pay)
    results.append(measured(f"payments recorded, {ISSUERS[0]} callers", answers, elapsed, 201))
    report_first_error("payment", answers, 201)
    # A double click: the same key again answers the payment already recorded.
    replays, _ = concurrently(ISSUERS[0], paying[:50], pay)
    repeated = sum(1 for (_, first, _), (status, again, _) in zip(answers, replays) if status not in (200, 201) or (again or {}).get("id") != (first or {}).get("id"))

    # Issued today, every invoice is 0-30 days old: date them back over AGES days so the ageing report has every bucket to fill.
    back = ('"IssuedOn" = "IssuedOn" - CAST("SequenceNumber" % {0} AS integer), "DueOn" = "DueOn" - CAST("SequenceNumber" % {0} AS integer)'
            if provider == "PostgreSQL" else
            "\"IssuedOn\" = date(\"IssuedOn\", '-' || (\"SequenceNumber\" % {0}) || ' days'), \"DueOn\" = date(\"DueOn\", '-' || (\"SequenceNumber\" % {0}) || ' days')")
    execute(f'UPDATE "Invoices" SET {back.format(AGES)} WHERE "SequenceNumber" IS NOT NULL')

    today = (dt.datetime.now(dt.timezone.utc) + BRISBANE).date().isoformat()
    results.append(measure(f"/api/billing/reports/takings?date={today}", lua_headers.format(token=desk_token) + LUA_FIRST_ERROR, args, "day's takings report"))
    results.append(measure(f"/api/billing/reports/outstanding?asOf={today}&pageSize=50", lua_headers.format(token=desk_token) + LUA_FIRST_ERROR, args,
                           "outstanding invoices by age, page of 50"))
    return results, dict(numbering, payments=len(paying), replays=len(replays), replays_not_the_first=repeated)


def report_first_error(what, answers, ok):
    for status, body, _ in answers:
        if status != ok:
            print(f"{what} answered {status}: {json.dumps(body)[:200]}", flush=True)
            return


def print_checks(billing):
    print(f"invoice numbers: {billing['issued']:,} issued, {billing['read']:,} read back, range {billing['first']}–{billing['last']}; "
          f"gaps: {billing['gaps']}, duplicates: {billing['duplicates']}")
    print(f"payments recorded: {billing['payments']:,}; {billing['replays']} replayed with their Idempotency-Key, "
          f"answered other than the first payment: {billing['replays_not_the_first']}")
