#!/usr/bin/env bash
# Parley and ejabberd side by side, one after the other, with the one generator (../shared/bench/load.py) and
# the scenarios of ../shared/bench/README.md:
#   (a) 1,000 users in 100 rooms of 10: the highest rate with p99 <= 50 ms and nothing lost, then 240 posts/s;
#   (b) 1,000 users in 1 room: the highest loss-free delivery rate with p99 <= 1 s.
# After each Parley scenario the generator closes its connections at once; the script then samples the server's
# CPU until it is idle ("vanish": seconds until it is back under 5 % of one core).
#
#   bench/side-by-side.sh [--ejabberd] [--pool] [--only a,b] [--compliance] [--quick] [--web-clients N]
#                         [--follows N] [--postgres] [--no-build] [--results DIR]
#
# Parley runs as the README's run command runs it (`mvn -Prun package`, embedded H2, heap as configured), with
# PARLEY_SIP_IDENTITY=trust-from (the generator does no NTLM). ejabberd runs with its archive in PostgreSQL, with
# the bench README's commands (as root). Everything started here is stopped here. Results: one JSON line per
# measured step in DIR/<server>-<scenario>.jsonl (`python3 ../shared/bench/summarize.py DIR/*.jsonl` prints the
# tables), the generator's report in DIR/<server>-<scenario>.txt, and Parley's time to idle after the mass
# disconnect, RSS and threads in DIR/parley-<scenario>.after.json.
# Compare only runs of one sitting on a quiet machine, and report ratios.
#
# --pool: instead of the one server, the pool (pool/pool.sh, PostgreSQL, Kamailio in front on 127.0.0.3) with one
# node, then with two, the generator's users reaching them through Kamailio: the cost of the pool on one machine
# (both nodes share its two cores), not a speed-up. Results: DIR/pool1-<scenario>.* and DIR/pool2-<scenario>.*,
# with the CPU seconds of every node and of PostgreSQL over the run in DIR/pool<n>-<scenario>.after.json.
#
# --web-clients N: after the plain Parley run, the same run again with N web clients (bench/web-clients.py: the chat
# page's live event stream, one room each, spread over the scenario's rooms) connected throughout: what browsers
# beside the SIP clients cost them. Results: DIR/parley-webN-<scenario>.*, the web clients' own figures (posts
# received, their lag, streams lost) in DIR/parley-webN-<scenario>.web.json.
#
# --postgres: the one Parley node on PostgreSQL instead of embedded H2 (the README's run command with the postgresql
# profile, `mvn -Prun,postgresql package`), the databases made afresh for every run by .ci/postgresql.sh, as CI and
# the pool make them; PostgreSQL's CPU seconds over the measured run go into the run's after.json, since load.py's
# server CPU is the java process's alone. Results: DIR/parley-pg-<scenario>.* (and parley-pg-webN-, parley-pg-followsN-).
# PostgreSQL is stopped at the end unless it was running before.
#
# --compliance: Parley (and the pool) with compliance on (PARLEY_COMPLIANCE_ENABLED=true). Issue #12 wants the
# compliance backlog "not growing at that rate", so the one node's runs sample it: every 15 s of the measured run (a
# Prometheus scrape interval: one scrape of /metrics costs the server about 0.15 CPU-seconds, WildFly's subsystem
# gauges mostly, so sampling every 5 s was a few per cent of a core counted against compliance) the
# live counters of the metrics endpoint (events relayed from the outbox to the compliance queue, events stored in
# the compliance archive; relayed and not yet stored is the queue's backlog) into DIR/parley-<scenario>.compliance.txt,
# and right after the run and again at least 10 s later also the admin status (the outbox not yet relayed, read
# from the store then) into DIR/parley-<scenario>.after.json ("compliance"). The archive's backlog (stored, not yet
# handed to the adapters) grows by design until the adapters' timer runs (every 15 minutes).
#
# --follows N: after the plain Parley run, the same run again on a store where every user already follows N rooms
# (issue #12: "Benchmark on a store where every user already follows 20 rooms"; followers accumulate, and a post's
# cost must not grow with its room's followers). On the fresh server, before the measured run, every user of the
# generator joins N of the scenario's rooms once (load.py --rooms-per-user N, one post): joining a room follows it
# and the follow outlives the session. User u takes rooms u % R .. (u + N - 1) % R, so in (a) each room has N x 10
# followers, 10 of them online in the measured run; the measured run's users rejoin their one room, which is among
# their N, so it adds no follow. In (b) the one room caps N at 1 (every user follows it anyway). After the run the
# store's follows are counted (all, users following, fewest and most followers of a room) into
# DIR/parley-followsN-<scenario>.follows.json; the results are DIR/parley-followsN-<scenario>.*.
#
# Warm-up: the ramp runs twice on the same sessions, for both servers alike (load.py --ramp-repeat 2), and the
# second ramp is the result (DIR/<server>-<scenario>.warm.jsonl). A JVM's first minute after start is spent in
# its JIT compilers: on this 2-core machine C2 took one core for most of the first ramp, and that ramp failed at
# 24 posts/s where the same server, warm, passed 240 (session 6). A chat server runs for weeks; the first ramp
# measures the compiler, the second the server. ejabberd (BEAM) gets the same two ramps.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
BENCH=$(cd "$ROOT/../shared/bench" && pwd)
EJABBERD=false POOL=false ONLY=a,b COMPLIANCE=false QUICK=false BUILD=true WEB=0 FOLLOWS=0 POSTGRES=false
RESULTS="$ROOT/target/bench/$(date +%Y%m%d-%H%M%S)"
while [ $# -gt 0 ]; do
    case "$1" in
        --ejabberd) EJABBERD=true ;;
        --pool) POOL=true ;;
        --only) ONLY=$2; shift ;;
        --compliance) COMPLIANCE=true ;;
        --quick) QUICK=true ;;
        --web-clients) WEB=$2; shift ;;
        --follows) FOLLOWS=$2; shift ;;
        --postgres) POSTGRES=true ;;
        --no-build) BUILD=false ;;
        --results) RESULTS=$2; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
