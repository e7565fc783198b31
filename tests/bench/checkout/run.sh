#!/usr/bin/env bash
# Checkout benchmark (issue 8): checkouts per second end to end through the gateway at 16 and
# 64 concurrent shoppers (each registered with a saved sandbox card; POST /api/orders with one demo
# product; only the checkout is timed), p50/p95/p99, then pgbench on the same machine in the
# same run. Starts its own isolated platform (./mercato, port offset $BENCH_OFFSET) and purges it
# afterwards. Not part of `verify`. Figures: docs/benchmarks.md.
#
#   tests/bench/checkout/run.sh [seconds per run, default 30] [warm-up seconds before each run, default 90]
#   (SHOPPERS="16 64" by default). The warm-up runs the same load unmeasured: on 2 cores the seven
#   JVMs' JIT compilers need minutes of load before the code is compiled (C2 took ~30 % of the
#   services' CPU in the first minute); the figures are for warm services, as in production.
#
# Needs jars built (./mvnw -pl services/<each> package) and the machine's PostgreSQL (superuser
# postgres), Redis and RabbitMQ. MERCATO_COMPONENTS_DIR may point at a folder of component files.
set -euo pipefail
SECONDS_PER_RUN="${1:-30}"
WARMUP="${2:-90}"
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGB_DB=pgbench_checkout
export MERCATO_RUN_DIR="${MERCATO_RUN_DIR:-/tmp/mercato-ordering-bench}"
export MERCATO_PORT_OFFSET="${BENCH_OFFSET:-21500}"
export MERCATO_DB_PREFIX=ordbench_
export MERCATO_RABBIT_VHOST=mercato-ordering-bench
# the journeys' limits are per IP: a load driver on one host is not what they protect against
export MERCATO_GATEWAY_RATELIMIT_AUTH=1000000 MERCATO_GATEWAY_RATELIMIT_ANONYMOUS=1000000
# C2 for a load test (the default flags are tuned for start-up)
export MERCATO_JVM_OPTS="${MERCATO_JVM_OPTS:--XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow}"
GATEWAY="http://localhost:$((8080 + MERCATO_PORT_OFFSET))"
psql_() { psql -h "$PGHOST" -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

# BENCH_KEEP=1 leaves the platform running for another measurement (stop it with the same
# variables: ./mercato down --purge)
cleanup() {
  [[ -n ${BENCH_KEEP:-} ]] && return
  ./mercato down --purge >/dev/null 2>&1 || true
  psql_ -c "drop database if exists $PGB_DB with (force)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== platform (offset $MERCATO_PORT_OFFSET)"
./mercato up --no-build | tail -1
status=$(./mercato status | awk 'NR > 1 && $NF != "UP"' || true)
[[ -z $status ]] || echo "$status"
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
source "$ROOT/tests/bench/lib/cpu.sh"
CPU_DIR=$(mktemp -d)
export -f cpu_snapshot cpu_ticks xact_snapshot
export MERCATO_RUN_DIR MERCATO_DB_PREFIX CPU_DIR
for shoppers in ${SHOPPERS:-16 64}; do
  # CPU per confirmed order of every component and server, over the measured window only
  BENCH_ON_START='cpu_snapshot "$CPU_DIR/before"; xact_snapshot "$CPU_DIR/xact-before"' \
    BENCH_ON_END='cpu_snapshot "$CPU_DIR/after"; xact_snapshot "$CPU_DIR/xact-after"' \
    java "$ROOT/tests/bench/checkout/CheckoutBench.java" "$GATEWAY" "$shoppers" "$SECONDS_PER_RUN" "$WARMUP" \
    | grep '^RESULT' | tee "$CPU_DIR/result"
  confirmed=$(sed -n 's/.* confirmed=\([0-9]*\).*/\1/p' "$CPU_DIR/result")
  if ((confirmed > 0)); then
    cpu_report "$CPU_DIR/before" "$CPU_DIR/after" "$confirmed" confirmed_order
    xact_report "$CPU_DIR/xact-before" "$CPU_DIR/xact-after" "$confirmed" confirmed_order
  fi
done

echo "== pgbench (same machine, 32 clients, 2 threads, ${SECONDS_PER_RUN}s, TPC-B-like)"
psql_ -c "drop database if exists $PGB_DB with (force)" >/dev/null
psql_ -c "create database $PGB_DB" >/dev/null
pgbench -h "$PGHOST" -p "$PGPORT" -U postgres -i -q -s 10 "$PGB_DB" >/dev/null 2>&1
pgbench -h "$PGHOST" -p "$PGPORT" -U postgres -c 32 -j 2 -T "$SECONDS_PER_RUN" "$PGB_DB" 2>/dev/null \
  | grep -E '^tps|latency average' | sed 's/^/RESULT pgbench /'
