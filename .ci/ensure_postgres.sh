#!/usr/bin/env bash
# Make sure PostgreSQL answers on 127.0.0.1:5432 for the store tests: user postgres with trust
# authentication on loopback, and a database "test".
#   - answering already: nothing to do;
#   - a Debian cluster exists but is stopped: start it (pg_ctlcluster, no systemd needed);
#   - no server at all: install Debian's postgresql (needs root), allow trust auth on loopback
#     (CI and throw-away machines only), start it.
set -euo pipefail

HOST=127.0.0.1
PORT=5432

ready() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$HOST" -p "$PORT"
  else
    (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null
  fi
}

say() { echo "ensure_postgres: $*" >&2; }

cluster_version() { ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1; }

start_cluster() {
  local version
  version=$(cluster_version)
  say "starting PostgreSQL $version (cluster main)"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do
    ready && return 0
    sleep 1
  done
  say "PostgreSQL $version did not come up on $HOST:$PORT"
  return 1
}

allow_trust_on_loopback() {
  local hba
  hba="/etc/postgresql/$(cluster_version)/main/pg_hba.conf"
  if ! grep -Eq '^host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
    say "allowing trust authentication on 127.0.0.1 in $hba"
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
    # the package may have started the cluster already: make it read the new rules
    pg_ctlcluster --skip-systemctl-redirect "$(cluster_version)" main reload 2>/dev/null || true
  fi
}

if ! ready; then
  if [ -z "$(cluster_version)" ]; then
    if [ "$(id -u)" != 0 ]; then
      say "no PostgreSQL server and not root: install Debian's postgresql, or point the tests at one"
      exit 1
    fi
    say "installing Debian's postgresql"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    allow_trust_on_loopback
  fi
  start_cluster
fi

if ! psql -h "$HOST" -p "$PORT" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1; then
  say "creating database test"
  psql -h "$HOST" -p "$PORT" -U postgres -d postgres -qc "CREATE DATABASE test"
fi