mkdir -p "$RESULTS"
if $POSTGRES && $POOL; then
    echo "--postgres is for the one node: the pool is on PostgreSQL already" >&2
    exit 2
fi
# Parley's name in the results: parley on H2, parley-pg on PostgreSQL, so that runs of both can share a directory.
SERVER=parley
if $POSTGRES; then
    SERVER=parley-pg
    PARLEY_PROFILES=run,postgresql
fi

if $QUICK; then
    RAMP=(--ramp-warmup 1 --ramp-duration 3 --ramp-refine 1 --ramp-max-time 60)
else
    RAMP=(--ramp-warmup 2 --ramp-duration 5 --ramp-refine 2 --ramp-max-time 200)
fi
USERS=1000
common=(--users $USERS --timeout 60 --login-concurrency 16 --ramp --ramp-repeat 2 --ramp-factor 1.5 "${RAMP[@]}" --max-runtime 1200)
scenario_args() {
    case "$1" in
        a) echo "--rooms 100 --setup-timeout 400 --ramp-start 24 --rates 240" ;;
        # --rates 10: issue #12 compares the server's CPU per delivery at 10 posts/s into the room of 1,000.
        b) echo "--rooms 1 --setup-timeout 500 --ramp-start 1 --ramp-p99-ms 1000 --rates 10" ;;
    esac
}

# The second (warm) ramp's lines of a result file, for summarize.py.
warm_lines() {
    python3 - "$1" > "${1%.jsonl}.warm.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    if line.strip() and not json.loads(line).get("label", "").startswith("r1-"):
        print(line.strip())
PY
}

