#!/usr/bin/env bash
# A pool of two Parley nodes on this machine (issue #13), as on two hosts: node1 on 127.0.0.1 and node2 on
# 127.0.0.2 with the same ports (SIP 5060, HTTP 8080, management 9990), standalone-full-ha, one PostgreSQL, and
# Kamailio in front on 127.0.0.3:5060 (pool/kamailio.cfg: dispatcher by the From URI's hash, OPTIONS probing).
#
#   pool/pool.sh start   PostgreSQL (.ci/postgresql.sh: fresh databases), the nodes' configuration, node1 then
#                        node2, then the front end; returns once both nodes are up, the cluster has formed (both
#                        in the JGroups view, the brokers' bridges connected) and the front end listens, or fails
#                        with the logs named
#   pool/pool.sh stop    stops the front end, the nodes and PostgreSQL (whatever start started)
#   pool/pool.sh restart-node NODE
#                        starts a node that died again, with the settings start had, and waits until it is back
#                        in the cluster
#
# Needs a build (mvn install -DskipTests): the EAR and the WildFly that wildfly-config installs. The nodes live
# under run/pool/ (base directories, logs); their configuration is Parley's CLI scripts applied to
# standalone-full-ha.xml, with configure-pool.cli first (cluster, timers) and the datasources on PostgreSQL.
# The caller's environment reaches the nodes (PARLEY_SIP_IDENTITY and the like); the script sets the pool's own.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
POOL=$ROOT/run/pool
NODES=(node1 node2)
# PARLEY_POOL_SIZE=1: node1 alone, as one node of a pool behind the front end (bench/side-by-side.sh --pool
# compares it with two).
[ "${PARLEY_POOL_SIZE:-2}" = 1 ] && NODES=(node1)
declare -A ADDRESS=([node1]=127.0.0.1 [node2]=127.0.0.2)
BOOT_TIMEOUT=${PARLEY_POOL_BOOT_TIMEOUT:-240}
FRONT_END=127.0.0.3

