#!/usr/bin/env bash
# Shared by scripts/run and scripts/test: installs what is missing, pinned, and nothing
# that is already there. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CARGO_LEPTOS_VERSION="0.3.10"
# Must equal the wasm-bindgen version pinned in Cargo.toml.
WASM_BINDGEN_VERSION="0.2.130"

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

ensure_rust_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Installing the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  if [[ "$(cargo leptos --version 2>/dev/null || true)" != *"$CARGO_LEPTOS_VERSION"* ]]; then
    say "Installing cargo-leptos $CARGO_LEPTOS_VERSION (once; about 10 minutes on 2 cores)"
    # Without its release profile's fat LTO in one codegen unit, which triples the build on
    # two cores for a tool whose own speed does not matter here.
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
  fi
  # cargo-leptos would download wasm-bindgen from GitHub unless this exact version is on PATH.
  if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != *"$WASM_BINDGEN_VERSION"* ]]; then
    say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (once)"
    # Without --locked: its lockfile names a crate version that is no longer in the index.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

# Node packages of the end-to-end tests; they also bring binaryen's wasm-opt, which
# cargo-leptos would otherwise download for release builds.
ensure_node_modules() {
  if [[ ! -x "$ROOT/end2end/node_modules/.bin/wasm-opt" || "$ROOT/end2end/package-lock.json" -nt "$ROOT/end2end/node_modules/.package-lock.json" ]]; then
    say "Installing the end-to-end test packages (npm ci)"
    (cd "$ROOT/end2end" && npm ci --no-audit --no-fund)
  fi
  export PATH="$ROOT/end2end/node_modules/.bin:$PATH"
}

ensure_chromium() {
  if [[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]]; then return; fi
  say "Installing Chromium from Debian (the tests never download a browser)"
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}

# Where the server finds the built site; the same values cargo-leptos uses.
ensure_postgres() {
  if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then return; fi
  say "Installing PostgreSQL from Debian (the tests start a throw-away server of their own)"
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
}

# A throw-away PostgreSQL server for the tests: Debian's postgresql binaries, a new data
# directory, a free port on 127.0.0.1, settings for speed over durability (the data is
# thrown away), or with `durable` PostgreSQL's own (fsync and synchronous commit on, for
# benchmarks). Sets MOGNAD_TEST_POSTGRES to an admin URL (each test makes its own
# database there) and stops the server and removes the directory when the script exits.
start_test_postgres() {
  local speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  if [[ "${1:-}" == durable ]]; then speed=""; fi
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  if [[ -z "$bin" ]]; then
    echo "PostgreSQL is not installed (Debian: apt-get install postgresql); .ci/run installs it" >&2
    return 1
  fi
  PG_TEST_DIR="$(mktemp -d /tmp/mognad-pg.XXXXXX)"
  local as=()
  if [[ "$(id -u)" == 0 ]]; then
    # PostgreSQL refuses to run as root.
    chown postgres "$PG_TEST_DIR"
    as=(runuser -u postgres --)
  fi
  # A port nothing listens on (bash's /dev/tcp: no other tool needed).
  local port
  while :; do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  done
  "${as[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -U mognad --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w start -o \
    "-p $port -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c max_connections=400 $speed" >/dev/null
  PG_TEST_BIN="$bin"
  PG_TEST_AS=("${as[@]}")
  trap stop_test_postgres EXIT
  export MOGNAD_TEST_POSTGRES="postgres://mognad@127.0.0.1:$port/postgres"
  export PATH="$bin:$PATH"
}

stop_test_postgres() {
  if [[ -n "${PG_TEST_DIR:-}" && -d "$PG_TEST_DIR" ]]; then
    "${PG_TEST_AS[@]}" "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_TEST_DIR"
  fi
}

leptos_env() {
  export LEPTOS_OUTPUT_NAME=mognad
  export LEPTOS_SITE_ROOT="$ROOT/target/site"
  export LEPTOS_SITE_PKG_DIR=pkg
  export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
}