# The compliance figures, as one JSON object per line: `compliance_figures now` once, with the admin status (read
# from the stores when asked); `compliance_figures every SECONDS` until stopped, the metrics' counters only, which
# cost the server nothing to read (the gauges would be the server's own sample, up to 15 s old). Only in a subshell
# ($(...) or &): it becomes the python process, so that stopping a background one's pid stops the sampling.
compliance_figures() {
    exec python3 - "$@" <<'PY'
import base64, json, sys, time, urllib.request

def get(url, auth=None):
    request = urllib.request.Request(url)
    if auth:
        request.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
    return urllib.request.urlopen(request, timeout=10).read().decode()

def counters():
    lines = get("http://127.0.0.1:9990/metrics").splitlines()
    def total(name):
        return sum(float(line.rsplit(" ", 1)[1]) for line in lines if line.startswith((name + "{", name + " ")))
    queued = total("parley_compliance_events_queued_total")
    stored = total("parley_compliance_events_stored_total")
    return {"at": time.strftime("%H:%M:%S"), "relayed": int(queued), "stored": int(stored),
            "relayed_not_stored": int(queued - stored)}

if sys.argv[1] == "now":
    figures = counters()
    status = json.loads(get("http://127.0.0.1:8080/parley/api/v1/admin/compliance", "admin:parley-admin"))
    figures.update(outbox=status["outboxEvents"], archive_backlog=status["backlogEvents"])
    print(json.dumps(figures))
else:
    while True:
        try:
            print(json.dumps(counters()), flush=True)
        except OSError as e:
            print(json.dumps({"at": time.strftime("%H:%M:%S"), "error": str(e)}), flush=True)
        time.sleep(float(sys.argv[2]))
PY
}

WEB_PID="" COMPLIANCE_PID=""
stop_parley() {
    if [ -n "$COMPLIANCE_PID" ]; then
        kill -TERM "$COMPLIANCE_PID" 2>/dev/null || true
        wait "$COMPLIANCE_PID" 2>/dev/null || true
        COMPLIANCE_PID=""
    fi
    if [ -n "$WEB_PID" ]; then
        kill -TERM "$WEB_PID" 2>/dev/null || true
        wait "$WEB_PID" 2>/dev/null || true
        WEB_PID=""
    fi
    parley_stop
}
stop_ejabberd() { sh "$BENCH/ejabberd/stop.sh" >/dev/null 2>&1 || true; sh "$BENCH/ejabberd/pg-mam.sh" down >/dev/null 2>&1 || true; }
trap 'stop_parley; stop_postgres; $EJABBERD && stop_ejabberd; $POOL && (cd "$ROOT" && pool/pool.sh stop >/dev/null 2>&1); true' EXIT

# follow_rooms ROOMS N NAME: every user of the generator joins N of the ROOMS once, and so follows them (see
# --follows). Its own short run before the measured one, on the same server; the users' leaving is let settle (at
# most 120 s) so that it does not spill into the measured run. Each join is announced to everyone already online in
# the room, up to N x 10 of them, so the joins take minutes, and on a busy machine a user's wait can pass even a
# generous bound: such a user is let go (--allow-login-errors), having followed the rooms it joined so far, and the
# count of the store's follows after the run says how far the store is from every user following N.
follow_rooms() {
    local rooms=$1 n=$2 name=$3
    log "every user joins $n rooms once, so that each follows them"
    python3 "$BENCH/load.py" --proto xccos --host 127.0.0.1 --port 5060 --transport tcp --domain contoso.com \
        --server-pid "$PARLEY_PID" --users $USERS --rooms "$rooms" --rooms-per-user "$n" --timeout 180 \
        --allow-login-errors --login-concurrency 16 --setup-timeout 1500 --rates 1 --warmup 0 --duration 1 \
        --max-runtime 1800 \
        > "$RESULTS/$name.follow-setup.txt" \
        || { echo "the follow run failed (see $RESULTS/$name.follow-setup.txt)" >&2; exit 1; }
    log "$(grep '^setup:' "$RESULTS/$name.follow-setup.txt"); idle $(idle_after "$PARLEY_PID") s after they left"
}