log() { printf '[pool %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
wildfly_home() {
    local home
    home=$(ls -d "$ROOT"/wildfly-config/target/wildfly-*/ 2>/dev/null | head -1 || true)
    [ -n "$home" ] || { echo "no WildFly under wildfly-config/target: run mvn install -DskipTests first" >&2; exit 1; }
    echo "${home%/}"
}
# In a subshell about to exec a server: its caller's descriptors closed, so the server does not hold, say,
# the IT lock file of the caller.
close_inherited_descriptors() {
    local fd
    for fd in $(ls /proc/$BASHPID/fd); do
        if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
    done
}
node_pid() { pgrep -f "jboss-modules.jar.*jboss.server.base.dir=$POOL/$1( |$)" | head -1 || true; }

# Parley's scripts, in the order the build applies them (read from wildfly-config/pom.xml, the datasources on
# PostgreSQL), on standalone-full-ha.xml after configure-pool.cli: one CLI run.
configure() {
    local home=$1 script=$POOL/configure-pool-node.cli cli
    mkdir -p "$POOL"
    : > "$script"
    for cli in src/main/cli/configure-pool.cli $(grep -o '<script>[^<]*</script>' "$ROOT/wildfly-config/pom.xml" \
            | sed -e 's|</\?script>||g' -e 's/\${parley\.db}/postgresql/' -e 's/\${parley\.directory\.cli}/remove-directory.cli/'); do
        sed 's/--server-config=standalone-full\.xml/--server-config=standalone-full-ha.xml/' "$ROOT/wildfly-config/$cli" >> "$script"
        echo >> "$script"
    done
    log "configuring standalone-full-ha.xml (Parley's CLI scripts, configure-pool.cli first)"
    "$home/bin/jboss-cli.sh" --file="$script" > "$POOL/configure.log" 2>&1 \
        || { echo "configuration failed: $POOL/configure.log" >&2; tail -20 "$POOL/configure.log" >&2; exit 1; }
}

prepare_node() {
    local home=$1 node=$2 ear
    ear=$(ls "$ROOT"/ear/target/*.ear 2>/dev/null | head -1 || true)
    [ -n "$ear" ] || { echo "no EAR under ear/target: run mvn install -DskipTests first" >&2; exit 1; }
    rm -rf "${POOL:?}/$node" "$POOL/$node.out"
    mkdir -p "$POOL/$node/deployments" "$POOL/$node/data" "$POOL/$node/log"
    cp -r "$home/standalone/configuration" "$POOL/$node/configuration"
    rm -rf "$POOL/$node/configuration/standalone_xml_history"
    cp "$ear" "$POOL/$node/deployments/"
}

start_node() {
    local home=$1 node=$2 address=${ADDRESS[$2]}
    log "starting $node on $address"
    (
        export JAVA_OPTS="-Xms256m -Xmx768m -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=384m -Djava.net.preferIPv4Stack=true"
        export PARLEY_POOL_ENABLED=true PARLEY_SIP_BIND_ADDRESS=$address PARLEY_SIP_HOST_NAME=$address
        export PARLEY_DB_HOST=127.0.0.1 PARLEY_DB_PORT=5432 PARLEY_DB_USER=parley PARLEY_DB_PASSWORD=parley
        export PARLEY_POOL_NODE1=${ADDRESS[node1]} PARLEY_POOL_NODE2=${ADDRESS[node2]}
        # Kamailio is the nodes' front end (it connects from its own address, pool/kamailio.cfg).
        export PARLEY_SIP_TRUSTED_FRONT_ENDS=$FRONT_END
        # Files and compliance files in one directory every node reads and writes (a shared file system in a
        # real pool), so a file uploaded on one node is downloaded from any.
        export PARLEY_FILESTORE_DIR=$POOL/shared/files PARLEY_COMPLIANCE_FILESTORE_DIR=$POOL/shared/compliance-files
        export PARLEY_COMPLIANCE_OUTPUT_DIR=$POOL/shared/compliance
        close_inherited_descriptors
        exec nohup "$home/bin/standalone.sh" -c standalone-full-ha.xml -Djboss.server.base.dir="$POOL/$node" \
            -b "$address" -bprivate "$address" -bmanagement "$address" -Djboss.bind.address.unsecure="$address" \
            -Djboss.node.name="$node" -Djboss.tx.node.id="$node" \
            -Djboss.messaging.cluster.password=parley-pool < /dev/null > "$POOL/$node.out" 2>&1
    ) &
}

# Until the server log says started (WFLYSRV0025), or fails on WFLYSRV0026 (started with errors) or the time.
await_started() {
    local node=$1 deadline=$((SECONDS + BOOT_TIMEOUT))
    while [ $SECONDS -lt $deadline ]; do
        if grep -q 'WFLYSRV0025' "$POOL/$node.out" 2>/dev/null; then
            log "$node started"; return 0
        fi
        if grep -q 'WFLYSRV0026' "$POOL/$node.out" 2>/dev/null; then
            echo "$node started with errors: $POOL/$node.out" >&2; return 1
        fi
        sleep 1
    done
    echo "$node did not start within $BOOT_TIMEOUT s: $POOL/$node.out" >&2
    return 1
}

# The last node joined a JGroups view of all the nodes (WFLYCLJG0033 names its size), and each broker's cluster
# bridge to the others is connected (AMQ221027).
await_cluster() {
    local deadline=$((SECONDS + BOOT_TIMEOUT)) node ok last=${NODES[-1]}
    while [ $SECONDS -lt $deadline ]; do
        ok=true
        grep -Eq "WFLYCLJG0033: .* with view: \[[^]]*\] \(${#NODES[@]}\)" "$POOL/$last.out" || ok=false
        for node in "${NODES[@]}"; do
            [ ${#NODES[@]} = 1 ] || grep -q 'AMQ221027' "$POOL/$node.out" || ok=false
        done
        if $ok; then
            log "cluster formed: ${NODES[*]} in one view, brokers bridged"; return 0
        fi
        sleep 1
    done
    echo "the cluster did not form within $BOOT_TIMEOUT s: $POOL/node1.out, $POOL/node2.out" >&2
    return 1
}

# Kamailio (Debian's package, installed if missing, its own service kept from starting) with the nodes as
# dispatcher set 1, over TCP.
start_front_end() {
    local dir=$POOL/kamailio node
    if ! command -v kamailio >/dev/null 2>&1; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends kamailio >/dev/null
        rm -f /usr/sbin/policy-rc.d
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    cp "$ROOT/pool/kamailio.cfg" "$dir/"
    for node in "${NODES[@]}"; do
        echo "1 sip:${ADDRESS[$node]}:5060;transport=tcp 0 0 duid=$node" >> "$dir/dispatcher.list"
    done
    log "starting the front end (Kamailio) on $FRONT_END:5060"
    (
        close_inherited_descriptors
        cd "$dir"
        exec kamailio -f kamailio.cfg -w "$dir" -DD -E -m 512 -M 8 -P "$dir/kamailio.pid" < /dev/null > "$dir/kamailio.log" 2>&1
    ) &
    for _ in $(seq 1 30); do
        if (exec 3<>"/dev/tcp/$FRONT_END/5060") 2>/dev/null; then
            log "front end listening"; return 0
        fi
        sleep 1
    done
    echo "the front end did not start: $dir/kamailio.log" >&2
    return 1
}

stop_front_end() {
    local pid
    pid=$(cat "$POOL/kamailio/kamailio.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; then
        log "stopping the front end ($pid)"
        for _ in $(seq 1 20); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
    fi
    pkill -KILL -f "kamailio -f kamailio.cfg -w $POOL/kamailio" 2>/dev/null || true
}

stop_nodes() {
    local node pid
    for node in "${NODES[@]}"; do
        pid=$(node_pid "$node")
        [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && log "stopping $node ($pid)"
    done
    for node in "${NODES[@]}"; do
        for _ in $(seq 1 30); do
            [ -z "$(node_pid "$node")" ] && break
            sleep 1
        done
        pid=$(node_pid "$node")
        # A node stuck in its boot ignores SIGTERM (FINDINGS §1).
        [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null || true
    done
}

case "${1:-}" in
    start)
        home=$(wildfly_home)
        for node in "${NODES[@]}"; do
            [ -z "$(node_pid "$node")" ] || { echo "$node is running already (pool/pool.sh stop)" >&2; exit 1; }
        done
        "$ROOT/.ci/postgresql.sh" up
        configure "$home"
        for node in "${NODES[@]}"; do
            prepare_node "$home" "$node"
        done
        rm -rf "${POOL:?}/shared" && mkdir -p "$POOL/shared"
        # The caller's settings, for a node restarted later with the same ones.
        : > "$POOL/caller.env"
        for variable in $(compgen -e | grep '^PARLEY_' || true); do
            declare -p "$variable" >> "$POOL/caller.env"
        done
        # One after the other: the second joins the first's cluster (and a 2-core machine boots one at a time).
        for node in "${NODES[@]}"; do
            start_node "$home" "$node"
            await_started "$node" || { stop_nodes; exit 1; }
        done
        await_cluster || { stop_nodes; exit 1; }
        start_front_end || { stop_front_end; stop_nodes; exit 1; }
        ;;
    restart-node)
        # A node that died comes back into the running pool (PoolIT kills node2, then brings it back).
        node=${2:?usage: $0 restart-node NODE}
        [ -z "$(node_pid "$node")" ] || { echo "$node is running already" >&2; exit 1; }
        # shellcheck source=/dev/null
        [ -f "$POOL/caller.env" ] && source "$POOL/caller.env"   # declare -x lines: exported again
        # Its last life's log said started and clustered too.
        mv "$POOL/$node.out" "$POOL/$node.out.before-restart" 2>/dev/null || true
        start_node "$(wildfly_home)" "$node"
        await_started "$node" || { kill -KILL "$(node_pid "$node")" 2>/dev/null; exit 1; }
        await_cluster || exit 1
        ;;
    stop)
        stop_front_end
        stop_nodes
        "$ROOT/.ci/postgresql.sh" down
        ;;
    *)
        echo "usage: $0 start|stop|restart-node NODE" >&2; exit 2 ;;
esac
