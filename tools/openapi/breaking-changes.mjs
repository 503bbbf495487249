// Compares the served OpenAPI document with the released one (docs/openapi/v1.json) and fails on a change that
// breaks a client built on the released one. Additive changes pass, but the committed document must then be
// regenerated (tools/openapi/check.sh --update-contract) so the next change is compared with it.
//   node breaking-changes.mjs RELEASED SERVED
// Breaking: an operation or response status removed; a parameter removed, added as required, or made required; a
// request member added as required or made required; a response member removed or no longer required; an enum value
// removed from a response or refused in a request (removed); a webhook removed.
import { readFileSync } from "node:fs";

const [releasedPath, servedPath] = process.argv.slice(2);
const released = JSON.parse(readFileSync(releasedPath, "utf8"));
const served = JSON.parse(readFileSync(servedPath, "utf8"));
const breaking = [];
const methods = ["get", "put", "post", "delete", "patch", "head", "options"];

function resolve(document, schema) {
  let current = schema;
  for (let depth = 0; current && current.$ref && depth < 20; depth++) {
    current = current.$ref.split("/").slice(1).reduce((node, key) => node?.[key], document);
  }
  return current ?? {};
}

// The object schema a member is declared by, looking through allOf / oneOf [$ref, null] wrappers.
function unwrap(document, schema) {
  const resolved = resolve(document, schema);
  const inner = resolved.allOf?.[0] ?? resolved.oneOf?.find((s) => s.type !== "null");
  return inner ? unwrap(document, inner) : resolved;
}

function compareSchemas(where, oldSchema, newSchema, direction, seen = new Set()) {
  const before = unwrap(released, oldSchema);
  const after = unwrap(served, newSchema);
  const key = `${direction}:${JSON.stringify(oldSchema)}:${JSON.stringify(newSchema)}`;
  if (seen.has(key)) return;
  seen.add(key);
  if (Array.isArray(before.enum) && Array.isArray(after.enum)) {
    for (const value of before.enum) {
      if (!after.enum.includes(value)) breaking.push(`${where}: enum value ${JSON.stringify(value)} removed`);
    }
  }
  if (before.items && after.items) compareSchemas(`${where}[]`, before.items, after.items, direction, seen);
  const oldRequired = new Set(before.required ?? []);
  const newRequired = new Set(after.required ?? []);
  for (const [name, property] of Object.entries(before.properties ?? {})) {
    const next = after.properties?.[name];
    if (direction === "response") {
      if (!next) breaking.push(`${where}.${name}: response member removed`);
      else if (oldRequired.has(name) && !newRequired.has(name)) breaking.push(`${where}.${name}: response member no longer always present`);
    } else if (next && !oldRequired.has(name) && newRequired.has(name)) {
      breaking.push(`${where}.${name}: request member became required`);
    }
    if (next) compareSchemas(`${where}.${name}`, property, next, direction, seen);
  }
  if (direction === "request") {
    for (const name of newRequired) {
      if (!before.properties?.[name] && after.properties?.[name]) breaking.push(`${where}.${name}: new required request member`);
    }
  }
}

function compareOperation(where, before, after) {
  for (const parameter of before.parameters ?? []) {
    const next = (after.parameters ?? []).find((p) => p.name === parameter.name && p.in === parameter.in);
    if (!next) breaking.push(`${where}: ${parameter.in} parameter ${parameter.name} removed`);
    else {
      if (!parameter.required && next.required) breaking.push(`${where}: ${parameter.in} parameter ${parameter.name} became required`);
      compareSchemas(`${where} ${parameter.name}`, parameter.schema, next.schema, "request");
    }
  }
  for (const parameter of after.parameters ?? []) {
    const existed = (before.parameters ?? []).some((p) => p.name === parameter.name && p.in === parameter.in);
    if (!existed && parameter.required) breaking.push(`${where}: new required ${parameter.in} parameter ${parameter.name}`);
  }
  const oldBody = before.requestBody?.content?.["application/json"]?.schema;
  const newBody = after.requestBody?.content?.["application/json"]?.schema;
  if (oldBody && newBody) compareSchemas(`${where} body`, oldBody, newBody, "request");
  if (!before.requestBody?.required && after.requestBody?.required) breaking.push(`${where}: the body became required`);
  for (const [status, response] of Object.entries(before.responses ?? {})) {
    const next = after.responses?.[status];
    if (!next) {
      if (status.startsWith("2")) breaking.push(`${where}: response ${status} removed`);
      continue;
    }
    const oldSchema = resolve(released, response).content?.["application/json"]?.schema;
    const newSchema = resolve(served, next).content?.["application/json"]?.schema;
    if (oldSchema && newSchema) compareSchemas(`${where} ${status}`, oldSchema, newSchema, "response");
  }
}

for (const [path, item] of Object.entries(released.paths ?? {})) {
  for (const method of methods.filter((m) => item[m])) {
    const where = `${method.toUpperCase()} ${path}`;
    const next = served.paths?.[path]?.[method];
    if (!next) breaking.push(`${where}: operation removed`);
    else compareOperation(where, item[method], next);
  }
}
for (const [name, item] of Object.entries(released.webhooks ?? {})) {
  if (!served.webhooks?.[name]) breaking.push(`webhook ${name} removed`);
  else for (const method of methods.filter((m) => item[m])) {
    const oldBody = item[method].requestBody?.content?.["application/json"]?.schema;
    const newBody = served.webhooks[name][method]?.requestBody?.content?.["application/json"]?.schema;
    if (oldBody && newBody) compareSchemas(`webhook ${name}`, oldBody, newBody, "response");
  }
}

if (breaking.length > 0) {
  console.error(`Breaking changes against ${releasedPath} (${breaking.length}):`);
  for (const line of [...new Set(breaking)]) console.error(`  - ${line}`);
  console.error("Keep the released behaviour (add, deprecate, then remove after the Sunset date: docs/integration.md, Versioning).");
  process.exit(1);
}
const unchanged = JSON.stringify(released) === JSON.stringify(served);
console.log(unchanged
  ? "The served document matches docs/openapi/v1.json."
  : "No breaking change; the served document adds to docs/openapi/v1.json: regenerate it (tools/openapi/check.sh --update-contract) and commit it.");
process.exit(unchanged ? 0 : 3);