# The follows in Parley's chat store: all of them, the users following, the fewest and the most followers of a
# room. Read from the store itself, once the server is stopped (embedded H2 is the server's alone while it runs).
store_follows() {
    local sql="SELECT (SELECT COUNT(*) FROM room_follow) AS f, (SELECT COUNT(DISTINCT user_uri) FROM room_follow) AS u,
        MIN(n) AS lo, MAX(n) AS hi FROM (SELECT COUNT(*) AS n FROM room_follow GROUP BY room_id) t" h2
    if $POSTGRES; then
        PGPASSWORD=parley psql -h 127.0.0.1 -U parley -d parley -tA -F '|' -c "$sql"
    else
        h2=$(ls "$ROOT"/wildfly-config/target/wildfly-*/modules/system/layers/base/com/h2database/h2/main/h2-*.jar | head -1)
        java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:$ROOT/run/server/data/parley-chat-store/chat" -user sa \
            -password sa -sql "$sql" | sed -n 2p
    fi | awk -F' *[|] *' 'NR == 1 {
            printf "{\"follows\":%d,\"users_following\":%d,\"room_followers_min\":%d,\"room_followers_max\":%d}\n", $1, $2, $3, $4 }'
}

# PostgreSQL for --postgres: up with fresh databases before each run; down at the end if it was not running before.
POSTGRES_WAS_UP=false
if $POSTGRES && pg_lsclusters -h 2>/dev/null | awk '$4 == "online"' | grep -q .; then
    POSTGRES_WAS_UP=true
fi
stop_postgres() { $POSTGRES && ! $POSTGRES_WAS_UP && "$ROOT/.ci/postgresql.sh" down >/dev/null 2>&1; true; }

