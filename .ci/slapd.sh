#!/usr/bin/env bash
# A throw-away OpenLDAP directory (Debian's slapd, installed if missing) for the directory tests and for trying
# Parley with a directory (README, "Directory"):
#   .ci/slapd.sh up     a fresh directory under run/slapd loaded with docs/directory/contoso.ldif, listening on
#                       ldap://127.0.0.1:3389 (PARLEY_SLAPD_PORT), suffix dc=contoso,dc=com, manager
#                       cn=admin,dc=contoso,dc=com / parley-directory; returns once it answers
#   .ci/slapd.sh down   stops it
# It runs as its own process with a configuration file of its own, never as the system's slapd service.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=$ROOT/run/slapd
PORT=${PARLEY_SLAPD_PORT:-3389}
URL=ldap://127.0.0.1:$PORT

stop() {
    local pid
    if [ -f "$DIR/slapd.pid" ]; then
        pid=$(cat "$DIR/slapd.pid")
        kill "$pid" 2>/dev/null || true
        # slapd removes its pid file as it exits; wait for the process itself.
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        rm -f "$DIR/slapd.pid"
    fi
}

case "${1:-}" in
    up)
        if ! command -v slapd >/dev/null 2>&1 && ! [ -x /usr/sbin/slapd ] || ! command -v ldapsearch >/dev/null 2>&1; then
            apt-get update -qq
            # The package's own configuration is not used; its questions are answered with their defaults.
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slapd ldap-utils >/dev/null
        fi
        stop
        rm -rf "$DIR"
        mkdir -p "$DIR/data"
        cat > "$DIR/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/nis.schema
include /etc/ldap/schema/inetorgperson.schema
pidfile $DIR/slapd.pid
modulepath /usr/lib/ldap
moduleload back_mdb
database mdb
maxsize 104857600
suffix "dc=contoso,dc=com"
rootdn "cn=admin,dc=contoso,dc=com"
rootpw parley-directory
directory $DIR/data
# Passwords: checked by a bind, never read; the rest readable by whoever binds (Parley's reader account).
access to attrs=userPassword by self write by anonymous auth by * none
access to * by users read by * none
CONF
        /usr/sbin/slapadd -q -f "$DIR/slapd.conf" -l "$ROOT/docs/directory/contoso.ldif"
        # Started with its descriptors closed: a caller's lock file must not stay held by the server.
        (
            for fd in $(ls /proc/$BASHPID/fd); do
                if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
            done
            /usr/sbin/slapd -f "$DIR/slapd.conf" -h "$URL/" > "$DIR/slapd.log" 2>&1
        )
        for _ in $(seq 1 100); do
            ldapsearch -x -H "$URL" -D cn=parley,ou=services,dc=contoso,dc=com -w parley-reader \
                -b dc=contoso,dc=com -s base dn >/dev/null 2>&1 && break
            sleep 0.2
        done
        ldapsearch -x -H "$URL" -D cn=parley,ou=services,dc=contoso,dc=com -w parley-reader \
            -b dc=contoso,dc=com -s base dn >/dev/null
        echo "slapd: $URL (dc=contoso,dc=com), data in $DIR"
        ;;
    down)
        stop
        ;;
    *)
        echo "usage: $0 up|down" >&2; exit 2 ;;
esac
