#!/usr/bin/env bash
# Install what gilpy needs to build and test on Debian 12, but only what is
# missing: a second run checks with dpkg and returns at once.
set -euo pipefail

packages=(build-essential meson ninja-build pkg-config libuv1-dev
          libcurl4-openssl-dev libcmocka-dev python3 zlib1g-dev libsqlite3-dev
          nginx python3-aiohttp python3-uvloop)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg -s "$p" >/dev/null 2>&1; then
        missing+=("$p")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo="sudo"
    else
        echo "install-deps: not root and no sudo; install these first: ${missing[*]}" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
# Packages with a daemon (nginx) must not start it: the tests run their own
# nginx on a free loopback port, and a start that fails (port 80 taken, no
# init system) would fail the whole install. policy-rc.d saying 101 makes
# invoke-rc.d skip every start for the duration of the install.
policy=/usr/sbin/policy-rc.d
added_policy=""
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
    $sudo chmod +x "$policy"
    added_policy=1
fi
cleanup() { if [ -n "$added_policy" ]; then $sudo rm -f "$policy"; fi; }
trap cleanup EXIT
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${missing[@]}"
