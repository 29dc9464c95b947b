#!/usr/bin/env bash
# Parley: set a user's password for the web services AND for NTLM sign-in over SIP, in one step, so the
# two cannot diverge ("one directory: a user's password works for both").
#
#   parley-set-password.sh [--offline] USER            # asks for the password twice (or reads one line from stdin)
#
# 1. the Elytron filesystem realm ParleyRealm (configure-security.cli) gets the password, stored as bcrypt;
#    a user it does not know yet is created with the role "user";
# 2. the NT hash store (parley-ntlm-hashes.properties in the server's configuration directory, mode 0600)
#    gets MD4(UTF-16LE(password)), which NTLM needs and which cannot sign in to the web services.
# The password never appears on a command line, in a log, or in a file other than a 0600 temporary CLI
# script that is removed at once.
#
# Environment: JBOSS_HOME (the WildFly installation), PARLEY_CONFIG_DIR (default $JBOSS_HOME/standalone/configuration;
# for `mvn -Prun` it is run/server/configuration), PARLEY_SIP_NTLM_HASH_FILE (default $PARLEY_CONFIG_DIR/parley-ntlm-hashes.properties),
# JBOSS_CLI_CONNECT (default --connect: the running server's management interface; --offline edits
# standalone-full.xml's realm with the server stopped).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
offline=false
if [[ "${1:-}" == "--offline" ]]; then offline=true; shift; fi
user=${1:?usage: parley-set-password.sh [--offline] USER}
if [[ ! "$user" =~ ^[A-Za-z0-9._@-]+$ ]]; then echo "not a user name: $user" >&2; exit 2; fi
user=$(printf '%s' "$user" | tr 'A-Z' 'a-z')
: "${JBOSS_HOME:?set JBOSS_HOME to the WildFly installation}"
config_dir=${PARLEY_CONFIG_DIR:-$JBOSS_HOME/standalone/configuration}
hash_file=${PARLEY_SIP_NTLM_HASH_FILE:-$config_dir/parley-ntlm-hashes.properties}

if [[ -t 0 ]]; then
    read -r -s -p "New password for $user: " password; echo >&2
    read -r -s -p "Again: " again; echo >&2
    [[ "$password" == "$again" ]] || { echo "the passwords differ" >&2; exit 2; }
else
    IFS= read -r password
fi
[[ -n "$password" ]] || { echo "empty password" >&2; exit 2; }
# The CLI takes the value in double quotes; a quote or backslash in it is escaped.
escaped=${password//\\/\\\\}
escaped=${escaped//\"/\\\"}

# bcrypt with a fresh 16-byte salt (the CLI wants it as bytes{0x..,...}).
salt="bytes{$(od -An -tx1 -N16 /dev/urandom | tr -s ' \n' ' ' | sed 's/^ //; s/ $//; s/\([0-9a-f][0-9a-f]\)/0x\1/g; s/ /,/g')}"

umask 077
cli=$(mktemp)
trap 'rm -f "$cli"' EXIT
{
    if $offline; then echo 'embed-server --server-config=standalone-full.xml --std-out=discard'; fi
    echo "if (outcome != success) of /subsystem=elytron/filesystem-realm=ParleyRealm:read-identity(identity=$user)"
    echo "    /subsystem=elytron/filesystem-realm=ParleyRealm:add-identity(identity=$user)"
    echo "    /subsystem=elytron/filesystem-realm=ParleyRealm:add-identity-attribute(identity=$user, name=Roles, value=[user])"
    echo "end-if"
    echo "/subsystem=elytron/filesystem-realm=ParleyRealm:set-password(identity=$user, bcrypt={password=\"$escaped\", iteration-count=10, salt=$salt})"
    if $offline; then echo 'stop-embedded-server'; fi
} > "$cli"
if $offline; then
    "$JBOSS_HOME/bin/jboss-cli.sh" --file="$cli" >/dev/null
else
    "$JBOSS_HOME/bin/jboss-cli.sh" ${JBOSS_CLI_CONNECT:---connect} --file="$cli" >/dev/null
fi
rm -f "$cli"
printf '%s\n' "$password" | java "$here/ParleyNtHashes.java" set "$hash_file" "$user"
chmod 600 "$hash_file"
echo "password of $user set for the web services (realm ParleyRealm) and NTLM sign-in ($hash_file)" >&2
