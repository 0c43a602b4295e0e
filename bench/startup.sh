#!/usr/bin/env bash
# Start-up to ready (readiness probe answering) of the embedded store with the demo catalog plus
# PRODUCTS synthetic products (default 10,000), measured three ways on the same machine:
#   jar        java -jar app/target/emporium.jar (what the README's run command amounts to)
#   extracted  the same jar extracted (java -Djarmode=tools ... extract), classes on a plain classpath
#   aot        the extracted jar with a JDK 25+ ahead-of-time cache (JEP 514/515) made by one
#              training start: classes arrive parsed, linked and profiled
# Each way starts RUNS times (default 3) against an already seeded database, and once from an
# empty one; the script prints every figure and the median of the warm starts, and writes a
# report to bench/out/. Budget (DESIGN.md): under 10 s with 10,000 products.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

PRODUCTS="${PRODUCTS:-10000}"
RUNS="${RUNS:-3}"
JAR=app/target/emporium.jar
OUT=bench/out
JAVA=$(find_java 21)
AOT_JAVA=$(find_java 25 2>/dev/null || true)

if [ ! -f "$JAR" ]; then
	log "building $JAR"
	./mvnw -q -B -DskipTests package
fi

WORK=$(mktemp -d -t emporium-startup.XXXXXX)
APP_PID=""
cleanup() {
	if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true; fi
	rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

start() { # java data-dir [jvm options...] -> ms to ready; stops the process again
	local java="$1" data="$2" port started ms
	shift 2
	port=$(free_port)
	started=$(date +%s%N)
	"$java" -Xmx512m "$@" --server.port="$port" --emporium.data-dir="$data" \
		--emporium.demo.products="$PRODUCTS" >"$WORK/app.log" 2>&1 &
	APP_PID=$!
	ms=$(wait_ready "http://127.0.0.1:$port" "$APP_PID" "$started" "$WORK/app.log")
	kill "$APP_PID" && wait "$APP_PID" 2>/dev/null || true
	APP_PID=""
	echo "$ms"
}

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

measure() { # label java [jvm options...]
	local label="$1" java="$2" cold warm=()
	shift 2
	log "$label: first start (seeds $PRODUCTS synthetic products)"
	cold=$(start "$java" "$WORK/data-$label" "$@")
	for _ in $(seq 1 "$RUNS"); do
		warm+=("$(start "$java" "$WORK/data-$label" "$@")")
	done
	printf '%-10s %12s %14s   %s\n' "$label" "$cold" "$(median "${warm[@]}")" "${warm[*]}"
}

log "extracting $JAR"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/extracted" >/dev/null

mkdir -p "$OUT"
REPORT="$OUT/startup-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
	echo "Start-up to ready: demo store + $PRODUCTS synthetic products"
	echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "machine: $(nproc) cores, $(uname -sr)"
	echo "java:    $("$JAVA" -version 2>&1 | head -n 1)"
	echo
	printf '%-10s %12s %14s   %s\n' "way" "empty db ms" "median warm ms" "warm starts ms"
	measure jar "$JAVA" -jar "$JAR"
	measure extracted "$JAVA" -jar "$WORK/extracted/emporium.jar"
	if [ -n "$AOT_JAVA" ]; then
		log "aot: training start to record the cache"
		start "$AOT_JAVA" "$WORK/data-training" -XX:AOTCacheOutput="$WORK/emporium.aot" \
			-jar "$WORK/extracted/emporium.jar" >/dev/null
		measure aot "$AOT_JAVA" -XX:AOTCache="$WORK/emporium.aot" -jar "$WORK/extracted/emporium.jar"
	else
		echo "aot        (skipped: needs a JDK 25 or newer)"
	fi
	echo
	echo "budget: under 10000 ms with 10,000 products"
} | tee "$REPORT"
log "report written to $REPORT"
