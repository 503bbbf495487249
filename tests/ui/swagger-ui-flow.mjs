// Swagger UI as a newcomer meets it, in headless Chromium: open /swagger, sign in by executing the prefilled
// POST /api/auth/token example, authorize with the token, reload (the authorization must persist), book by executing
// the prefilled booking example, read the appointment back; then authorize an integration client through the
// OAuth2 client-credentials flow of the Authorize dialog and read the free slots with its token.
//   CLINICHIP_API_URL        the running API, seeded with the demo clinic (Seed:Demo=true)
//   CLINICHIP_CLIENT_ID / CLINICHIP_CLIENT_SECRET   an integration client holding appointments:read
//   CHROMIUM                 the browser (default /usr/bin/chromium)
import { chromium } from "playwright-core";

const baseUrl = process.env.CLINICHIP_API_URL ?? "http://localhost:5080";
const clientId = required("CLINICHIP_CLIENT_ID");
const clientSecret = required("CLINICHIP_CLIENT_SECRET");

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function check(condition, message) {
  if (!condition) throw new Error(message);
  console.log(`  ok: ${message}`);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${baseUrl}/swagger/index.html`);

  // The tags in workflow order, and the filter box. The page renders once the whole document has been fetched and
  // parsed, which on a busy two-core machine can take longer than an interaction.
  // Past 150 tags and operations Swagger UI renders only what is near the viewport (its virtualized list), so the tags
  // are read as a reader meets them, scrolling down, and an operation is scrolled to before it is used.
  await page.locator(".opblock-tag").first().waitFor({ timeout: 90_000 });
  const tags = [];
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let step = 0; step < 400 && !tags.includes("Audit"); step++) {
    for (const tag of await page.locator(".opblock-tag").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-tag")))) {
      if (!tags.includes(tag)) tags.push(tag);
    }
    await page.evaluate(() => window.scrollBy(0, 400));
    await page.waitForTimeout(30);
  }
  check(tags[0] === "Authentication" && tags.at(-1) === "Audit", `tags are in workflow order (${tags.join(", ")})`);
  await page.evaluate(() => window.scrollTo(0, 0));
  check(await page.locator("input.operation-filter-input").isVisible(), "the filter box is shown");

  const reveal = async (locator) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    for (let step = 0; step < 400 && (await locator.count()) === 0; step++) {
      await page.evaluate(() => window.scrollBy(0, 400));
      await page.waitForTimeout(30);
    }
    await locator.first().scrollIntoViewIfNeeded();
  };

  const execute = async (operationId, fill) => {
    const block = page.locator(`[id$="-${operationId}"].opblock`);
    await reveal(block);
    if (!(await block.locator(".opblock-body").isVisible())) {
      await block.locator(".opblock-summary").first().click();
    }
    if (fill) await fill(block);
    await block.locator("button.execute").click();
    const status = block.locator(".live-responses-table .response .response-col_status").first();
    await status.waitFor();
    const body = await block.locator(".live-responses-table .response-col_description pre").first().innerText();
    return { status: Number((await status.innerText()).trim()), body: body ? JSON.parse(body) : undefined };
  };

  // 1. Sign in with the example exactly as prefilled.
  const token = await execute("IssueToken");
  check(token.status === 200 && typeof token.body.accessToken === "string", "the prefilled sign-in example signs in (200)");

  // 2. Authorize with the bearer token.
  await page.locator("button.authorize").first().click();
  const bearer = page.locator(".auth-container").filter({ hasText: "Bearer" }).first();
  await bearer.locator("input").first().fill(token.body.accessToken);
  await bearer.locator("button.authorize").click();
  await page.locator(".modal-ux button.btn-done").first().click();

  // 3. A reload keeps the authorization (persistAuthorization).
  await page.reload();
  await page.locator(".opblock-tag").first().waitFor();
  check(await page.locator("button.authorize.locked").count() > 0, "the authorization survives a reload");

  // 4. Book with the prefilled example, then read it back.
  const booked = await execute("BookAppointment");
  check(booked.status === 201 && booked.body.status === "Booked", `the prefilled booking example books (${booked.status})`);
  const readBack = await execute("GetAppointment", (block) => block.locator('tr[data-param-name="id"] input').fill(booked.body.id));
  check(readBack.status === 200 && readBack.body.id === booked.body.id, "the appointment reads back (200)");

  // 5. The OAuth2 client-credentials flow in the Authorize dialog: log the user out, authorize the client.
  await page.locator("button.authorize").first().click();
  await page.locator(".auth-container").filter({ hasText: "Bearer" }).first().locator("button", { hasText: "Logout" }).click();
  const oauth = page.locator(".auth-container").filter({ hasText: "clientCredentials" }).first();
  await oauth.locator('input[data-name="clientId"]').fill(clientId);
  await oauth.locator('input[data-name="clientSecret"]').fill(clientSecret);
  await oauth.locator('label[for^="appointments:read-"]').click();
  await oauth.locator("button.authorize").click();
  await oauth.locator("button", { hasText: "Logout" }).waitFor();
  await page.locator(".modal-ux button.btn-done").first().click();
  const types = await execute("ListAppointmentTypes");
  check(types.status === 200 && Array.isArray(types.body), "a client authorized in the dialog reads the appointment types (200)");

  console.log("Swagger UI flow passed.");
} catch (error) {
  console.error(`Swagger UI flow failed: ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
