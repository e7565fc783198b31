#!/usr/bin/env bash
# Catalog search benchmark (issue 4): latency and throughput of GET /api/products/search
# THROUGH THE GATEWAY at 100,000 products and 50 concurrent clients, with a realistic query
# mix (CatalogBench.java). Not part of `verify`. Figures: docs/benchmarks.md.
#
#   tests/bench/catalog/run.sh [clients, default 50] [measured seconds, default 60] [warm-up seconds, default 30]
#
# Starts an isolated platform of its own (identity, inventory, catalog, gateway; run folder
# /tmp/mercato-catalog-bench, port offset 20000, databases catalog_bench_*, vhost
# mercato-catalog-bench), loads 100,000 demo products (MERCATO_CATALOG_DEMO_PRODUCTS), waits
# until inventory and the availability replica have caught up, measures, and always stops
# the platform with --purge. BENCH_NO_BUILD=1 skips building the jars.
set -euo pipefail
# Run under flock(1) (docs/benchmarks.md): the lock's descriptor is inherited by this script.
# Close it here (flock itself keeps the lock until the script ends) so the platform's services
# do not inherit it: with BENCH_KEEP they outlive the run and would hold the lock for ever.
for fd in /proc/$$/fd/*; do
	if [[ $(readlink "$fd" 2>/dev/null) == */mercato-bench.lock ]]; then eval "exec ${fd##*/}>&-"; fi
done
CLIENTS="${1:-50}"
MEASURE="${2:-60}"
WARMUP="${3:-30}"
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
RABBIT_API="${RABBIT_API:-http://127.0.0.1:15672/api}"

export MERCATO_RUN_DIR=/tmp/mercato-catalog-bench
export MERCATO_PORT_OFFSET=20000
export MERCATO_DB_PREFIX=catalog_bench_
export MERCATO_RABBIT_VHOST=mercato-catalog-bench
export MERCATO_COMPONENTS_DIR="$MERCATO_RUN_DIR/components"
export MERCATO_START_TIMEOUT=1500
# services inherit the environment of ./mercato up (relaxed binding):
export MERCATO_CATALOG_DEMO_PRODUCTS=100000          # mercato.catalog.demo.products
export MERCATO_GATEWAY_RATELIMIT_ANONYMOUS=100000000 # mercato.gateway.rate-limit.anonymous
# C2 for a load test (the local default is C1 only, tuned for start-up)
export MERCATO_JVM_OPTS="-XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
GATEWAY="http://localhost:$((8080 + MERCATO_PORT_OFFSET))"

# BENCH_KEEP=1 leaves the platform running for another measurement (stop it with the same
# variables: ./mercato down --purge)
stop() { [[ -n ${BENCH_KEEP:-} ]] || ./mercato down --purge >/dev/null 2>&1 || true; }
trap stop EXIT

mkdir -p "$MERCATO_COMPONENTS_DIR"
rm -f "$MERCATO_COMPONENTS_DIR"/*.env
for c in identity inventory catalog gateway; do
	cp deploy/local/components/*-"$c".env "$MERCATO_COMPONENTS_DIR"/
done

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s)
# demo data on: identity's five accounts and the catalog's (100,000) products
if [[ -n ${BENCH_NO_BUILD:-} ]]; then ./mercato up --no-build | grep -E 'healthy|ready'; else ./mercato up | grep -E 'healthy|ready'; fi
echo "== platform up with 100,000 products in $(($(date +%s) - start)) s"

queued() { # messages still queued in the bench vhost
	curl -fsS -u guest:guest "$RABBIT_API/queues/$MERCATO_RABBIT_VHOST" |
		python3 -c 'import json,sys; print(sum(q.get("messages", 0) for q in json.load(sys.stdin)))'
}
outbox() { # unsent outbox rows of catalog and inventory
	local n=0 db
	for db in catalog inventory; do
		n=$((n + $(psql -h 127.0.0.1 -U postgres -qAt -d "${MERCATO_DB_PREFIX}$db" \
			-c "select count(*) from outbox where sent_at is null")))
	done
	echo "$n"
}
echo "== waiting for inventory and the availability replica to catch up"
quiet=0
while ((quiet < 3)); do
	if [[ $(queued) == 0 && $(outbox) == 0 ]]; then quiet=$((quiet + 1)); else quiet=0; fi
	sleep 5
done
in_stock=$(curl -fsS "$GATEWAY/api/products/search?inStock=true&size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
total=$(curl -fsS "$GATEWAY/api/products?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "== quiet after $(($(date +%s) - start)) s: $total products, $in_stock in stock; load $(cut -d' ' -f1-3 /proc/loadavg)"

# CPU of every process over the measured period only (snapshots taken by the driver when it
# starts and ends measuring), divided by the searches answered: ms of CPU per search
CPU_DIR=$(mktemp -d)
export BENCH_ON_MEASURE="source $ROOT/tests/bench/lib/cpu.sh && cpu_snapshot $CPU_DIR/cpu.\$1"
java tests/bench/catalog/CatalogBench.java "$GATEWAY" "$CLIENTS" "$WARMUP" "$MEASURE" | tee "$CPU_DIR/out" | grep -E '^(RESULT|categories)'
requests=$(sed -n 's/^RESULT.* requests=\([0-9]*\).*/\1/p' "$CPU_DIR/out")
# shellcheck source=../lib/cpu.sh
source tests/bench/lib/cpu.sh
cpu_report "$CPU_DIR/cpu.start" "$CPU_DIR/cpu.end" "${requests:-1}" search
rm -rf "$CPU_DIR"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
