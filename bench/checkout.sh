#!/usr/bin/env bash
# Benchmarks the real purchase on the embedded store: every buyer creates a cart, adds one unit
# of a SKU and POSTs /api/v1/checkout with a fresh Idempotency-Key, at a fixed concurrency.
# Prints orders/s and p50/p95/p99 of the checkout request, counts non-201 answers, and writes a
# report to bench/out/. The load client is bench/CheckoutLoad.java (java.net.http, virtual
# threads), run from source by the same JDK as the store.
# Environment: DURATION (per round, default 20s), WARMUP (load before measuring, default 30s),
# REPEAT (rounds, default 3; the median round by orders/s is reported), CONCURRENCY (buyers at
# once, default 32), JAVA_OPTS (JVM options for the store, default -XX:+UseParallelGC as the
# README recommends), APP_ARGS (extra arguments for the store, e.g. --spring.datasource.url=...),
# BASELINE_ARGS (if set, a second store is started with these arguments instead of APP_ARGS and
# the two take turns in every round, so a change and its baseline meet the same machine load),
# BASELINE_JAR (the baseline's jar, default the same jar: build an older commit's jar to compare
# code, e.g. git worktree add /tmp/before <commit> && (cd /tmp/before && ./mvnw -q -DskipTests package)).
# The warm-up is long on purpose: under this load the JIT keeps compiling for 20-40 s.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-30s}"
REPEAT="${REPEAT:-3}"
CONCURRENCY="${CONCURRENCY:-32}"
# The JVM options the README recommends for small nodes (ADR 0006).
JAVA_OPTS="${JAVA_OPTS--XX:+UseParallelGC}"
APP_ARGS="${APP_ARGS:-}"
BASELINE_ARGS="${BASELINE_ARGS:-}"
BASELINE_JAR="${BASELINE_JAR:-app/target/emporium.jar}"
ON_HAND=1000000000
JAR=app/target/emporium.jar
OUT=bench/out

# shellcheck source=bench/lib.sh
. bench/lib.sh

JAVA=$(find_java)

if [ ! -f "$JAR" ]; then
	log "building $JAR"
	./mvnw -q -B -DskipTests package
fi

seconds() { echo "${1%s}"; }

WORK=$(mktemp -d -t emporium-checkout.XXXXXX)
PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
	done
	rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# Not a shipped secret: each run makes its own store and its own admin.
ADMIN_EMAIL=admin@emporium.local
ADMIN_PASSWORD="bench-$RANDOM$RANDOM$RANDOM"

start_store() { # label [app arguments...]; sets STORE_BASE and STORE_READY_MS, the pid goes to PIDS
	local label="$1" port started pid
	shift
	port=$(free_port)
	started=$(date +%s%N)
	# shellcheck disable=SC2086
	"$JAVA" -Xmx512m $JAVA_OPTS -jar "${STORE_JAR:-$JAR}" --server.port="$port" --emporium.data-dir="$WORK/data-$label" \
		--emporium.demo.enabled=false --emporium.admin.email="$ADMIN_EMAIL" \
		--emporium.admin.password="$ADMIN_PASSWORD" "$@" >"$WORK/$label.log" 2>&1 &
	pid=$!
	PIDS+=("$pid")
	STORE_READY_MS=$(wait_ready "http://127.0.0.1:$port" "$pid" "$started" "$WORK/$label.log")
	STORE_BASE="http://127.0.0.1:$port"
}

client() { "$JAVA" bench/CheckoutLoad.java "$@"; }

# shellcheck disable=SC2086
start_store emporium $APP_ARGS
BASE=$STORE_BASE
log "Emporium ready after ${STORE_READY_MS} ms at $BASE"
SKU=$(client seed "$BASE" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$ON_HAND")
TARGETS=(emporium "$BASE" "$SKU")
if [ -n "$BASELINE_ARGS" ]; then
	# shellcheck disable=SC2086
	STORE_JAR="$BASELINE_JAR" start_store baseline $BASELINE_ARGS
	BASELINE_BASE=$STORE_BASE
	log "baseline ready after ${STORE_READY_MS} ms at $BASELINE_BASE"
	BASELINE_SKU=$(client seed "$BASELINE_BASE" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$ON_HAND")
	TARGETS+=(baseline "$BASELINE_BASE" "$BASELINE_SKU")
fi

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
RESULTS=$(client run "$CONCURRENCY" "$(seconds "$WARMUP")" "$(seconds "$DURATION")" "$REPEAT" "${TARGETS[@]}" |
	grep '^RESULT ' | cut -d' ' -f2-)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# label -> the round whose orders/s is the median: "round orders rate p50 p95 p99 non201 failed"
median_round() {
	echo "$RESULTS" | awk -v l="$1" '$1 == l' | sort -k4 -n | sed -n "$(( (REPEAT + 1) / 2 ))p" | cut -d' ' -f2-
}

mkdir -p "$OUT"
REPORT="$OUT/checkout-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
	echo "POST /api/v1/checkout: the whole purchase (cart, add, checkout) on the embedded store"
	echo "date:        $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "machine:     $(nproc) cores, $(uname -sr); load average $LOAD_BEFORE before, $LOAD_AFTER after"
	echo "java:        $("$JAVA" -version 2>&1 | head -n 1), options: -Xmx512m $JAVA_OPTS"
	echo "load:        $CONCURRENCY buyers, warm-up $WARMUP, $REPEAT round(s) of $DURATION, client on the same cores"
	echo "emporium:    ${APP_ARGS:-(default settings)}"
	if [ -n "$BASELINE_ARGS" ]; then echo "baseline:    $BASELINE_ARGS"; fi
	echo
	printf '%-10s %10s %10s %10s %10s %10s %8s %8s\n' "store" "orders" "orders/s" "p50 ms" "p95 ms" "p99 ms" \
		"non-201" "failed"
	for label in emporium baseline; do
		m=$(median_round "$label")
		[ -n "$m" ] || continue
		read -r _ orders rate p50 p95 p99 non201 failed <<<"$m"
		printf '%-10s %10s %10s %10s %10s %10s %8s %8s\n' "$label" "$orders" "$rate" "$p50" "$p95" "$p99" \
			"$non201" "$failed"
	done
	if [ -n "$BASELINE_ARGS" ]; then
		ratio=$(awk -v e="$(median_round emporium | cut -d' ' -f3)" -v b="$(median_round baseline | cut -d' ' -f3)" \
			'BEGIN { printf "%.1f", (b > 0) ? 100 * e / b : 0 }')
		echo
		echo "emporium/baseline: ${ratio} % of the baseline's orders/s (medians of $REPEAT rounds each)"
	fi
	echo "(median round by orders/s; 'failed' counts cart steps that did not answer 2xx and broken connections)"
	echo "all rounds (store round orders orders/s p50 p95 p99 non-201 failed):"
	echo "$RESULTS" | sed 's/^/  /'
	echo "database files after the run:"
	for dir in "$WORK"/data-*; do
		echo "  $(basename "$dir"): $(du -sh "$dir" | cut -f1)"
	done
	echo "budget: p95 under 50 ms at 200 orders/s (DESIGN.md, on PostgreSQL)"
} | tee "$REPORT"
log "report written to $REPORT"
