# CPU accounting for benchmarks: source this file, then
#   cpu_snapshot FILE    user+system CPU ms of every platform component and infrastructure server
#   cpu_report BEFORE AFTER UNITS LABEL
#                        prints "RESULT cpu_ms_per_<LABEL> name=ms ... total=ms" (CPU between the two
#                        snapshots divided by UNITS, e.g. the confirmed orders of the run)
# Components are found by their pid files under $MERCATO_RUN_DIR; the servers (postgres, beam.smp
# = RabbitMQ, redis-server) by process name, summed over all their processes.
cpu_ticks() { # utime+stime of a pid and its threads, in clock ticks
	awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0
}
cpu_snapshot() {
	local out=$1 hz pidfile name pid proc total
	hz=$(getconf CLK_TCK)
	: >"$out"
	for pidfile in "$MERCATO_RUN_DIR"/*/*.pid; do
		[[ -f $pidfile ]] || continue
		name=$(basename "$pidfile" .pid)
		read -r pid <"$pidfile" || continue
		echo "$name $(($(cpu_ticks "$pid") * 1000 / hz))" >>"$out"
	done
	for proc in postgres beam.smp redis-server; do
		total=0
		for pid in $(pgrep -x "$proc" || true); do total=$((total + $(cpu_ticks "$pid"))); done
		echo "$proc $((total * 1000 / hz))" >>"$out"
	done
}
cpu_report() {
	local before=$1 after=$2 units=$3 label=$4
	awk -v units="$units" -v label="$label" '
		NR == FNR { start[$1] = $2; next }
		{ d = $2 - start[$1]; if (d < 0) d = 0; line = line sprintf(" %s=%.1f", $1, d / units); total += d }
		END { printf "RESULT cpu_ms_per_%s%s total=%.1f\n", label, line, total / units }' "$before" "$after"
}

# Committed transactions per database of this platform ($MERCATO_DB_PREFIX*):
#   xact_snapshot FILE; xact_report BEFORE AFTER UNITS LABEL
xact_snapshot() {
	psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U postgres -qAt -F ' ' -c \
		"select datname, xact_commit from pg_stat_database where datname like '${MERCATO_DB_PREFIX}%'" >"$1"
}
xact_report() {
	awk -v units="$3" -v label="$4" -v prefix="$MERCATO_DB_PREFIX" '
		NR == FNR { start[$1] = $2; next }
		{ d = $2 - start[$1]; name = substr($1, length(prefix) + 1); line = line sprintf(" %s=%.1f", name, d / units); total += d }
		END { printf "RESULT pg_commits_per_%s%s total=%.1f\n", label, line, total / units }' "$1" "$2"
}
