#!/usr/bin/env bash
# Inventory reservation benchmark (issue 5): reservations per second at 32 concurrent gRPC
# callers, hottest 10 products contended, for both concurrency strategies, then pgbench on
# the same machine in the same run. Not part of `verify`. Figures: docs/benchmarks.md.
#
#   tests/bench/inventory/run.sh [seconds per run, default 20]
#
# Needs the machine's PostgreSQL (superuser postgres, trust auth) and RabbitMQ (guest, with the
# management API); uses a scratch database and vhost and drops them afterwards.
set -euo pipefail
SECONDS_PER_RUN="${1:-20}"
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
RABBIT_API="${RABBIT_API:-http://127.0.0.1:15672/api}"
DB=inventory_bench
PGB_DB=pgbench_scratch
VHOST=mercato-bench
OUT="$ROOT/services/inventory/target"
psql_() { psql -h "$PGHOST" -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

cleanup() {
  psql_ -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  psql_ -c "drop database if exists $PGB_DB with (force)" >/dev/null 2>&1 || true
  curl -fsS -u guest:guest -X DELETE "$RABBIT_API/vhosts/$VHOST" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== build"
./mvnw -B -q -pl services/inventory -am install -DskipTests -Dspring-javaformat.skip=true -Djacoco.skip=true
./mvnw -B -q -pl services/inventory dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$OUT/bench.classpath"
CP="$(cat "$OUT/bench.classpath")"
JAR="$OUT/inventory.jar"
[ -f "$JAR" ] || JAR="$(ls "$OUT"/inventory*.jar | grep -v original | head -1)"

curl -fsS -u guest:guest -X PUT "$RABBIT_API/vhosts/$VHOST" >/dev/null
curl -fsS -u guest:guest -X PUT -H 'content-type: application/json' \
  -d '{"configure":".*","write":".*","read":".*"}' "$RABBIT_API/permissions/$VHOST/guest" >/dev/null

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# STRATEGIES: the runs, in order (alternate them to see order effects on a shared machine)
for strategy in ${STRATEGIES:-conditional-update row-lock}; do
  psql_ -c "drop database if exists $DB with (force)" >/dev/null
  psql_ -c "create database $DB" >/dev/null
  (cd "$OUT" && java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp "$CP" \
    "$ROOT/tests/bench/inventory/InventoryBench.java" "$strategy" "$SECONDS_PER_RUN" "$JAR" \
    "jdbc:postgresql://$PGHOST:$PGPORT/$DB" "$VHOST") | grep '^RESULT'
done

echo "== pgbench (same machine, 32 clients, 2 threads, ${SECONDS_PER_RUN}s)"
psql_ -c "drop database if exists $PGB_DB with (force)" >/dev/null
psql_ -c "create database $PGB_DB" >/dev/null
pgbench -h "$PGHOST" -p "$PGPORT" -U postgres -i -q -s 10 "$PGB_DB" >/dev/null 2>&1
LOGDIR="$(mktemp -d)"
for mode in N S; do
  (cd "$LOGDIR" && rm -f pgb.* && pgbench -h "$PGHOST" -p "$PGPORT" -U postgres -c 32 -j 2 -T "$SECONDS_PER_RUN" \
    -"$mode" -l --log-prefix=pgb "$PGB_DB" > summary.txt 2>&1)
  tps="$(grep -Eo 'tps = [0-9.]+' "$LOGDIR/summary.txt" | head -1 | cut -d' ' -f3)"
  # per-transaction log: 3rd column is the latency in microseconds
  cat "$LOGDIR"/pgb.* | awk '{print $3}' | sort -n > "$LOGDIR/lat.txt"
  n="$(wc -l < "$LOGDIR/lat.txt")"
  p() { sed -n "$(( (n * $1 + 99) / 100 ))p" "$LOGDIR/lat.txt" | awk '{printf "%.2f", $1/1000}'; }
  name=$([ "$mode" = N ] && echo "simple-update(-N)" || echo "select-only(-S)")
  echo "RESULT pgbench=$name clients=32 tps=$tps p50_ms=$(p 50) p95_ms=$(p 95) p99_ms=$(p 99)"
done

echo "== pgbench, the reservation statements alone (10 hot products, same schema)"
psql_ -c "drop database if exists $PGB_DB with (force)" >/dev/null
psql_ -c "create database $PGB_DB" >/dev/null
psql_ -d "$PGB_DB" -f services/inventory/src/main/resources/db/migration/V1__stock_and_reservations.sql >/dev/null
psql_ -d "$PGB_DB" -c "insert into stocks select md5(i::text)::uuid, gen_random_uuid(), 100000000, 0, 5, 0, now(), now()
  from generate_series(1, 1010) i" >/dev/null
for clients in 32 5; do
  for strategy in ${STRATEGIES:-conditional-update row-lock}; do
    (cd "$LOGDIR" && rm -f pgb.* && pgbench -h "$PGHOST" -p "$PGPORT" -U postgres -n -c "$clients" -j 2 \
      -T "$SECONDS_PER_RUN" -f "$ROOT/tests/bench/inventory/reserve-$strategy.sql" -l --log-prefix=pgb "$PGB_DB" \
      > summary.txt 2>&1)
    tps="$(grep -Eo 'tps = [0-9.]+' "$LOGDIR/summary.txt" | head -1 | cut -d' ' -f3)"
    cat "$LOGDIR"/pgb.* | awk '{print $3}' | sort -n > "$LOGDIR/lat.txt"
    n="$(wc -l < "$LOGDIR/lat.txt")"
    echo "RESULT pgbench=reserve-$strategy clients=$clients tps=$tps p50_ms=$(p 50) p95_ms=$(p 95) p99_ms=$(p 99)"
  done
done
rm -rf "$LOGDIR"
