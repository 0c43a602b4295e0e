# Shared by cluster.sh and chaos.sh: the local services, the three nodes and nginx.
# Source it from a script that has cd'ed to the repository root.
# shellcheck shell=bash

RUN=deploy/local/run
JAR=app/target/emporium.jar
DB_NAME="${EMPORIUM_LOCAL_DB:-emporium}"
PG_HOST=127.0.0.1
PG_PORT=5432
REDIS_PORT=6379
RABBIT_PORT=5672
NGINX_PORT=8080
# node name, application port, management port, roles
NODES=("node1 8081 9081 web,preview" "node2 8082 9082 web,preview" "node3 8083 9083 worker")
# How long an unpaid hold keeps stock, and after how long a stuck checkout is taken over: short,
# so that what a killed node held comes back within a chaos run. A retry of a checkout another
# node is still running waits 3 s for it (not 15 s), then gets 409 and tries again later.
HOLD="${EMPORIUM_LOCAL_HOLD:-30s}"
STALE_AFTER="${EMPORIUM_LOCAL_STALE_AFTER:-30s}"
# An authorization no order took (a checkout that could neither void nor record it, its
# database gone mid-purchase) is voided after this: longer than STALE_AFTER.
UNCLAIMED_AFTER="${EMPORIUM_LOCAL_UNCLAIMED_AFTER:-60s}"

