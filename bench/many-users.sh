#!/usr/bin/env bash
# Many signed-in users on one node (issue #12: "20,000 users, each in one of 2,000 rooms of 10, at the Lync model
# load (24 posts/s), with p99 <= 50 ms, in a 2 GB heap"): Parley started as the README's run command starts it, with
# a 2 GB heap and trust-from identities (the generator does no NTLM), USERS users (default 19,000: this machine's
# open-file limit is 20,000 per process, and each user holds one connection) signed in and joined to USERS/10 rooms
# of 10, then two fixed runs at 24 posts/s (the first right after the sign-in measures the JIT compilers as much as
# the server; the second is the result). Prints the server's threads, RSS and heap after a full GC with nobody
# signed in, with everyone signed in, and after they left; the generator's table; stops the server.
#
#   bench/many-users.sh [USERS]          results in target/bench/many-users-<time>/
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
BENCH=$(cd "$ROOT/../shared/bench" && pwd)
USERS=${1:-19000}
ROOMS=$((USERS / 10))
OUT="$ROOT/target/bench/many-users-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
[ "$(ulimit -n)" -gt $((USERS + 500)) ] || log "WARNING: ulimit -n $(ulimit -n) leaves too few open files for $USERS connections"

trap parley_stop EXIT

# The server's threads, RSS (KB) and heap used (KB) after a full collection.
sample() {
    local pid=$1 heap
    jcmd "$pid" GC.run > /dev/null
    heap=$(jcmd "$pid" GC.heap_info | awk '/garbage-first heap/ {sub("K","",$(NF-2)); print $(NF-2)}')
    echo "{\"when\":\"$2\",$(threads_rss "$pid"),\"heap_used_kb\":$heap,\"open_files\":$(ls "/proc/$pid/fd" | wc -l)}" \
        | tee -a "$OUT/server.jsonl"
}

log "Parley: fresh store, heap 2 GB, $USERS users in $ROOMS rooms"
# WildFly's standalone.conf keeps JAVA_OPTS when it is set: its defaults, with the heap at 2 GB.
export JAVA_OPTS="-Xms2g -Xmx2g -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true -Djboss.modules.system.pkgs=org.jboss.byteman"
# The generator finds its rooms with a room search, which returns at most the search limit.
parley_start "$OUT/server.log" PARLEY_CHAT_SEARCH_LIMIT=$((ROOMS + 100))
parley_wait || { echo "Parley did not start (see $OUT/server.log)" >&2; exit 1; }
pid=$PARLEY_PID
parley_rooms "$ROOMS"
sample "$pid" "nobody signed in"
python3 -u "$BENCH/load.py" --proto xccos --host 127.0.0.1 --port 5060 --transport tcp --domain contoso.com \
    --server-pid "$pid" --users "$USERS" --rooms "$ROOMS" --procs 2 --login-concurrency 32 --timeout 120 \
    --setup-timeout 1500 --rates 24,24 --warmup 10 --duration 30 --json-out "$OUT/load.jsonl" > "$OUT/load.txt" 2>&1 &
LOAD=$!
# Everyone signed in: sampled between the sign-in and the first run's measured seconds.
for _ in $(seq 1 1600); do
    grep -q '^setup:' "$OUT/load.txt" && break
    kill -0 "$LOAD" 2>/dev/null || break
    sleep 1
done
grep '^setup:' "$OUT/load.txt" || true
sample "$pid" "everyone signed in"
wait "$LOAD" || true
grep -E '^ +run |^fixed' "$OUT/load.txt" | tail -3
sample "$pid" "after they left"
log "results in $OUT"
