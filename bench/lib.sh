# Shared by the bench scripts: finding a JDK, a free port, and waiting for readiness.
# Source it from a script that has cd'ed to the repository root.

log() { printf '== %s\n' "$*" >&2; }

# The newest JDK of at least the given major version under /usr/lib/jvm, read from each JDK's
# release file (JAVA_HOME is deliberately not used: the default java here may be older).
find_java() { # [minimum major, default 21]
	local minimum="${1:-21}" best="" best_major=0 dir version major
	for dir in /usr/lib/jvm/*/; do
		[ -x "${dir}bin/java" ] && [ -f "${dir}release" ] || continue
		version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)"/\1/p' "${dir}release")
		major=${version%%.*}
		[[ "$major" =~ ^[0-9]+$ ]] || continue
		if [ "$major" -ge "$minimum" ] && [ "$major" -gt "$best_major" ]; then
			best="${dir}bin/java"
			best_major=$major
		fi
	done
	if [ -z "$best" ]; then
		echo "No JDK $minimum or newer found under /usr/lib/jvm." >&2
		return 1
	fi
	echo "$best"
}

free_port() {
	local port
	while :; do
		port=$((20000 + RANDOM % 20000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return
		fi
	done
}

# Waits until the readiness probe answers; prints the milliseconds since the given start
# (from date +%s%N). Fails if the process dies or 120 s pass.
wait_ready() { # base-url pid start-nanos log-file
	for _ in $(seq 1 1200); do
		if curl -fs "$1/actuator/health/readiness" >/dev/null 2>&1; then
			echo $(( ($(date +%s%N) - $3) / 1000000 ))
			return 0
		fi
		if ! kill -0 "$2" 2>/dev/null; then
			echo "Emporium exited during start-up; last log lines:" >&2
			tail -n 30 "$4" >&2
			return 1
		fi
		sleep 0.1
	done
	echo "Emporium did not become ready" >&2
	return 1
}
