#!/usr/bin/env bash
# The OpenAPI contract checked from the outside, as a third party meets it:
#   1. starts the built API on a throw-away SQLite database and saves its document
#      (artifacts/openapi/clinichip-v1.json);
#   then compares it with the released contract, docs/openapi/v1.json (tools/openapi/breaking-changes.mjs): a change
#      that breaks a client fails, and so does an additive one until the document is regenerated and committed;
#   2. lints it with Spectral's OpenAPI ruleset (tools/openapi/.spectral.yaml): errors fail, warnings are shown;
#   3. generates a TypeScript client with openapi-typescript, type-checks the booking flow against it, and runs the
#      flow (register, sign in, availability, book, read back) through openapi-fetch against the same API;
#      Meanwhile a receiver built on the `standardwebhooks` npm package verifies the booking's real webhook delivery,
#      and refuses a tampered body and an old timestamp; then a C# client generated with NSwag
#      (tools/openapi/csharp-client) runs the front desk's flow: sign in, availability, book with an Idempotency-Key,
#      reschedule, read back, and a typed 409;
#   4. drives Swagger UI in headless Chromium on a second API seeded with the demo clinic (tests/ui): signs in with
#      the prefilled example, authorizes, books with the prefilled example, reads back, and authorizes an integration
#      client through the OAuth2 client-credentials flow of the Authorize dialog.
#
#   tools/openapi/check.sh              # builds src/Api (Debug) first
#   tools/openapi/check.sh --no-build   # uses the existing Debug build output
#   tools/openapi/check.sh --lint-only  # steps 1, 2 and the breaking-change check
#   tools/openapi/check.sh --update-contract  # step 1, then writes docs/openapi/v1.json (after an intended change)
#
# Needs the .NET SDK, curl, Node.js 18+ with npm, and Chromium (both installed from Debian when missing and running as root).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

build=true
client=true
update_contract=false
for argument in "$@"; do
  case "$argument" in
    --no-build) build=false ;;
    --lint-only) client=false ;;
    --update-contract) update_contract=true; client=false ;;
    *) echo "usage: $0 [--no-build] [--lint-only] [--update-contract]" >&2; exit 2 ;;
  esac
done

ensure_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing Node.js and npm (Debian)..."
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    else
      echo "Node.js 18+ and npm are needed: install them (e.g. apt-get install nodejs npm)." >&2
      exit 1
    fi
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 18 ]; then
    echo "Node.js 18+ is needed; this is $(node --version)." >&2
    exit 1
  fi
}

ensure_chromium() {
  if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing Chromium (Debian)..."
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "Chromium is needed for the Swagger UI check: install it (apt-get install chromium) or set CHROMIUM." >&2
      exit 1
    fi
  fi
}

ensure_node
echo "node $(node --version), npm $(npm --version)"

if $build; then
  dotnet build src/Api -c Debug --nologo -v quiet
fi
api_dir=src/Api/bin/Debug/net10.0
[ -f "$api_dir/ClinicHip.Api.dll" ] || { echo "No build in $api_dir: run without --no-build." >&2; exit 1; }

npm ci --prefix tools/openapi --no-audit --no-fund --loglevel=error
if $client; then
  npm ci --prefix tests/contract-client --no-audit --no-fund --loglevel=error
fi

