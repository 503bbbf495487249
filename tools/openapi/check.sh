#!/usr/bin/env bash
# The OpenAPI contract checked from the outside, as a third party meets it:
#   1. starts the built API on a throw-away SQLite database and saves its document
#      (artifacts/openapi/clinichip-v1.json);
#   2. lints it with Spectral's OpenAPI ruleset (tools/openapi/.spectral.yaml): errors fail, warnings are shown;
#   3. generates a TypeScript client with openapi-typescript, type-checks the booking flow against it, and runs the
#      flow (register, sign in, availability, book, read back) through openapi-fetch against the same API.
#
#   tools/openapi/check.sh              # builds src/Api (Debug) first
#   tools/openapi/check.sh --no-build   # uses the existing Debug build output
#   tools/openapi/check.sh --lint-only  # steps 1 and 2
#
# Needs the .NET SDK, curl, and Node.js 18+ with npm (installed from Debian when missing and running as root).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

build=true
client=true
for argument in "$@"; do
  case "$argument" in
    --no-build) build=false ;;
    --lint-only) client=false ;;
    *) echo "usage: $0 [--no-build] [--lint-only]" >&2; exit 2 ;;
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
api_pid=""
cleanup() {
  if [ -n "$api_pid" ]; then
    kill "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
base_url="http://127.0.0.1:$port"
admin_email="contract-admin@clinichip.example"
admin_password="Contract-$(node -p 'require("crypto").randomBytes(18).toString("base64url")')"

echo "== Starting the API on $base_url (throw-away database)"
(
  cd "$api_dir"
  ASPNETCORE_ENVIRONMENT=Testing \
  Database__ConnectionString="Data Source=$work/clinichip.db" \
  Jwt__SigningKey="$(node -p 'require("crypto").randomBytes(48).toString("base64")')" \
  Bootstrap__AdminEmail="$admin_email" \
  Bootstrap__AdminPassword="$admin_password" \
  Logging__LogLevel__Default=Warning \
  exec dotnet ClinicHip.Api.dll --urls "$base_url"
) >"$work/api.log" 2>&1 &
api_pid=$!

for _ in $(seq 1 120); do
  if curl -sf "$base_url/health/ready" >/dev/null 2>&1; then
    break
  fi
  if ! kill -0 "$api_pid" 2>/dev/null; then
    echo "The API exited before it was ready:" >&2
    tail -n 40 "$work/api.log" >&2
    exit 1
  fi
  sleep 0.5
done
curl -sf "$base_url/health/ready" >/dev/null || { echo "The API was not ready within 60 s." >&2; exit 1; }

mkdir -p artifacts/openapi
document="$root/artifacts/openapi/clinichip-v1.json"
curl -sf "$base_url/swagger/v1/swagger.json" -o "$document"
echo "Saved the document to ${document#"$root"/}"

echo "== Spectral (spectral:oas): errors fail, warnings are reported"
npm run --prefix tools/openapi --silent lint

if $client; then
  echo "== TypeScript client (openapi-typescript + openapi-fetch): generate, type-check, run the booking flow"
  (
    cd tests/contract-client
    npm run --silent generate
    npm run --silent typecheck
    CLINICHIP_API_URL="$base_url" CLINICHIP_ADMIN_EMAIL="$admin_email" CLINICHIP_ADMIN_PASSWORD="$admin_password" \
      npm run --silent booking-flow
  )
fi
echo "OpenAPI contract checks passed."
