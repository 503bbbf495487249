#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL server: initdb in a temporary folder, a free port on 127.0.0.1,
# trust authentication for the local superuser "postgres", stopped and deleted when the command ends.
# The command sees CLINICHIP_TEST_POSTGRES, the superuser's connection string; the integration tests then run on
# PostgreSQL, each test class in a database of its own.
#   tools/postgres/with-postgres.sh dotnet test tests/Api.IntegrationTests
# The tests' server skips fsync (they kill API processes, never the server); --durable keeps PostgreSQL's own
# durability settings, for measurements that compare it with SQLite's synchronous=FULL (bench/benchmark.py).
# Needs PostgreSQL's server programs (Debian: postgresql; initdb and pg_ctl on PATH or under /usr/lib/postgresql/*/bin).
set -euo pipefail
durability="-c fsync=off -c full_page_writes=off"
if [ "${1:-}" = --durable ]; then
  durability=""
  shift
fi
[ $# -gt 0 ] || { echo "usage: $0 [--durable] COMMAND [ARGS...]" >&2; exit 2; }

if ! command -v initdb >/dev/null; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$bin" ] || { echo "PostgreSQL's initdb was not found (Debian: apt-get install postgresql)." >&2; exit 1; }
  PATH="$bin:$PATH"
fi

# initdb refuses to run as root: the server then runs as an unprivileged account of its own.
as_server=()
if [ "$(id -u)" = 0 ]; then
  id clinichip-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin clinichip-pg
  as_server=(runuser -u clinichip-pg --)
fi

dir=$(mktemp -d /tmp/clinichip-pg.XXXXXX)
chmod 755 "$dir"
[ ${#as_server[@]} -eq 0 ] || chown clinichip-pg "$dir"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop() {
  "${as_server[@]}" pg_ctl -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

"${as_server[@]}" initdb -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
# Several API processes and the tests' own connections share the server: room for their pools.
"${as_server[@]}" pg_ctl -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=500 $durability" start >/dev/null
echo "PostgreSQL $("${as_server[@]}" postgres --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir/data)"

export CLINICHIP_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
"$@"
