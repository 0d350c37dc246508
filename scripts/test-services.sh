#!/usr/bin/env bash
# Brings up what igcord's tests need before `npm test` runs them, so the README's test command passes on a fresh
# Debian machine: PostgreSQL on 127.0.0.1 (trust auth, database `test`), Redis on 127.0.0.1 and Debian's Chromium
# at /usr/bin/chromium. For each one missing it starts the installed service (Debian's cluster for that port, as
# CI machines have), else a private server of its own under IGCORD_TEST_SERVICES_DIR; what is not installed it
# installs with apt-get when run as root, and otherwise says in one line what to install.
# `test-services.sh stop` stops the private servers it started (never a system service or a shared server).
#
# Environment (the ports exist so its own test can use ports where nothing listens):
#   IGCORD_TEST_PG_PORT       default 5432
#   IGCORD_TEST_REDIS_PORT    default 6379
#   IGCORD_TEST_SERVICES_DIR  default ${TMPDIR:-/tmp}/igcord-test-services (private servers' data and logs)
set -euo pipefail

PG_PORT="${IGCORD_TEST_PG_PORT:-5432}"
REDIS_PORT="${IGCORD_TEST_REDIS_PORT:-6379}"
SERVICES_DIR="${IGCORD_TEST_SERVICES_DIR:-${TMPDIR:-/tmp}/igcord-test-services}"
CHROMIUM=/usr/bin/chromium
PG_DIR="$SERVICES_DIR/postgres-$PG_PORT"
REDIS_DIR="$SERVICES_DIR/redis-$REDIS_PORT"

say() { echo "test services: $*"; }
fail() {
  echo "test services: $*" >&2
  exit 1
}
is_root() { [ "$(id -u)" -eq 0 ]; }
# What is missing and cannot be installed without root: each gets its line, all are said before stopping.
MISSING=()

APT_UPDATED=no
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ "$APT_UPDATED" = no ]; then
    apt-get update -qq >/dev/null
    APT_UPDATED=yes
  fi
  say "installing $* with apt-get"
  apt-get install -y -qq "$@" >/dev/null
}

# --- PostgreSQL ---------------------------------------------------------------------------------------------------

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

# Answers when a server on the port accepts the postgres user without a password.
pg_answers() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atqc 'SELECT 1' >/dev/null 2>&1; }

# Runs a PostgreSQL tool as a user it accepts: initdb and the server refuse to run as root.
as_pg_user() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Debian's own cluster on this port, as "version name", if one is configured.
debian_cluster() {
  command -v pg_lsclusters >/dev/null 2>&1 || return 0
  pg_lsclusters --no-header 2>/dev/null | awk -v port="$PG_PORT" '$3 == port { print $1, $2; exit }'
}

start_private_postgres() {
  local bin
  bin="$(pg_bin)"
  mkdir -p "$SERVICES_DIR"
  # The server runs as the postgres user when we are root: it must reach its directory.
  chmod 755 "$SERVICES_DIR"
  if [ ! -f "$PG_DIR/PG_VERSION" ]; then
    mkdir -p "$PG_DIR"
    if is_root; then chown postgres: "$PG_DIR"; fi
    as_pg_user "$bin/initdb" -D "$PG_DIR" -U postgres --auth=trust --encoding=UTF8 >"$SERVICES_DIR/postgres-$PG_PORT.initdb.log" 2>&1 ||
      fail "initdb failed: see $SERVICES_DIR/postgres-$PG_PORT.initdb.log"
  fi
  as_pg_user "$bin/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c fsync=off" start >/dev/null ||
    fail "PostgreSQL did not start on 127.0.0.1:$PG_PORT: see $PG_DIR/server.log"
  say "started a private PostgreSQL on 127.0.0.1:$PG_PORT in $PG_DIR"
}

