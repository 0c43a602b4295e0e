#!/usr/bin/env bash
# shellcheck disable=SC2317 # the fault functions are called by name (fault_<name>)
# Runs faults against the local cluster (deploy/local/cluster.sh, started if needed) under a
# steady load of shoppers through nginx (deploy/local/Shoppers.java), and prints one verdict
# line per fault with its numbers.
#
# Usage: deploy/local/chaos.sh [kill-web] [redis] [rabbitmq] [postgres] [rolling]
#   (no argument: all five, in that order)
#   kill-web  kill -9 of web node1; acknowledged orders exist once, retries get the same order,
#             nginx routes around it, stock adds up and its holds are released by the expiry job
#   redis     Redis stopped for OUTAGE s: catalog keeps answering, cart and checkout answer or
#             503 with Retry-After (no other 5xx, nothing over 5 s), recovery within 10 s
#   rabbitmq  RabbitMQ stopped for OUTAGE s: no event lost, caches converge on a price change
#   postgres  PostgreSQL restarted: nodes recover without a restart, no charge without an order
#   rolling   each node in turn drained from nginx, SIGTERM, started again: zero failed requests
# Environment: SHOPPERS (concurrent shoppers, default 16), OUTAGE (seconds, default 30),
# BEFORE / AFTER (seconds of load around a fault, default 15 / 30), SETTLE (seconds to wait for
# holds and stuck checkouts to be given back, default 150), WARMUP (seconds of load before the
# first fault, not judged, default 30).
# Output: verdict lines on stdout, a report in deploy/local/run/chaos-<time>/ with each
# fault's load totals, failures and acknowledged orders. Exit status 1 when a fault FAILs.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=deploy/local/lib.sh
. deploy/local/lib.sh

SHOPPERS="${SHOPPERS:-16}"
OUTAGE="${OUTAGE:-30}"
BEFORE="${BEFORE:-15}"
AFTER="${AFTER:-30}"
SETTLE="${SETTLE:-150}"
WARMUP="${WARMUP:-30}"
INITIAL_STOCK=100000
BASE="http://127.0.0.1:$NGINX_PORT"
ADMIN="http://127.0.0.1:8081"
OUT="$RUN/chaos-$(date -u +%Y%m%dT%H%M%SZ)"
VERDICTS=()
FAILED=0

case "${1:-}" in -h | --help)
	sed -n '3,21p' "$0" | sed 's/^# \{0,1\}//'
	exit 0
	;;
esac
FAULTS=("$@")
if [ ${#FAULTS[@]} -eq 0 ]; then FAULTS=(kill-web redis rabbitmq postgres rolling); fi
for fault in "${FAULTS[@]}"; do
	case "$fault" in kill-web | redis | rabbitmq | postgres | rolling) ;; *)
		echo "unknown fault: $fault (see --help)" >&2
		exit 2
		;;
	esac
done

JAVA=$(find_java 21)
deploy/local/cluster.sh up >/dev/null
mkdir -p "$OUT"
now_ms() { date +%s%3N; }

admin_token() {
	curl -fs -X POST "$ADMIN/api/v1/auth/login" -H 'Content-Type: application/json' \
		-d '{"email":"admin@emporium.local","password":"emporium-admin"}' | jq -r .accessToken
}

# A product of its own for each fault, with INITIAL_STOCK units: made through node1 directly
# (until signing keys are shared, a token is only good on the node that issued it).
new_product() { # name -> sets SLUG and SKU
	local token
	SLUG="chaos-$1-$(date +%s)"
	SKU="CHAOS-$1-$(date +%s)"
	token=$(admin_token)
	curl -fs -o /dev/null -X POST "$ADMIN/api/v1/admin/products" -H "Authorization: Bearer $token" \
		-H 'Content-Type: application/json' \
		-d "{\"title\":\"Chaos $1\",\"slug\":\"$SLUG\",\"description\":\"chaos test\",\"categories\":[],\"attributes\":{},
			\"variants\":[{\"sku\":\"$SKU\",\"title\":\"Paperback\",\"price\":{\"amount\":1000,\"currency\":\"EUR\"}}]}"
	curl -fs -o /dev/null -X PUT "$ADMIN/api/v1/admin/inventory/$SKU" -H "Authorization: Bearer $token" \
		-H 'Content-Type: application/json' -d "{\"warehouse\":\"main\",\"onHand\":$INITIAL_STOCK}"
}

start_load() { # fault seconds
	mkdir -p "$OUT/$1"
	"$JAVA" deploy/local/Shoppers.java steady "$BASE" "$SLUG" "$SKU" "$SHOPPERS" "$2" "$OUT/$1" \
		>"$OUT/$1/load.log" 2>&1 &
	LOAD_PID=$!
}

