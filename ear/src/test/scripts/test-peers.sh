#!/usr/bin/env bash
# The test peers nobody here wrote, made ready before the integration tests (ear's pre-integration-test):
# sipp (Debian's sip-tester) for SippIT, Debian's Chromium and chromedriver for RoomPageIT, Debian's
# prometheus for ObservabilityIT (started and stopped by the test itself, never as a service), and the
# headless pidgin-sipe of ../shared/realclient for RealClientIT. Installs from Debian's packages
# what is missing, when it may (root or password-less sudo); otherwise says what is missing and
# leaves it to the tests that need it to fail with that reason. Does nothing when all are there.
set -euo pipefail
project=${1:?project directory}

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif sudo -n true 2>/dev/null; then sudo -n "$@"
    else return 1
    fi
}

missing=()
command -v sipp >/dev/null 2>&1 || missing+=(sip-tester)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
if [ ${#missing[@]} -gt 0 ]; then
    echo "test peers: installing ${missing[*]} from Debian"
    if ! { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
        echo "test peers: could not install ${missing[*]} (needs root or sudo); the tests that use them will fail" >&2
    fi
fi

client="$project/target/realclient/sipe-headless"
build="$project/../shared/realclient/build.sh"
if [ ! -x "$client" ] && [ -f "$build" ]; then
    echo "test peers: building the headless pidgin-sipe into $project/target/realclient"
    (cd "$project" && bash "$build" target/realclient) \
        || echo "test peers: the real client did not build; RealClientIT will be skipped" >&2
fi