ensure_postgres() {
  if ! pg_answers; then
    if [ -z "$(pg_bin)" ]; then
      if ! is_root; then
        MISSING+=("PostgreSQL is missing: install it (sudo apt-get install postgresql), or run npm test as root")
        return 0
      fi
      apt_install postgresql
    fi
    local cluster
    cluster="$(debian_cluster)"
    if [ -n "$cluster" ] && ! pg_answers; then
      # The machine's own cluster for this port (as CI machines have): start it as their setup does.
      say "starting PostgreSQL cluster $cluster"
      # shellcheck disable=SC2086
      pg_ctlcluster --skip-systemctl-redirect $cluster start || true
      for _ in $(seq 1 60); do pg_isready -h 127.0.0.1 -p "$PG_PORT" -q && break; sleep 0.5; done
      if ! pg_answers; then
        # A cluster freshly installed by Debian asks local TCP clients for a password; the tests connect as
        # postgres without one. Only a cluster this script just installed is changed.
        if [ "$APT_UPDATED" = yes ]; then
          local hba
          hba="$(runuser -u postgres -- psql -Atqc 'SHOW hba_file')"
          sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
          runuser -u postgres -- psql -qc 'SELECT pg_reload_conf()' >/dev/null
        fi
      fi
    elif ! pg_answers; then
      start_private_postgres
    fi
  fi
  pg_answers || fail "PostgreSQL on 127.0.0.1:$PG_PORT does not accept the user postgres without a password (trust auth)"
  if [ "$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atqc "SELECT count(*) FROM pg_database WHERE datname = 'test'")" = 0 ]; then
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc 'CREATE DATABASE test' >/dev/null
    say "created database test on 127.0.0.1:$PG_PORT"
  fi
}

# --- Redis --------------------------------------------------------------------------------------------------------

redis_answers() { [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }

ensure_redis() {
  command -v redis-cli >/dev/null 2>&1 && redis_answers && return 0
  if ! command -v redis-server >/dev/null 2>&1; then
    if ! is_root; then
      MISSING+=("Redis is missing: install it (sudo apt-get install redis-server), or run npm test as root")
      return 0
    fi
    apt_install redis-server
    # Debian's package may have started its own server on 6379.
    for _ in $(seq 1 20); do redis_answers && return 0; sleep 0.5; done
  fi
  mkdir -p "$REDIS_DIR"
  # Test data only: nothing is kept on disk.
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$REDIS_DIR" --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" >/dev/null
  for _ in $(seq 1 60); do redis_answers && break; sleep 0.5; done
  redis_answers || fail "Redis did not start on 127.0.0.1:$REDIS_PORT: see $REDIS_DIR/redis.log"
  say "started a private Redis on 127.0.0.1:$REDIS_PORT in $REDIS_DIR"
}

# --- Chromium -----------------------------------------------------------------------------------------------------

ensure_chromium() {
  [ -x "$CHROMIUM" ] && return 0
  if ! is_root; then
    MISSING+=("Chromium is missing at $CHROMIUM (for the browser test of the OAuth flow): install it (sudo apt-get install chromium)")
    return 0
  fi
  apt_install chromium
  [ -x "$CHROMIUM" ] || fail "apt-get installed chromium but $CHROMIUM is not there"
}

# --- stop ---------------------------------------------------------------------------------------------------------

stop_private() {
  local bin
  bin="$(pg_bin)"
  if [ -f "$PG_DIR/postmaster.pid" ] && [ -n "$bin" ]; then
    as_pg_user "$bin/pg_ctl" -D "$PG_DIR" -m fast -w stop >/dev/null && say "stopped the private PostgreSQL on 127.0.0.1:$PG_PORT"
  fi
  if [ -f "$REDIS_DIR/redis.pid" ]; then
    local pid
    pid="$(cat "$REDIS_DIR/redis.pid")"
    if kill -0 "$pid" 2>/dev/null; then
      redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
      # redis-cli returns once the server closed the connection; wait for the process itself to be gone.
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      say "stopped the private Redis on 127.0.0.1:$REDIS_PORT"
    fi
    rm -f "$REDIS_DIR/redis.pid"
  fi
}

case "${1:-up}" in
  up)
    ensure_chromium
    # psql and pg_isready come with the server package on Debian (postgresql-client).
    ensure_postgres
    ensure_redis
    if [ "${#MISSING[@]}" -gt 0 ]; then
      for line in "${MISSING[@]}"; do echo "test services: $line" >&2; done
      fail "install what is missing above, then run npm test again"
    fi
    ;;
  stop) stop_private ;;
  *) fail "usage: test-services.sh [up|stop]" ;;
esac