wait_load() {
	wait "$LOAD_PID" || { echo "load client failed; see its log" >&2; return 1; }
}

total() { # fault name -> value or 0
	local value
	value=$(sed -n "s/^$2=//p" "$OUT/$1/totals.txt")
	echo "${value:-0}"
}

sum_totals() { # fault pattern -> sum of matching values
	awk -F= -v p="$2" '$1 ~ p { s += $2 } END { print s + 0 }' "$OUT/$1/totals.txt"
}

# Acknowledged orders in the database: "acked distinct_acked found" (found = how many of them
# exist as orders).
acked_in_db() { # fault
	local ids="$OUT/$1/order-ids.txt"
	cut -d' ' -f1 "$OUT/$1/orders.txt" | sort >"$ids"
	psql_emporium -c "create temp table acked (id uuid)" -c "\\copy acked from '$ids'" \
		-c "select (select count(*) from acked), (select count(distinct id) from acked),
			(select count(*) from orders_order o where o.id in (select id from acked))" | tr '|' ' '
}

orders_for_sku() { # sku -> orders holding it, and units sold in live orders
	psql_emporium -c "select count(distinct l.order_id), coalesce(sum(l.quantity), 0) from orders_line l
		join orders_order o on o.id = l.order_id where l.sku = '$1' and o.status not in ('CANCELLED', 'REFUNDED')" |
		tr '|' ' '
}

stock() { # sku -> "on_hand reserved"
	psql_emporium -c "select coalesce(sum(on_hand), 0), coalesce(sum(reserved), 0) from inventory_stock where sku = '$1'" |
		tr '|' ' '
}

# Payments that hold or took money without an order (PENDING ones may hold it at the gateway),
# among those made since the given time.
charges_without_order() { # since (epoch seconds)
	psql_emporium -c "select count(*) from payments_payment p where p.created_at >= to_timestamp($1)
		and p.status in ('PENDING', 'AUTHORIZED', 'CAPTURED') and not exists (select 1 from orders_order o where o.payment_id = p.id)"
}

incomplete_publications() { # -> the largest count any node reports (NaN when unreadable)
	local spec name management value max=0
	for spec in "${NODES[@]}"; do
		read -r name _ management _ <<<"$spec"
		value=$(curl -fs -m 5 "http://127.0.0.1:$management/actuator/prometheus" |
			awk '/^emporium_events_publications_incomplete / { print $2 }')
		value=${value:-NaN}
		if [ "$value" = "NaN" ]; then max=NaN; elif [ "$max" != "NaN" ]; then
			max=$(awk -v a="$max" -v b="$value" 'BEGIN { print (b > a) ? b : a }')
		fi
	done
	echo "${max%.0}"
}

verdict() { # fault pass(0/1) text
	local word=PASS
	if [ "$2" -ne 0 ]; then
		word=FAIL
		FAILED=1
	fi
	VERDICTS+=("$1: $word $3")
	printf '%s: %s %s\n' "$1" "$word" "$3" | tee -a "$OUT/verdicts.txt"
}

# Waits until held stock of the SKU is given back (or SETTLE s pass); prints the seconds taken.
settle_holds() { # sku
	local started on_hand reserved
	started=$(date +%s)
	while [ $(($(date +%s) - started)) -lt "$SETTLE" ]; do
		read -r on_hand reserved < <(stock "$1")
		if [ "$reserved" -eq 0 ]; then break; fi
		sleep 3
	done
	echo $(($(date +%s) - started))
}

fault_kill_web() {
	local f=kill-web pid killed_at acked distinct found orders sold on_hand reserved settled failed after ok=0
	new_product killweb
	start_load "$f" $((BEFORE + AFTER + 30))
	sleep "$BEFORE"
	pid=$(node_pid node1)
	killed_at=$(now_ms)
	log "kill -9 node1 (pid $pid)"
	kill -KILL "$pid"
	rm -f "$RUN/node1/pid"
	wait_load
	settled=$(settle_holds "$SKU")
	read -r acked distinct found < <(acked_in_db "$f")
	read -r orders sold < <(orders_for_sku "$SKU")
	read -r on_hand reserved < <(stock "$SKU")
	failed=$(wc -l <"$OUT/$f/failures.txt")
	# Once nginx has noticed (fail_timeout 10 s), nothing may fail for want of a node: no 502,
	# 503, 504 or unanswered read or cart step. Retries of checkouts node1 was running wait for
	# the takeover (stale-after) and do not count here.
	after=$(awk -v t="$((killed_at + 15000))" '$1 > t && ($2 != "checkout" || $3 >= 502)' \
		"$OUT/$f/failures.txt" | wc -l)
	[ "$acked" -gt 0 ] && [ "$acked" -eq "$distinct" ] && [ "$found" -eq "$acked" ] && [ "$orders" -eq "$acked" ] || ok=1
	[ "$(total "$f" replay_mismatch)" -eq 0 ] && [ "$after" -eq 0 ] || ok=1
	[ $((on_hand + sold)) -eq "$INITIAL_STOCK" ] && [ "$reserved" -eq 0 ] || ok=1
	verdict "$f" "$ok" "acknowledged=$acked distinct=$distinct in_db=$found orders_for_sku=$orders \
acknowledged_after_retry=$(total "$f" checkout_acknowledged_after_retry) replays=$(total "$f" replays) \
replay_mismatch=$(total "$f" replay_mismatch) failed_requests=$failed (of $(total "$f" requests); \
$after not checkout retries later than 15 s after the kill) on_hand+sold=$on_hand+$sold=$((on_hand + sold)) (initial $INITIAL_STOCK) \
reserved_after=$reserved (released after ${settled}s)"
	log "starting node1 again"
	start_node node1
	wait_node_ready node1
}

