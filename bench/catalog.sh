#!/usr/bin/env bash
# Benchmarks GET /api/v1/products/{slug} against nginx serving the same bytes from a file,
# in the same run on the same machine, and prints req/s, p50, p99 and the ratio.
# Environment: DURATION (wrk duration, default 10s), WARMUP (load on Emporium before
# measuring, default 30s), DEMO_PRODUCTS (extra synthetic products, default 0), THREADS
# (default 2), CONNECTIONS (default 64), RATE (req/s offered in the paced run, default 2000),
# JAVA_OPTS (JVM options for Emporium, default -XX:+UseParallelGC as the README recommends),
# REPEAT (rounds of Emporium then nginx at saturation, default 1; the median ratio is reported).
# The warm-up is long on purpose: under this load the JIT keeps compiling for 20-40 s, and
# figures taken earlier measure the compiler rather than Emporium.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-30s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
DEMO_PRODUCTS="${DEMO_PRODUCTS:-0}"
RATE="${RATE:-2000}"
REPEAT="${REPEAT:-1}"
# The JVM options the README recommends for small nodes (ADR 0006).
JAVA_OPTS="${JAVA_OPTS--XX:+UseParallelGC}"
JAR=app/target/emporium.jar
OUT=bench/out

# shellcheck source=bench/lib.sh
. bench/lib.sh

# --- tools -------------------------------------------------------------------------------
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
	log "installing wrk and nginx"
	SUDO=""
	if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
	$SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk nginx >/dev/null
fi

JAVA=$(find_java)

if [ ! -f "$JAR" ]; then
	log "building $JAR"
	./mvnw -q -B -DskipTests package
fi

# --- start everything, and stop it whatever happens ------------------------------------
WORK=$(mktemp -d -t emporium-bench.XXXXXX)
APP_PID=""
NGINX_PID=""
cleanup() {
	if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; fi
	if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true; fi
	rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

APP_PORT=$(free_port)
log "starting Emporium on port $APP_PORT with $JAVA"
started=$(date +%s%N)
"$JAVA" -Xmx512m $JAVA_OPTS -jar "$JAR" --server.port="$APP_PORT" --emporium.data-dir="$WORK/data" \
	--emporium.demo.products="$DEMO_PRODUCTS" >"$WORK/app.log" 2>&1 &
APP_PID=$!
BASE="http://127.0.0.1:$APP_PORT"

READY_MS=$(wait_ready "$BASE" "$APP_PID" "$started" "$WORK/app.log")

SLUG=$(curl -fs "$BASE/api/v1/products?size=1" | grep -o '"slug":"[^"]*"' | head -n 1 | cut -d'"' -f4)
[ -n "$SLUG" ] || { echo "no product found" >&2; exit 1; }
URL="$BASE/api/v1/products/$SLUG"

mkdir -p "$WORK/www" "$WORK/nginx"
# nginx started as root serves files as an unprivileged worker user: let it read them.
chmod 755 "$WORK" "$WORK/www"
CONTENT_TYPE=$(curl -fs -o "$WORK/www/product.json" -w '%{content_type}' "$URL")
chmod 644 "$WORK/www/product.json"
BYTES=$(wc -c <"$WORK/www/product.json")

NGINX_PORT=$(free_port)
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $WORK/nginx/body;
	proxy_temp_path $WORK/nginx/proxy;
	fastcgi_temp_path $WORK/nginx/fastcgi;
	uwsgi_temp_path $WORK/nginx/uwsgi;
	scgi_temp_path $WORK/nginx/scgi;
	types { }
	default_type "$CONTENT_TYPE";
	server {
		listen 127.0.0.1:$NGINX_PORT;
		location = /product.json { root $WORK/www; }
	}
}
CONF
log "starting nginx on port $NGINX_PORT"
nginx -e "$WORK/nginx/error.log" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
NGINX_URL="http://127.0.0.1:$NGINX_PORT/product.json"
for _ in $(seq 1 40); do
	if curl -fs -o /dev/null "$NGINX_URL"; then break; fi
	sleep 0.25
done
if ! cmp -s <(curl -fs "$NGINX_URL") "$WORK/www/product.json"; then
	echo "nginx does not serve the same bytes:" >&2
	curl -s -i "$NGINX_URL" | head -n 5 >&2
	tail -n 5 "$WORK/nginx/error.log" >&2
	exit 1