# run_parley SCENARIO [WEB_CLIENTS [FOLLOWS]]
run_parley() {
    local scenario=$1 web=${2:-0} follows=${3:-0} rooms name="$SERVER-$1"
    [ "$web" -gt 0 ] && name="$SERVER-web$web-$scenario"
    [ "$follows" -gt 0 ] && name="$SERVER-follows$follows-$scenario"
    rooms=$(scenario_args "$scenario" | awk '{print $2}')
    log "Parley ($SERVER): scenario ($scenario), fresh store, $web web clients, every user following $follows rooms"
    if $POSTGRES; then
        "$ROOT/.ci/postgresql.sh" up > "$RESULTS/$name.postgresql.log" 2>&1 \
            || { echo "PostgreSQL did not start (see $RESULTS/$name.postgresql.log)" >&2; exit 1; }
    fi
    local env=()
    $COMPLIANCE && env+=(PARLEY_COMPLIANCE_ENABLED=true)
    parley_start "$RESULTS/$name.server.log" "${env[@]}"
    parley_wait || { echo "Parley did not start (see $RESULTS/$name.server.log)" >&2; exit 1; }
    local pid=$PARLEY_PID i
    parley_rooms "$rooms"
    [ "$follows" -gt 0 ] && follow_rooms "$rooms" "$follows" "$name"
    if [ "$web" -gt 0 ]; then
        python3 "$ROOT/bench/web-clients.py" --clients "$web" --rooms-prefix bench \
            --json-out "$RESULTS/$name.web.json" > "$RESULTS/$name.web.txt" 2> "$RESULTS/$name.web.err" &
        WEB_PID=$!
        for i in $(seq 1 90); do
            grep -q '^READY' "$RESULTS/$name.web.txt" && break
            kill -0 "$WEB_PID" 2>/dev/null || { echo "web clients failed (see $RESULTS/$name.web.err)" >&2; exit 1; }
            sleep 1
        done
        grep -q '^READY' "$RESULTS/$name.web.txt" || { echo "web clients not ready in 90 s" >&2; exit 1; }
        log "$(head -1 "$RESULTS/$name.web.txt")"
    fi
    if $COMPLIANCE; then
        compliance_figures every 15 > "$RESULTS/$name.compliance.txt" 2>&1 &
        COMPLIANCE_PID=$!
    fi
    local db_before=""
    # shellcheck disable=SC2046
    $POSTGRES && db_before=$(cpu_seconds $(pgrep -x postgres | tr '\n' ' '))
    # shellcheck disable=SC2046
    python3 "$BENCH/load.py" --proto xccos --host 127.0.0.1 --port 5060 --transport tcp --domain contoso.com \
        --server-pid "$pid" "${common[@]}" $(scenario_args "$scenario") --json-out "$RESULTS/$name.jsonl" \
        | tee "$RESULTS/$name.txt"
    local compliance="" ended=$SECONDS db=""
    # shellcheck disable=SC2046
    $POSTGRES && db=",\"postgresql_cpu_s\":$(python3 -c "print(round($(cpu_seconds $(pgrep -x postgres | tr '\n' ' '))-$db_before,1))")"
    if $COMPLIANCE; then
        kill -TERM "$COMPLIANCE_PID" || true; wait "$COMPLIANCE_PID" || true; COMPLIANCE_PID=""
        compliance=$(compliance_figures now)
        log "compliance right after the run: $compliance"
    fi
    warm_lines "$RESULTS/$name.jsonl"
    if [ -n "$WEB_PID" ]; then
        kill -TERM "$WEB_PID"; wait "$WEB_PID" || true; WEB_PID=""
        log "web clients: $(cat "$RESULTS/$name.web.json")"
    fi
    local vanish; vanish=$(idle_after "$pid")
    if $COMPLIANCE; then
        # The second sample after the first's 10 s, but not before the server is idle: its reading the stores
        # would count in the time to idle.
        [ $((SECONDS - ended)) -ge 10 ] || sleep $((10 - (SECONDS - ended)))
        local later after=$((SECONDS - ended)); later=$(compliance_figures now)
        log "compliance $after s after the run: $later"
        compliance=",\"compliance\":{\"after_run\":$compliance,\"s_later\":$after,\"later\":$later}"
    fi
    echo "{\"server\":\"$SERVER\",\"web_clients\":$web,\"follows\":$follows,\"scenario\":\"$scenario\",\"vanish_idle_s\":\"$vanish\",$(threads_rss "$pid")$db$compliance}" \
        | tee "$RESULTS/$name.after.json"
    stop_parley
    if [ "$follows" -gt 0 ]; then
        log "follows in the store: $(store_follows | tee "$RESULTS/$name.follows.json")"
    fi
    stop_postgres
}

run_pool() {
    local scenario=$1 size=$2 rooms name="pool$2-$1"
    rooms=$(scenario_args "$scenario" | awk '{print $2}')
    log "Parley pool of $size node(s) behind Kamailio, PostgreSQL: scenario ($scenario)"
    local env=(PARLEY_POOL_SIZE="$size" PARLEY_SIP_IDENTITY=trust-from)
    $COMPLIANCE && env+=(PARLEY_COMPLIANCE_ENABLED=true)
    (cd "$ROOT" && env "${env[@]}" pool/pool.sh start) > "$RESULTS/$name.start.log" 2>&1 \
        || { echo "the pool did not start (see $RESULTS/$name.start.log)" >&2; exit 1; }
    local pids node1
    pids=$(pgrep -f "jboss-modules.jar.*jboss.server.base.dir=$ROOT/run/pool/node" | tr '\n' ' ')
    node1=$(pgrep -f "jboss-modules.jar.*jboss.server.base.dir=$ROOT/run/pool/node1( |\$)" | head -1)
    parley_rooms "$rooms"
    local before_nodes before_db
    # shellcheck disable=SC2086
    before_nodes=$(cpu_seconds $pids)
    # shellcheck disable=SC2046
    before_db=$(cpu_seconds $(pgrep -f 'postgres' | tr '\n' ' '))
    # shellcheck disable=SC2046
    python3 "$BENCH/load.py" --proto xccos --host 127.0.0.3 --port 5060 --transport tcp --domain contoso.com \
        --server-pid "$node1" "${common[@]}" $(scenario_args "$scenario") --json-out "$RESULTS/$name.jsonl" \
        | tee "$RESULTS/$name.txt"
    warm_lines "$RESULTS/$name.jsonl"
    # shellcheck disable=SC2086,SC2046
    echo "{\"server\":\"parley-pool\",\"nodes\":$size,\"scenario\":\"$scenario\",\"nodes_cpu_s\":$(python3 -c "print(round($(cpu_seconds $pids)-$before_nodes,1))"),\"postgresql_cpu_s\":$(python3 -c "print(round($(cpu_seconds $(pgrep -f 'postgres' | tr '\n' ' '))-$before_db,1))")}" \
        | tee "$RESULTS/$name.after.json"
    (cd "$ROOT" && pool/pool.sh stop) > "$RESULTS/$name.stop.log" 2>&1
}