# shellcheck source=bench/lib.sh
. bench/lib.sh
answers() { # port
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

wait_port() { # port name seconds
	for _ in $(seq 1 "$3"); do
		if answers "$1"; then return 0; fi
		sleep 1
	done
	echo "$2 does not answer on 127.0.0.1:$1" >&2
	return 1
}

ensure_package() { # command package
	if ! command -v "$1" >/dev/null; then
		log "installing $2"
		apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
	fi
}

psql_emporium() { # sql...
	psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d "$DB_NAME" -v ON_ERROR_STOP=1 -Atq "$@"
}

start_postgres() {
	pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
}

start_redis() {
	redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
		--dir /var/lib/redis --logfile /var/log/redis/ci.log
}

start_rabbitmq() {
	rabbitmq-server -detached
}

# Starts each service that does not answer and notes it in $RUN/services, so that down stops
# only those.
ensure_services() {
	mkdir -p "$RUN"
	if ! answers "$PG_PORT"; then
		ensure_package pg_ctlcluster postgresql
		log "starting PostgreSQL"
		start_postgres
		echo postgres >>"$RUN/services"
	fi
	if ! answers "$REDIS_PORT"; then
		ensure_package redis-server redis-server
		log "starting Redis"
		start_redis
		echo redis >>"$RUN/services"
	fi
	if ! answers "$RABBIT_PORT"; then
		ensure_package rabbitmq-server rabbitmq-server
		log "starting RabbitMQ"
		start_rabbitmq
		echo rabbitmq >>"$RUN/services"
	fi
	wait_port "$PG_PORT" PostgreSQL 60
	wait_port "$REDIS_PORT" Redis 30
	wait_port "$RABBIT_PORT" RabbitMQ 120
}

ensure_database() {
	if ! psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -Atc "select 1 from pg_database where datname = '$DB_NAME'" |
		grep -q 1; then
		log "creating database $DB_NAME"
		psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -qc "create database $DB_NAME"
	fi
}

ensure_jar() {
	if [ ! -f "$JAR" ]; then
		log "building $JAR"
		./mvnw -q -B -ntp -DskipTests package
	fi
}

# The nodes run a copy of the jar taken when the first of them starts: a build meanwhile
# rewrites app/target/emporium.jar, and a running JVM that then loads a class from the
# rewritten file fails (seen as a worker that could no longer stop). A new build reaches the
# cluster with down and up.
NODE_JAR="$RUN/emporium.jar"
ensure_node_jar() {
	local spec
	for spec in "${NODES[@]}"; do
		if [ -n "$(node_pid "${spec%% *}")" ] && [ -f "$NODE_JAR" ]; then return; fi
	done
	mkdir -p "$RUN"
	cp "$JAR" "$NODE_JAR"
}

node_field() { # name index
	local spec
	for spec in "${NODES[@]}"; do
		read -r -a parts <<<"$spec"
		if [ "${parts[0]}" = "$1" ]; then
			echo "${parts[$2]}"
			return
		fi
	done
	echo "no node $1" >&2
	return 1
}

node_pid() { # name -> pid of a live node, or nothing
	local file="$RUN/$1/pid" pid
	[ -f "$file" ] || return 0
	pid=$(cat "$file")
	if kill -0 "$pid" 2>/dev/null; then echo "$pid"; fi
}

node_ready() { # name
	curl -fs -m 2 "http://127.0.0.1:$(node_field "$1" 2)/actuator/health/readiness" >/dev/null 2>&1
}

start_node() { # name
	local name="$1" port management roles
	port=$(node_field "$name" 1)
	management=$(node_field "$name" 2)
	roles=$(node_field "$name" 3)
	if [ -n "$(node_pid "$name")" ]; then
		log "$name already runs"
		return
	fi
	mkdir -p "$RUN/$name/data"
	log "starting $name on port $port (roles $roles, management port $management)"
	EMPORIUM_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB_NAME" \
		EMPORIUM_DB_USER=postgres EMPORIUM_DB_PASSWORD="" EMPORIUM_DB_POOL_SIZE=10 \
		EMPORIUM_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" \
		EMPORIUM_RABBITMQ_URL="amqp://guest:guest@127.0.0.1:$RABBIT_PORT" \
		nohup "$JAVA" -Xmx512m -XX:+UseParallelGC -jar "$NODE_JAR" --spring.profiles.active=distributed \
		--server.port="$port" --server.address=127.0.0.1 \
		--management.server.port="$management" --management.server.address=127.0.0.1 \
		--server.forward-headers-strategy=native --logging.structured.format.console=ecs \
		--emporium.roles="$roles" --emporium.data-dir="$RUN/$name/data" \
		--emporium.inventory.hold="$HOLD" --emporium.checkout.stale-after="$STALE_AFTER" \
		--emporium.checkout.duplicate-wait=3s --emporium.payments.unclaimed-after="$UNCLAIMED_AFTER" \
		>>"$RUN/$name/node.log" 2>&1 </dev/null &
	echo $! >"$RUN/$name/pid"
}

wait_node_ready() { # name [seconds, default 180]
	local pid
	for _ in $(seq 1 $((${2:-180} * 4))); do
		if node_ready "$1"; then return 0; fi
		pid=$(node_pid "$1")
		if [ -z "$pid" ]; then
			echo "$1 exited during start-up; last log lines of $RUN/$1/node.log:" >&2
			tail -n 20 "$RUN/$1/node.log" >&2
			return 1
		fi
		sleep 0.25
	done
	echo "$1 did not become ready; see $RUN/$1/node.log" >&2
	return 1
}

stop_node() { # name [signal, default TERM]
	local pid
	pid=$(node_pid "$1")
	[ -n "$pid" ] || return 0
	kill -"${2:-TERM}" "$pid" 2>/dev/null || true
	for _ in $(seq 1 160); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.25
	done
	if kill -0 "$pid" 2>/dev/null; then
		log "$1 did not stop in 40 s; killing it"
		kill -KILL "$pid" 2>/dev/null || true
	fi
	rm -f "$RUN/$1/pid"
}

# nginx runs from a copy of deploy/local/nginx.conf in $RUN/nginx, so that a web node can be
# drained (marked down and reloaded) without touching the file under version control.
start_nginx() {
	mkdir -p "$RUN/nginx/logs" "$RUN/nginx/temp"
	cp deploy/local/nginx.conf "$RUN/nginx/nginx.conf"
	log "starting nginx on port $NGINX_PORT"
	nginx -p "$PWD/$RUN/nginx/" -c nginx.conf -e logs/error.log
	wait_port "$NGINX_PORT" nginx 20
}

nginx_pid() {
	local file="$RUN/nginx/nginx.pid" pid
	[ -f "$file" ] || return 0
	pid=$(cat "$file")
	if kill -0 "$pid" 2>/dev/null; then echo "$pid"; fi
}

reload_nginx() {
	nginx -p "$PWD/$RUN/nginx/" -c nginx.conf -e logs/error.log -s reload
}

drain() { # port: nginx stops sending new requests to it
	sed -i "s/^\(\s*server 127.0.0.1:$1\) /\1 down /" "$RUN/nginx/nginx.conf"
	reload_nginx
}

undrain() { # port
	sed -i "s/^\(\s*server 127.0.0.1:$1\) down /\1 /" "$RUN/nginx/nginx.conf"
	reload_nginx
}

stop_nginx() {
	local pid
	pid=$(nginx_pid)
	[ -n "$pid" ] || return 0
	kill -QUIT "$pid" 2>/dev/null || true
	for _ in $(seq 1 40); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.25
	done
}