fi

# --- measure ---------------------------------------------------------------------------
log "warming up for $WARMUP"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$URL" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "$NGINX_URL" >/dev/null

run() { # url [wrk options] -> "rps p50 p99 errors"
	local result
	result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
	echo "$result" >>"$WORK/wrk.txt"
	local rps p50 p99 errors
	rps=$(echo "$result" | awk '/Requests\/sec:/ {print $2}')
	p50=$(echo "$result" | awk '$1 == "50%" {print $2}')
	p99=$(echo "$result" | awk '$1 == "99%" {print $2}')
	errors=$(echo "$result" | awk '/Non-2xx or 3xx responses:/ {print $5}')
	echo "$rps $p50 $p99 ${errors:-0}"
}
# Emporium and nginx take turns REPEAT times; the report keeps the run whose ratio is the
# median, since on a shared 2-core machine one pair of runs can be off by a quarter.
PAIRS=()
for round in $(seq 1 "$REPEAT"); do
	log "round $round of $REPEAT: Emporium, then nginx, $DURATION each"
	read -r e_rps e_p50 e_p99 e_err < <(run "$URL")
	read -r n_rps n_p50 n_p99 n_err < <(run "$NGINX_URL")
	ratio=$(awk -v e="$e_rps" -v n="$n_rps" 'BEGIN { printf "%.1f", (n > 0) ? 100 * e / n : 0 }')
	PAIRS+=("$ratio $e_rps $e_p50 $e_p99 $e_err $n_rps $n_p50 $n_p99 $n_err")
done
ROUNDS=$(printf '%s\n' "${PAIRS[@]}" | sort -n)
read -r RATIO E_RPS E_P50 E_P99 E_ERR N_RPS N_P50 N_P99 N_ERR < <(echo "$ROUNDS" | sed -n "$(( (REPEAT + 1) / 2 ))p")
# The budget's latency is at a given rate, not at saturation: pace every connection so that all
# of them together offer about RATE req/s (wrk waits this long after each response, so the rate
# reached is a little lower and is printed as measured).
cat >"$WORK/pace.lua" <<LUA
function delay() return $(awk -v c="$CONNECTIONS" -v r="$RATE" 'BEGIN { printf "%d", 1000 * c / r }') end
LUA
log "measuring Emporium paced at about $RATE req/s for $DURATION"
read -r P_RPS P_P50 P_P99 P_ERR < <(run "$URL" -s "$WORK/pace.lua")

mkdir -p "$OUT"
REPORT="$OUT/catalog-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
	echo "GET /api/v1/products/{slug}: Emporium against nginx serving the same bytes"
	echo "date:        $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "machine:     $(nproc) cores, $(uname -sr)"
	echo "java:        $("$JAVA" -version 2>&1 | head -n 1), options: -Xmx512m $JAVA_OPTS"
	echo "wrk:         -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
	echo "product:     $SLUG ($BYTES bytes, $CONTENT_TYPE)"
	echo "catalog:     demo store + $DEMO_PRODUCTS synthetic products, ready after ${READY_MS} ms"
	echo
	printf '%-10s %12s %10s %10s %8s\n' "server" "req/s" "p50" "p99" "non-2xx"
	printf '%-10s %12s %10s %10s %8s\n' "emporium" "$E_RPS" "$E_P50" "$E_P99" "$E_ERR"
	printf '%-10s %12s %10s %10s %8s\n' "nginx" "$N_RPS" "$N_P50" "$N_P99" "$N_ERR"
	printf '%-10s %12s %10s %10s %8s\n' "paced" "$P_RPS" "$P_P50" "$P_P99" "$P_ERR"
	echo
	echo "emporium/nginx: ${RATIO} % at saturation, median of $REPEAT round(s) (budget: at least 20 %)"
	echo "all rounds (ratio %, then Emporium and nginx req/s p50 p99 non-2xx):"
	echo "$ROUNDS" | sed 's/^/  /'
	echo "paced:          Emporium at about $RATE req/s offered, p99 $P_P99 (budget: under 10 ms at 2,000 req/s)"
} | tee "$REPORT"
{
	echo
	echo "--- raw wrk output"
	cat "$WORK/wrk.txt"
} >>"$REPORT"
log "report written to $REPORT"
