#!/usr/bin/env bash
# Install what gilpy needs to build and test on Debian 12, but only what is
# missing: a second run checks with dpkg and returns at once.
set -euo pipefail

packages=(build-essential meson ninja-build pkg-config libuv1-dev
          libcurl4-openssl-dev libcmocka-dev python3
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
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${missing[@]}"