work=$(mktemp -d)
api_pids=()
cleanup() {
  for pid in "${api_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}
admin_email="contract-admin@clinichip.example"
admin_password="Contract-$(node -p 'require("crypto").randomBytes(18).toString("base64url")')"

# An ECDSA P-256 private key, base64 PKCS#8, as Jwt__SigningKey and Telehealth__SigningKey take it.
new_signing_key() {
  node -e 'process.stdout.write(require("crypto").generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "der" }).toString("base64"))'
}

# start_api NAME URL [KEY=VALUE...]: the built API on its own throw-away database, waited for until ready.
start_api() {
  local name=$1 url=$2
  shift 2
  (
    cd "$api_dir"
    export ASPNETCORE_ENVIRONMENT=Testing \
      Database__ConnectionString="Data Source=$work/$name.db" \
      Jwt__SigningKey="$(new_signing_key)" \
      Telehealth__SigningKey="$(new_signing_key)" \
      Bootstrap__AdminEmail="$admin_email" \
      Bootstrap__AdminPassword="$admin_password" \
      Logging__LogLevel__Default=Warning
    for setting in "$@"; do export "${setting?}"; done
    exec dotnet ClinicHip.Api.dll --urls "$url"
  ) >"$work/$name.log" 2>&1 &
  local pid=$!
  api_pids+=("$pid")
  for _ in $(seq 1 120); do
    if curl -sf "$url/health/ready" >/dev/null 2>&1; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "The API ($name) exited before it was ready:" >&2
      tail -n 40 "$work/$name.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "The API ($name) was not ready within 60 s." >&2
  exit 1
}

base_url="http://127.0.0.1:$(free_port)"
echo "== Starting the API on $base_url (throw-away database)"
# The Standard Webhooks receiver listens on plain http on this machine.
start_api contract "$base_url" Webhooks__AllowPrivateTargets=true Webhooks__AllowHttpTargets=true

mkdir -p artifacts/openapi
document="$root/artifacts/openapi/clinichip-v1.json"
curl -sf "$base_url/swagger/v1/swagger.json" -o "$document"
echo "Saved the document to ${document#"$root"/}"

# The released contract is compared without the address this run happened to use.
released="$root/docs/openapi/v1.json"
node -e 'const fs = require("fs"); const [from, to, url] = process.argv.slice(1);
  fs.writeFileSync(to, JSON.stringify(JSON.parse(fs.readFileSync(from, "utf8").split(url).join("http://localhost:5080")), null, 2) + "\n");' \
  "$document" "$work/served.json" "$base_url"
if $update_contract; then
  mkdir -p "$(dirname "$released")"
  cp "$work/served.json" "$released"
  echo "Wrote ${released#"$root"/}: commit it, and say what changed in CHANGELOG.md."
  exit 0
fi

echo "== Breaking changes against the released contract (docs/openapi/v1.json)"
node tools/openapi/breaking-changes.mjs "$released" "$work/served.json"

echo "== Spectral (spectral:oas): errors fail, warnings are reported"
npm run --prefix tools/openapi --silent lint

if $client; then
  echo "== TypeScript client (openapi-typescript + openapi-fetch): generate, type-check, run the booking flow"
  (
    cd tests/contract-client
    npm run --silent generate
    npm run --silent typecheck
    export CLINICHIP_API_URL="$base_url" CLINICHIP_ADMIN_EMAIL="$admin_email" CLINICHIP_ADMIN_PASSWORD="$admin_password"
    # The receiver subscribes first, so the flow's booking is delivered to it.
    CLINICHIP_RECEIVER_READY="$work/receiver-ready" npm run --silent webhook-receiver &
    receiver_pid=$!
    for _ in $(seq 1 60); do
      [ -f "$work/receiver-ready" ] || ! kill -0 "$receiver_pid" 2>/dev/null && break
      sleep 0.5
    done
    [ -f "$work/receiver-ready" ] || { wait "$receiver_pid" || true; echo "The webhook receiver did not start." >&2; exit 1; }
    npm run --silent booking-flow
    wait "$receiver_pid"
  )

  echo "== C# client (NSwag): generate from the document, build, run the front desk's flow (book, reschedule, typed 409)"
  csharp=tools/openapi/csharp-client
  dotnet build "$csharp/Generator" -c Debug --nologo -v quiet
  dotnet "$csharp/Generator/bin/Debug/net10.0/ClinicHip.ContractClient.Generator.dll" "$document" "$csharp/Flow/Generated/ClinicHipClient.cs"
  dotnet build "$csharp/Flow" -c Debug --nologo -v quiet
  CLINICHIP_API_URL="$base_url" CLINICHIP_ADMIN_EMAIL="$admin_email" CLINICHIP_ADMIN_PASSWORD="$admin_password" \
    dotnet "$csharp/Flow/bin/Debug/net10.0/ClinicHip.ContractClient.Flow.dll"

  echo "== Swagger UI in headless Chromium (demo clinic): sign in with the example, authorize, book, read back, client credentials"
  ensure_chromium
  npm ci --prefix tests/ui --no-audit --no-fund --loglevel=error --ignore-scripts
  ui_url="http://127.0.0.1:$(free_port)"
  start_api swagger-ui "$ui_url" Seed__Demo=true
  # The first request for the document builds it; the browser should meet a served one, as a user after start-up does.
  curl -sf -o /dev/null "$ui_url/swagger/v1/swagger.json"
  admin_token=$(curl -sf -X POST "$ui_url/api/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$admin_email\",\"password\":\"$admin_password\"}" | node -p 'JSON.parse(require("fs").readFileSync(0)).accessToken')
  client=$(curl -sf -X POST "$ui_url/api/integration-clients" -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
    -d '{"name":"Swagger UI check","scopes":["appointments:read"]}')
  CLINICHIP_API_URL="$ui_url" \
  CLINICHIP_CLIENT_ID=$(node -p 'JSON.parse(process.argv[1]).id' "$client") \
  CLINICHIP_CLIENT_SECRET=$(node -p 'JSON.parse(process.argv[1]).clientSecret' "$client") \
    npm run --prefix tests/ui --silent swagger-ui-flow
fi
echo "OpenAPI contract checks passed."
