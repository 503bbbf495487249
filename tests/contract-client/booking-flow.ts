// A booking made the way a third party would: only through the client generated from ClinicHip's OpenAPI document
// (openapi-typescript types, openapi-fetch calls), against a running API. The type check (npm run typecheck) proves
// the document describes these calls; running it proves the API answers as described.
//
//   CLINICHIP_API_URL=http://127.0.0.1:5080 CLINICHIP_ADMIN_EMAIL=... CLINICHIP_ADMIN_PASSWORD=... npm run booking-flow
//
// The administrator is the API's bootstrap admin on a throw-away database: the flow adds its own clinician and
// appointment type, so it needs nothing else to exist.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./generated/clinichip.js";

type Problem = components["schemas"]["ProblemDetails"];

const baseUrl = required("CLINICHIP_API_URL");
const anonymous = createClient<paths>({ baseUrl });

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`Set ${name}.`);
  }
  return value;
}

/** The data of a successful answer, or a failure that names the operation and the problem document. */
function ok<T>(step: string, result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) {
    throw new Error(`${step}: HTTP ${result.response.status} ${JSON.stringify(result.error)}`);
  }
  console.log(`ok  ${step} (${result.response.status})`);
  return result.data;
}

async function signIn(email: string, password: string) {
  const tokens = ok("POST /api/auth/token", await anonymous.POST("/api/auth/token", { body: { email, password } }));
  assert.equal(tokens.tokenType, "Bearer");
  const bearer: Middleware = {
    onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${tokens.accessToken}`);
      return request;
    },
  };
  const client = createClient<paths>({ baseUrl });
  client.use(bearer);
  return client;
}

// The clinic: an administrator adds a clinician working every day and an appointment type patients may book online.
const admin = await signIn(required("CLINICHIP_ADMIN_EMAIL"), required("CLINICHIP_ADMIN_PASSWORD"));
const staff = ok("POST /api/staff", await admin.POST("/api/staff", {
  body: {
    email: `clinician-${randomUUID()}@clinic.example`,
    password: "Contract-Passw0rd-1",
    givenName: "Maya",
    familyName: "Chen",
    role: "Clinician",
    profession: "Physiotherapist",
  },
}));
const clinicianId = staff.clinician?.id;
assert.ok(clinicianId, "a Clinician staff member has a clinician profile");
const days: components["schemas"]["DayOfWeek"][] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
// A new clinician's hours: If-Match is required on PUT, and * replaces whatever version is there.
ok("PUT /api/clinicians/{id}/working-hours", await admin.PUT("/api/clinicians/{id}/working-hours", {
  params: { path: { id: clinicianId }, header: { "If-Match": "*" } },
  body: { intervals: days.map((day) => ({ day, start: "08:00", end: "17:00" })) },
}));
const followUp = ok("POST /api/appointment-types", await admin.POST("/api/appointment-types", {
  body: { name: `Follow-up ${randomUUID()}`, durationMinutes: 30, bufferAfterMinutes: 0, mode: "Either", bookableOnline: true, isActive: true },
}));

// A runner registers, signs in, finds a free slot and books it.
const email = `runner-${randomUUID()}@example.com`;
const password = "Trail-Runner-2026";
// Registration answers 202 whether or not the email had an account, so the profile is read after signing in.
const registered = ok("POST /api/auth/register", await anonymous.POST("/api/auth/register", {
  body: { email, password, givenName: "Jordan", familyName: "Lee", dateOfBirth: "1990-04-21", phone: "+61 7 5555 0100" },
}));
assert.equal(registered.email, email);
const patient = await signIn(email, password);
const me = ok("GET /api/auth/me", await patient.GET("/api/auth/me"));
assert.ok(me.patientId, "the new account has a patient profile");
const profile = ok("GET /api/patients/{id}", await patient.GET("/api/patients/{id}", { params: { path: { id: me.patientId } } }));
assert.equal(profile.email, email);

const from = new Date();
const to = new Date(from.getTime() + 7 * 24 * 60 * 60 * 1000);
const slots = ok("GET /api/availability", await patient.GET("/api/availability", {
  params: { query: { appointmentTypeId: followUp.id, clinicianId, from: from.toISOString(), to: to.toISOString() } },
}));
const slot = slots[0];
assert.ok(slot, "the new clinician has free slots in the next seven days");
assert.equal(slot.clinicianId, clinicianId);
assert.equal(slot.clinicianName, staff.clinician?.displayName);

const booking = { clinicianId, appointmentTypeId: followUp.id, start: slot.start, mode: "InPerson" } as const;
const idempotencyKey = randomUUID();
const booked = ok("POST /api/appointments", await patient.POST("/api/appointments", {
  params: { header: { "Idempotency-Key": idempotencyKey } },
  body: booking,
}));
assert.equal(booked.patientId, profile.id);
assert.equal(booked.status, "Booked");
assert.equal(Date.parse(booked.start), Date.parse(slot.start));

// Read it back, alone and in the patient's list.
const read = ok("GET /api/appointments/{id}", await patient.GET("/api/appointments/{id}", { params: { path: { id: booked.id } } }));
assert.deepEqual(read, booked);
const mine = ok("GET /api/appointments", await patient.GET("/api/appointments", { params: { query: { from: from.toISOString() } } }));
assert.deepEqual(mine.items.map((a) => a.id), [booked.id]);
assert.equal(mine.totalCount, 1);

// A retry with the same Idempotency-Key answers the first booking; a second booking of the slot is a typed problem.
const retried = ok("POST /api/appointments (retry)", await patient.POST("/api/appointments", {
  params: { header: { "Idempotency-Key": idempotencyKey } },
  body: booking,
}));
assert.equal(retried.id, booked.id);
const twice = await patient.POST("/api/appointments", { body: booking });
assert.equal(twice.response.status, 409);
assert.equal(twice.response.headers.get("content-type"), "application/problem+json");
const problem: Problem | undefined = twice.error;
assert.ok(problem?.code, "a 409 names its ClinicHip code");
const type = problem.type;
assert.ok(type, "the problem names its type");
assert.ok(type.endsWith(`/problems/${problem.code}`), `${type} is the page of ${problem.code}`);
assert.ok(problem.traceId);
const page = await fetch(new URL(type, baseUrl));
assert.equal(page.status, 200, "the problem type URI resolves");
assert.ok((await page.text()).includes(problem.code));
console.log(`ok  POST /api/appointments again (409 ${problem.code})`);

console.log(`Booking flow passed: appointment ${booked.id} at ${booked.start}.`);
