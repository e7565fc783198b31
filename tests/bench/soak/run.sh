#!/usr/bin/env bash
# Soak benchmark (issue 22): the full shopper journey (login included) through the gateway for
# $1 minutes with 70 % of $PEAK shoppers, then $2 minutes with all of them (closed loop, saved
# 4242 cards that always succeed). Pass when: error rate < 0.1 %, no order of a healthy card ends
# CANCELLED, no service's /actuator/health takes longer than 1 s, heap after a full GC and the
# database connections do not grow, and outboxes and queues are drained 60 s after the load.
# Starts its own isolated platform (./mercato, port offset $BENCH_OFFSET) and purges it afterwards
# (BENCH_KEEP=1 keeps it). Not part of `verify`. Figures: docs/benchmarks.md.
#
#   tests/bench/soak/run.sh [minutes at 70 %, default 15] [minutes at 100 %, default 5]   (PEAK=64)
set -euo pipefail
MIN70="${1:-15}"
MIN100="${2:-5}"
PEAK="${PEAK:-64}"
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
export MERCATO_RUN_DIR="${MERCATO_RUN_DIR:-/tmp/mercato-soak}"
export MERCATO_PORT_OFFSET="${BENCH_OFFSET:-22500}"
export MERCATO_DB_PREFIX=soak_
export MERCATO_RABBIT_VHOST=mercato-soak
export MERCATO_GATEWAY_RATELIMIT_AUTH=1000000 MERCATO_GATEWAY_RATELIMIT_ANONYMOUS=1000000
export MERCATO_JVM_OPTS="${MERCATO_JVM_OPTS:--XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow}"
GATEWAY="http://localhost:$((8080 + MERCATO_PORT_OFFSET))"
psql_() { psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U postgres -qAt "$@"; }

cleanup() {
  [[ -n ${BENCH_KEEP:-} ]] && return
  ./mercato down --purge >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== platform (offset $MERCATO_PORT_OFFSET)"
./mercato up --no-build | tail -1
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M) UTC"

services=""
for pidfile in "$MERCATO_RUN_DIR"/*/*.pid; do
  name=$(basename "$pidfile" .pid)
  port=$(./mercato status | awk -v n="$name" '$1 == n { print $3 }')
  [[ $port =~ ^[0-9]+$ ]] && [[ -n $(ls "$ROOT/services/$name" 2>/dev/null) ]] && services+="${services:+,}$name=$port"
done
[[ -n $services ]] || { echo "no services found in ./mercato status" >&2; exit 1; }

# heap in use after a full GC, per service, in MB
heap() {
  local pidfile name pid
  for pidfile in "$MERCATO_RUN_DIR"/*/*.pid; do
    name=$(basename "$pidfile" .pid)
    [[ -d $ROOT/services/$name ]] || continue
    read -r pid <"$pidfile"
    jcmd "$pid" GC.run >/dev/null 2>&1 || continue
    printf '%s=%s ' "$name" "$(jcmd "$pid" GC.heap_info 2>/dev/null | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | awk '{ s += $1 } END { printf "%.0f", s / 1024 }')"
  done
}
connections() {
  psql_ -F= -c "select datname, count(*) from pg_stat_activity where datname like '${MERCATO_DB_PREFIX}%' group by 1 order by 1" | tr '\n' ' '
}
heap_before=$(heap)
conn_before=$(connections)

java "$ROOT/tests/bench/soak/SoakBench.java" "$GATEWAY" "$PEAK" "$MIN70" "$MIN100" "$services" | grep '^RESULT'

echo "RESULT heap_after_gc_mb before: $heap_before"
echo "RESULT heap_after_gc_mb after:  $(heap)"
echo "RESULT pg_connections before: $conn_before"
echo "RESULT pg_connections after:  $(connections)"
sleep 60
unsent=""
for db in $(psql_ -c "select datname from pg_database where datname like '${MERCATO_DB_PREFIX}%' order by 1"); do
  n=$(psql_ -d "$db" -c "select count(*) from outbox where sent_at is null" 2>/dev/null || echo -)
  unsent+="${db#"$MERCATO_DB_PREFIX"}=$n "
done
echo "RESULT outbox_unsent_60s_after: $unsent"
vhost=$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1], safe=''))" "$MERCATO_RABBIT_VHOST")
echo "RESULT queue_messages_60s_after: $(curl -s -u "${MERCATO_RABBIT_USER:-guest}:${MERCATO_RABBIT_PASSWORD:-guest}" \
  "http://localhost:${MERCATO_RABBIT_MANAGEMENT_PORT:-15672}/api/queues/$vhost?columns=name,messages" |
  python3 -c "import json,sys; q=json.load(sys.stdin); print(sum(x.get('messages',0) for x in q), 'in', len(q), 'queues;', ', '.join(x['name']+'='+str(x['messages']) for x in q if x.get('messages')))")"
