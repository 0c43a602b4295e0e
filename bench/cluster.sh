#!/usr/bin/env bash
# Cluster benchmarks, each part selectable, each printing its figures and writing a report to
# bench/out/cluster-<part>-<time>.txt.
#
# Usage: bench/cluster.sh checkout|flash|reads|all
#   checkout  one node in distributed mode on PostgreSQL (database emporium_bench, made fresh):
#             checkouts/s at saturation, and p50/p95/p99 of POST /api/v1/checkout paced at RATE
#             per second (budget: p95 < 50 ms at 200/s); beside pgbench TPC-B (-c 8 -T 20) on
#             the same server in its own database, so the ratio shows
#   flash     through nginx on the local 3-node cluster (deploy/local/cluster.sh up): BUYERS
#             buyers for 100 units; exactly 100 orders, no error but sold-out 409, time taken
#   reads     GET /api/v1/products/{slug} with wrk through nginx on the cluster, and on one
#             embedded node started here, in the same run
# Environment: WARMUP (load before measuring, default 30s), DURATION (wrk, default 20s),
# RATE (paced checkouts/s, default 200), SATURATION_CARTS (carts checked out as fast as
# possible, default 4000), CONCURRENCY (default 32), BUYERS (default 10000), THREADS and
# CONNECTIONS (wrk, default 2 and 64).
set -euo pipefail
cd "$(dirname "$0")/.."

WARMUP="${WARMUP:-30s}"
DURATION="${DURATION:-20s}"
RATE="${RATE:-200}"
SATURATION_CARTS="${SATURATION_CARTS:-4000}"
CONCURRENCY="${CONCURRENCY:-32}"
BUYERS="${BUYERS:-10000}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
OUT=bench/out
STAMP=$(date -u +%Y%m%dT%H%M%SZ)

# shellcheck source=deploy/local/lib.sh
. deploy/local/lib.sh

usage() {
	sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
}

PART="${1:-}"
case "$PART" in checkout | flash | reads | all) ;; *) usage ;; esac

