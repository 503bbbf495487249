// A webhook receiver built on the official Standard Webhooks library (npm `standardwebhooks`), as an integrator would
// write one: it subscribes to appointment.booked through the generated client, then verifies the API's real delivery
// with the secret exactly as shown at creation, and checks that the library refuses a tampered body and an old
// timestamp. Start it before the booking flow; it exits 0 once a delivery verified, 1 otherwise (60 s at most).
//
//   CLINICHIP_API_URL=... CLINICHIP_ADMIN_EMAIL=... CLINICHIP_ADMIN_PASSWORD=... CLINICHIP_RECEIVER_READY=<file> npm run webhook-receiver
//
// The API must allow plain-http private targets (Webhooks:AllowPrivateTargets and Webhooks:AllowHttpTargets).
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import createClient from "openapi-fetch";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import type { paths } from "./generated/clinichip.js";

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`Set ${name}.`);
  }
  return value;
}

const baseUrl = required("CLINICHIP_API_URL");
const anonymous = createClient<paths>({ baseUrl });
const signedIn = await anonymous.POST("/api/auth/token", {
  body: { email: required("CLINICHIP_ADMIN_EMAIL"), password: required("CLINICHIP_ADMIN_PASSWORD") },
});
assert.ok(signedIn.data, `sign-in: HTTP ${signedIn.response.status}`);
const admin = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${signedIn.data.accessToken}` } });

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function refuses(webhook: Webhook, body: string, headers: Record<string, string>, why: string) {
  assert.throws(() => webhook.verify(body, headers), WebhookVerificationError, why);
  console.log(`ok  the library refuses ${why}`);
}

let webhook: Webhook | undefined;
const verified = new Promise<void>((resolve, reject) => {
  const server = createServer(async (request, response) => {
    try {
      const body = await readBody(request);
      const headers = {
        "webhook-id": String(request.headers["webhook-id"]),
        "webhook-timestamp": String(request.headers["webhook-timestamp"]),
        "webhook-signature": String(request.headers["webhook-signature"]),
      };
      assert.ok(webhook, "a delivery before the subscription was created");
      const payload = webhook.verify(body, headers) as { id: string; type: string };
      console.log(`ok  a real ${payload.type} delivery verifies with the standardwebhooks library`);
      assert.equal(payload.id, headers["webhook-id"], "Webhook-Id is the event id");

      refuses(webhook, body.replace(/"type"\s*:\s*"[^"]*"/, '"type":"appointment.cancelled"'), headers, "a tampered body");
      const old = new Date(Date.now() - 10 * 60 * 1000);
      refuses(webhook, body, {
        "webhook-id": headers["webhook-id"],
        "webhook-timestamp": String(Math.floor(old.getTime() / 1000)),
        "webhook-signature": webhook.sign(headers["webhook-id"], old, body),
      }, "a delivery with a ten-minute-old timestamp");

      response.writeHead(204).end();
      server.close();
      resolve();
    } catch (error) {
      response.writeHead(400).end();
      server.close();
      reject(error);
    }
  });
  server.listen(0, "127.0.0.1", async () => {
    const { port } = server.address() as AddressInfo;
    const created = await admin.POST("/api/webhooks", {
      body: { url: `http://127.0.0.1:${port}/hook`, events: ["appointment.booked"], description: "Standard Webhooks receiver check" },
    });
    if (!created.data) {
      reject(new Error(`POST /api/webhooks: HTTP ${created.response.status} ${JSON.stringify(created.error)}`));
      return;
    }
    assert.match(created.data.secret, /^whsec_[A-Za-z0-9+/]+={0,2}$/, "the secret is in the Standard Webhooks format");
    webhook = new Webhook(created.data.secret);
    console.log(`ok  POST /api/webhooks (${created.response.status}): listening on port ${port}`);
    writeFileSync(required("CLINICHIP_RECEIVER_READY"), "ready");
  });
  setTimeout(() => reject(new Error("No appointment.booked delivery within 60 s.")), 60_000).unref();
});

try {
  await verified;
  console.log("Standard Webhooks receiver passed.");
  process.exit(0);
} catch (error) {
  console.error(`Standard Webhooks receiver failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