# Server-side failures (5xx, no answer) of the given steps:
# "total 503_with_retry_after other_5xx no_answer last_ms"; a 4xx is an answer.
failure_profile() { # fault step-regex
	awk -v p="^($2)\$" '$2 ~ p && ($3 >= 500 || $3 == 0) {
			n++; if ($3 == 503 && $4 ~ /retry-after/) r++; else if ($3 >= 500) o++; else if ($3 == 0) z++
			if ($1 > last) last = $1
		} END { printf "%d %d %d %d %d\n", n, r, o, z, last }' "$OUT/$1/failures.txt"
}

fault_redis() {
	local f=redis back_at catalog_requests catalog_failed cart slow ok=0 n r o z last
	new_product redis
	start_load "$f" $((BEFORE + OUTAGE + AFTER))
	sleep "$BEFORE"
	log "stopping Redis for $OUTAGE s"
	# Stopped as a Redis with persistence stops: what it holds (carts, buckets) is written
	# first and read back at the start. The local Redis keeps nothing on disk otherwise, so
	# the file is removed once it has been read.
	dump="$(redis-cli -p "$REDIS_PORT" config get dir | sed -n 2p)/dump.rdb"
	redis-cli -p "$REDIS_PORT" shutdown save >/dev/null 2>&1 || true
	sleep "$OUTAGE"
	start_redis >/dev/null
	wait_port "$REDIS_PORT" Redis 30
	until redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; do sleep 0.2; done
	rm -f "$dump"
	back_at=$(now_ms)
	wait_load
	catalog_requests=$(total "$f" catalog_requests)
	catalog_failed=$(sum_totals "$f" '^catalog_failed_')
	read -r n r o z last < <(failure_profile "$f" 'cart|add|checkout')
	slow=$(sum_totals "$f" '_over_5s$')
	awk -v f="$catalog_failed" -v n="$catalog_requests" 'BEGIN { exit !(n > 0 && f * 100 < n) }' || ok=1
	[ "$o" -eq 0 ] && [ "$z" -eq 0 ] && [ "$slow" -eq 0 ] && [ "$n" -eq "$r" ] || ok=1
	if [ "$last" -gt $((back_at + 10000)) ]; then ok=1; fi
	cart=$(total "$f" checkout_acknowledged)
	verdict "$f" "$ok" "catalog_failed=$catalog_failed/$catalog_requests cart_checkout_failures=$n \
(503+Retry-After=$r other_5xx=$o no_answer=$z) over_5s=$slow orders=$cart \
last_failure=$([ "$last" -gt 0 ] && echo "$(((last - back_at) / 1000))s after Redis returned" || echo none) \
(outage ${OUTAGE}s)"
}

