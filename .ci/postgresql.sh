#!/usr/bin/env bash
# PostgreSQL for CI and the pool (Debian's package, installed if missing):
#   .ci/postgresql.sh up     start the cluster; a throw-away account parley/parley and two empty databases,
#                            parley (the chat store) and parley_compliance (the compliance store)
#   .ci/postgresql.sh down   stop the cluster again (it would otherwise outlive the run and keep what it
#                            inherited, such as the IT lock file's descriptor)
set -euo pipefail
PG_VERSION=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1 || true)
case "${1:-}" in
    up)
        if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$PG_VERSION" ]; then
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
            PG_VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
        fi
        if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$PG_VERSION main$"; then
            pg_createcluster "$PG_VERSION" main >/dev/null
        fi
        # Started with its descriptors closed: a caller's lock file must not stay held by the server.
        (
            for fd in $(ls /proc/$BASHPID/fd); do
                if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
            done
            pg_ctlcluster "$PG_VERSION" main start 2>/dev/null || true
        )
        for _ in $(seq 1 60); do
            su postgres -c "pg_isready -q" && break
            sleep 1
        done
        su postgres -c "pg_isready"
        su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DROP DATABASE IF EXISTS parley WITH (FORCE);
DROP DATABASE IF EXISTS parley_compliance WITH (FORCE);
DROP ROLE IF EXISTS parley;
CREATE ROLE parley LOGIN PASSWORD 'parley';
CREATE DATABASE parley OWNER parley;
CREATE DATABASE parley_compliance OWNER parley;
SQL
        ;;
    down)
        [ -n "$PG_VERSION" ] && pg_ctlcluster "$PG_VERSION" main stop 2>/dev/null || true
        ;;
    *)
        echo "usage: $0 up|down" >&2; exit 2 ;;
esac
