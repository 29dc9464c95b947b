# shellcheck shell=bash
# What bench/side-by-side.sh and bench/many-users.sh share (sourced, never run): Parley started as the README's run
# command starts it, waited for, found and stopped; the rooms the generator looks for; the server's CPU, RSS and
# threads. One copy, so that both scripts measure the same server started the same way.
#
# Expects ROOT (the project root). MVN_FLAGS (environment, empty by default) goes on Parley's mvn command line, e.g.
# MVN_FLAGS=-o to build offline.

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# The run command's Maven profiles; a script may add one (postgresql) before parley_start.
PARLEY_PROFILES=run
PARLEY_MVN="" PARLEY_PID=""

# The server's java process, not the mvn that started it: the figures are the server's, and the mvn's own JVM
# would otherwise be sampled or signalled.
parley_java_pid() {
    pgrep -f "jboss-modules.jar.*jboss.server.base.dir=$ROOT/run/server" | head -1 || true
}

# parley_start LOG [NAME=VALUE ...]: a fresh store (run/ removed), then the README's run command in the background
# with these variables, trust-from identities (the generator does no NTLM) and without the unit tests; its output
# goes to LOG. Returns at once: parley_wait waits for it.
parley_start() {
    local out=$1
    shift
    rm -rf "$ROOT/run"
    # shellcheck disable=SC2086 # MVN_FLAGS is a list of flags
    (cd "$ROOT" && env PARLEY_SIP_IDENTITY=trust-from "$@" \
        mvn -q $MVN_FLAGS -P"$PARLEY_PROFILES" package -DskipTests > "$out" 2>&1) &
    PARLEY_MVN=$!
}

# Waits (at most 300 s) until the server answers the REST API, which it does once the EAR is deployed; sets
# PARLEY_PID. Fails if it did not start.
parley_wait() {
    local _
    PARLEY_PID=""
    for _ in $(seq 1 300); do
        PARLEY_PID=$(parley_java_pid)
        if [ -n "$PARLEY_PID" ] && curl -sf -o /dev/null -u admin:parley-admin http://127.0.0.1:8080/parley/api/v1/rooms; then
            return 0
        fi
        sleep 1
    done
    [ -n "$PARLEY_PID" ]
}

# parley_rooms COUNT: open rooms bench0 .. bench<COUNT-1>, the names the generator's room search looks for.
parley_rooms() {
    local i
    for i in $(seq 0 $(($1 - 1))); do
        curl -sf -o /dev/null -u admin:parley-admin -H 'Content-Type: application/json' \
            -d "{\"name\":\"bench$i\",\"privacy\":\"OPEN\"}" http://127.0.0.1:8080/parley/api/v1/rooms
    done
}

# Stops the server parley_start started (WildFly shuts down cleanly on TERM) and waits for its mvn to end.
parley_stop() {
    [ -n "$PARLEY_MVN" ] || return 0
    local pid=${PARLEY_PID:-$(parley_java_pid)}
    [ -z "$pid" ] || kill -TERM "$pid" 2>/dev/null || true
    wait "$PARLEY_MVN" 2>/dev/null || true
    PARLEY_MVN="" PARLEY_PID=""
}

# CPU seconds (user + system) of these processes and their threads so far.
cpu_seconds() {
    python3 - "$(getconf CLK_TCK)" "$@" <<'PY'
import sys
tick, total = int(sys.argv[1]), 0.0
for pid in sys.argv[2:]:
    try:
        f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        total += (int(f[11]) + int(f[12])) / tick
    except FileNotFoundError:
        pass
print(f"{total:.1f}")
PY
}

# Seconds until the process's CPU use falls under 5 % of one core for a whole second, at most 120.
idle_after() {
    python3 - "$1" "$(getconf CLK_TCK)" <<'PY'
import sys, time
pid, tick = sys.argv[1], int(sys.argv[2])
def cpu():
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / tick
start = time.monotonic(); last = cpu()
while time.monotonic() - start < 120:
    time.sleep(1.0); now = cpu()
    if now - last < 0.05:
        print(f"{time.monotonic() - start - 1.0:.1f}"); sys.exit(0)
    last = now
print("120+")
PY
}

# The process's threads and RSS, as JSON members: "threads":N,"rss_kb":N
threads_rss() {
    echo "\"threads\":$(ls "/proc/$1/task" | wc -l),\"rss_kb\":$(awk '/VmRSS/{print $2}' "/proc/$1/status")"
}