fault_rabbitmq() {
	local f=rabbitmq token back_at incomplete converged_in prices ok=0 started
	new_product rabbit
	start_load "$f" $((BEFORE + OUTAGE + AFTER))
	sleep "$BEFORE"
	log "stopping RabbitMQ for $OUTAGE s"
	rabbitmqctl -q stop_app >/dev/null
	sleep 5
	# A price change during the outage must reach every web node's cache once it is back.
	token=$(admin_token)
	curl -fs -o /dev/null -X PUT "$ADMIN/api/v1/admin/products/$SLUG" -H "Authorization: Bearer $token" \
		-H 'Content-Type: application/json' \
		-d "{\"title\":\"Chaos rabbit\",\"description\":\"chaos test\",\"categories\":[],\"attributes\":{},
			\"variants\":[{\"sku\":\"$SKU\",\"title\":\"Paperback\",\"price\":{\"amount\":1234,\"currency\":\"EUR\"}}]}" ||
		log "price change refused"
	sleep $((OUTAGE - 5))
	rabbitmqctl -q start_app >/dev/null
	back_at=$(date +%s)
	wait_load
	started=$(date +%s)
	converged_in=never
	while [ $(($(date +%s) - started)) -lt 60 ]; do
		prices=$(for port in 8081 8082; do
			curl -fs "http://127.0.0.1:$port/api/v1/products/$SLUG" | jq -r '.price.amount'
		done | sort -u | tr '\n' ' ')
		if [ "$prices" = "1234 " ]; then
			converged_in="$(($(date +%s) - back_at))s"
			break
		fi
		sleep 2
	done
	started=$(date +%s)
	incomplete=$(incomplete_publications)
	while [ "$incomplete" != "0" ] && [ $(($(date +%s) - started)) -lt 90 ]; do
		sleep 5
		incomplete=$(incomplete_publications)
	done
	[ "$incomplete" = "0" ] && [ "$converged_in" != "never" ] || ok=1
	verdict "$f" "$ok" "incomplete_publications_after=$incomplete caches_converged=$converged_in \
(web node prices now: ${prices:-?}) orders=$(total "$f" checkout_acknowledged) \
failed_requests=$(wc -l <"$OUT/$f/failures.txt")/$(total "$f" requests)"
}

fault_postgres() {
	local f=postgres since pids_before pids_after recovered ok=0 acked distinct found charges started spec name
	new_product postgres
	since=$(date +%s)
	pids_before=$(for spec in "${NODES[@]}"; do node_pid "${spec%% *}"; done | tr '\n' ' ')
	start_load "$f" $((BEFORE + AFTER))
	sleep "$BEFORE"
	log "restarting PostgreSQL"
	pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main restart
	started=$(date +%s)
	recovered=never
	while [ $(($(date +%s) - started)) -lt 120 ]; do
		if curl -fs -m 5 -o /dev/null "$BASE/api/v1/products/$SLUG" && node_ready node1 && node_ready node2 &&
			node_ready node3; then
			recovered="$(($(date +%s) - started))s"
			break
		fi
		sleep 1
	done
	wait_load
	pids_after=$(for spec in "${NODES[@]}"; do name=${spec%% *}; node_pid "$name"; done | tr '\n' ' ')
	settle_holds "$SKU" >/dev/null
	# a checkout cut off mid-way is taken over once stale, and what it authorized is voided
	sleep $((${STALE_AFTER%s} + 60))
	charges=$(charges_without_order "$since")
	read -r acked distinct found < <(acked_in_db "$f")
	[ "$recovered" != never ] && [ "$pids_before" = "$pids_after" ] && [ "$charges" -eq 0 ] || ok=1
	[ "$found" -eq "$acked" ] || ok=1
	verdict "$f" "$ok" "nodes_recovered=$recovered same_processes=$([ "$pids_before" = "$pids_after" ] && echo yes || echo no) \
charges_without_order=$charges acknowledged=$acked in_db=$found \
failed_requests=$(wc -l <"$OUT/$f/failures.txt")/$(total "$f" requests) \
checkout_failures=$(sum_totals "$f" '^checkout_failed_')"
}

fault_rolling() {
	local f=rolling spec name port ok=0 failed acked found distinct
	new_product rolling
	start_load "$f" 600
	sleep "$BEFORE"
	for spec in "${NODES[@]}"; do
		read -r name port _ roles <<<"$spec"
		log "rolling restart of $name"
		if [[ "$roles" == *web* ]]; then
			drain "$port"
			sleep 2
		fi
		stop_node "$name" TERM
		start_node "$name"
		wait_node_ready "$name"
		if [[ "$roles" == *web* ]]; then undrain "$port"; fi
		sleep 5
	done
	sleep 5
	touch "$OUT/$f/stop"
	wait_load
	failed=$(wc -l <"$OUT/$f/failures.txt")
	read -r acked distinct found < <(acked_in_db "$f")
	[ "$failed" -eq 0 ] && [ "$found" -eq "$acked" ] && [ "$acked" -gt 0 ] || ok=1
	verdict "$f" "$ok" "failed_requests=$failed of $(total "$f" requests) acknowledged=$acked in_db=$found \
over_5s=$(sum_totals "$f" '_over_5s$')"
}

# A node just started answers its first requests slowly while its JIT compiles; the faults
# are measured on warm nodes, as a shop's would be.
log "warming the cluster up for $WARMUP s"
new_product warmup
start_load warmup "$WARMUP"
wait_load

for fault in "${FAULTS[@]}"; do
	log "fault: $fault"
	"fault_${fault//-/_}"
done

echo
echo "chaos run, $SHOPPERS shoppers, outage ${OUTAGE}s; details in $OUT"
printf '%s\n' "${VERDICTS[@]}"
exit "$FAILED"