run_ejabberd() {
    local scenario=$1 rooms
    rooms=$(scenario_args "$scenario" | awk '{print $2}')
    log "ejabberd + archive in PostgreSQL: scenario ($scenario)"
    stop_ejabberd
    sh "$BENCH/ejabberd/pg-mam.sh" up
    EJABBERD_YML="$BENCH/ejabberd/ejabberd-mam-pgsql.yml" ROOM_MAM=true sh "$BENCH/ejabberd/setup.sh" 1000 "$rooms"
    local pid db_before; pid=$(cat /run/ejabberd/ejabberd.pid)
    # shellcheck disable=SC2046
    db_before=$(cpu_seconds $(pgrep -x postgres | tr '\n' ' '))
    # shellcheck disable=SC2046
    python3 "$BENCH/load.py" --proto xmpp --host 127.0.0.1 --port 5222 --domain localhost --server-pid "$pid" \
        "${common[@]}" $(scenario_args "$scenario") --json-out "$RESULTS/ejabberd-$scenario.jsonl" \
        | tee "$RESULTS/ejabberd-$scenario.txt"
    warm_lines "$RESULTS/ejabberd-$scenario.jsonl"
    # load.py samples ejabberd's own process; its archive's PostgreSQL works beside it (the whole run, ramps too).
    # shellcheck disable=SC2046
    echo "{\"server\":\"ejabberd\",\"scenario\":\"$scenario\",\"postgresql_cpu_s\":$(python3 -c "print(round($(cpu_seconds $(pgrep -x postgres | tr '\n' ' '))-$db_before,1))")}" \
        | tee "$RESULTS/ejabberd-$scenario.after.json"
    stop_ejabberd
}

if $BUILD; then
    log "building Parley (mvn install -DskipTests)"
    (cd "$ROOT" && mvn -q install -DskipTests > "$RESULTS/build.log" 2>&1)
fi
for scenario in ${ONLY//,/ }; do
    if $POOL; then
        run_pool "$scenario" 1
        run_pool "$scenario" 2
    else
        run_parley "$scenario"
        [ "$WEB" -gt 0 ] && run_parley "$scenario" "$WEB"
        [ "$FOLLOWS" -gt 0 ] && run_parley "$scenario" 0 "$FOLLOWS"
    fi
    $EJABBERD && run_ejabberd "$scenario"
done
log "results in $RESULTS; the warm ramps and the fixed rates after them:"
# One table per server and setting (summarize.py groups by protocol, so Parley with and without web clients apart).
for set in "$SERVER" pool1 pool2 ejabberd "$SERVER-web$WEB" "$SERVER-follows$FOLLOWS"; do
    files=$(ls "$RESULTS"/"$set"-?.warm.jsonl 2>/dev/null || true)
    [ -n "$files" ] || continue
    echo "## $set"
    # shellcheck disable=SC2086
    python3 "$BENCH/summarize.py" $files
done