ensure_package wrk wrk
ensure_package nginx nginx
ensure_package pgbench postgresql-contrib
JAVA=$(find_java 21)
ensure_services
ensure_jar
mkdir -p "$OUT"
WORK=$(mktemp -d -t emporium-cluster-bench.XXXXXX)
APP_PID=""
cleanup() {
	if [ -n "$APP_PID" ]; then
		kill "$APP_PID" 2>/dev/null || true
		wait "$APP_PID" 2>/dev/null || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

seconds() { # 30s -> 30
	echo "${1%s}"
}

header() { # title
	echo "$1"
	echo "date:     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "machine:  $(nproc) cores, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "java:     $("$JAVA" -version 2>&1 | head -n 1), nodes -Xmx512m -XX:+UseParallelGC"
}

value() { # file name
	sed -n "s/^$2=//p" "$1"
}

admin_token_on() { # base
	curl -fs -X POST "$1/api/v1/auth/login" -H 'Content-Type: application/json' \
		-d '{"email":"admin@emporium.local","password":"emporium-admin"}' | jq -r .accessToken
}

product_with_stock() { # base slug sku units
	local token
	token=$(admin_token_on "$1")
	curl -fs -o /dev/null -X POST "$1/api/v1/admin/products" -H "Authorization: Bearer $token" \
		-H 'Content-Type: application/json' \
		-d "{\"title\":\"Bench $2\",\"slug\":\"$2\",\"description\":\"benchmark\",\"categories\":[],\"attributes\":{},
			\"variants\":[{\"sku\":\"$3\",\"title\":\"Paperback\",\"price\":{\"amount\":1500,\"currency\":\"EUR\"}}]}"
	curl -fs -o /dev/null -X PUT "$1/api/v1/admin/inventory/$3" -H "Authorization: Bearer $token" \
		-H 'Content-Type: application/json' -d "{\"warehouse\":\"main\",\"onHand\":$4}"
}

wrk_run() { # url -> "rps p50 p99 non2xx"
	local result
	result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$1")
	echo "$result" >>"$WORK/wrk.txt"
	awk '/Requests\/sec:/ { rps = $2 } $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
		/Non-2xx or 3xx responses:/ { e = $5 } END { printf "%s %s %s %d\n", rps, p50, p99, e }' <<<"$result"
}

part_checkout() {
	local port base db=emporium_bench ready started warm paced sat pgtps report
	port=$(free_port)
	base="http://127.0.0.1:$port"
	log "fresh database $db"
	psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -qc "drop database if exists $db with (force)"
	psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -qc "create database $db"
	log "starting one node (all roles) on PostgreSQL, port $port"
	started=$(date +%s%N)
	EMPORIUM_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" EMPORIUM_DB_USER=postgres EMPORIUM_DB_PASSWORD="" \
		EMPORIUM_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" EMPORIUM_RABBITMQ_URL="amqp://guest:guest@127.0.0.1:$RABBIT_PORT" \
		"$JAVA" -Xmx512m -XX:+UseParallelGC -jar "$JAR" --spring.profiles.active=distributed \
		--server.port="$port" --emporium.data-dir="$WORK/data" >"$WORK/node.log" 2>&1 &
	APP_PID=$!
	ready=$(wait_ready "$base" "$APP_PID" "$started" "$WORK/node.log")
	product_with_stock "$base" bench-checkout BENCH-CHECKOUT 1000000
	log "warming up: checkouts as fast as answered for about $WARMUP"
	warm=$((RATE * $(seconds "$WARMUP") / 2))
	"$JAVA" deploy/local/Shoppers.java checkouts "$base" BENCH-CHECKOUT "$warm" 0 "$CONCURRENCY" "$WORK/warm" >/dev/null
	log "saturation: $SATURATION_CARTS checkouts, $CONCURRENCY at a time"
	"$JAVA" deploy/local/Shoppers.java checkouts "$base" BENCH-CHECKOUT "$SATURATION_CARTS" 0 "$CONCURRENCY" \
		"$WORK/saturation" >/dev/null
	log "paced: $((RATE * $(seconds "$DURATION"))) checkouts at $RATE/s"
	"$JAVA" deploy/local/Shoppers.java checkouts "$base" BENCH-CHECKOUT "$((RATE * $(seconds "$DURATION")))" "$RATE" \
		"$CONCURRENCY" "$WORK/paced" >/dev/null
	kill "$APP_PID"
	wait "$APP_PID" 2>/dev/null || true
	APP_PID=""
	log "pgbench TPC-B, -c 8 -T 20, database pgbench_emporium"
	psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -qc "drop database if exists pgbench_emporium with (force)"
	psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -qc "create database pgbench_emporium"
	pgbench -h "$PG_HOST" -p "$PG_PORT" -U postgres -i -q -s 10 pgbench_emporium >/dev/null 2>&1
	pgbench -h "$PG_HOST" -p "$PG_PORT" -U postgres -c 8 -j 2 -T 20 pgbench_emporium >"$WORK/pgbench.txt" 2>&1
	pgtps=$(awk '/^tps = / { printf "%d", $3 }' "$WORK/pgbench.txt")
	sat="$WORK/saturation/totals.txt"
	paced="$WORK/paced/totals.txt"
	report="$OUT/cluster-checkout-$STAMP.txt"
	{
		header "POST /api/v1/checkout, one node in distributed mode on PostgreSQL (sandbox gateway)"
		echo "node:     ready after ${ready} ms; warm-up $warm checkouts"
		echo
		echo "saturation: $(value "$sat" per_second) checkouts/s ($(value "$sat" checkouts) in $(value "$sat" elapsed_ms) ms," \
			"$CONCURRENCY at a time), p50 $(($(value "$sat" p50_us) / 1000)) ms, p95 $(($(value "$sat" p95_us) / 1000)) ms," \
			"201s $(value "$sat" checkout_201)"
		echo "paced:      $(value "$paced" per_second) checkouts/s offered $RATE/s: p50 $(awk -v u="$(value "$paced" p50_us)" 'BEGIN { printf "%.1f", u / 1000 }') ms," \
			"p95 $(awk -v u="$(value "$paced" p95_us)" 'BEGIN { printf "%.1f", u / 1000 }') ms," \
			"p99 $(awk -v u="$(value "$paced" p99_us)" 'BEGIN { printf "%.1f", u / 1000 }') ms, max $(($(value "$paced" max_us) / 1000)) ms," \
			"201s $(value "$paced" checkout_201) of $(value "$paced" checkouts)"
		echo "pgbench:    $pgtps tps (TPC-B, scale 10, -c 8 -j 2 -T 20, same server)"
		echo "ratio:      checkouts/s at saturation = $(awk -v a="$(value "$sat" per_second)" -v b="$pgtps" 'BEGIN { printf "%.1f", (b > 0) ? 100 * a / b : 0 }') % of pgbench tps"
		echo "budget:     p95 < 50 ms at 200 checkouts/s -> $(awk -v u="$(value "$paced" p95_us)" -v r="$RATE" \
			'BEGIN { print (u < 50000 && r >= 200) ? "met" : "NOT met" }')"
	} | tee "$report"
	{
		echo
		echo "--- totals (saturation, paced)"
		cat "$sat" "$paced"
		echo "--- pgbench"
		cat "$WORK/pgbench.txt"
	} >>"$report"
	log "report written to $report"
}

part_flash() {
	local slug sku report orders errors totals base="http://127.0.0.1:$NGINX_PORT"
	deploy/local/cluster.sh up >/dev/null
	slug="flash-$(date +%s)"
	sku="FLASH-$(date +%s)"
	product_with_stock "http://127.0.0.1:8081" "$slug" "$sku" 100
	log "flash sale: $BUYERS buyers for 100 units through nginx"
	"$JAVA" deploy/local/Shoppers.java flash "$base" "$sku" "$BUYERS" 256 "$WORK/flash" >/dev/null
	totals="$WORK/flash/totals.txt"
	orders=$(psql_emporium -c "select count(distinct l.order_id) from orders_line l where l.sku = '$sku'")
	errors=$(awk '$2 == "checkout"' "$WORK/flash/failures.txt" | wc -l)
	report="$OUT/cluster-flash-$STAMP.txt"
	{
		header "Flash sale through nginx on the local cluster (2 web nodes, 1 worker)"
		echo
		echo "buyers:        $BUYERS with carts ready: $(value "$totals" carts_ready), 256 at a time"
		echo "orders:        $orders in the database, $(value "$totals" checkout_acknowledged) acknowledged (expected exactly 100)"
		echo "sold out:      $(value "$totals" checkout_definitive_409) answered 409 sold-out"
		echo "other errors:  $errors checkout answers other than 201 / 409 sold-out ($(awk '{ print $3 }' "$WORK/flash/failures.txt" | sort | uniq -c | tr '\n' ' '))"
		echo "checkout phase: $(value "$totals" checkout_phase_ms) ms for all buyers"
		echo "verdict:       $([ "$orders" -eq 100 ] && [ "$errors" -eq 0 ] && echo PASS || echo FAIL)"
	} | tee "$report"
	{
		echo
		echo "--- totals"
		cat "$totals"
	} >>"$report"
	log "report written to $report"
}

part_reads() {
	local port base slug report started c_rps c_p50 c_p99 c_err e_rps e_p50 e_p99 e_err
	deploy/local/cluster.sh up >/dev/null
	port=$(free_port)
	base="http://127.0.0.1:$port"
	log "starting one embedded node on port $port"
	started=$(date +%s%N)
	"$JAVA" -Xmx512m -XX:+UseParallelGC -jar "$JAR" --server.port="$port" --emporium.data-dir="$WORK/embedded" \
		>"$WORK/embedded.log" 2>&1 &
	APP_PID=$!
	wait_ready "$base" "$APP_PID" "$started" "$WORK/embedded.log" >/dev/null
	slug=$(curl -fs "$base/api/v1/products?size=1" | jq -r '.items[0].slug')
	log "warming both for $WARMUP, then $DURATION each (product $slug)"
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:$NGINX_PORT/api/v1/products/$slug" >/dev/null
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$base/api/v1/products/$slug" >/dev/null
	read -r c_rps c_p50 c_p99 c_err < <(wrk_run "http://127.0.0.1:$NGINX_PORT/api/v1/products/$slug")
	read -r e_rps e_p50 e_p99 e_err < <(wrk_run "$base/api/v1/products/$slug")
	report="$OUT/cluster-reads-$STAMP.txt"
	{
		header "GET /api/v1/products/{slug}: nginx + 2 web nodes against one embedded node"
		echo "wrk:      -t$THREADS -c$CONNECTIONS -d$DURATION --latency, warm-up $WARMUP each; all on the same cores"
		echo
		printf '%-22s %10s %10s %10s %8s\n' "target" "req/s" "p50" "p99" "non-2xx"
		printf '%-22s %10s %10s %10s %8s\n' "cluster via nginx" "$c_rps" "$c_p50" "$c_p99" "$c_err"
		printf '%-22s %10s %10s %10s %8s\n' "one embedded node" "$e_rps" "$e_p50" "$e_p99" "$e_err"
		echo "ratio:    cluster/embedded $(awk -v a="$c_rps" -v b="$e_rps" 'BEGIN { printf "%.0f", (b > 0) ? 100 * a / b : 0 }') %"
	} | tee "$report"
	{
		echo
		echo "--- raw wrk output"
		cat "$WORK/wrk.txt"
	} >>"$report"
	log "report written to $report"
}

case "$PART" in
all)
	part_checkout
	part_flash
	part_reads
	;;
*) "part_$PART" ;;
esac
