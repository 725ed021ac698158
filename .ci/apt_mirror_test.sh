#!/usr/bin/env bash
# .ci/apt_mirror.sh on fake /etc folders: both of apt's formats, comments, options, disabled
# stanzas, security and third-party sources skipped, and a clear error when there is no mirror.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=.ci/apt_mirror.sh
. .ci/apt_mirror.sh
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
# expect NAME URI: apt_mirror on $scratch/NAME prints URI ("" for: fails, naming the files read).
expect() {
  local got status=0
  got=$(apt_mirror "$scratch/$1" 2>"$scratch/$1.err") || status=$?
  if [ -n "$2" ] && { [ $status -ne 0 ] || [ "$got" != "$2" ]; }; then
    echo "FAIL $1: got '$got' (exit $status), expected $2"
    failures=$((failures + 1))
  elif [ -z "$2" ] && { [ $status -eq 0 ] || ! grep -q "no Debian mirror in apt's configuration: read" "$scratch/$1.err"; }; then
    echo "FAIL $1: got '$got' (exit $status), expected the error"
    failures=$((failures + 1))
  else
    echo "ok   $1: ${2:-$(cat "$scratch/$1.err")}"
  fi
}
etc() { mkdir -p "$scratch/$1/apt/sources.list.d" && cat >"$scratch/$1/apt/$2"; }

etc one-line sources.list <<'LIST'
# deb http://commented.example/debian bookworm main
deb http://security.debian.org/debian-security bookworm-security main
deb [arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example/debian bookworm main
LIST
expect one-line http://mirror.example/debian

etc deb822 sources.list.d/debian.sources <<'SOURCES'
Types: deb
# http://snapshot.debian.org/archive/debian-security/20250520T000000Z
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main

Types: deb-src deb
URIs: http://proxy.example:3142/debian http://second.example/debian
Suites: bookworm bookworm-updates
Components: main
SOURCES
expect deb822 http://proxy.example:3142/debian

etc disabled sources.list.d/debian.sources <<'SOURCES'
Types: deb
URIs: http://disabled.example/debian
Suites: trixie
Enabled: no

Types: deb
URIs: http://enabled.example/debian
Suites: trixie
SOURCES
expect disabled http://enabled.example/debian

etc third-party sources.list.d/nodesource.list <<'LIST'
deb https://deb.nodesource.com/node_20.x nodistro main
LIST
expect third-party ""
etc only-src sources.list <<'LIST'
deb-src http://deb.debian.org/debian bookworm main
LIST
expect only-src ""
expect missing ""
[ $failures -eq 0 ] || exit 1
