#!/usr/bin/env bash
# A local Emporium cluster in one command: PostgreSQL, Redis and RabbitMQ (started if they do
# not answer), two web nodes and one worker node of the packaged jar in distributed mode, and
# nginx in front of the web nodes on http://127.0.0.1:8080.
#
# Usage: deploy/local/cluster.sh up|down|status
#   up      start whatever is not running and wait until every node is ready
#   down    stop the nodes and nginx, and the services that up started (by their PID files
#           and the list in deploy/local/run/services)
#   status  show each process and each node's readiness
# Nodes: node1 127.0.0.1:8081 and node2 :8082 (roles web,preview), node3 :8083 (worker); each
# serves actuator (prometheus, health) without a token on its management port 9081..9083.
# Logs and data under deploy/local/run/<node>/. Environment: EMPORIUM_LOCAL_DB (database,
# default emporium), EMPORIUM_LOCAL_HOLD (emporium.inventory.hold, default 30s),
# EMPORIUM_LOCAL_STALE_AFTER (emporium.checkout.stale-after, default 30s).
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=deploy/local/lib.sh
. deploy/local/lib.sh

usage() {
	sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
}

up() {
	ensure_package nginx nginx
	ensure_package psql postgresql-client
	JAVA=$(find_java 21)
	ensure_services
	ensure_database
	ensure_jar
	ensure_node_jar
	# The first node migrates the schema and loads the demo catalog; the others start after it.
	start_node node1
	wait_node_ready node1
	start_node node2
	start_node node3
	wait_node_ready node2
	wait_node_ready node3
	if [ -z "$(nginx_pid)" ]; then start_nginx; fi
	for _ in $(seq 1 40); do
		if curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT/api/v1/products?size=1"; then break; fi
		sleep 0.25
	done
	status
	log "cluster up: http://127.0.0.1:$NGINX_PORT"
}

down() {
	local spec name service
	stop_nginx
	for spec in "${NODES[@]}"; do
		name=${spec%% *}
		if [ -n "$(node_pid "$name")" ]; then
			log "stopping $name"
			stop_node "$name"
		fi
	done
	if [ -f "$RUN/services" ]; then
		while read -r service; do
			log "stopping $service (started by up)"
			case "$service" in
			postgres) pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main stop || true ;;
			redis) redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true ;;
			rabbitmq) rabbitmqctl -q stop >/dev/null 2>&1 || true ;;
			esac
		done <"$RUN/services"
		rm -f "$RUN/services"
	fi
}

status() {
	local spec name port management roles pid ready service_port service
	printf '%-10s %-8s %-22s %-12s %s\n' "process" "pid" "address" "roles" "state"
	for spec in "${NODES[@]}"; do
		read -r name port management roles <<<"$spec"
		pid=$(node_pid "$name")
		if [ -z "$pid" ]; then
			ready="stopped"
		elif node_ready "$name"; then
			ready="ready (readiness UP)"
		else
			ready="running, not ready"
		fi
		printf '%-10s %-8s %-22s %-12s %s\n' "$name" "${pid:--}" "127.0.0.1:$port" "$roles" "$ready"
	done
	pid=$(nginx_pid)
	printf '%-10s %-8s %-22s %-12s %s\n' "nginx" "${pid:--}" "127.0.0.1:$NGINX_PORT" "-" \
		"$([ -n "$pid" ] && echo running || echo stopped)"
	for service in "postgresql $PG_PORT" "redis $REDIS_PORT" "rabbitmq $RABBIT_PORT"; do
		read -r name service_port <<<"$service"
		printf '%-10s %-8s %-22s %-12s %s\n' "$name" "-" "127.0.0.1:$service_port" "-" \
			"$(answers "$service_port" && echo answers || echo 'does not answer')"
	done
}

case "${1:-}" in
up) up ;;
down) down ;;
status) status ;;
*) usage ;;
esac
